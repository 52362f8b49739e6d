package passes

// parse of `new` (spec §6.10): `new T { f: e, … }` and `new Pair(i64, bool) { … }` become a
// `new` holding the struct literal. Fields are `name: value` as the spec writes them, or
// `.name = value` as struct literals write them; the shorthand `name` is safe mode's (§4.13).
//
//	new Node { value: 3, next: null }  =>  (new (struct-lit Node (value 3) (next (null))))

import (
	"cot/grammar"
	"cot/ir/ast"
)

func (c *cstConverter) newExpr(n *grammar.NewExpr) ast.Expr {
	at := c.at(n.Pos)
	lit := &ast.StructLit{At: at, TypeX: &ast.TypeName{At: at, Name: ast.Name{Name: n.Name}}}
	if args := n.TypeArgs(); args != nil {
		var targs []ast.TypeExpr
		for _, a := range args {
			t, ok := c.typeArgOf(a)
			if !ok {
				c.diags.Errorf(c.at(a.Pos).P, codeTypeMismatch, "type mismatch: a type argument of `new %s(…)` must be a type", n.Name)
				return &ast.IntLit{At: at}
			}
			targs = append(targs, t)
		}
		lit.TypeX = &ast.InstType{At: at, Name: ast.Name{Name: n.Name}, Args: targs}
	}
	if args, ctor := n.CtorArgs(); ctor {
		return c.constructor(n, lit, args) // parse_safe.go
	}
	if !n.Braces {
		c.diags.Errorf(at.P, codeTypeMismatch, "type mismatch: `new %s` needs its fields in braces: `new %s { … }`", n.Name, n.Name)
		return &ast.IntLit{At: at}
	}
	for _, f := range n.Fields {
		var v ast.Expr
		switch {
		case f.Value != nil:
			v = c.expr(f.Value)
		case c.safe:
			v = &ast.Ref{At: c.at(f.Pos), Name: ast.Name{Name: f.Name}} // shorthand `name` (§4.13)
		default:
			c.diags.Errorf(c.at(f.Pos).P, codeTypeMismatch, "type mismatch: field `%s` of `new %s` needs a value (`%s: value`; the shorthand is for @safe files)", f.Name, n.Name, f.Name)
			v = &ast.IntLit{At: c.at(f.Pos)}
		}
		lit.Names, lit.Values = append(lit.Names, f.Name), append(lit.Values, v)
	}
	return &ast.New{At: at, Lit: lit}
}
