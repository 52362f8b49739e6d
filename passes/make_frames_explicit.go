// Pass make-frames-explicit: memory-explicit -> frames-explicit.
//
// Lays out each function's frame on the shadow stack: every alloca gets its own slot, aligned
// for its type, and becomes the frame pointer plus the slot's offset; the function records its
// frame size (a multiple of 16). lower-to-wasm moves the stack pointer global by that size on
// entry and back before each return. A function with a frame first checks that it stays above
// the stack limit, and otherwise stops the program with `error: stack overflow` and status 134
// (decisions.md #28), as a failed assertion does.
//
//	(func f#1 () void (block (const x#3 (ptr i64) (alloca:(ptr i64))) S...))
//	  =>  (func f#1 () void (frame 16)
//	        (block (if (< (convert:i64 (frame-addr:(ptr u8) 0)) (stack-limit))
//	                   (block (expr (host fd_write 2 MSG 22)) (exit 134)))
//	               (const x#3 (ptr i64) (frame-addr:(ptr i64) 0)) S...))
//
// Design decision: slots are static (one per alloca node, not per execution), so a loop
// reuses its slots and a frame's size is known on entry; recursion gets a frame per call.

package passes

import (
	"bytes"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

const stackOverflowMessage = "error: stack overflow\n"

func makeFramesExplicit(_ *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	data := append([]byte(nil), p.Data...)
	msg := int64(-1) // offset of the message in the data image, once a frame needs it
	// Both rewrites share (ast.Rewriter.Share): a function with a frame is copied, with a new
	// body, before it is changed. The slots rewrite serves every function (size is the frame of
	// the one under way): one for each was a Rewriter and its visitors per function.
	var size int64
	slots := &ast.Rewriter{Share: true, Expr: func(sr *ast.Rewriter, e ast.Expr) ast.Expr {
		a, ok := e.(*ast.Alloca)
		if !ok {
			return defaultExpr(sr, e)
		}
		elem := a.Elem()
		size = alignTo(size, max(types.Alignof(elem), 1))
		fa := &ast.FrameAddr{At: a.At, Typed: a.Typed, Offset: size}
		size += max(types.Sizeof(elem), 1)
		return fa
	}}
	r := &ast.Rewriter{Share: true, Decl: func(r *ast.Rewriter, d ast.Decl) []ast.Decl {
		f, ok := d.(*ast.Func)
		if !ok {
			return []ast.Decl{r.DefaultDecl(d)}
		}
		size = 0
		out := slots.DefaultDecl(f).(*ast.Func)
		if size == 0 {
			return []ast.Decl{out}
		}
		out = ast.Clone(out)
		out.Frame = alignTo(size, 16)
		if msg < 0 {
			if i := bytes.Index(data, []byte(stackOverflowMessage)); i >= 0 {
				msg = int64(i)
			} else {
				msg = int64(len(data))
				data = append(data, stackOverflowMessage...)
			}
		}
		body := *out.Body
		body.Stmts = append([]ast.Stmt{stackCheck(f.At, msg)}, body.Stmts...)
		out.Body = &body
		return []ast.Decl{out}
	}}
	out := r.Consume(p) // each declaration is released once rewritten (decisions.md, front-end memory)
	out.Data = data
	return out, nil
}

// stackCheck stops the program with the message at data offset msg when the frame pointer is
// below the stack limit.
func stackCheck(at ast.At, msg int64) ast.Stmt {
	i64 := func(v uint64) ast.Expr { return &ast.IntLit{At: at, Typed: ast.Typed{T: types.TI64}, Value: v} }
	fp := &ast.Convert{At: at, Typed: ast.Typed{T: types.TI64},
		X: &ast.FrameAddr{At: at, Typed: ast.Typed{T: types.PointerTo(types.TU8)}}}
	below := &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: "<", X: fp, Y: &ast.StackLimit{At: at, Typed: ast.Typed{T: types.TI64}}}
	// The runtime is imported already: the message is one host call (22 bytes to stderr are
	// written at once), then @exit.
	report := &ast.ExprStmt{At: at, X: &ast.HostCall{At: at, Typed: ast.Typed{T: types.TI64}, Name: "fd_write",
		Args: []ast.Expr{i64(2), &ast.DataAddr{At: at, Typed: ast.Typed{T: types.TI64}, Offset: msg}, i64(uint64(len(stackOverflowMessage)))}}}
	return &ast.If{At: at, Cond: below, Then: &ast.Block{At: at, Stmts: []ast.Stmt{report, &ast.Exit{At: at, Code: i64(134)}}}}
}

func alignTo(n, a int64) int64 { return (n + a - 1) / a * a }
