// Pass insert-arc: no-closures -> arc-explicit.
//
// Makes the reference counting of heap objects explicit (spec §9.3–9.6 with decisions.md #21),
// as retain and release nodes, the releases and the automatic deinit of stack structs emitted
// as defers, so make-defer-explicit runs them at every exit of their block — the end,
// return, break, continue, try — last in first out with the program's own defers. Counted
// references are the values of type *S (S a struct) held by local variables and constants,
// globals, and the *S fields of heap objects:
//
//   - an owning place (a `*S` local or global, a `*S` field of an object) takes its value owned:
//     a fresh object (a `new`, a call returning *S: rules 1 and 6, every function returns its
//     *S result counted) as it is, anything else retained (rules 2, 3 and 5; decision #21:
//     a parameter, a global or a field copied into a local is retained too, so assigning a
//     fresh `new` to it never leaks);
//   - a local releases its value when its block exits (a deferred release); assigning to a
//     local, a global or an object's field releases the old value after taking the new one
//     (rules 4 and 5);
//   - `return v` returns v retained (v's own release still runs: the caller gets the count);
//   - a fresh object that no place owns — an argument `f(new T{…})`, a receiver
//     `make().m()`, a discarded result — lives in a temporary released after its use;
//   - parameters are never retained or released (rule 7);
//   - a local struct variable initialised with a literal or `.{}` whose type has a destructor
//     `S_deinit` gets `S_deinit(&v)` deferred (§9.6).
//
// What dies when an object's count reaches zero (its destructor, its *S fields) is lower-arc's.
//
//	(var n#3 (ptr Node) (new …))        =>  (var n#3 (ptr Node) (new …)) (defer (block (release n#3)))
//	(assign n#3 m#4)                    =>  (block (const arc.t#9 (ptr Node) (retain m#4)) (release n#3) (assign n#3 arc.t#9))
//	(return n#3)                        =>  (return (retain n#3))
//	(expr (call f#2 (new …)))           =>  (block (const arc.t#9 (ptr Node) (new …)) (defer (block (release arc.t#9))) (expr (call f#2 arc.t#9)))

package passes

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

type arcInserter struct {
	ids     *ast.IDs
	funcs   map[string]*ast.Func // top-level functions by name (destructors are S_deinit)
	counted map[int]bool         // the locals and globals of type *S: owning places
	target  bool                 // rewriting an assignment target: its operands stay in place
	// probe and anyFresh are freshOperand's.
	probe    *ast.Rewriter
	anyFresh bool
}

func insertArc(_ *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	a := &arcInserter{ids: ast.NewIDs(p), funcs: map[string]*ast.Func{}, counted: map[int]bool{}}
	for _, d := range p.Decls {
		switch d := d.(type) {
		case *ast.Func:
			a.funcs[d.Name.Name] = d
		case *ast.Global:
			if countedType(d.Type) {
				a.counted[d.Name.ID] = true
			}
		}
	}
	if !a.needed(p) {
		return p, nil
	}
	r := &ast.Rewriter{Stmt: a.stmt, Expr: a.expr}
	r.Decl = func(r *ast.Rewriter, d ast.Decl) []ast.Decl {
		if f, ok := d.(*ast.Func); ok {
			if !a.neededIn(f) {
				return []ast.Decl{f} // nothing to count: shared, not copied
			}
			c := *f
			c.Body = r.RewriteBlock(f.Body)
			if countedType(f.Result) {
				c.Body = ownReturns(a, c.Body)
			}
			return []ast.Decl{&c}
		}
		out := r.DefaultDecl(d)
		if g, ok := out.(*ast.Global); ok && g.Init != nil && countedType(g.Type) {
			g.Init = a.own(g.Init) // a global owns its value as a local does
		}
		return []ast.Decl{out}
	}
	return r.Program(p), nil
}

func (a *arcInserter) stmt(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
	switch s := s.(type) {
	case *ast.VarDecl:
		return a.varDecl(r, s)
	case *ast.Assign:
		return a.assign(r, s)
	case *ast.OpAssign: // never of a *S: only its target's base may be fresh
		c := *s
		a.target = true
		c.Target = r.RewriteExpr(s.Target)
		a.target = false
		c.Value = r.RewriteExpr(s.Value)
		pre, target := a.hoistFreshBase(c.Target)
		c.Target = target
		if pre != nil {
			return []ast.Stmt{&ast.Block{At: s.At, Stmts: append(pre, &c)}}
		}
		return []ast.Stmt{&c}
	case *ast.ExprStmt:
		x := r.RewriteExpr(s.X)
		if isFresh(x) { // a discarded fresh object (or value holding counts) dies at once
			t, decl := a.temp(x)
			return []ast.Stmt{&ast.Block{At: s.At, Stmts: []ast.Stmt{decl, a.releaseLater(t)}}}
		}
		if x.Type() == types.TVoid && isCall(x) {
			if pre, out := a.bindFresh(x); pre != nil {
				return []ast.Stmt{&ast.Block{At: s.At, Stmts: append(pre, &ast.ExprStmt{At: s.At, X: out})}}
			}
		}
		return []ast.Stmt{&ast.ExprStmt{At: s.At, X: x}}
	}
	return []ast.Stmt{r.DefaultStmt(s)}
}

// varDecl makes a *S local own its value and release it at its block's exit, and registers the
// automatic deinit of a struct local initialised by a literal (§9.6).
func (a *arcInserter) varDecl(r *ast.Rewriter, s *ast.VarDecl) []ast.Stmt {
	c := *s
	c.Init = r.RewriteExpr(s.Init)
	out := []ast.Stmt{&c}
	if countedType(s.Type) {
		a.counted[s.Name.ID] = true
		if c.Init != nil {
			c.Init = a.own(c.Init)
		}
		out = append(out, a.releaseLater(&ast.Ref{At: s.At, Typed: ast.Typed{T: s.Type}, Name: s.Name}))
	}
	// The destructor is deferred after the release of the struct's counted fields, so it runs
	// first (LIFO), as an object's destructor runs before its fields are released.
	if n, ok := s.Type.(*types.Named); ok && ast.StructOf(n) != nil && initialisedByLiteral(c.Init) {
		if d := a.destructor(n); d != nil {
			v := &ast.Ref{At: s.At, Typed: ast.Typed{T: s.Type}, Name: s.Name}
			addr := &ast.AddrOf{At: s.At, Typed: ast.Typed{T: &types.Pointer{Elem: s.Type}}, X: v}
			call := &ast.Call{At: s.At, Typed: ast.Typed{T: types.TVoid}, Callee: funcRef(s.At, d), Args: []ast.Expr{addr}}
			out = append(out, &ast.Defer{At: s.At, Body: &ast.Block{At: s.At, Stmts: []ast.Stmt{&ast.ExprStmt{At: s.At, X: call}}}})
		}
	}
	return out
}

// isCall reports whether e calls a function, by name or through a value.
func isCall(e ast.Expr) bool {
	switch e.(type) {
	case *ast.Call, *ast.CallIndirect:
		return true
	}
	return false
}

// initialisedByLiteral reports whether init is a struct literal or `.{}` (check-types made
// both struct literals; an out-of-order literal is a block whose value is one).
func initialisedByLiteral(init ast.Expr) bool {
	switch x := init.(type) {
	case *ast.StructLit:
		return true
	case *ast.Block:
		_, ok := x.Value.(*ast.StructLit)
		return ok
	}
	return false
}

// destructor returns the function S_deinit(self: *S) void of t, nil when it has none.
func (a *arcInserter) destructor(t *types.Named) *ast.Func {
	name := ast.DestructorName(t)
	if name == "" {
		return nil
	}
	f := a.funcs[name]
	if f == nil || len(f.Params) != 1 || f.Result != types.TVoid || !types.Identical(f.Params[0].Type, &types.Pointer{Elem: t}) {
		return nil
	}
	return f
}

func (a *arcInserter) expr(r *ast.Rewriter, e ast.Expr) ast.Expr {
	out := r.DefaultExpr(e)
	if a.target {
		return out
	}
	switch x := out.(type) {
	case *ast.StructLit: // a struct literal holding counts owns them: in an object, a local, a temporary
		if countedType(x.T) {
			return a.ownFields(x)
		}
	case *ast.UnionLit: // and a union literal its payload
		if countedType(x.T) && x.Payload != nil && countedType(x.Payload.Type()) {
			x.Payload = a.own(x.Payload)
		}
	case *ast.ArrayLit: // so do an array literal and a tuple literal
		if countedType(x.T) {
			for i, v := range x.Elems {
				x.Elems[i] = a.own(v)
			}
		}
	case *ast.TupleLit:
		for i, v := range x.Elems {
			if countedType(v.Type()) {
				x.Elems[i] = a.own(v)
			}
		}
	case *ast.OrElse:
		if countedType(x.T) {
			return a.orElse(x)
		}
	case *ast.Call, *ast.CallIndirect, *ast.Field, *ast.Deref, *ast.Binary, *ast.Unary, *ast.Unwrap, *ast.HasValue, *ast.OkValue, *ast.IsError, *ast.ErrorCode, *ast.Index:
		if out.Type() == types.TVoid {
			return out
		}
		if pre, bound := a.bindFresh(out); pre != nil {
			return &ast.Block{At: ast.AtOf(out.Pos()), Typed: ast.Typed{T: out.Type()}, Stmts: pre, Value: bound}
		}
	case *ast.Convert:
		if _, ok := x.T.(*types.Pointer); ok || types.IsInteger(x.T) {
			if pre, bound := a.bindFresh(out); pre != nil {
				return &ast.Block{At: ast.AtOf(out.Pos()), Typed: ast.Typed{T: out.Type()}, Stmts: pre, Value: bound}
			}
		}
	}
	return out
}

// storeRaw stores value through a plain pointer (`p.* = v`): the memory is counted by no one,
// so a *S stored there, or the *S fields of a struct literal stored there, are retained and
// never released — such an object leaks rather than dangles (decisions.md "heap objects and ARC").
func (a *arcInserter) storeRaw(at ast.At, pre []ast.Stmt, target ast.Expr, value ast.Expr) []ast.Stmt {
	if countedType(value.Type()) {
		value = a.own(value) // a struct literal's fields are owned already
	}
	st := []ast.Stmt{&ast.Assign{At: at, Target: target, Value: value}}
	if pre != nil {
		return []ast.Stmt{&ast.Block{At: at, Stmts: append(append([]ast.Stmt{}, pre...), st...)}}
	}
	return st
}

// hoistFreshBase binds a fresh object that an assignment target dereferences
// (`make().x = 1`, `list.at(i).* = v`) to a temporary released after the assignment, so the
// target stays a place; it returns the temporary's declaration and release, and the target.
func (a *arcInserter) hoistFreshBase(target ast.Expr) ([]ast.Stmt, ast.Expr) {
	switch t := target.(type) {
	case *ast.Deref:
		if ast.IsFreshObject(t.X) {
			ref, decl := a.temp(t.X)
			c := *t
			c.X = ref
			return []ast.Stmt{decl, a.releaseLater(ref)}, &c
		}
		pre, x := a.hoistFreshBase(t.X)
		c := *t
		c.X = x
		return pre, &c
	case *ast.Field:
		pre, x := a.hoistFreshBase(t.X)
		c := *t
		c.X = x
		return pre, &c
	case *ast.Index:
		pre, x := a.hoistFreshBase(t.X)
		c := *t
		c.X = x
		return pre, &c
	}
	return nil, target
}

// ownFields makes the counted fields of a struct literal take their values owned.
func (a *arcInserter) ownFields(l *ast.StructLit) ast.Expr {
	for i, v := range l.Values {
		if countedType(v.Type()) {
			l.Values[i] = a.own(v)
		}
	}
	return l
}

// bindFresh binds the operands of e, in order, to temporaries when one of them is a fresh
// object, which is released after e: it returns the temporaries' declarations (nil when no
// operand is fresh) and e reading them.
func (a *arcInserter) bindFresh(e ast.Expr) ([]ast.Stmt, ast.Expr) {
	if !a.freshOperand(e) {
		return nil, e
	}
	var pre []ast.Stmt
	bind := &ast.Rewriter{Expr: func(_ *ast.Rewriter, c ast.Expr) ast.Expr {
		if ast.IsTrivial(c) || isConstant(c) {
			return c
		}
		t, decl := a.temp(c)
		pre = append(pre, decl)
		if isFresh(c) {
			pre = append(pre, a.releaseLater(t))
		}
		return t
	}}
	return pre, bind.DefaultExpr(e)
}

// freshOperand reports whether an operand of e is a fresh object. Its probe is built once and
// shares (it changes nothing): a copying probe built for each call, every call, field read and
// operator of the program, was most of the pass's allocation.
func (a *arcInserter) freshOperand(e ast.Expr) bool {
	if a.probe == nil {
		a.probe = &ast.Rewriter{Share: true, Expr: func(_ *ast.Rewriter, c ast.Expr) ast.Expr {
			a.anyFresh = a.anyFresh || isFresh(c)
			return c
		}}
	}
	a.anyFresh = false
	a.probe.DefaultExpr(e)
	return a.anyFresh
}

// own returns e as a value that carries its own counts: a fresh value as it is (through the
// values of blocks and if expressions, and into an optional or error union), null, an error and
// a zero value as they are, anything else retained.
func (a *arcInserter) own(e ast.Expr) ast.Expr {
	switch x := e.(type) {
	case *ast.New, *ast.Retain, *ast.NullLit, *ast.Zero, *ast.Fail:
		return e
	case *ast.Call, *ast.CallIndirect, *ast.StructLit, *ast.ArrayLit, *ast.TupleLit, *ast.UnionLit:
		if isFresh(x) {
			return e
		}
	case *ast.Block:
		if x.Value != nil {
			c := *x
			c.Value = a.own(x.Value)
			return &c
		}
	case *ast.If:
		if x.HasValue() {
			c := *x
			c.Then = a.own(x.Then).(*ast.Block)
			c.Else = a.own(x.Else.(ast.Expr)).(ast.Stmt)
			return &c
		}
	case *ast.Convert:
		if lit, ok := x.X.(*ast.IntLit); ok && lit.Value == 0 { // null
			return e
		}
		if isWrap(x) && countedType(x.X.Type()) {
			c := *x
			c.X = a.own(x.X)
			return &c
		}
	}
	return a.retainExpr(e) // insert_arc_counted.go
}

// ownReturns makes every returned value of a function returning *S owned.
func ownReturns(a *arcInserter, body *ast.Block) *ast.Block {
	r := &ast.Rewriter{Share: true}
	r.Stmt = func(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
		if ret, ok := s.(*ast.Return); ok && ret.Value != nil {
			return []ast.Stmt{&ast.Return{At: ret.At, Value: a.own(ret.Value)}}
		}
		return []ast.Stmt{r.DefaultStmt(s)}
	}
	r.Expr = func(r *ast.Rewriter, e ast.Expr) ast.Expr { return r.DefaultExpr(e) }
	return r.RewriteBlock(body)
}

// temp declares a constant holding e and returns a read of it.
func (a *arcInserter) temp(e ast.Expr) (*ast.Ref, *ast.VarDecl) {
	at := ast.AtOf(e.Pos())
	n := ast.Name{Name: "arc.t", ID: a.ids.Next()}
	return &ast.Ref{At: at, Typed: ast.Typed{T: e.Type()}, Name: n}, &ast.VarDecl{At: at, Name: n, Const: true, Type: e.Type(), Init: e}
}

// releaseLater defers the release of x (the counts it holds) to the exit of the enclosing block.
func (a *arcInserter) releaseLater(x ast.Expr) *ast.Defer {
	at := ast.AtOf(x.Pos())
	return &ast.Defer{At: at, Body: &ast.Block{At: at, Stmts: a.releaseStmts(x)}}
}

// funcRef is a reference to the function f, typed with its signature.
func funcRef(at ast.At, f *ast.Func) *ast.Ref {
	return &ast.Ref{At: at, Typed: ast.Typed{T: f.Signature()}, Name: f.Name}
}
