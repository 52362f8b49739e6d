// Pass lower-optionals: no-short-circuit -> no-optionals.
//
// Splits every optional ?T (decisions.md #9: tagged) into two values: a bool tag (true: not null)
// and a payload of type T (zero when null). A variable, parameter or global o of type ?T becomes
// two, o.tag and o.val; a function returning ?T returns its tag and writes its payload through a
// pointer its caller passes as an extra last parameter (out.val). Every optional expression is
// split where it is used (lower_optionals_split.go) into statements that run first, then a tag
// and a payload that read no more than variables and literals.
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

// optParts names the two halves of a split optional binder.
type optParts struct {
	tag, val ast.Name
	elem     types.Type
}

type optLowering struct {
	ids   *ast.IDs
	parts map[int]optParts  // optional binders by ID
	sigs  map[int]*ast.Func // functions whose signature changes, by ID (their new declaration)
	out   map[int]ast.Name  // the out.val parameter of each function returning an optional
	fn    *ast.Func         // the function being rewritten (its new declaration)
	r     *ast.Rewriter
}

func lowerOptionals(_ *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	l := &optLowering{ids: ast.NewIDs(p), parts: map[int]optParts{}, sigs: map[int]*ast.Func{}, out: map[int]ast.Name{}}
	for _, d := range p.Decls {
		if f, ok := d.(*ast.Func); ok {
			l.signature(f)
		}
	}
	r := &ast.Rewriter{}
	l.r = r
	r.Decl = l.decl
	r.Stmt = l.stmt
	r.Expr = l.expr
	return r.Program(p), nil
}

func optElem(t types.Type) types.Type {
	if o, ok := t.(*types.Optional); ok {
		return o.Elem
	}
	return nil
}

// splitBinder gives an optional binder its two halves.
func (l *optLowering) splitBinder(n ast.Name, elem types.Type) optParts {
	p := optParts{tag: ast.Name{Name: n.Name + ".tag", ID: l.ids.Next()}, val: ast.Name{Name: n.Name + ".val", ID: l.ids.Next()}, elem: elem}
	l.parts[n.ID] = p
	return p
}

// signature computes f's new declaration head (parameters and result) when it changes.
func (l *optLowering) signature(f *ast.Func) {
	changed := false
	var params []*ast.Param
	for _, p := range f.Params {
		elem := optElem(p.Type)
		if elem == nil {
			params = append(params, p)
			continue
		}
		changed = true
		parts := l.splitBinder(p.Name, elem)
		params = append(params, &ast.Param{At: p.At, Name: parts.tag, Type: types.TBool}, &ast.Param{At: p.At, Name: parts.val, Type: elem})
	}
	result := f.Result
	if elem := optElem(f.Result); elem != nil {
		changed, result = true, types.TBool
		out := ast.Name{Name: "out.val", ID: l.ids.Next()}
		l.out[f.Name.ID] = out
		params = append(params, &ast.Param{At: f.At, Name: out, Type: types.PointerTo(elem)})
	}
	if changed {
		nf := *f
		nf.Params, nf.Result = params, result
		l.sigs[f.Name.ID] = &nf
	}
}

func (l *optLowering) decl(r *ast.Rewriter, d ast.Decl) []ast.Decl {
	switch d := d.(type) {
	case *ast.Func:
		f := d
		if nf, ok := l.sigs[d.Name.ID]; ok {
			f = nf
		}
		l.fn = f
		out := *f
		out.Body = r.RewriteBlock(f.Body)
		l.fn = nil
		return []ast.Decl{&out}
	case *ast.Global:
		elem := optElem(d.Type)
		if elem == nil {
			return []ast.Decl{r.DefaultDecl(d)}
		}
		parts := l.splitBinder(d.Name, elem)
		tag := &ast.Global{At: d.At, Name: parts.tag, Const: d.Const, Type: types.TBool}
		val := &ast.Global{At: d.At, Name: parts.val, Const: d.Const, Type: elem}
		if d.Init != nil {
			pre, t, v := l.split(d.Init)
			if len(pre) == 0 && ast.IsConstInit(t) && ast.IsConstInit(v) {
				tag.Init, val.Init = t, v
			} else {
				// The payload starts as zero; the tag's initializer computes both.
				val.Const = false
				pre = append(pre, l.assign(d.At, parts.val, elem, v))
				tag.Init = &ast.Block{At: d.At, Typed: ast.Typed{T: types.TBool}, Stmts: pre, Value: t}
			}
		}
		return []ast.Decl{val, tag}
	}
	return []ast.Decl{r.DefaultDecl(d)}
}

func (l *optLowering) ref(at ast.At, n ast.Name, t types.Type) *ast.Ref {
	return &ast.Ref{At: at, Typed: ast.Typed{T: t}, Name: n}
}

func (l *optLowering) assign(at ast.At, n ast.Name, t types.Type, v ast.Expr) ast.Stmt {
	return &ast.Assign{At: at, Target: l.ref(at, n, t), Value: v}
}

func (l *optLowering) stmt(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
	switch s := s.(type) {
	case *ast.VarDecl:
		elem := optElem(s.Type)
		if elem == nil {
			break
		}
		parts := l.splitBinder(s.Name, elem)
		var pre []ast.Stmt
		var t, v ast.Expr
		if s.Init != nil {
			pre, t, v = l.split(s.Init)
		}
		return append(pre,
			&ast.VarDecl{At: s.At, Name: parts.tag, Const: s.Const, Type: types.TBool, Init: t},
			&ast.VarDecl{At: s.At, Name: parts.val, Const: s.Const, Type: elem, Init: v})
	case *ast.Assign:
		ref, ok := s.Target.(*ast.Ref)
		if !ok || optElem(ref.T) == nil {
			break
		}
		parts := l.parts[ref.Name.ID]
		pre, t, v := l.split(s.Value)
		return append(pre, l.assign(s.At, parts.tag, types.TBool, t), l.assign(s.At, parts.val, parts.elem, v))
	case *ast.Return:
		if s.Value == nil || optElem(s.Value.Type()) == nil {
			break
		}
		out := l.out[l.fn.Name.ID]
		elem := optElem(s.Value.Type())
		pre, t, v := l.split(s.Value)
		ptr := l.ref(s.At, out, types.PointerTo(elem))
		store := &ast.Assign{At: s.At, Target: &ast.Deref{At: s.At, Typed: ast.Typed{T: elem}, X: ptr}, Value: v}
		return append(pre, store, &ast.Return{At: s.At, Value: t})
	case *ast.ExprStmt:
		if optElem(s.X.Type()) == nil {
			break
		}
		pre, _, _ := l.split(s.X)
		return pre
	}
	return []ast.Stmt{r.DefaultStmt(s)}
}

// expr lowers the consumers of optionals inside expressions of other types, and calls that
// pass optionals or whose callee changed.
func (l *optLowering) expr(r *ast.Rewriter, e ast.Expr) ast.Expr {
	switch e := e.(type) {
	case *ast.HasValue:
		pre, t, _ := l.split(e.X)
		return withPre(e.At, pre, t)
	case *ast.Unwrap:
		pre, t, v := l.split(e.X)
		if r, ok := e.X.(*ast.Ref); ok && r.Name.Name == optTemp {
			return withPre(e.At, pre, v) // the capture of `if (o) |v|`, under its has-value test
		}
		fail := &ast.Block{At: e.At, Stmts: []ast.Stmt{
			&ast.Print{At: e.At, Fd: 2, Newline: true, Args: []ast.Expr{&ast.StrLit{At: e.At, Typed: ast.Typed{T: types.TString}, Value: "error: unwrap of null"}}},
			&ast.Exit{At: e.At, Code: &ast.IntLit{At: e.At, Typed: ast.Typed{T: types.TI64}, Value: 134}},
		}}
		notTag := &ast.Unary{At: e.At, Typed: ast.Typed{T: types.TBool}, Op: "not", X: t}
		pre = append(pre, &ast.If{At: e.At, Cond: notTag, Then: fail})
		return withPre(e.At, pre, v)
	case *ast.OrElse:
		pre, t, v := l.split(e.X)
		choose := &ast.If{At: e.At, Typed: e.Typed, Cond: t, Then: branch(v), Else: branch(r.RewriteExpr(e.Y))}
		return withPre(e.At, pre, choose)
	case *ast.Call:
		pre, call := l.call(e)
		return withPre(e.At, pre, call)
	}
	return r.DefaultExpr(e)
}

// withPre is the block expression { pre; value }, or value alone when pre is empty.
func withPre(at ast.At, pre []ast.Stmt, value ast.Expr) ast.Expr {
	if len(pre) == 0 {
		return value
	}
	return &ast.Block{At: at, Typed: ast.Typed{T: value.Type()}, Stmts: pre, Value: value}
}

// branch is value as the branch of an if expression (a block).
func branch(value ast.Expr) *ast.Block {
	if b, ok := value.(*ast.Block); ok {
		return b
	}
	return valueBlock(value)
}
