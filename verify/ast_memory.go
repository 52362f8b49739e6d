package verify

// Memory rules of the ast verifier (see the invariant list in ast.go; ir/ast/node_memory.go):
//
//   - addr-of takes the address of a variable, a global, a dereference, a field or an element, and has the pointer
//     type of its operand; deref's operand is a pointer and it has the pointee's type;
//   - load has a scalar type (integer, bool, pointer) and a pointer address; store writes a
//     scalar to a pointer address; alloca and frame-addr have pointer types; frame-addr offsets
//     lie inside the function's frame; stack-limit is an i64; in ANF their operands are atoms;
//   - "scalar-memory": loads and stores move only scalars.

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// isScalar reports whether a value of type t fits one Wasm value: an integer, float, bool,
// pointer or string (a packed header, ir/ast/node_string.go).
func isScalar(t types.Type) bool {
	_, ptr := t.(*types.Pointer)
	return ptr || isFuncType(t) || t == types.TBool || t == types.TString || (types.IsInteger(t) || types.IsFloat(t)) && !types.IsUntyped(t)
}

func (v *astVerifier) pointer(at ast.Node, t types.Type, what string) *types.Pointer {
	p, ok := t.(*types.Pointer)
	if v.typed && t != nil && !ok {
		v.errorf(at, "%s: want a pointer, have %v", what, t)
	}
	return p
}

// memoryExpr checks a memory expression; it reports false for another kind.
func (v *astVerifier) memoryExpr(e ast.Expr) bool {
	t := e.Type()
	switch e := e.(type) {
	case *ast.AddrOf:
		v.expr(e.X, false)
		switch e.X.(type) {
		case *ast.Ref, *ast.Deref, *ast.Field, *ast.Index:
		default:
			if v.typed {
				v.errorf(e, "address of a %s", e.X.Kind())
			}
		}
		if p := v.pointer(e, t, "address type"); p != nil {
			v.same(e, p.Elem, e.X.Type(), "pointee type")
		}
	case *ast.Deref:
		v.expr(e.X, false)
		if p := v.pointer(e, e.X.Type(), "dereferenced value"); p != nil {
			v.same(e, p.Elem, t, "dereference type")
		}
	case *ast.Cast:
		v.needType(e, e.TypeX, nil)
		v.expr(e.X, false)
	case *ast.Load:
		v.expr(e.Addr, true)
		v.pointer(e, e.Addr.Type(), "load address")
		if v.scalarMemory && t != nil && !isScalar(t) {
			v.errorf(e, "scalar-memory: load of %v", t)
		}
	case *ast.Alloca:
		v.pointer(e, t, "alloca type")
	case *ast.FrameAddr:
		v.pointer(e, t, "frame address type")
		if v.fn != nil && (e.Offset < 0 || e.Offset >= v.fn.Frame) {
			v.errorf(e, "frame address %d outside the %d-byte frame", e.Offset, v.fn.Frame)
		}
	case *ast.StackLimit:
		v.same(e, types.TI64, t, "stack limit type")
	default:
		return false
	}
	return true
}

// store checks a store statement.
func (v *astVerifier) store(s *ast.Store) {
	v.expr(s.Addr, v.anf)
	v.expr(s.Value, v.anf)
	if p := v.pointer(s, s.Addr.Type(), "store address"); p != nil {
		v.same(s, p.Elem, s.Value.Type(), "stored value type")
	}
	if t := s.Value.Type(); v.scalarMemory && t != nil && !isScalar(t) {
		v.errorf(s, "scalar-memory: store of %v", t)
	}
}
