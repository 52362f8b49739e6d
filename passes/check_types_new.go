package passes

// `new` and destructors in check-types (spec §6.10, §9.3, §9.5): `new T { … }` checks its
// literal as a struct literal of T and has type *T; T must be a struct (a generic one through
// its instance, `new Pair(i64, bool) { … }`). A destructor — a function `T_deinit`, which the
// method `deinit` of `impl T` is — must take the object pointer and return void:
// `fn T_deinit(self: *T) void`.
//
//	(new (struct-lit Node (value 3)))  =>  (new:(ptr Node) (struct-lit:Node Node (value 3:i64) (next …)))

import (
	"strings"

	"cot/ir/ast"
	"cot/ir/types"
)

// newExpr checks a `new`; nil for another expression.
func (c *checker) newExpr(e ast.Expr) ast.Expr {
	n, ok := e.(*ast.New)
	if !ok {
		return nil
	}
	lit := n.Lit.(*ast.StructLit)
	bad := &ast.New{At: n.At, Typed: ast.Typed{T: types.TInvalid}, Lit: &ast.StructLit{At: lit.At, Typed: ast.Typed{T: types.TInvalid}}}
	t := c.typeOf(lit.TypeX)
	if t == types.TInvalid {
		return bad
	}
	if _, named := t.(*types.Named); !named || ast.StructOf(t) == nil {
		c.diags.Errorf(n.Pos(), codeTypeMismatch, "type mismatch: `new` makes heap objects of struct types, and %v is not a struct", t)
		for _, v := range lit.Values {
			c.expr(v, nil)
		}
		return bad
	}
	checked := c.structLit(&ast.StructLit{At: lit.At, Names: lit.Names, Values: lit.Values}, t)
	if checked.Type() == types.TInvalid {
		return bad
	}
	return &ast.New{At: n.At, Typed: ast.Typed{T: &types.Pointer{Elem: t}}, Lit: checked}
}

// checkDestructors reports every destructor of a struct whose signature is not
// `fn T_deinit(self: *T) void` (spec §9.5).
func (c *checker) checkDestructors(sigs map[int]*ast.Func) {
	for _, f := range sigs {
		name, ok := strings.CutSuffix(f.Name.Name, "_deinit")
		if !ok {
			continue
		}
		var t *types.Named
		for n := range c.structDecls {
			if n.Name == name && n.Args == nil {
				t = n
			}
		}
		if t == nil {
			continue
		}
		p, isPtr := types.Type(nil), false
		if len(f.Params) == 1 {
			p = f.Params[0].Type
			pt, ok := p.(*types.Pointer)
			isPtr = ok && pt.Elem == types.Type(t)
		}
		if !isPtr || f.Result != types.TVoid {
			c.diags.Errorf(f.Pos(), codeTypeMismatch, "type mismatch: the destructor `%s` of %s must be `fn %s(self: *%s) void` (a method `fn deinit(self: *%s) void` of `impl %s`)", f.Name.Name, name, f.Name.Name, name, name, name)
		}
	}
}
