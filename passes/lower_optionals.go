// Pass lower-optionals: no-unions -> no-optionals.
//
// Makes every optional ?T (decisions.md #9: tagged) a named struct of the layout of spec §3.3,
// `opt.T {tag: i64, val: T}` (tag 1: a value, 0: null; the payload at offset 8), with the engine of
// lower_sums.go; an optional then lives wherever a struct may and is handled by address from
// make-memory-explicit on. Nested optionals (`??i64`, `?Shape`, a struct holding `?T`) fall out
// of the recursion over types.
//
//	(null:(opt i64))                 =>  (struct-lit:opt.i64#9 - (tag 0:i64) (val (zero:i64)))
//	(convert:(opt i64) X)            =>  (struct-lit:opt.i64#9 - (tag 1:i64) (val X))
//	(has-value:bool X)               =>  (!=:bool (field:i64 X tag) 0:i64)
//	(unwrap:T X)                     =>  (block:T (if (==:bool (field:i64 X tag) 0:i64)
//	                                        (block (print 2 ln "error: unwrap of null") (exit 134)))
//	                                        (value (field:T X val)))
//	(unwrap:T opt.if#8)              =>  (field:T opt.if#8 val) (the capture of `if (o) |v|` or of
//	                                     `?.`: parse put it under (if (has-value opt.if#8) …))
//	(orelse:T X Y)                   =>  (if-expr:T (!=:bool (field:i64 X tag) 0:i64) (field:T X val) Y)
//	(orelse:O X Y), O X's own type   =>  (if-expr:O' (!=:bool (field:i64 X tag) 0:i64) X Y)   (`a ?? b`, b a ?T)
//
// X is read twice when it is a path of variables, fields and dereferences, else evaluated once
// into a temporary first.
//
// Design decision: an optional is an aggregate in memory even as a local, so a ?i64 local costs a
// frame slot; a scalar-replacement pass is the planned remedy (docs/decisions.md).

package passes

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

func lowerOptionals(_ *pipeline.Ctx, prog any) (any, error) {
	return lowerSums(prog.(*ast.Program), sumKind{is: isOptional, replace: optionalStruct, expr: optionalNode}), nil
}

// optionalStruct declares opt.T {tag: i64, val: T} (T lowered; an empty T padded so the size is
// 8 + roundup8(max(size T, 8)) as layout.go says).
func optionalStruct(s *sumLowerer, t types.Type) *types.Named {
	elem := s.lower(backing(t.(*types.Optional).Elem))
	n := s.declare("opt." + elem.String())
	fields := []*types.Field{{Name: "tag", Type: types.TI64}, {Name: "val", Type: elem}}
	if types.Sizeof(elem) == 0 {
		fields = append(fields, &types.Field{Name: "pad", Type: types.ArrayOf(8, types.TU8)})
	}
	n.SetUnderlying(&types.Struct{Fields: fields})
	return n
}

// optionalLit is the value of the optional struct t with the given tag and payload (a literal:
// a few stores where it is built, where a zero value would be a fill).
func optionalLit(at ast.At, t types.Type, tag uint64, val ast.Expr) ast.Expr {
	lit := &ast.StructLit{At: at, Typed: ast.Typed{T: t}, Names: []string{"tag", "val"}, Values: []ast.Expr{i64Lit(at, tag), val}}
	if st := ast.StructOf(t); len(st.Fields) > 2 { // the padding of an empty payload
		lit.Names, lit.Values = append(lit.Names, "pad"), append(lit.Values, &ast.Zero{At: at, Typed: ast.Typed{T: st.Fields[2].Type}})
	}
	return lit
}

// optionalNode lowers null, a conversion to an optional, has-value, unwrap and orelse.
func optionalNode(s *sumLowerer, e ast.Expr) (ast.Expr, bool) {
	at := ast.AtOf(e.Pos())
	switch e := e.(type) {
	case *ast.NullLit:
		t := s.lower(e.T)
		return optionalLit(at, t, 0, &ast.Zero{At: at, Typed: ast.Typed{T: ast.FieldType(t, 1)}}), true
	case *ast.Convert:
		if !isOptional(e.T) {
			return nil, false
		}
		return optionalLit(at, s.lower(e.T), 1, s.r.RewriteExpr(e.X)), true
	case *ast.HasValue:
		return tagIs(at, s.r.RewriteExpr(e.X), "!=", 0), true
	case *ast.Unwrap:
		x := s.r.RewriteExpr(e.X)
		t := s.lower(e.T)
		if r, ok := e.X.(*ast.Ref); ok && (r.Name.Name == optTemp || r.Name.Name == optChainTemp) {
			return fieldOf(at, x, 1, "val", t), true // under its has-value test: never null
		}
		pre, read := s.once(x)
		fail := &ast.Block{At: at, Stmts: []ast.Stmt{
			&ast.Print{At: at, Fd: 2, Newline: true, Args: []ast.Expr{&ast.StrLit{At: at, Typed: ast.Typed{T: types.TString}, Value: "error: unwrap of null"}}},
			&ast.Exit{At: at, Code: i64Lit(at, 134)},
		}}
		pre = append(pre, &ast.If{At: at, Cond: tagIs(at, read(), "==", 0), Then: fail})
		return &ast.Block{At: at, Typed: ast.Typed{T: t}, Stmts: pre, Value: fieldOf(at, read(), 1, "val", t)}, true
	case *ast.OrElse:
		t := s.lower(e.T)
		pre, read := s.once(s.r.RewriteExpr(e.X))
		var then ast.Expr = read()
		if !types.Identical(e.T, e.X.Type()) { // X's payload, not X itself (`a ?? b` with b a ?T)
			then = fieldOf(at, read(), 1, "val", t)
		}
		choose := &ast.If{At: at, Typed: ast.Typed{T: t}, Cond: tagIs(at, read(), "!=", 0), Then: branch(then), Else: branch(s.r.RewriteExpr(e.Y))}
		return withPre(at, pre, choose), true
	}
	return nil, false
}
