package passes

// async / await in check-types (spec §13, decisions #27; parse_async.go spells async functions).
// `Future(T)` is a struct `Future(T) { value: T }` made here, one per T (interned like a generic
// instance; `Future(void)` has no field). `await x` reads the value of the future x; awaiting a
// future twice reads the same value (the body ran once, at the call). An await of a
// Future(void) has no value: it stands as a statement, where it evaluates x.

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// futureType returns the struct type Future(elem).
func (c *checker) futureType(elem types.Type) types.Type {
	if elem == types.TInvalid {
		return types.TInvalid
	}
	key := elem.String()
	if n := c.futures[key]; n != nil {
		return n
	}
	if c.futures == nil {
		c.futures = map[string]*types.Named{}
	}
	n := types.NewNamed("Future", c.ids.Next())
	n.Args = []types.Type{elem}
	st := &types.Struct{}
	if elem != types.TVoid {
		st.Fields = []*types.Field{{Name: "value", Type: elem}}
	}
	n.SetUnderlying(st)
	c.futures[key] = n
	c.gen.types = append(c.gen.types, n)
	c.named[n.ID] = n
	c.defaults[n] = make([]ast.Expr, len(st.Fields)) // no defaults
	return n
}

// futureElem returns T for a Future(T) made by futureType, else nil.
func (c *checker) futureElem(t types.Type) types.Type {
	n, ok := t.(*types.Named)
	if !ok || n.Name != "Future" || len(n.Args) != 1 || c.futures[n.Args[0].String()] != n {
		return nil
	}
	return n.Args[0]
}

// predeclaredFutureType resolves the type expression Future(T) that resolve-names left with
// ID 0, or returns nil for another type expression.
func (c *checker) predeclaredFutureType(x *ast.InstType) types.Type {
	if x.Name.ID != 0 || x.Name.Name != "Future" || len(x.Args) != 1 {
		return nil
	}
	return c.futureType(c.resultType(x.Args[0]))
}

// await checks `await x`: the value the future x holds.
func (c *checker) await(e *ast.Await) ast.Expr { return c.awaitChecked(e, c.expr(e.X, nil)) }

// awaitChecked is await with x checked already.
func (c *checker) awaitChecked(e *ast.Await, x ast.Expr) ast.Expr {
	bad := &ast.Field{At: e.At, Typed: ast.Typed{T: types.TInvalid}, X: x, Name: "value"}
	elem := c.futureElem(x.Type())
	switch {
	case x.Type() == types.TInvalid:
		return bad
	case elem == nil:
		c.diags.Errorf(e.X.Pos(), codeTypeMismatch, "type mismatch: `await` wants a future (the result of an async fn), found %v", x.Type())
		return bad
	case elem == types.TVoid:
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: `await` of a Future(void) has no value; write it as a statement")
		return bad
	}
	return &ast.Field{At: e.At, Typed: ast.Typed{T: elem}, X: x, Name: "value", Index: 0}
}

// awaitStmt checks the statement `await x`; a Future(void) is only evaluated.
func (c *checker) awaitStmt(s *ast.ExprStmt, e *ast.Await) ast.Stmt {
	x := c.expr(e.X, nil)
	if elem := c.futureElem(x.Type()); elem == types.TVoid {
		return &ast.ExprStmt{At: s.At, X: x}
	}
	return &ast.ExprStmt{At: s.At, X: c.awaitChecked(e, x)}
}
