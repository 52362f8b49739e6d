// Pass flatten-expressions: frames-explicit -> anf.
//
// Converts to administrative normal form: every operand of an operator or call and every
// condition becomes an atom (literal, address or local read) by binding intermediate values to
// fresh temporaries in evaluation order (left to right). If and block expressions become
// statements that assign a temporary. A loop condition that needs statements moves into the loop body,
// guarded by a break. Globals are read into a temporary before use as an operand, since a later
// operand's call may assign them. The pass consumes its input (ast.Rewriter.Consume): each
// declaration is released once flattened, so the two programs are not both held whole. The
// driver streams it with the passes after it (front_stream.go): then it flattens one function,
// whose tree lower-to-wasm lowers at once, and the whole ANF program never exists.
//
//	(return (+ (call f#1 (* a b)) c))  =>  (var t#8 i64 (* a b)) (var t#9 i64 (call f#1 t#8))
//	                                       (return (+ t#9 c))
//	(var x i64 (if-expr c a b))         =>  (var t#8 i64 -) (if c (block (assign t#8 a)) (block (assign t#8 b)))
//	                                       (var x i64 t#8)
//	(store (load p#1) (+ a b))         =>  (var t#8 (ptr i64) (load p#1)) (var t#9 i64 (+ a b)) (store t#8 t#9)
//	(while L (< (call f#1) 3) BODY)     =>  (while L true (block (var t#8 i64 (call f#1)) (var t#9 bool (< t#8 3))
//	                                                        (if t#9 (block) (block (break L))) BODY))

package passes

import (
	"slices"
	"sync"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

type flattener struct {
	ids     *ast.IDs
	globals map[int]bool
	r       *ast.Rewriter
	// atomize copies an expression with each child made an atom, collecting in pre the
	// statements that compute them (complex saves and restores pre around each node).
	atomize *ast.Rewriter
	pre     []ast.Stmt
}

func flattenExpressions(ctx *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	if u := unitOf(ctx); u != nil { // streamed (front_stream.go): one function, lowered next
		sh := ctx.Store[flattenKey].(*flattenShared)
		fn := u.take()
		ctx.Func = fn.Name.Name
		f, _ := flatteners.Get().(*flattener)
		if f == nil {
			f = newFlattener(nil, nil)
		}
		f.ids, f.globals = sh.ids.Fork(), sh.globals
		out := f.r.RewriteDecl(fn)
		f.ids, f.globals, f.pre = nil, nil, nil
		flatteners.Put(f)
		return &ast.Program{Types: p.Types, Decls: out}, nil
	}
	f := newFlattener(ast.NewIDs(p).Now(), globalIDs(p))
	return f.r.Consume(p), nil // each function's tree is released once flattened
}

// flattenShared is what the units of a streamed run share (read only): the program's IDs,
// which each unit forks, and its globals.
type flattenShared struct {
	ids     *ast.IDs
	globals map[int]bool
}

const flattenKey = "flatten-expressions"

// flatteners holds the flatteners of streamed units not under way: building one (its rewriters
// and their child visitors) for every function was a twentieth of the streamed allocation.
var flatteners sync.Pool

// startFlatten prepares the streamed units' flattening of p.
func startFlatten(ctx *pipeline.Ctx, p *ast.Program) {
	ctx.Store[flattenKey] = &flattenShared{ids: ast.NewIDs(p).Now(), globals: globalIDs(p)}
}

// globalIDs returns the binder IDs of p's globals.
func globalIDs(p *ast.Program) map[int]bool {
	globals := map[int]bool{}
	for _, d := range p.Decls {
		if g, ok := d.(*ast.Global); ok {
			globals[g.Name.ID] = true
		}
	}
	return globals
}

func newFlattener(ids *ast.IDs, globals map[int]bool) *flattener {
	f := &flattener{ids: ids, globals: globals}
	f.r = &ast.Rewriter{Share: true, Stmt: f.stmt}
	// Sharing: a node whose children are atoms already stays as it is (the input is consumed).
	f.atomize = &ast.Rewriter{Share: true, Expr: func(_ *ast.Rewriter, x ast.Expr) ast.Expr {
		pre, a := f.atom(x)
		f.pre = append(f.pre, pre...)
		return a
	}}
	return f
}

func (f *flattener) stmt(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
	switch s := s.(type) {
	case *ast.VarDecl:
		if s.Init == nil {
			return []ast.Stmt{r.DefaultStmt(s)}
		}
		pre, x := f.complex(s.Init)
		v := *s
		v.Init = x
		return append(pre, &v)
	case *ast.Assign:
		pre, x := f.complex(s.Value)
		t := *s.Target.(*ast.Ref)
		return append(pre, &ast.Assign{At: s.At, Target: &t, Value: x})
	case *ast.InitGlobal:
		pre, x := f.complex(s.Value)
		return append(pre, &ast.InitGlobal{At: s.At, Name: s.Name, Value: x})
	case *ast.Store:
		pre, addr := f.atom(s.Addr)
		preV, v := f.atom(s.Value)
		return append(append(pre, preV...), &ast.Store{At: s.At, Addr: addr, Value: v})
	case *ast.Copy:
		pre, dst := f.atom(s.Dst)
		preS, src := f.atom(s.Src)
		return append(append(pre, preS...), &ast.Copy{At: s.At, Dst: dst, Src: src, Size: s.Size})
	case *ast.Fill:
		pre, dst := f.atom(s.Dst)
		return append(pre, &ast.Fill{At: s.At, Dst: dst, Size: s.Size})
	case *ast.ExprStmt:
		pre, x := f.complex(s.X)
		return append(pre, &ast.ExprStmt{At: s.At, X: x})
	case *ast.Exit:
		pre, x := f.atom(s.Code)
		return append(pre, &ast.Exit{At: s.At, Code: x})
	case *ast.Return:
		if s.Value == nil {
			return []ast.Stmt{&ast.Return{At: s.At}}
		}
		pre, x := f.complex(s.Value)
		return append(pre, &ast.Return{At: s.At, Value: x})
	case *ast.If:
		pre, c := f.atom(s.Cond)
		return append(pre, &ast.If{At: s.At, Cond: c, Then: r.RewriteBlock(s.Then), Else: r.RewriteOne(s.Else)})
	case *ast.While:
		pre, c := f.atom(s.Cond)
		w := &ast.While{At: s.At, Label: s.Label, Cond: c, Step: r.RewriteOne(s.Step), Body: r.RewriteBlock(s.Body)}
		if len(pre) > 0 {
			exit := &ast.If{At: s.At, Cond: c, Then: &ast.Block{At: s.At, Stmts: []ast.Stmt{}},
				Else: &ast.Block{At: s.At, Stmts: []ast.Stmt{&ast.Break{At: s.At, Label: s.Label}}}}
			w.Cond = &ast.BoolLit{At: s.At, Typed: ast.Typed{T: types.TBool}, Value: true}
			w.Body = &ast.Block{At: s.At, Stmts: append(pre, exit, w.Body)}
		}
		return []ast.Stmt{w}
	}
	return []ast.Stmt{r.DefaultStmt(s)}
}

// temp binds x to a fresh temporary and returns the declaration and a read of it.
func (f *flattener) temp(x ast.Expr) (ast.Stmt, ast.Expr) {
	n := ast.Name{Name: "t", ID: f.ids.Next()}
	return &ast.VarDecl{At: ast.AtOf(x.Pos()), Name: n, Type: x.Type(), Init: x},
		&ast.Ref{At: ast.AtOf(x.Pos()), Typed: ast.Typed{T: x.Type()}, Name: n}
}

// atom returns the statements that compute e and an atom holding its value.
func (f *flattener) atom(e ast.Expr) ([]ast.Stmt, ast.Expr) {
	if ref, ok := e.(*ast.Ref); ok && f.globals[ref.Name.ID] {
		c := *ref
		d, read := f.temp(&c)
		return []ast.Stmt{d}, read
	}
	pre, x := f.complex(e)
	if ast.IsTrivial(x) {
		return pre, x
	}
	d, read := f.temp(x)
	return append(pre, d), read
}

// complex returns the statements that compute e's operands and e over atoms. Every node but
// the if and block expressions is copied with each child expression made an atom, in the order
// its children method lists them (source order), so a new node kind needs nothing here.
func (f *flattener) complex(e ast.Expr) ([]ast.Stmt, ast.Expr) {
	switch e := e.(type) {
	case *ast.If:
		n := ast.Name{Name: "t", ID: f.ids.Next()}
		at := e.At
		pre := []ast.Stmt{&ast.VarDecl{At: at, Name: n, Type: e.T}}
		return append(pre, f.assignIf(e, n)...), &ast.Ref{At: at, Typed: e.Typed, Name: n}
	case *ast.Block:
		n := ast.Name{Name: "t", ID: f.ids.Next()}
		at := e.At
		return []ast.Stmt{&ast.VarDecl{At: at, Name: n, Type: e.T}, f.assignBlock(e, n)},
			&ast.Ref{At: at, Typed: e.Typed, Name: n}
	}
	outer := f.pre
	f.pre = nil
	x := f.atomize.DefaultExpr(e)
	pre := f.pre
	f.pre = outer
	return pre, x
}

func (f *flattener) atoms(list []ast.Expr) ([]ast.Stmt, []ast.Expr) {
	var pre []ast.Stmt
	var out []ast.Expr
	for _, a := range list {
		p, x := f.atom(a)
		pre = append(pre, p...)
		out = append(out, x)
	}
	return pre, out
}

// assignIf turns an if expression into if statements whose branches assign their value to the
// temporary n.
func (f *flattener) assignIf(e *ast.If, n ast.Name) []ast.Stmt {
	pre, cond := f.atom(e.Cond)
	var els ast.Stmt
	switch x := e.Else.(type) {
	case *ast.If:
		els = &ast.Block{At: x.At, Stmts: f.assignIf(x, n)}
	case *ast.Block:
		els = f.assignBlock(x, n)
	}
	return append(pre, &ast.If{At: e.At, Cond: cond, Then: f.assignBlock(e.Then, n), Else: els})
}

// assignBlock turns a block expression into a block statement that ends by assigning its value
// to the temporary n.
func (f *flattener) assignBlock(b *ast.Block, n ast.Name) *ast.Block {
	out := f.r.DefaultBlock(&ast.Block{At: b.At, Stmts: slices.Clip(b.Stmts)}) // a new block: appending copies
	stmts, v := f.complex(b.Value)
	out.Stmts = append(append(out.Stmts, stmts...), &ast.Assign{At: b.At,
		Target: &ast.Ref{At: b.At, Typed: ast.Typed{T: b.Value.Type()}, Name: n}, Value: v})
	return out
}
