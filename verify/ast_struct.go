package verify

// Struct rules of the ast verifier (see the invariant list in ast.go; ir/ast/node_struct.go):
//
//   - a struct literal of a typed language names every field of its struct type once, in
//     declaration order, each value of its field's type; a field read names a field of its
//     operand's struct type and has that field's type;
//   - offset takes and gives pointers; copy and fill take pointers (atoms in ANF) and sizes >= 0;
//   - "scalar-values": every binder and expression has a scalar type (integer, bool, pointer) or
//     void, so aggregates exist only in memory.

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// scalarValue checks "scalar-values" for the type of a binder or expression.
func (v *astVerifier) scalarValue(at ast.Node, t types.Type) {
	if v.scalarValues && t != nil && t != types.TVoid && !isScalar(t) {
		v.errorf(at, "scalar-values: a value of type %v", t)
	}
}

// structExpr checks a struct expression; it reports false for another kind.
func (v *astVerifier) structExpr(e ast.Expr) bool {
	t := e.Type()
	switch e := e.(type) {
	case *ast.StructLit:
		v.needType(e, e.TypeX, t)
		for _, x := range e.Values {
			v.expr(x, false)
		}
		if !v.typed || t == nil {
			break
		}
		st := ast.StructOf(t)
		if st == nil {
			v.errorf(e, "struct literal of type %v", t)
			break
		}
		if len(e.Names) != len(st.Fields) {
			v.errorf(e, "struct literal with %d fields, want %d", len(e.Names), len(st.Fields))
			break
		}
		for i, f := range st.Fields {
			if e.Names[i] != f.Name {
				v.errorf(e, "field %d is %s, want %s", i, e.Names[i], f.Name)
			}
			v.same(e, f.Type, e.Values[i].Type(), "value of field "+f.Name)
		}
	case *ast.Zero:
	case *ast.TupleLit:
		for _, x := range e.Elems {
			v.expr(x, false)
		}
		if tu, ok := t.(*types.Tuple); v.typed && t != nil && (!ok || len(tu.Elems) != len(e.Elems)) {
			v.errorf(e, "tuple literal of %d elements with type %v", len(e.Elems), t)
		} else if ok {
			for i, x := range e.Elems {
				v.same(e, tu.Elems[i], x.Type(), "tuple element type")
			}
		}
	case *ast.Field:
		v.expr(e.X, false)
		if !v.typed || e.X.Type() == nil {
			break
		}
		ft := ast.FieldType(e.X.Type(), e.Index)
		if st := ast.StructOf(e.X.Type()); ft == nil || st != nil && st.Fields[e.Index].Name != e.Name {
			v.errorf(e, "field %s (index %d) of a value of type %v", e.Name, e.Index, e.X.Type())
			break
		}
		v.same(e, ft, t, "field type")
	case *ast.Offset:
		v.expr(e.X, true)
		v.pointer(e, e.X.Type(), "offset base")
		v.pointer(e, t, "offset type")
	default:
		return false
	}
	return true
}

// structStmt checks copy and fill; it reports false for another statement.
func (v *astVerifier) structStmt(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.Copy:
		v.expr(s.Dst, v.anf)
		v.expr(s.Src, v.anf)
		v.pointer(s, s.Dst.Type(), "copy destination")
		v.pointer(s, s.Src.Type(), "copy source")
		if s.Size < 0 {
			v.errorf(s, "copy of %d bytes", s.Size)
		}
	case *ast.Fill:
		v.expr(s.Dst, v.anf)
		v.pointer(s, s.Dst.Type(), "fill destination")
		if s.Size < 0 {
			v.errorf(s, "fill of %d bytes", s.Size)
		}
	default:
		return false
	}
	return true
}
