package progen

import (
	"fmt"
	"strings"
)

// prelude is the fixed part of every program: the error set, the generic structs and functions,
// the trait Dig, and string helpers that keep strings short and indices in bounds.
const prelude = `const Err = error { Empty, TooBig, Negative, Odd }

struct Box(T) { v: T, n: i64 }
struct Pair(A, B) { first: A, second: B }

impl Box(T) {
    fn get(self: *Box(T)) T { return self.v }
    fn put(self: *Box(T), x: T) {
        self.v = x
        self.n += 1
    }
}

impl Pair(A, B) {
    fn swap(self: *Pair(A, B)) Pair(B, A) { return Pair(B, A) { .first = self.second, .second = self.first } }
}

fn pick(T)(c: bool, x: T, y: T) T {
    if (c) { return x }
    return y
}

fn mkpair(A, B)(a: A, b: B) Pair(A, B) { return Pair(A, B) { .first = a, .second = b } }

fn boxed(T)(x: T) Box(T) { return Box(T) { .v = x, .n = 1 } }

fn orElse(T)(o: ?T, d: T) T {
    if (o) |v| { return v }
    return d
}

fn need(T)(o: ?T) Err!T {
    if (o) |v| { return v }
    return error.Empty
}

trait Dig {
    fn dig(self: *Self) i64
}

fn digBoth(T)(x: T, y: T) i64 where T: Dig {
    var a = x
    var b = y
    return a.dig() * 31 + b.dig()
}

fn clip(s: string) string {
    if (s.len > 24) { return s[s.len - 24:] }
    return s
}

fn sub(s: string, a: i64, b: i64) string {
    const lo = (a & 255) % (s.len + 1)
    const hi = (b & 255) % (s.len + 1)
    if (lo > hi) { return s[hi:lo] }
    return s[lo:hi]
}

fn byteAt(s: string, i: i64) u8 {
    if (s.len == 0) { return 0 }
    return s[(i & 255) % s.len]
}

fn as_i32(x: i32) i32 { return x }
fn as_i16(x: i16) i16 { return x }
fn as_i8(x: i8) i8 { return x }
fn as_u64(x: u64) u64 { return x }
fn as_u32(x: u32) u32 { return x }
fn as_u16(x: u16) u16 { return x }
fn as_u8(x: u8) u8 { return x }

fn dig_bool(x: bool) i64 {
    if (x) { return 1 }
    return 2
}

impl Dig for i64 {
    fn dig(self: *i64) i64 { return self.* * 3 + 1 }
}
impl Dig for u8 {
    fn dig(self: *u8) i64 { return @intCast(i64, self.*) + 7 }
}
impl Dig for bool {
    fn dig(self: *bool) i64 { return dig_bool(self.*) }
}
impl Dig for string {
    fn dig(self: *string) i64 { return dig_string(self.*) }
}

`

// declareTypes writes the prelude and the program's enums, structs and unions, with a Dig impl
// for each.
func (g *gen) declareTypes() {
	g.decls.WriteString(prelude)
	if g.features.Closures {
		g.decls.WriteString(closurePrelude)
	}
	if g.features.Heap {
		g.decls.WriteString(heapPrelude)
	}
	g.digests["dig_string"] = true
	g.digestOut.WriteString(digStringFunc)
	for i := 0; i < 1+g.pick(2); i++ {
		g.enumDecl()
	}
	for i := 0; i < 1+g.pick(2); i++ {
		g.structDecl()
	}
	for i := 0; i < 1+g.pick(2); i++ {
		g.unionDecl()
	}
	if g.chance(0.5) {
		g.structDecl() // may hold the unions
	}
	if g.features.Heap {
		g.destructors()
	}
	for _, t := range g.digTypes()[4:] {
		fmt.Fprintf(&g.decls, "impl Dig for %s {\n    fn dig(self: *%s) i64 { return %s }\n}\n", t, t, g.dig(t, "self.*"))
	}
	g.decls.WriteString("\n")
}

const digStringFunc = `fn dig_string(s: string) i64 {
    var h: i64 = s.len
    for i in 0..s.len {
        h = h * 31 + @intCast(i64, s[i])
    }
    return h
}

`

// digTypes are the types with an impl of Dig: the prelude's four, then the declared types.
func (g *gen) digTypes() []Type {
	ts := []Type{tI64, tU8, tBool, tString}
	for _, e := range g.enums {
		ts = append(ts, e)
	}
	for _, s := range g.structs {
		ts = append(ts, s)
	}
	for _, u := range g.unions {
		ts = append(ts, u)
	}
	return ts
}

func (g *gen) enumDecl() {
	e := &enumType{name: g.fresh("E")}
	var parts []string
	explicit := g.chance(0.5)
	next := 0
	for i := 0; i < 2+g.pick(4); i++ {
		v := fmt.Sprintf("%c%d", 'A'+i, g.n)
		e.variants = append(e.variants, v)
		if explicit && g.chance(0.6) {
			next += g.pick(30) - 12 // negative values and gaps (decisions.md #17)
			parts = append(parts, fmt.Sprintf("%s = %d", v, next))
		} else {
			parts = append(parts, v)
		}
		next++
	}
	backing := ""
	if explicit && g.chance(0.5) {
		backing = ": " + []string{"i64", "i16", "i32"}[g.pick(3)]
	}
	fmt.Fprintf(&g.decls, "enum %s%s { %s }\n", e.name, backing, strings.Join(parts, ", "))
	g.enums = append(g.enums, e)
}

func (g *gen) structDecl() {
	s := &structType{name: g.fresh("S"), fields: []field{{"id", tI64}}}
	for i := 0; i < 1+g.pick(4); i++ {
		t := g.valueType(1)
		if hasSlice(t) {
			t = tU8
		}
		s.fields = append(s.fields, field{fmt.Sprintf("f%d", i), t})
	}
	var parts []string
	for _, f := range s.fields {
		parts = append(parts, f.name+": "+f.t.String())
	}
	fmt.Fprintf(&g.decls, "struct %s { %s }\n", s.name, strings.Join(parts, ", "))
	g.structs = append(g.structs, s)
}

func (g *gen) unionDecl() {
	u := &unionType{name: g.fresh("U")}
	var parts []string
	for i := 0; i < 2+g.pick(3); i++ {
		v := variant{name: fmt.Sprintf("V%d", i)}
		if g.chance(0.75) {
			v.payload = g.valueType(1)
			if hasSlice(v.payload) {
				v.payload = tString
			}
			parts = append(parts, v.name+": "+v.payload.String())
		} else {
			parts = append(parts, v.name)
		}
		u.variants = append(u.variants, v)
	}
	fmt.Fprintf(&g.decls, "union %s { %s }\n", u.name, strings.Join(parts, ", "))
	g.unions = append(g.unions, u)
}

// valueType picks a type for a variable, parameter, field or payload; d bounds its nesting.
func (g *gen) valueType(d int) Type {
	switch k := g.pick(22); {
	case k < 5:
		return tI64
	case k < 8:
		return intTypes[g.pick(len(intTypes))]
	case k < 9:
		return tBool
	case k < 11:
		return tString
	case k < 14 && len(g.structs) > 0:
		return g.structs[g.pick(len(g.structs))]
	case k < 15 && len(g.enums) > 0:
		return g.enums[g.pick(len(g.enums))]
	case k < 17 && len(g.unions) > 0:
		return g.unions[g.pick(len(g.unions))]
	case k < 18 && d > 0:
		return optOf(g.valueType(d - 1))
	case k < 19 && d > 0:
		return arrayType{2 + g.pick(3), g.valueType(d - 1)}
	case k < 21 && d > 0:
		return g.instanceType(d - 1)
	}
	return tI64
}

// optOf is ?t, or t when it is an optional already (`??T` must be spelled `?(?T)`; the generator
// keeps to one level).
func optOf(t Type) Type {
	if o, ok := t.(optionalType); ok {
		return o
	}
	return optionalType{t}
}

// instanceType is Box(T) or Pair(A, B) of types that may be type arguments.
func (g *gen) instanceType(d int) Type {
	arg := func() Type {
		for {
			if t := g.valueType(d); typeArgOK(t) && !hasSlice(t) {
				return t
			}
		}
	}
	if g.chance(0.5) {
		return g.instance("Box", arg())
	}
	return g.instance("Pair", arg(), arg())
}

// instance returns the instance of generic struct name with args, made once.
func (g *gen) instance(name string, args ...Type) *structType {
	var spelled []string
	for _, a := range args {
		spelled = append(spelled, a.String())
	}
	full := name + "(" + strings.Join(spelled, ", ") + ")"
	if s, ok := g.instances[full]; ok {
		return s
	}
	s := &structType{name: full, generic: name, args: args}
	if name == "Box" {
		s.fields = []field{{"v", args[0]}, {"n", tI64}}
	} else {
		s.fields = []field{{"first", args[0]}, {"second", args[1]}}
	}
	g.instances[full] = s
	return s
}

// literal is a value of t built from literals (and, for d > 0, expressions).
func (g *gen) literal(t Type, d int) string {
	sub := func(t Type) string {
		if d > 0 {
			return g.expr(t, d-1)
		}
		return g.literal(t, 0)
	}
	switch t := t.(type) {
	case *intType:
		return g.intLiteral(t)
	case boolType:
		return []string{"true", "false"}[g.pick(2)]
	case stringType:
		return words[g.pick(len(words))]
	case *structType:
		var parts []string
		for _, f := range t.fields {
			if g.chance(0.15) {
				continue // omitted fields are zero (decisions.md #13)
			}
			parts = append(parts, fmt.Sprintf(".%s = %s", f.name, sub(f.t)))
		}
		if len(parts) == 0 { // a literal names at least one field (there is no `S {}`)
			parts = append(parts, fmt.Sprintf(".%s = %s", t.fields[0].name, sub(t.fields[0].t)))
		}
		return fmt.Sprintf("%s { %s }", t.name, strings.Join(parts, ", "))
	case *enumType:
		return t.name + "." + t.variants[g.pick(len(t.variants))]
	case *unionType:
		v := t.variants[g.pick(len(t.variants))]
		if v.payload == nil {
			return t.name + "." + v.name
		}
		return fmt.Sprintf("%s.%s(%s)", t.name, v.name, sub(v.payload))
	case optionalType:
		if g.chance(0.3) {
			return "null"
		}
		return sub(t.elem)
	case errorUnionType:
		if _, void := t.elem.(voidType); void || g.chance(0.3) {
			return "error." + errNames[g.pick(len(errNames))]
		}
		return sub(t.elem)
	case arrayType:
		var parts []string
		for i := 0; i < t.n; i++ {
			parts = append(parts, sub(t.elem))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case sliceType:
		return g.sliceOf(t)
	case pointerType:
		return "new " + g.literal(t.elem, d) // only heap objects: a stack address could dangle
	}
	panic("progen: no literal of " + t.String())
}
