// Pass lower-unions: no-short-circuit -> no-unions.
//
// Makes every tagged union U a named struct of the same name and ID with the layout of spec §3.3,
// `U {tag: i64, payload: [W]u64}` (8·W = roundup8 of the largest payload; no payload field when
// every variant is a unit), with the engine of lower_sums.go. Every variant's payload overlaps
// at offset 8: a literal is built with its tag and zero payload words, then stores its payload
// there through a pointer cast; a payload read reinterprets those bytes (unchecked, spec §4.6:
// reading a variant the union does not hold reads the slot's bits).
//
//	(union-lit:Shape 2 -)          =>  (struct-lit:Shape - (tag 2:i64) (payload (array-lit:(array 1 u64) 0:u64)))
//	(union-lit:Shape 0 X)          =>  (block:Shape (var un#9 Shape (struct-lit:Shape - (tag 0:i64) (payload (array-lit … 0:u64))))
//	                                      (assign (deref:f64 (convert:(ptr f64) (addr-of:(ptr (array 1 u64))
//	                                        (field:(array 1 u64) un#9 payload)))) X)
//	                                      (value un#9))
//	(union-tag:i64 s#4)            =>  (field:i64 s#4 tag)
//	(union-payload:f64 0 s#4)      =>  (deref:f64 (convert:(ptr f64) (addr-of:(ptr (array 1 u64)) (field:(array 1 u64) s#4 payload))))
//
// Design decision: the zero payload is a literal of words (stores) up to 8 words, a zero value
// (a fill) beyond, so a small union literal costs a few stores.

package passes

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

func lowerUnions(_ *pipeline.Ctx, prog any) (any, error) {
	isUnion := func(t types.Type) bool { _, named := t.(*types.Named); return named && unionOf(t) != nil }
	return lowerSums(prog.(*ast.Program), sumKind{is: isUnion, replace: unionStruct, expr: unionNode}), nil
}

// unionStruct is the struct of the union n: the tag, then the bytes of the largest payload.
func unionStruct(_ *sumLowerer, n types.Type) *types.Named {
	u := unionOf(n)
	var size int64
	for _, v := range u.Variants {
		if v.Payload != nil {
			size = max(size, types.Sizeof(v.Payload))
		}
	}
	fields := []*types.Field{{Name: "tag", Type: types.TI64}}
	if size > 0 {
		fields = append(fields, &types.Field{Name: "payload", Type: types.ArrayOf((size+7)/8, types.TU64)})
	}
	r := types.NewNamed(n.(*types.Named).Name, n.(*types.Named).ID)
	r.SetUnderlying(&types.Struct{Fields: fields})
	return r
}

// zeroWords is the zero payload of type a ([W]u64): a literal of W zeros, or a zero value (a fill)
// when W is above 8.
func zeroWords(at ast.At, a *types.Array) ast.Expr {
	if a.Len > 8 {
		return &ast.Zero{At: at, Typed: ast.Typed{T: a}}
	}
	lit := &ast.ArrayLit{At: at, Typed: ast.Typed{T: a}}
	for range a.Len {
		lit.Elems = append(lit.Elems, &ast.IntLit{At: at, Typed: ast.Typed{T: types.TU64}})
	}
	return lit
}

// payloadAddr is the address of the payload bytes of the lowered union x, as a pointer to t.
func payloadAddr(at ast.At, x ast.Expr, t types.Type) ast.Expr {
	bytes := ast.FieldType(x.Type(), 1)
	addr := &ast.AddrOf{At: at, Typed: ast.Typed{T: types.PointerTo(bytes)}, X: fieldOf(at, x, 1, "payload", bytes)}
	if types.Identical(bytes, t) { // a [W]u64 payload is the words themselves: no conversion
		return addr
	}
	return &ast.Convert{At: at, Typed: ast.Typed{T: types.PointerTo(t)}, X: addr}
}

// unionNode lowers union literals, tag reads and payload reads.
func unionNode(s *sumLowerer, e ast.Expr) (ast.Expr, bool) {
	at := ast.AtOf(e.Pos())
	switch e := e.(type) {
	case *ast.UnionLit:
		t := s.lower(e.T)
		lit := &ast.StructLit{At: at, Typed: ast.Typed{T: t}, Names: []string{"tag"}, Values: []ast.Expr{i64Lit(at, uint64(e.Variant))}}
		if st := ast.StructOf(t); len(st.Fields) > 1 {
			lit.Names, lit.Values = append(lit.Names, "payload"), append(lit.Values, zeroWords(at, st.Fields[1].Type.(*types.Array)))
		}
		if e.Payload == nil {
			return lit, true
		}
		return s.withPayload(at, lit, s.r.RewriteExpr(e.Payload)), true
	case *ast.UnionTag:
		return tagOf(at, s.r.RewriteExpr(e.X)), true
	case *ast.UnionPayload:
		t := s.lower(e.T)
		return &ast.Deref{At: at, Typed: ast.Typed{T: t}, X: payloadAddr(at, s.r.RewriteExpr(e.X), t)}, true
	}
	return nil, false
}

// withPayload is the lowered sum lit (its payload words zero) with the value x stored over its
// payload bytes.
func (s *sumLowerer) withPayload(at ast.At, lit ast.Expr, x ast.Expr) ast.Expr {
	t := lit.Type()
	n := ast.Name{Name: "un", ID: s.ids.Next()}
	ref := func() ast.Expr { return &ast.Ref{At: at, Typed: ast.Typed{T: t}, Name: n} }
	pt := x.Type()
	return &ast.Block{At: at, Typed: ast.Typed{T: t}, Stmts: []ast.Stmt{
		&ast.VarDecl{At: at, Name: n, Type: t, Init: lit},
		&ast.Assign{At: at, Target: &ast.Deref{At: at, Typed: ast.Typed{T: pt}, X: payloadAddr(at, ref(), pt)}, Value: x},
	}, Value: ref()}
}
