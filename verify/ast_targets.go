package verify

// The AST verifier's checks of what statements name: assignment targets and loop labels.

import "cot/ir/ast"

// assignable checks an assignment target: once typed, a read of a var or global that is not
// constant (before check-types any expression, which check-types reports).
func (v *astVerifier) assignable(at ast.Node, target ast.Expr) {
	switch target.(type) {
	case *ast.Deref, *ast.Field, *ast.Index: // writes through a pointer, or into a variable's part
		v.expr(target, false)
		return
	}
	ref, ok := target.(*ast.Ref)
	if !ok {
		if v.typed {
			v.errorf(at, "assignment target is not a variable")
		} else {
			v.expr(target, false)
		}
		return
	}
	v.expr(ref, false)
	if b := v.lookupQuiet(ref.Name); b != nil && v.typed && b.kind != "var" && b.kind != "global" {
		v.errorf(at, "assignment to %s %s", b.kind, ref.Name)
	}
}

func (v *astVerifier) lookupQuiet(n ast.Name) *binderInfo {
	return v.get(n.ID)
}

func (v *astVerifier) loopRef(at ast.Node, label ast.Name) {
	if !v.resolved {
		return
	}
	for _, id := range v.loops {
		if id == label.ID {
			return
		}
	}
	v.errorf(at, "%s names no enclosing loop", label)
}
