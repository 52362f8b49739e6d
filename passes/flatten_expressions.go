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
	// r rewrites the declarations; its Stmt hook (stmt) serves the statements a sharing rewrite
	// reaches inside statements flatten does not know.
	r *ast.Rewriter
	// atomize copies an expression with each child made an atom, whose statements it emits.
	atomize *ast.Rewriter
	// out is the stack of the statements being emitted: each block's (and each captured list's)
	// above its enclosing one's, taken off once the list is complete (capture). The statements
	// of a whole function go through this one buffer, not a slice per statement and per operand.
	out []ast.Stmt
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
		f.ids, f.globals = nil, nil
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
	f.atomize = &ast.Rewriter{Share: true, Expr: func(_ *ast.Rewriter, x ast.Expr) ast.Expr { return f.atom(x) }}
	return f
}

// stmt is the Stmt hook of f.r: the statements s flattens into.
func (f *flattener) stmt(_ *ast.Rewriter, s ast.Stmt) []ast.Stmt {
	mark := len(f.out)
	f.emitStmt(s)
	return f.capture(mark, 0)
}

// emit adds s to the statements being emitted.
func (f *flattener) emit(s ast.Stmt) { f.out = append(f.out, s) }

// capture takes the statements emitted since mark off the stack, into a slice of their own
// with room for extra more.
func (f *flattener) capture(mark, extra int) []ast.Stmt {
	list := make([]ast.Stmt, len(f.out)-mark, len(f.out)-mark+extra)
	copy(list, f.out[mark:])
	clear(f.out[mark:]) // the buffer outlives the function (flatteners): hold none of its nodes
	f.out = f.out[:mark]
	return list
}

// block flattens a statement block: b itself when no statement changed.
func (f *flattener) block(b *ast.Block) *ast.Block {
	if b == nil {
		return nil
	}
	mark := len(f.out)
	for _, s := range b.Stmts {
		f.emitStmt(s)
	}
	if len(f.out)-mark == len(b.Stmts) && slices.Equal(f.out[mark:], b.Stmts) {
		clear(f.out[mark:])
		f.out = f.out[:mark]
		return b
	}
	return &ast.Block{At: b.At, Typed: b.Typed, Stmts: f.capture(mark, 0)}
}

// one flattens a statement that must stay one (an else branch, a loop step): several are
// wrapped in a block.
func (f *flattener) one(s ast.Stmt) ast.Stmt {
	if s == nil {
		return nil
	}
	mark := len(f.out)
	f.emitStmt(s)
	if len(f.out)-mark == 1 {
		x := f.out[mark]
		f.out[mark] = nil
		f.out = f.out[:mark]
		return x
	}
	return &ast.Block{At: ast.AtOf(s.Pos()), Stmts: f.capture(mark, 0)}
}

// emitStmt emits the statements that compute s's operands, then s over atoms.
func (f *flattener) emitStmt(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.VarDecl:
		if s.Init == nil {
			f.emit(f.r.DefaultStmt(s))
			return
		}
		x := f.complex(s.Init)
		if x == s.Init { // its operands are atoms already: s as it is (the input is consumed)
			f.emit(s)
			return
		}
		v := *s
		v.Init = x
		f.emit(&v)
	case *ast.Assign:
		x := f.complex(s.Value)
		if x == s.Value {
			f.emit(s)
			return
		}
		t := *s.Target.(*ast.Ref)
		f.emit(&ast.Assign{At: s.At, Target: &t, Value: x})
	case *ast.InitGlobal:
		x := f.complex(s.Value)
		if x == s.Value {
			f.emit(s)
			return
		}
		f.emit(&ast.InitGlobal{At: s.At, Name: s.Name, Value: x})
	case *ast.Store:
		addr := f.atom(s.Addr)
		v := f.atom(s.Value)
		if addr == s.Addr && v == s.Value {
			f.emit(s)
			return
		}
		f.emit(&ast.Store{At: s.At, Addr: addr, Value: v})
	case *ast.Copy:
		dst := f.atom(s.Dst)
		src := f.atom(s.Src)
		if dst == s.Dst && src == s.Src {
			f.emit(s)
			return
		}
		f.emit(&ast.Copy{At: s.At, Dst: dst, Src: src, Size: s.Size})
	case *ast.Fill:
		dst := f.atom(s.Dst)
		if dst == s.Dst {
			f.emit(s)
			return
		}
		f.emit(&ast.Fill{At: s.At, Dst: dst, Size: s.Size})
	case *ast.ExprStmt:
		x := f.complex(s.X)
		if x == s.X {
			f.emit(s)
			return
		}
		f.emit(&ast.ExprStmt{At: s.At, X: x})
	case *ast.Exit:
		x := f.atom(s.Code)
		if x == s.Code {
			f.emit(s)
			return
		}
		f.emit(&ast.Exit{At: s.At, Code: x})
	case *ast.Return:
		if s.Value == nil {
			f.emit(&ast.Return{At: s.At})
			return
		}
		x := f.complex(s.Value)
		if x == s.Value {
			f.emit(s)
			return
		}
		f.emit(&ast.Return{At: s.At, Value: x})
	case *ast.If:
		c := f.atom(s.Cond)
		then := f.block(s.Then)
		f.emit(&ast.If{At: s.At, Cond: c, Then: then, Else: f.one(s.Else)})
	case *ast.While:
		mark := len(f.out)
		c := f.atom(s.Cond)
		var pre []ast.Stmt
		if len(f.out) > mark {
			pre = f.capture(mark, 2) // the exit test and the body follow
		}
		w := &ast.While{At: s.At, Label: s.Label, Cond: c, Step: f.one(s.Step), Body: f.block(s.Body)}
		if len(pre) > 0 {
			exit := &ast.If{At: s.At, Cond: c, Then: &ast.Block{At: s.At, Stmts: []ast.Stmt{}},
				Else: &ast.Block{At: s.At, Stmts: []ast.Stmt{&ast.Break{At: s.At, Label: s.Label}}}}
			w.Cond = &ast.BoolLit{At: s.At, Typed: ast.Typed{T: types.TBool}, Value: true}
			w.Body = &ast.Block{At: s.At, Stmts: append(pre, exit, w.Body)}
		}
		f.emit(w)
	case *ast.Block:
		if s.Value == nil {
			f.emit(f.block(s))
			return
		}
		f.emit(f.r.DefaultStmt(s))
	default:
		f.emit(f.r.DefaultStmt(s))
	}
}

// tempNodes are a temporary's declaration and its read, allocated together: half the
// allocations of the pass are temporaries.
type tempNodes struct {
	decl ast.VarDecl
	ref  ast.Ref
}

// temp binds x to a fresh temporary: it emits the declaration and returns a read of it.
func (f *flattener) temp(x ast.Expr) ast.Expr {
	n := ast.Name{Name: "t", ID: f.ids.Next()}
	at := ast.AtOf(x.Pos())
	t := &tempNodes{decl: ast.VarDecl{At: at, Name: n, Type: x.Type(), Init: x},
		ref: ast.Ref{At: at, Typed: ast.Typed{T: x.Type()}, Name: n}}
	f.emit(&t.decl)
	return &t.ref
}

// atom emits the statements that compute e and returns an atom holding its value.
func (f *flattener) atom(e ast.Expr) ast.Expr {
	if ref, ok := e.(*ast.Ref); ok && f.globals[ref.Name.ID] {
		c := *ref
		return f.temp(&c)
	}
	if ast.IsTrivial(e) { // a leaf: an atom already (most operands)
		return e
	}
	x := f.complex(e)
	if ast.IsTrivial(x) {
		return x
	}
	return f.temp(x)
}

// complex emits the statements that compute e's operands and returns e over atoms. Every node
// but the if and block expressions is copied with each child expression made an atom, in the
// order its children method lists them (source order), so a new node kind needs nothing here.
func (f *flattener) complex(e ast.Expr) ast.Expr {
	if ast.IsTrivial(e) { // a leaf: the rewrite would return it as it is
		return e
	}
	switch e := e.(type) {
	case *ast.If:
		t := f.result(e.At, e.Typed)
		f.assignIf(e, t.decl.Name)
		return &t.ref
	case *ast.Block:
		t := f.result(e.At, e.Typed)
		f.emit(f.assignBlock(e, t.decl.Name))
		return &t.ref
	}
	return f.atomize.DefaultExpr(e)
}

// result emits the declaration of a fresh temporary of type typed, which an if or block
// expression's statements assign; the returned nodes hold its read.
func (f *flattener) result(at ast.At, typed ast.Typed) *tempNodes {
	n := ast.Name{Name: "t", ID: f.ids.Next()}
	t := &tempNodes{decl: ast.VarDecl{At: at, Name: n, Type: typed.T}, ref: ast.Ref{At: at, Typed: typed, Name: n}}
	f.emit(&t.decl)
	return t
}

// assignIf emits an if expression as if statements whose branches assign their value to the
// temporary n.
func (f *flattener) assignIf(e *ast.If, n ast.Name) {
	cond := f.atom(e.Cond)
	var els ast.Stmt
	switch x := e.Else.(type) {
	case *ast.If:
		mark := len(f.out)
		f.assignIf(x, n)
		els = &ast.Block{At: x.At, Stmts: f.capture(mark, 0)}
	case *ast.Block:
		els = f.assignBlock(x, n)
	}
	// The else branch is flattened first: its temporaries are numbered before the then branch's.
	f.emit(&ast.If{At: e.At, Cond: cond, Then: f.assignBlock(e.Then, n), Else: els})
}

// assignBlock turns a block expression into a block statement that ends by assigning its value
// to the temporary n.
func (f *flattener) assignBlock(b *ast.Block, n ast.Name) *ast.Block {
	mark := len(f.out)
	for _, s := range b.Stmts {
		f.emitStmt(s)
	}
	v := f.complex(b.Value)
	set := &assignNodes{block: ast.Block{At: b.At}, target: ast.Ref{At: b.At, Typed: ast.Typed{T: b.Value.Type()}, Name: n}}
	set.assign = ast.Assign{At: b.At, Target: &set.target, Value: v}
	f.emit(&set.assign)
	set.block.Stmts = f.capture(mark, 0)
	return &set.block
}

// assignNodes are the block of a branch of an if or block expression, its assignment of the
// value and the assignment's target, allocated together.
type assignNodes struct {
	block  ast.Block
	assign ast.Assign
	target ast.Ref
}
