package passes

// What insert-arc has to rewrite: it leaves a program, and a function, with nothing to count or
// destroy as it is, shared rather than copied (most functions of most programs).

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// neededIn reports whether function f has anything to count or destroy: a counted result, a
// counted value anywhere in its body, or a local of a struct type with a destructor.
func (a *arcInserter) neededIn(f *ast.Func) bool {
	return countedType(f.Result) || a.holdsCounts(f.Body)
}

// holdsCounts reports whether a node under root is a counted value, a `new` or a local with a
// destructor. The callee of a direct call, a Ref of function type naming a top-level function,
// is not a counted value: only the call's result and arguments are looked at.
func (a *arcInserter) holdsCounts(root ast.Node) bool {
	found := false
	ast.Inspect(root, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.Call:
			if ref, ok := n.Callee.(*ast.Ref); ok && a.isFunc(ref.Name) {
				found = countedType(n.Type())
				for _, arg := range n.Args {
					found = found || a.holdsCounts(arg)
				}
				return false
			}
		case *ast.New:
			found = true
		case *ast.VarDecl:
			named, ok := n.Type.(*types.Named)
			found = countedType(n.Type) || ok && a.destructor(named) != nil
		case ast.Expr:
			found = n.Type() != nil && countedType(n.Type())
		}
		return !found
	})
	return found
}

// isFunc reports whether name is a top-level function's.
func (a *arcInserter) isFunc(name ast.Name) bool {
	f := a.funcs[name.Name]
	return f != nil && f.Name.ID == name.ID
}

// needed reports whether the program has anything to count or destroy: a `new`, a value of a
// type *S anywhere, or a struct with a destructor.
func (a *arcInserter) needed(p *ast.Program) bool {
	for name := range a.funcs {
		if len(name) > 7 && name[len(name)-7:] == "_deinit" {
			return true
		}
	}
	funcs := map[int]bool{}
	for _, f := range a.funcs {
		funcs[f.Name.ID] = true
	}
	return containsNode(p, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.New:
			return true
		case *ast.Ref:
			return !funcs[n.Name.ID] && countedType(n.T) // a called function's name is no value
		case ast.Expr:
			return n.Type() != nil && countedType(n.Type())
		case *ast.VarDecl:
			return countedType(n.Type)
		}
		return false
	})
}
