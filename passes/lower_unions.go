// Pass lower-unions: no-short-circuit -> no-unions.
//
// Splits every tagged union value into its tag (an i64, the variant's index) and one payload per
// payload variant (the zero of its type unless it is the variant held), with the engine of
// split_values.go: binders, parameters, results (through out pointers), calls and if/block
// expressions split as lower-optionals splits optionals.
//
//	(union-lit:Shape 0 X)        =>  (const un.val X); tag 0, Circle un.val, Square 0.0
//	(union-tag:i64 s#4)          =>  s.tag#10
//	(union-payload:f64 1 s#4)    =>  s.Square#12
//
// Design decision: a payload per variant rather than one shared slot of bits keeps every part a
// scalar of its own type (no reinterpretation between f64 and i64 or between widths); reading
// the payload of a variant the union does not hold gives the zero of its type.

package passes

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

func lowerUnions(_ *pipeline.Ctx, prog any) (any, error) {
	return splitValues(prog.(*ast.Program), splitKind{parts: unionParts, produce: produceUnion, consume: consumeUnion}), nil
}

func unionParts(t types.Type) []part {
	u := unionOf(t)
	if u == nil {
		return nil
	}
	parts := []part{{"tag", types.TI64}}
	for _, v := range u.Variants {
		if v.Payload != nil {
			parts = append(parts, part{v.Name, backing(v.Payload)}) // lower-enums made enum payloads integers
		}
	}
	return parts
}

// payloadPart is the index among the parts of variant k's payload.
func payloadPart(u *types.Union, k int) int {
	i := 1
	for _, v := range u.Variants[:k] {
		if v.Payload != nil {
			i++
		}
	}
	return i
}

func produceUnion(l *splitter, e ast.Expr) ([]ast.Stmt, []ast.Expr, bool) {
	lit, ok := e.(*ast.UnionLit)
	if !ok {
		return nil, nil, false
	}
	at := lit.At
	parts := unionParts(lit.T)
	vals := []ast.Expr{&ast.IntLit{At: at, Typed: ast.Typed{T: types.TI64}, Value: uint64(lit.Variant)}}
	for _, pt := range parts[1:] {
		vals = append(vals, zeroOf(at, pt.T))
	}
	var pre []ast.Stmt
	if lit.Payload != nil {
		i := payloadPart(unionOf(lit.T), lit.Variant)
		x := l.r.RewriteExpr(lit.Payload)
		if !isLit(x) {
			v := l.temp("un.val")
			pre = append(pre, &ast.VarDecl{At: at, Name: v, Const: true, Type: parts[i].T, Init: x})
			x = l.ref(at, v, parts[i].T)
		}
		vals[i] = x
	}
	return pre, vals, true
}

func consumeUnion(l *splitter, e ast.Expr) (ast.Expr, bool) {
	switch e := e.(type) {
	case *ast.UnionTag:
		pre, v := l.split(e.X)
		return withPre(e.At, pre, v[0]), true
	case *ast.UnionPayload:
		pre, v := l.split(e.X)
		return withPre(e.At, pre, v[payloadPart(unionOf(e.X.Type()), e.Variant)]), true
	}
	return nil, false
}
