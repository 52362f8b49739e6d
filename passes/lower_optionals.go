// Pass lower-optionals: no-unions -> no-optionals.
//
// Splits every optional ?T (decisions.md #9: tagged) into two values: a bool tag (true: not null)
// and a payload of type T (zero when null). A variable, parameter or global o of type ?T becomes
// two, o.tag and o.val; a function returning ?T returns its tag and writes its payload through a
// pointer its caller passes as an extra last parameter (out.val). Every optional expression is
// split where it is used into statements that run first, then a tag and a payload that read no
// more than variables and literals (the engine of split_values.go; this file has the optional
// producers and consumers).
//
//	(null:(opt T))                 =>  tag false, payload the zero of T
//	(convert:(opt T) X)            =>  (const opt.val X); tag true, payload opt.val
//	(orelse:(opt T) X Y)           =>  X's tag and payload, or else Y's
//
//	(var o#3 (opt i64) E)              =>  PRE (var o.tag#10 bool TAG) (var o.val#11 i64 VAL)
//	(fn f#1 ((p#2 (opt i64))) (opt i64) =>  (fn f#1 ((p.tag#12 bool) (p.val#13 i64) (out.val#14 (ptr i64))) bool
//	   (return E))                              PRE (assign (deref out.val#14) VAL) (return TAG))
//	(unwrap:i64 E)                      =>  (block:i64 PRE (if (not TAG) (block (print 2 ln "error: unwrap of null") (exit 134))) (value VAL))
//	(orelse:i64 E Y)                    =>  (block:i64 PRE (value (if-expr:i64 TAG VAL Y)))
//	(has-value:bool E)                  =>  (block:bool PRE (value TAG))
//	(unwrap:T opt.if#8)                 =>  opt.if.val#9 (the capture of `if (o) |v|`: parse put it
//	                                        under (if (has-value opt.if#8) …), so it cannot be null)
//
// Design decision: optionals never live in linear memory yet (supportedType rejects pointers to
// them), so the split needs nothing of the memory model but a pointer to the result payload; the
// out pointer keeps every function single-result, as the Wasm lowering and the native backend
// expect. A null payload is the zero of T, so a split optional is always fully initialised.

package passes

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

func lowerOptionals(_ *pipeline.Ctx, prog any) (any, error) {
	return splitValues(prog.(*ast.Program), splitKind{parts: optionalParts, produce: produceOptional, consume: consumeOptional}), nil
}

func optionalParts(t types.Type) []part {
	if o, ok := t.(*types.Optional); ok {
		return []part{{"tag", types.TBool}, {"val", o.Elem}}
	}
	return nil
}

func produceOptional(l *splitter, e ast.Expr) ([]ast.Stmt, []ast.Expr, bool) {
	at := ast.At{P: e.Pos()}
	parts := optionalParts(e.Type())
	switch e := e.(type) {
	case *ast.NullLit:
		return nil, []ast.Expr{&ast.BoolLit{At: at, Typed: ast.Typed{T: types.TBool}}, zeroOf(at, parts[1].T)}, true
	case *ast.Convert:
		x := l.r.RewriteExpr(e.X)
		if isLit(x) {
			return nil, []ast.Expr{trueLit(at), x}, true
		}
		v := l.temp("opt.val")
		decl := &ast.VarDecl{At: at, Name: v, Const: true, Type: parts[1].T, Init: x}
		return []ast.Stmt{decl}, []ast.Expr{trueLit(at), l.ref(at, v, parts[1].T)}, true
	case *ast.OrElse:
		names, pre := l.results(at, parts)
		xpre, xv := l.split(e.X)
		pre = append(pre, xpre...)
		then := &ast.Block{At: at, Stmts: l.assignAll(at, names, parts, xv)}
		ypre, yv := l.split(e.Y)
		els := &ast.Block{At: at, Stmts: append(ypre, l.assignAll(at, names, parts, yv)...)}
		return append(pre, &ast.If{At: at, Cond: xv[0], Then: then, Else: els}), l.refs(at, names, parts), true
	}
	return nil, nil, false
}

// consumeOptional lowers has-value, unwrap and a non-optional orelse.
func consumeOptional(l *splitter, e ast.Expr) (ast.Expr, bool) {
	switch e := e.(type) {
	case *ast.HasValue:
		pre, v := l.split(e.X)
		return withPre(e.At, pre, v[0]), true
	case *ast.Unwrap:
		pre, v := l.split(e.X)
		if r, ok := e.X.(*ast.Ref); ok && r.Name.Name == optTemp {
			return withPre(e.At, pre, v[1]), true // the capture of `if (o) |v|`, under its has-value test
		}
		fail := &ast.Block{At: e.At, Stmts: []ast.Stmt{
			&ast.Print{At: e.At, Fd: 2, Newline: true, Args: []ast.Expr{&ast.StrLit{At: e.At, Typed: ast.Typed{T: types.TString}, Value: "error: unwrap of null"}}},
			&ast.Exit{At: e.At, Code: &ast.IntLit{At: e.At, Typed: ast.Typed{T: types.TI64}, Value: 134}},
		}}
		notTag := &ast.Unary{At: e.At, Typed: ast.Typed{T: types.TBool}, Op: "not", X: v[0]}
		pre = append(pre, &ast.If{At: e.At, Cond: notTag, Then: fail})
		return withPre(e.At, pre, v[1]), true
	case *ast.OrElse:
		if optionalParts(e.T) != nil {
			return nil, false
		}
		pre, v := l.split(e.X)
		choose := &ast.If{At: e.At, Typed: e.Typed, Cond: v[0], Then: branch(v[1]), Else: branch(l.r.RewriteExpr(e.Y))}
		return withPre(e.At, pre, choose), true
	}
	return nil, false
}

// branch is value as the branch of an if expression (a block).
func branch(value ast.Expr) *ast.Block {
	if b, ok := value.(*ast.Block); ok {
		return b
	}
	return valueBlock(value)
}

func trueLit(at ast.At) ast.Expr {
	return &ast.BoolLit{At: at, Typed: ast.Typed{T: types.TBool}, Value: true}
}

func isLit(e ast.Expr) bool {
	switch e.(type) {
	case *ast.IntLit, *ast.FloatLit, *ast.BoolLit:
		return true
	}
	return false
}
