// Pass optimize-small-copies: memory-explicit -> memory-explicit.
//
// An optional optimization (--disable-pass=optimize-small-copies skips it).
//
// A copy or fill of a small constant size (at most 64 bytes, a whole number of words) becomes
// i64 loads and stores, so an aggregate of a few words — a struct, an optional, a union — moves
// without the bulk-memory instruction (natively a helper loop that moves one byte per
// iteration). Every word is loaded before the first store, so an overlapping copy stays exact;
// the destination and source are evaluated once, in that order.
//
//	(copy D S 16)  =>  (const cp.dst#1 (ptr T) D) (const cp.src#2 (ptr T) S)
//	                   (const cp.w#3 i64 (load:i64 (offset:(ptr i64) cp.src#2 0)))
//	                   (const cp.w#4 i64 (load:i64 (offset:(ptr i64) cp.src#2 8)))
//	                   (store (offset:(ptr i64) cp.dst#1 0) cp.w#3) (store (offset:(ptr i64) cp.dst#1 8) cp.w#4)
//	(fill D 16)    =>  (const cp.dst#1 (ptr T) D) (store (offset:(ptr i64) cp.dst#1 0) 0:i64) (store … 8 …)
//
// A reference or a data address is read again rather than bound. The expansion may write part of
// an out-of-bounds destination before it traps where memory.copy would trap first: a trap ends
// the program either way, with the same message.

package passes

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

// smallCopyLimit is the largest copy or fill, in bytes, that becomes loads and stores.
const smallCopyLimit = 64

func optimizeSmallCopies(_ *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	ids := ast.NewIDs(p).Now() // before Consume hides what it rewrote
	r := &ast.Rewriter{Share: true}
	r.Stmt = func(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
		switch s := s.(type) {
		case *ast.Copy:
			if small(s.Size) {
				return expandCopy(ids, s.At, r.RewriteExpr(s.Dst), r.RewriteExpr(s.Src), s.Size)
			}
		case *ast.Fill:
			if small(s.Size) {
				return expandCopy(ids, s.At, r.RewriteExpr(s.Dst), nil, s.Size)
			}
		}
		return []ast.Stmt{r.DefaultStmt(s)}
	}
	return r.Consume(p), nil // each declaration is released once rewritten (decisions.md, front-end memory)
}

func small(size int64) bool { return size > 0 && size <= smallCopyLimit && size%8 == 0 }

// expandCopy copies size bytes from src to dst word by word, or zeroes them when src is nil.
func expandCopy(ids *ast.IDs, at ast.At, dst, src ast.Expr, size int64) []ast.Stmt {
	n := int(size / 8)
	out := make([]ast.Stmt, 0, 2+2*n) // the pointers' bindings, the loads, the stores
	bindPtr := func(name string, e ast.Expr) func() ast.Expr {
		switch e.(type) {
		case *ast.Ref, *ast.DataAddr:
			return func() ast.Expr { return ast.DeepClone(e) }
		}
		n := ast.Name{Name: name, ID: ids.Next()}
		out = append(out, &ast.VarDecl{At: at, Name: n, Const: true, Type: e.Type(), Init: e})
		return func() ast.Expr { return &ast.Ref{At: at, Typed: ast.Typed{T: e.Type()}, Name: n} }
	}
	ptr := types.PointerTo(types.TI64) // one for the copy's words: types are never changed
	d := bindPtr("cp.dst", dst)
	var words []copyWord
	if src != nil {
		s := bindPtr("cp.src", src)
		words = make([]copyWord, n) // a word's nodes in one allocation
		for i := range words {
			w := &words[i]
			name := ast.Name{Name: "cp.w", ID: ids.Next()}
			w.addr = ast.Offset{At: at, Typed: ast.Typed{T: ptr}, X: s(), Off: int64(8 * i)}
			w.load = ast.Load{At: at, Typed: ast.Typed{T: types.TI64}, Addr: &w.addr}
			w.decl = ast.VarDecl{At: at, Name: name, Const: true, Type: types.TI64, Init: &w.load}
			w.read = ast.Ref{At: at, Typed: ast.Typed{T: types.TI64}, Name: name}
			out = append(out, &w.decl)
		}
	}
	stores := make([]wordStore, n)
	for i := range stores {
		st := &stores[i]
		var v ast.Expr = i64Lit(at, 0)
		if src != nil {
			v = &words[i].read
		}
		st.addr = ast.Offset{At: at, Typed: ast.Typed{T: ptr}, X: d(), Off: int64(8 * i)}
		st.store = ast.Store{At: at, Addr: &st.addr, Value: v}
		out = append(out, &st.store)
	}
	return out
}

// copyWord is the nodes that load one word of a copy's source into a constant, and read it.
type copyWord struct {
	addr ast.Offset
	load ast.Load
	decl ast.VarDecl
	read ast.Ref
}

// wordStore is the nodes that store one word of a copy or fill.
type wordStore struct {
	addr  ast.Offset
	store ast.Store
}
