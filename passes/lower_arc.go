// Pass lower-arc: no-tests -> no-arc.
//
// Heap objects become runtime calls (runtime/arc.cot; the object's 16-byte header, marker and
// count, lies right below its address): `new T {…}` allocates and stores the literal, a retain
// is arc_retain, and a release calls the release function of the object's type, generated here
// once per type: when the runtime says the count reached zero, it runs the destructor T_deinit
// (spec §9.5; never for a generic instance), releases each counted field — a *S, the *S in a
// ?*S, E!*S or struct field (decisions.md #21) — then frees the block. The last field of the
// object's own type, *T or ?*T (a list's `next`), is released last, by a loop rather than a
// call, so a long chain dies in constant stack.
//
//	(new:(ptr T) (struct-lit:T - (F E)…))
//	  =>  (block:(ptr T) (const arc.p#9 (ptr T) (convert:(ptr T) (call-runtime:i64 arc_alloc SIZE)))
//	        (assign (field (deref:T arc.p#9) F) E)… (value arc.p#9))
//	(retain:(ptr T) X)    =>  (convert:(ptr T) (call-runtime:i64 arc_retain (convert:i64 X)))
//	(release X)           =>  (expr (call arc.release.T#8 X))
//	fn arc.release.T(p: *T) void {
//	    if (call-runtime arc_release (convert:i64 p)) { T_deinit(p); arc.release.S(p.*.f)…; arc_free(p) }
//	}
//
// Under an ArcLeakReport in the context (the leak test of the run goldens) main is wrapped: after
// it returns, a program that still has live objects writes `arc: N live object(s) at exit` to stderr.

package passes

import (
	"strconv"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

// ArcLeakReportKey is the context key under which a true asks lower-arc for the report at exit.
const ArcLeakReportKey = "passes.ArcLeakReport"

type arcLowerer struct {
	ids      *ast.IDs
	funcs    map[string]*ast.Func
	releases map[*types.Named]*ast.Func
	made     []ast.Decl // the release functions, in the order they were made
	out      *ast.Program
	// closureRelease is the release routine of function values (lower_arc_closure.go).
	closureRelease *ast.Func
}

func lowerArc(ctx *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	report, _ := ctx.Store[ArcLeakReportKey].(bool)
	uses := containsNode(p, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.New, *ast.Retain, *ast.Release:
			return true
		}
		return false
	})
	if !uses && !report {
		return p, nil
	}
	l := &arcLowerer{ids: ast.NewIDs(p), funcs: map[string]*ast.Func{}, releases: map[*types.Named]*ast.Func{}}
	for _, d := range p.Decls {
		if f, ok := d.(*ast.Func); ok {
			l.funcs[f.Name.Name] = f
		}
	}
	r := &ast.Rewriter{Expr: l.expr, Stmt: l.stmt}
	l.out = r.Program(p)
	l.out.Decls = append(l.out.Decls, l.made...)
	if report {
		l.reportAtExit()
	}
	return l.out, nil
}

func (l *arcLowerer) expr(r *ast.Rewriter, e ast.Expr) ast.Expr {
	switch e := e.(type) {
	case *ast.New:
		at := e.At
		ptr, decl := l.temp(at, "arc.p", e.T, &ast.Convert{At: at, Typed: ast.Typed{T: e.T}, X: runtimeCall(at, "arc_alloc", types.TI64, i64Lit(at, uint64(types.Sizeof(e.Lit.Type()))))})
		stmts := append([]ast.Stmt{decl}, storeFields(at, ptr, r.RewriteExpr(e.Lit))...)
		return &ast.Block{At: at, Typed: e.Typed, Stmts: stmts, Value: ptr}
	case *ast.Retain:
		x := &ast.Convert{At: e.At, Typed: ast.Typed{T: types.TI64}, X: r.RewriteExpr(e.X)}
		return &ast.Convert{At: e.At, Typed: e.Typed, X: runtimeCall(e.At, "arc_retain", types.TI64, x)}
	}
	return r.DefaultExpr(e)
}

func (l *arcLowerer) stmt(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
	if rel, ok := s.(*ast.Release); ok {
		return []ast.Stmt{l.releaseStmt(rel.At, r.RewriteExpr(rel.X))}
	}
	return []ast.Stmt{r.DefaultStmt(s)}
}

// storeFields stores the literal lit into the object at ptr field by field, so it is built in
// place (a whole-struct store would build it in a frame slot first, which an object larger than
// the stack could not have); zero fields are left as arc_alloc zeroed them; the statements of an
// out-of-order literal run first.
func storeFields(at ast.At, ptr ast.Expr, lit ast.Expr) []ast.Stmt {
	t := ptr.Type().(*types.Pointer).Elem
	obj := &ast.Deref{At: at, Typed: ast.Typed{T: t}, X: ptr}
	switch l := lit.(type) {
	case *ast.Block:
		if sl, ok := l.Value.(*ast.StructLit); ok {
			return append(append([]ast.Stmt{}, l.Stmts...), storeFields(at, ptr, sl)...)
		}
	case *ast.StructLit:
		var out []ast.Stmt
		for i, v := range l.Values {
			if _, zero := v.(*ast.Zero); zero {
				continue // arc_alloc hands out zeroed memory
			}
			f := &ast.Field{At: at, Typed: ast.Typed{T: v.Type()}, X: obj, Name: l.Names[i], Index: i}
			out = append(out, &ast.Assign{At: at, Target: f, Value: v})
		}
		return out
	}
	return []ast.Stmt{&ast.Assign{At: at, Target: obj, Value: lit}}
}

// releaseOf returns the release function of objects of type t, generating it on first use.
func (l *arcLowerer) releaseOf(t *types.Named) *ast.Func {
	if f := l.releases[t]; f != nil {
		return f
	}
	at := ast.At{}
	pt := &types.Pointer{Elem: t}
	p := &ast.Param{At: at, Name: ast.Name{Name: "p", ID: l.ids.Next()}, Type: pt}
	name := "arc.release." + t.Name
	if t.Args != nil { // the instances of a generic share its name
		name += "." + strconv.Itoa(len(l.releases))
	}
	f := &ast.Func{At: at, Name: ast.Name{Name: name, ID: l.ids.Next()}, Params: []*ast.Param{p}, Result: types.TVoid}
	l.releases[t] = f // before the fields: a type may hold pointers to itself
	// The object is q: a local, so that a chain through the tail field is released by a loop.
	q := ast.Name{Name: "q", ID: l.ids.Next()}
	ref := func() ast.Expr { return &ast.Ref{At: at, Typed: ast.Typed{T: pt}, Name: q} }
	field := func(i int) ast.Expr {
		fd := ast.StructOf(t).Fields[i]
		return &ast.Field{At: at, Typed: ast.Typed{T: fd.Type}, X: &ast.Deref{At: at, Typed: ast.Typed{T: t}, X: ref()}, Name: fd.Name, Index: i}
	}
	var dies []ast.Stmt
	if d := l.funcs[ast.DestructorName(t)]; d != nil && len(d.Params) == 1 && types.Identical(d.Params[0].Type, pt) {
		dies = append(dies, callStmt(at, d, ref()))
	}
	tail := ast.ArcTailField(t)
	for i, fd := range ast.StructOf(t).Fields {
		if i != tail && countedType(fd.Type) { // a *S, or one inside a ?*S, E!*S or struct (insert_arc_counted.go)
			dies = append(dies, countedParts(l.ids, field(i), func(p ast.Expr) ast.Stmt { return l.releaseStmt(at, p) })...)
		}
	}
	addr := func() ast.Expr { return &ast.Convert{At: at, Typed: ast.Typed{T: types.TI64}, X: ref()} }
	var next *ast.Ref
	if tail >= 0 {
		var decl *ast.VarDecl
		next, decl = l.temp(at, "next", pt, tailValue(at, field(tail), pt))
		dies = append(dies, decl)
	}
	dies = append(dies, &ast.ExprStmt{At: at, X: runtimeCall(at, "arc_free", types.TVoid, addr())})
	body := []ast.Stmt{&ast.VarDecl{At: at, Name: q, Type: pt, Init: &ast.Ref{At: at, Typed: ast.Typed{T: pt}, Name: p.Name}}}
	cond := runtimeCall(at, "arc_release", types.TBool, addr())
	if tail >= 0 {
		dies = append(dies, &ast.Assign{At: at, Target: ref(), Value: next})
		body = append(body, &ast.While{At: at, Label: ast.Name{Name: "_", ID: l.ids.Next()}, Cond: cond, Body: &ast.Block{At: at, Stmts: dies}})
	} else {
		body = append(body, &ast.If{At: at, Cond: cond, Then: &ast.Block{At: at, Stmts: dies}})
	}
	f.Body = &ast.Block{At: at, Stmts: body}
	l.made = append(l.made, f)
	return f
}

// tailValue is the object the tail field f (of type *T or ?*T) holds, null for a null ?*T.
func tailValue(at ast.At, f ast.Expr, pt types.Type) ast.Expr {
	if _, opt := f.Type().(*types.Optional); !opt {
		return f
	}
	null := &ast.Convert{At: at, Typed: ast.Typed{T: pt}, X: i64Lit(at, 0)}
	return &ast.If{At: at, Typed: ast.Typed{T: pt}, Cond: &ast.HasValue{At: at, Typed: ast.Typed{T: types.TBool}, X: f},
		Then: &ast.Block{At: at, Typed: ast.Typed{T: pt}, Stmts: []ast.Stmt{}, Value: &ast.Unwrap{At: at, Typed: ast.Typed{T: pt}, X: f}},
		Else: &ast.Block{At: at, Typed: ast.Typed{T: pt}, Stmts: []ast.Stmt{}, Value: null}}
}

// reportAtExit renames main and declares a main that calls it, then reports live objects.
func (l *arcLowerer) reportAtExit() {
	for i, d := range l.out.Decls {
		m, ok := d.(*ast.Func)
		if !ok || m.Name.Name != "main" || m.TestKind != "" {
			continue
		}
		inner := *m
		inner.Name.Name = "main.arc"
		l.out.Decls[i] = &inner
		at := m.At
		call := &ast.Call{At: at, Typed: ast.Typed{T: m.Result}, Callee: funcRef(at, &inner)}
		var body []ast.Stmt
		var result ast.Expr
		if m.Result == types.TVoid {
			body = append(body, &ast.ExprStmt{At: at, X: call})
		} else {
			r, decl := l.temp(at, "arc.r", m.Result, call)
			body, result = append(body, decl), r
		}
		n, decl := l.temp(at, "arc.n", types.TI64, runtimeCall(at, "arc_objects", types.TI64))
		body = append(body, decl, &ast.If{At: at, Cond: &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: "!=", X: n, Y: i64Lit(at, 0)},
			Then: &ast.Block{At: at, Stmts: []ast.Stmt{eprint(at, str(at, "arc: ")), eprint(at, n), eprintln(at, str(at, " live object(s) at exit"))}}},
			&ast.Return{At: at, Value: result})
		l.out.Decls = append(l.out.Decls, &ast.Func{At: at, Name: ast.Name{Name: "main", ID: l.ids.Next()}, Result: m.Result, Body: &ast.Block{At: at, Stmts: body}})
		return
	}
}

func (l *arcLowerer) temp(at ast.At, name string, t types.Type, init ast.Expr) (*ast.Ref, *ast.VarDecl) {
	n := ast.Name{Name: name, ID: l.ids.Next()}
	return &ast.Ref{At: at, Typed: ast.Typed{T: t}, Name: n}, &ast.VarDecl{At: at, Name: n, Const: true, Type: t, Init: init}
}

func runtimeCall(at ast.At, name string, result types.Type, args ...ast.Expr) *ast.RuntimeCall {
	return &ast.RuntimeCall{At: at, Typed: ast.Typed{T: result}, Name: name, Args: args}
}
