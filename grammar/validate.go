package grammar

import (
	"sort"

	"github.com/alecthomas/participle/v2/lexer"
)

type reportFunc func(pos lexer.Position, code, format string, args ...any)

// validateDecl reports, for one top-level declaration, the syntax rules the grammar itself
// accepts too loosely (E0109, E0110, E0100): rejected type spellings (decisions #4), `let` at
// top level (§4.1), error sets outside a top-level `const` (§4.7), and `.f = v` / `f: v` struct
// field forms (§6.9, §4.13). The hand-compiled rules record the nodes to check as they build
// them (checked); otherwise every node is checked. Either way they are reported in tree order,
// which is source order.
func validateDecl(d *Decl, checked []any, report reportFunc) {
	if v := d.Var; v != nil && v.Kind == "let" {
		report(v.Pos, "E0110", "`let` is only allowed inside function bodies; use `var` or `const` at top level")
	}
	if !handCompiled {
		checked = nil
		Walk(d, func(n any) { checked = append(checked, n) })
	}
	if len(checked) > 1 {
		offsets := make(map[any]int, len(checked))
		for _, n := range checked {
			pos, _ := nodeSpan(n)
			offsets[n] = pos.Offset
		}
		sort.SliceStable(checked, func(i, j int) bool { return offsets[checked[i]] < offsets[checked[j]] })
	}
	for _, n := range checked {
		switch n := n.(type) {
		case *VarDecl:
			if n.ErrorSet != nil && (n != d.Var || n.Kind != "const") {
				report(n.ErrorSet.Pos, "E0110", "an error set can only be declared by a top-level `const`")
			}
		case *ArrayType:
			switch {
			case n.Elem == nil:
				report(n.Pos, "E0109", "`[T]` list type syntax is not supported; use `List(T)` from std/list")
			case !isIntLiteral(n.Len):
				report(n.Pos, "E0109", "`[K]V` map type syntax is not supported; use `Map(K, V)` from std/map (an array length must be an integer literal)")
			}
		case *NamedType:
			if n.Legacy != nil {
				switch n.Name {
				case "List":
					report(n.Pos, "E0109", "`List<T>` type syntax is not supported; use `List(T)` from std/list")
				case "Map":
					report(n.Pos, "E0109", "`Map<K, V>` type syntax is not supported; use `Map(K, V)` from std/map")
				default:
					report(n.Pos, "E0109", "`%s<...>` type syntax is not supported; use `Map(K, V)` from std/map or `List(T)` from std/list", n.Name)
				}
			}
		case *FieldInit:
			switch {
			case n.Dot && n.Sep != "=":
				report(n.Pos, "E0100", "expected `=` after `.%s` in struct literal", n.Name)
			case !n.Dot && n.Sep == "=":
				report(n.Pos, "E0100", "expected `:` after `%s` in struct literal (or write `.%s = ...`)", n.Name, n.Name)
			}
		}
	}
}

// reportable reports whether validateDecl may report something of node n: the hand-compiled
// rules record only those nodes.
func reportable(n any) bool {
	switch n := n.(type) {
	case *VarDecl:
		return n.ErrorSet != nil
	case *ArrayType:
		return n.Elem == nil || !isIntLiteral(n.Len)
	case *NamedType:
		return n.Legacy != nil
	case *FieldInit:
		return n.Dot != (n.Sep == "=")
	}
	return false
}

// isIntLiteral reports whether e is a bare integer literal.
func isIntLiteral(e *Expr) bool {
	p := SimplePrimary(e)
	return p != nil && p.Int != nil
}

// SimplePrimary returns the Primary of an expression that is nothing but a primary (no
// operators, no prefix, no suffix), else nil. Handy for names used as types (`max(i64)`).
func SimplePrimary(e *Expr) *Primary {
	if e == nil || len(e.Rest) > 0 {
		return nil
	}
	o := e.Left
	if len(o.Rest) > 0 || len(o.Left.Rest) > 0 || len(o.Left.Left.Rest) > 0 {
		return nil
	}
	a := o.Left.Left.Left
	if len(a.Rest) > 0 || len(a.Left.Rest) > 0 {
		return nil
	}
	u := a.Left.Left
	if len(u.Ops) > 0 || len(u.Operand.Suffixes) > 0 {
		return nil
	}
	return u.Operand.Primary
}
