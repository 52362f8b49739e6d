package progen

import (
	"fmt"
	"strings"
)

// dig returns an i64 expression that digests the value of expression e of type t: every bit of
// the value that a program can observe feeds it, so a miscompiled value changes the printed
// checksum. The dig_T functions are written on first use.
func (g *gen) dig(t Type, e string) string {
	switch t := t.(type) {
	case *intType:
		if t == tI64 {
			return "(" + e + ")"
		}
		return "@intCast(i64, " + e + ")"
	case boolType:
		return "dig_bool(" + e + ")"
	case pointerType:
		if same(t, tObj) {
			return "dig_Obj(" + e + ")"
		}
		return g.dig(t.elem, e+".*")
	}
	name := "dig_" + mangle(t)
	if !g.digests[name] {
		g.digests[name] = true // before the body: a type's digest may use itself only through others
		var b strings.Builder
		fmt.Fprintf(&b, "fn %s(x: %s) i64 {\n", name, t)
		g.digBody(&b, t)
		b.WriteString("}\n\n")
		g.digestOut.WriteString(b.String())
	}
	return name + "(" + e + ")"
}

// digBody writes the statements of dig_T for t.
func (g *gen) digBody(b *strings.Builder, t Type) {
	switch t := t.(type) {
	case *structType:
		fmt.Fprintf(b, "    var h: i64 = %d\n", len(t.fields))
		for _, f := range t.fields {
			fmt.Fprintf(b, "    h = h * 31 + %s\n", g.dig(f.t, "x."+f.name))
		}
		b.WriteString("    return h\n")
	case *enumType:
		b.WriteString("    return @intCast(i64, x)\n")
	case *unionType:
		b.WriteString("    return switch x {\n")
		for i, v := range t.variants {
			if v.payload == nil {
				fmt.Fprintf(b, "        %s.%s => %d,\n", t.name, v.name, 1000+i)
				continue
			}
			fmt.Fprintf(b, "        %s.%s |p| => %s * 8 + %d,\n", t.name, v.name, g.dig(v.payload, "p"), i)
		}
		b.WriteString("    }\n")
	case optionalType:
		fmt.Fprintf(b, "    if (x) |v| { return %s * 3 + 1 }\n    return -5\n", g.dig(t.elem, "v"))
	case errorUnionType:
		if _, void := t.elem.(voidType); void {
			b.WriteString("    x catch |e| { return e * 1000 + 7 }\n    return 3\n")
			return
		}
		fmt.Fprintf(b, "    const v = x catch |e| { return e * 1000 + 7 }\n    return %s * 5 + 2\n", g.dig(t.elem, "v"))
	case arrayType, sliceType:
		b.WriteString("    var h: i64 = x.len\n    for v in x {\n")
		et := elemOf(t)
		fmt.Fprintf(b, "        h = h * 31 + %s\n    }\n    return h\n", g.dig(et, "v"))
	default:
		panic("progen: no digest of " + t.String())
	}
}

// elemOf is the element type of an array or slice type.
func elemOf(t Type) Type {
	if a, ok := t.(arrayType); ok {
		return a.elem
	}
	return t.(sliceType).elem
}
