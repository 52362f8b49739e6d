package passes

// Safe mode in check-types (spec §4.13 rule 1; docs/decisions.md "safe mode"): a parameter type of
// an `@safe` file comes wrapped in a by-ref type expression (parse); here it becomes *S when it
// names a struct S and E!*S when it is E!S, else it stays as written. A call passes a struct
// value to such a parameter by reference: the address of a variable (or field, element), or of a
// temporary holding a computed value, as a method call passes its receiver. A pointer may be
// passed as well.

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// byRefType resolves a safe-mode parameter type.
// A type parameter (`v: T`, T a struct in some instance) is not a struct type as written, so it
// stays a value.
func (c *checker) byRefType(x *ast.ByRefType) types.Type {
	t := c.typeOf(x.Elem)
	payload := x.Elem
	if eu, ok := payload.(*ast.ErrorUnionType); ok {
		payload = eu.Payload
	}
	if _, param := payload.(*ast.KnownType); param {
		return t
	}
	if ast.StructOf(t) != nil {
		return types.PointerTo(t)
	}
	if eu, ok := t.(*types.ErrorUnion); ok && ast.StructOf(eu.Payload) != nil {
		return types.ErrorUnionOf(eu.Err, types.PointerTo(eu.Payload))
	}
	return t
}

// markByRef records which parameters of the function f (its declaration d) a safe file made
// pointers.
func (c *checker) markByRef(d, f *ast.Func) {
	for i, p := range d.Params {
		if _, ok := p.TypeX.(*ast.ByRefType); ok && isPointer(f.Params[i].Type) {
			if c.byRef == nil {
				c.byRef = map[int]map[int]bool{}
			}
			if c.byRef[d.Name.ID] == nil {
				c.byRef[d.Name.ID] = map[int]bool{}
			}
			c.byRef[d.Name.ID][i] = true
		}
	}
}

// byRefArgument checks argument i, a, of the function with binder ID fn, whose parameter type
// is want (what names the argument in a diagnostic): a struct value passed to a safe-mode *S parameter is passed by reference; ok is false
// for any other argument.
func (c *checker) byRefArgument(fn, i int, a ast.Expr, want types.Type, what string) (ast.Expr, bool) {
	p, ok := want.(*types.Pointer)
	if !ok || !c.byRef[fn][i] {
		return nil, false
	}
	x := c.expr(a, p.Elem)
	if !types.Identical(x.Type(), p.Elem) {
		return c.convert(x, want, what), true
	}
	return c.receiver(x, want, &ast.Member{At: ast.At{P: a.Pos()}}), true
}

// isConstructorInit reports whether s is the init call of safe mode's `new T(args)`
// (parse_safe.go), on the temporary `new.obj` no user can name.
func isConstructorInit(s *ast.ExprStmt) bool {
	call, ok := s.X.(*ast.Call)
	if !ok {
		return false
	}
	m, ok := call.Callee.(*ast.Member)
	if !ok || m.Name != "init" {
		return false
	}
	obj, ok := m.X.(*ast.Ref)
	return ok && obj.Name.Name == "new.obj"
}

// constructorInit checks the init call of `new T(args)`: init must return void (spec §4.13).
func (c *checker) constructorInit(s *ast.ExprStmt) ast.Stmt {
	x := c.expr(s.X, nil)
	if t := x.Type(); t != types.TVoid && t != types.TInvalid {
		c.diags.Errorf(s.Pos(), codeTypeMismatch, "type mismatch: `new T(…)` calls `init`, which must return void, not %v", t)
	}
	return &ast.ExprStmt{At: s.At, X: x}
}
