package verify

// ARC nodes (ir/ast/node_new.go): `new` has the pointer type of its literal's struct; retain
// has its operand's type, a pointer to a struct or a function value; release takes one.
// Invariant "objects-owned" (insert-arc on): a fresh object — a `new`, or a call whose result is
// a pointer to a struct — appears only where insert-arc accounts for its count: a variable's
// initializer, an assigned or returned value, a value of an aggregate literal or a union
// literal's payload (directly, or as the value of a block or if expression there), or converted
// to an optional, an error union or a function value (the count goes along); never as the
// operand of a retain, whose count it would raise twice.

import (
	"cot/ir/ast"
	"cot/ir/types"
)

func (v *astVerifier) arcExpr(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.New:
		v.expr(e.Lit, false)
		if v.typed && e.Lit.Type() != nil && !types.Identical(e.T, &types.Pointer{Elem: e.Lit.Type()}) {
			v.errorf(e, "new of type %v holds a %v", e.T, e.Lit.Type())
		}
	case *ast.Retain:
		v.expr(e.X, false)
		v.counted(e, e.X)
		if v.typed && !types.Identical(e.T, e.X.Type()) {
			v.errorf(e, "retain of type %v has an operand of type %v", e.T, e.X.Type())
		}
		if v.arcOwned && ast.IsFreshObject(e.X) {
			v.errorf(e, "objects-owned: retain of a fresh object (%s)", e.X.Kind())
		}
	default:
		return false
	}
	return true
}

func (v *astVerifier) arcStmt(s ast.Stmt) bool {
	r, ok := s.(*ast.Release)
	if !ok {
		return false
	}
	v.expr(r.X, false)
	v.counted(r, r.X)
	return true
}

// counted checks that x, retained or released, is a pointer to a struct or a function value
// (the address of its closure object).
func (v *astVerifier) counted(at ast.Node, x ast.Expr) {
	if _, fn := x.Type().(*types.Func); fn {
		return
	}
	if v.typed && x.Type() != nil && ast.ArcStruct(x.Type()) == nil {
		v.errorf(at, "%s of a %v, which is no pointer to a struct nor a function value", at.Kind(), x.Type())
	}
}

// arcOwnership checks "objects-owned" over one function: every fresh object is in a place
// that owns it.
func (v *astVerifier) arcOwnership(f *ast.Func) {
	owned := map[ast.Expr]bool{}
	var own func(e ast.Expr)
	own = func(e ast.Expr) {
		owned[e] = true
		switch e := e.(type) {
		case *ast.Block:
			if e.Value != nil {
				own(e.Value)
			}
		case *ast.Convert: // into an optional or error union, which are not counted: the count goes along
			if ast.ArcStruct(e.T) == nil {
				own(e.X)
			}
		case *ast.If:
			if e.HasValue() {
				own(e.Then)
				if x, ok := e.Else.(ast.Expr); ok {
					own(x)
				}
			}
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.VarDecl:
			if n.Init != nil {
				own(n.Init)
			}
		case *ast.Assign:
			own(n.Value)
		case *ast.Return:
			if n.Value != nil {
				own(n.Value)
			}
		case *ast.StructLit:
			for _, x := range n.Values {
				own(x)
			}
		case *ast.ArrayLit:
			for _, x := range n.Elems {
				own(x)
			}
		case *ast.TupleLit:
			for _, x := range n.Elems {
				own(x)
			}
		case *ast.UnionLit:
			if n.Payload != nil {
				own(n.Payload)
			}
		case ast.Expr:
			if ast.IsFreshObject(n) && !owned[n] {
				v.where = where{"func", f.Name}
				v.errorf(n, "objects-owned: a fresh object (%s) that nothing owns", n.Kind())
			}
		}
		return true
	})
}
