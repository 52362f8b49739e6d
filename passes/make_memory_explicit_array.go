package passes

// Arrays and slices for make-memory-explicit (see make_memory_explicit.go and _aggregate.go):
// an array is N elements in a row, a slice a 24-byte header (ast.SlicePtr, SliceLen, SliceCap).
// An index is checked against the length (unsigned, so a negative index fails too) before the
// element's address is computed; a slice's bounds are checked (lo <= hi <= len) before its
// header is written. A failed check writes `error: index out of bounds` and exits with status
// 134 (decisions.md #10, #28), as a failed assertion does. A constant index below an array's
// length needs no run-time check.
//
//	(index:i64 a#3 i#4)   =>  (load:i64 (block:(ptr i64) (const k#9 i64 i#4)
//	                              (if (>=:bool (convert:u64 k#9) 4:u64) FAIL)
//	                              (value (elem:(ptr i64) (offset:(ptr i64) a#3 0) k#9))))
//	(slice a#3 1 -)       =>  header stores: ptr = (elem base 1), len = 4 - 1, cap = 4 - 1
//
// A slice made by slicing has no spare capacity (cap = len), so append (check_types_append.go)
// copies it rather than write over the elements after it.

import (
	"bytes"

	"cot/ir/ast"
	"cot/ir/types"
)

const boundsMessage = "error: index out of bounds\n"

// seqParts is what an index or slice needs of its operand: the address of the first element
// and the length, each readable several times, and the statements computing them.
type seqParts struct {
	decl   []ast.Stmt
	base   func() ast.Expr
	length func() ast.Expr
}

// parts evaluates the array or slice x once.
func (m *memoryLowerer) parts(r *ast.Rewriter, x ast.Expr) seqParts {
	at := ast.AtOf(x.Pos())
	elemPtr := types.PointerTo(ast.ElemType(x.Type()))
	addr := m.bind(r, m.addr(r, x))
	field := func(off int64, t types.Type) func() ast.Expr {
		return func() ast.Expr {
			return &ast.Load{At: at, Typed: ast.Typed{T: t}, Addr: &ast.Offset{At: at, Typed: ast.Typed{T: types.PointerTo(t)}, X: addr.ref(), Off: off}}
		}
	}
	if a, ok := x.Type().(*types.Array); ok {
		n := func() ast.Expr { return i64Lit(at, uint64(a.Len)) }
		base := func() ast.Expr { return &ast.Offset{At: at, Typed: ast.Typed{T: elemPtr}, X: addr.ref()} }
		return seqParts{decl: addr.decl, base: base, length: n}
	}
	return seqParts{decl: addr.decl, base: field(ast.SlicePtr, elemPtr), length: field(ast.SliceLen, types.TI64)}
}

// boundsFailure stops the program when cond holds.
func (m *memoryLowerer) boundsFailure(at ast.At, cond ast.Expr) ast.Stmt {
	off := bytes.Index(m.data, []byte(boundsMessage))
	if off < 0 {
		off = len(m.data)
		m.data = append(m.data, boundsMessage...)
	}
	// The runtime is imported already (as for make-frames-explicit's stack check): the message is
	// one host call, then @exit.
	report := &ast.ExprStmt{At: at, X: &ast.HostCall{At: at, Typed: ast.Typed{T: types.TI64}, Name: "fd_write",
		Args: []ast.Expr{i64Lit(at, 2), &ast.DataAddr{At: at, Typed: ast.Typed{T: types.TI64}, Offset: int64(off)}, i64Lit(at, uint64(len(boundsMessage)))}}}
	return &ast.If{At: at, Cond: cond, Then: &ast.Block{At: at, Stmts: []ast.Stmt{report, &ast.Exit{At: at, Code: i64Lit(at, 134)}}}}
}

// unsignedGreater is x > y compared as u64 (so a negative i64 is larger than every length).
func unsignedGreater(at ast.At, x, y ast.Expr) ast.Expr {
	u := func(e ast.Expr) ast.Expr { return &ast.Convert{At: at, Typed: ast.Typed{T: types.TU64}, X: e} }
	return &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: ">", X: u(x), Y: u(y)}
}

// indexAddr is the checked address of the element e reads.
func (m *memoryLowerer) indexAddr(r *ast.Rewriter, e *ast.Index) ast.Expr {
	at := e.At
	p := m.parts(r, e.X)
	k := m.bind(r, r.RewriteExpr(e.I))
	stmts := append(p.decl, k.decl...)
	lit, constant := e.I.(*ast.IntLit)
	if a, isArray := e.X.Type().(*types.Array); !constant || !isArray || lit.Value >= uint64(a.Len) {
		notBelow := &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: ">=",
			X: &ast.Convert{At: at, Typed: ast.Typed{T: types.TU64}, X: k.ref()}, Y: &ast.Convert{At: at, Typed: ast.Typed{T: types.TU64}, X: p.length()}}
		stmts = append(stmts, m.boundsFailure(at, notBelow))
	}
	elem := &ast.Elem{At: at, Typed: ast.Typed{T: types.PointerTo(e.T)}, X: p.base(), I: k.ref()}
	if len(stmts) == 0 {
		return elem
	}
	return inBlock(at, stmts, elem)
}

// sliceInto writes the header of the slice e at dst (readable several times).
func (m *memoryLowerer) sliceInto(r *ast.Rewriter, dst ast.Expr, e *ast.SliceExpr) []ast.Stmt {
	at := e.At
	p := m.parts(r, e.X)
	stmts := p.decl
	bound := func(x ast.Expr, dflt func() ast.Expr) bound {
		if x == nil {
			x = dflt()
		} else {
			x = r.RewriteExpr(x)
		}
		b := m.bind(r, x)
		stmts = append(stmts, b.decl...)
		return b
	}
	lo := bound(e.Lo, func() ast.Expr { return i64Lit(at, 0) })
	hi := bound(e.Hi, p.length)
	stmts = append(stmts, m.boundsFailure(at, unsignedGreater(at, lo.ref(), hi.ref())),
		m.boundsFailure(at, unsignedGreater(at, hi.ref(), p.length())))
	elemPtr := types.PointerTo(ast.ElemType(e.T))
	field := func(off int64, t types.Type, v ast.Expr) ast.Stmt {
		return &ast.Store{At: at, Addr: &ast.Offset{At: at, Typed: ast.Typed{T: types.PointerTo(t)}, X: ast.DeepClone(dst), Off: off}, Value: v}
	}
	minus := func(x ast.Expr) ast.Expr {
		return &ast.Binary{At: at, Typed: ast.Typed{T: types.TI64}, Op: "-", X: x, Y: lo.ref()}
	}
	return append(stmts,
		field(ast.SlicePtr, elemPtr, &ast.Elem{At: at, Typed: ast.Typed{T: elemPtr}, X: p.base(), I: lo.ref()}),
		field(ast.SliceLen, types.TI64, minus(hi.ref())),
		field(ast.SliceCap, types.TI64, minus(hi.ref())))
}

// arrayInto writes the elements of the array literal e at dst.
func (m *memoryLowerer) arrayInto(r *ast.Rewriter, dst ast.Expr, e *ast.ArrayLit) []ast.Stmt {
	at := e.At
	elem := ast.ElemType(e.T)
	size := types.Sizeof(elem)
	var out []ast.Stmt
	for i, x := range e.Elems {
		edst := &ast.Offset{At: at, Typed: ast.Typed{T: types.PointerTo(elem)}, X: ast.DeepClone(dst), Off: int64(i) * size}
		if isAggregate(elem) {
			out = append(out, m.storeInto(r, edst, x, elem)...)
		} else {
			out = append(out, &ast.Store{At: at, Addr: edst, Value: r.RewriteExpr(x)})
		}
	}
	return out
}

// length is x.len: an array's constant (after x's effects, when it has any), a slice's header
// field.
func (m *memoryLowerer) length(r *ast.Rewriter, e *ast.Len) ast.Expr {
	if a, ok := e.X.Type().(*types.Array); ok {
		n := i64Lit(e.At, uint64(a.Len))
		if _, ref := e.X.(*ast.Ref); ref {
			return n
		}
		return inBlock(e.At, []ast.Stmt{&ast.ExprStmt{At: e.At, X: m.addr(r, e.X)}}, n)
	}
	return &ast.Load{At: e.At, Typed: e.Typed, Addr: &ast.Offset{At: e.At, Typed: ast.Typed{T: types.PointerTo(types.TI64)}, X: m.addr(r, e.X), Off: ast.SliceLen}}
}
