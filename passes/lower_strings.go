// Pass lower-strings: no-builtins -> no-strings.
//
// Spells the string operations (ir/ast/node_string.go) with the three string primitives
// str-len, str-ptr and str-make, address arithmetic and the runtime (runtime/string.cot): a
// literal is made from the address of its bytes; s[i] and s[a:b] check their bounds
// (decisions.md #10: an index must be below the length, a slice's bounds ordered and at most
// the length, compared unsigned so a negative one fails) and otherwise call bounds_failed, which
// stops the program with `error: index out of bounds` and status 134 (#28); == and != compare
// contents with the runtime's str_eq (#16). FAIL below is (block (expr (call-runtime bounds_failed))).
//
//	(str "hi")            =>  (str-make:string (str-addr "hi") 2)
//	(index:u8 S I)        =>  (block:u8 (const s#8 string S) (const i#9 i64 I)
//	                            (if (>= (convert:u64 i#9) (convert:u64 (str-len s#8))) FAIL)
//	                            (value (deref:u8 (convert:(ptr u8) (+ (str-ptr s#8) i#9)))))
//	(slice:string S L H)  =>  (block:string (const s#8 string S) (const lo#9 i64 L|0)
//	                            (const hi#10 i64 H|(str-len s#8))
//	                            (if (> (convert:u64 hi#10) (convert:u64 (str-len s#8))) FAIL)
//	                            (if (> (convert:u64 lo#9) (convert:u64 hi#10)) FAIL)
//	                            (value (str-make (+ (str-ptr s#8) lo#9) (- hi#10 lo#9))))
//	(== A B)              =>  (call-runtime:bool str_eq A B)
//	(!= A B)              =>  (not (call-runtime:bool str_eq A B))
//	(+ A B)               =>  (call-runtime:string str_concat A B)   ; a new string from alloc
//	(str-make P L)        =>  (block:string (const p#8 i64 P) (const n#9 i64 L)
//	                            (if (> (convert:u64 p#8) (convert:u64 0xffffffff)) FAIL)
//	                            (if (> (convert:u64 n#9) (convert:u64 0xffffffff)) FAIL)
//	                            (value (str-make p#8 n#9)))
//	(bytes-string X)      =>  (block:string (const b#8 (slice u8) X) (var s#9 string (str-make (str-addr "") 0))
//	                            (if (!= (len b#8) 0) (assign s#9 (str-make (convert:i64 (addr-of (index b#8 0))) (len b#8))))
//	                            (value s#9))
//	(string-bytes X)      =>  (block:(slice u8) (const s#8 string X) (var b#9 (slice u8) (zero))
//	                            (assign (deref:i64 (convert:(ptr i64) (+ (convert:i64 (addr-of b#9)) 0))) (str-ptr s#8))
//	                            ... len @8 and cap @16 likewise, both (str-len s#8)
//	                            (value b#9))
//
// Design decision: @string(p, n) fails like an out-of-bounds index when p or n does not fit 32
// bits (no such string can lie in a 32-bit linear memory), so a string value always packs
// exactly (ir/ast/node_string.go) and @ptrOf/@lenOf give back what @string was given.

package passes

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

func lowerStrings(_ *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	l := &stringLowerer{ids: ast.NewIDs(p)}
	r := &ast.Rewriter{Share: true, Expr: func(r *ast.Rewriter, e ast.Expr) ast.Expr {
		switch e := e.(type) {
		case *ast.StrLit:
			return stringLit(e.At, e.Value)
		case *ast.Index:
			if e.X.Type() == types.TString {
				return l.index(e, r.RewriteExpr(e.X), r.RewriteExpr(e.I))
			}
		case *ast.SliceExpr:
			if e.X.Type() == types.TString {
				return l.slice(e, r)
			}
		case *ast.StrMake:
			return l.make(e, r.RewriteExpr(e.Ptr), r.RewriteExpr(e.Len))
		case *ast.BytesString:
			return l.bytesString(e, r.RewriteExpr(e.X))
		case *ast.StringBytes:
			return l.stringBytes(e, r.RewriteExpr(e.X))
		case *ast.Binary:
			if e.X.Type() == types.TString && e.Op == "+" {
				return &ast.RuntimeCall{At: e.At, Typed: e.Typed, Name: "str_concat", Args: []ast.Expr{r.RewriteExpr(e.X), r.RewriteExpr(e.Y)}}
			}
			if e.X.Type() == types.TString {
				return equal(e, r.RewriteExpr(e.X), r.RewriteExpr(e.Y))
			}
		}
		return defaultExpr(r, e) // a string literal was the only leaf to change
	}}
	return r.Program(p), nil
}

type stringLowerer struct{ ids *ast.IDs }

// stringLit is the string value of a literal: its bytes' address and its length.
func stringLit(at ast.At, s string) ast.Expr {
	return &ast.StrMake{At: at, Typed: ast.Typed{T: types.TString},
		Ptr: &ast.StrAddr{At: at, Typed: ast.Typed{T: types.TI64}, Value: s}, Len: i64Lit(at, uint64(len(s)))}
}

// temp binds x to a fresh constant; it returns the declaration and a maker of references.
func (l *stringLowerer) temp(at ast.At, name string, x ast.Expr) (ast.Stmt, func() ast.Expr) {
	n := ast.Name{Name: name, ID: l.ids.Next()}
	t := x.Type()
	return &ast.VarDecl{At: at, Name: n, Const: true, Type: t, Init: x},
		func() ast.Expr { return &ast.Ref{At: at, Typed: ast.Typed{T: t}, Name: n} }
}

func strLen(at ast.At, s ast.Expr) ast.Expr {
	return &ast.StrLen{At: at, Typed: ast.Typed{T: types.TI64}, X: s}
}

func strPtr(at ast.At, s ast.Expr) ast.Expr {
	return &ast.StrPtr{At: at, Typed: ast.Typed{T: types.TI64}, X: s}
}

func i64Op(at ast.At, op string, x, y ast.Expr) ast.Expr {
	return &ast.Binary{At: at, Typed: ast.Typed{T: types.TI64}, Op: op, X: x, Y: y}
}

// outOfBounds is `if (x >u y) fail`, y and x compared as u64 (a negative index is huge).
func outOfBounds(at ast.At, op string, x, y ast.Expr) ast.Stmt {
	u := func(e ast.Expr) ast.Expr { return &ast.Convert{At: at, Typed: ast.Typed{T: types.TU64}, X: e} }
	return &ast.If{At: at, Cond: &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: op, X: u(x), Y: u(y)},
		Then: &ast.Block{At: at, Stmts: []ast.Stmt{runtimeStmt(at, "bounds_failed")}}}
}

func (l *stringLowerer) index(e *ast.Index, x, i ast.Expr) ast.Expr {
	at := e.At
	sDecl, s := l.temp(at, "s", x)
	iDecl, idx := l.temp(at, "i", i)
	addr := &ast.Convert{At: at, Typed: ast.Typed{T: types.PointerTo(types.TU8)}, X: i64Op(at, "+", strPtr(at, s()), idx())}
	return &ast.Block{At: at, Typed: ast.Typed{T: types.TU8},
		Stmts: []ast.Stmt{sDecl, iDecl, outOfBounds(at, ">=", idx(), strLen(at, s()))},
		Value: &ast.Deref{At: at, Typed: ast.Typed{T: types.TU8}, X: addr}}
}

func (l *stringLowerer) slice(e *ast.SliceExpr, r *ast.Rewriter) ast.Expr {
	at := e.At
	sDecl, s := l.temp(at, "s", r.RewriteExpr(e.X))
	lo, hi := i64Lit(at, 0), strLen(at, s())
	if e.Lo != nil {
		lo = r.RewriteExpr(e.Lo)
	}
	if e.Hi != nil {
		hi = r.RewriteExpr(e.Hi)
	}
	loDecl, loRef := l.temp(at, "lo", lo)
	hiDecl, hiRef := l.temp(at, "hi", hi)
	return &ast.Block{At: at, Typed: ast.Typed{T: types.TString},
		Stmts: []ast.Stmt{sDecl, loDecl, hiDecl,
			outOfBounds(at, ">", hiRef(), strLen(at, s())), outOfBounds(at, ">", loRef(), hiRef())},
		Value: &ast.StrMake{At: at, Typed: ast.Typed{T: types.TString},
			Ptr: i64Op(at, "+", strPtr(at, s()), loRef()), Len: i64Op(at, "-", hiRef(), loRef())}}
}

// equal compares two strings by content: str_eq, negated for !=.
func equal(e *ast.Binary, x, y ast.Expr) ast.Expr {
	var v ast.Expr = &ast.RuntimeCall{At: e.At, Typed: ast.Typed{T: types.TBool}, Name: "str_eq", Args: []ast.Expr{x, y}}
	if e.Op == "!=" {
		v = &ast.Unary{At: e.At, Typed: ast.Typed{T: types.TBool}, Op: "not", X: v}
	}
	return v
}

// make checks the address and length of a user's @string: both must fit 32 bits.
func (l *stringLowerer) make(e *ast.StrMake, ptr, n ast.Expr) ast.Expr {
	at := e.At
	pDecl, p := l.temp(at, "p", ptr)
	nDecl, nRef := l.temp(at, "n", n)
	limit := func() ast.Expr { return i64Lit(at, 0xffffffff) }
	return &ast.Block{At: at, Typed: ast.Typed{T: types.TString},
		Stmts: []ast.Stmt{pDecl, nDecl, outOfBounds(at, ">", p(), limit()), outOfBounds(at, ">", nRef(), limit())},
		Value: &ast.StrMake{At: at, Typed: ast.Typed{T: types.TString}, Ptr: p(), Len: nRef()}}
}

// bytesString is the string of the bytes of the []u8 x: the address of its first element (read
// only when there is one, as indexing checks) and its length; "" when it is empty.
func (l *stringLowerer) bytesString(e *ast.BytesString, x ast.Expr) ast.Expr {
	at := e.At
	bDecl, b := l.temp(at, "b", x)
	sDecl, s := l.temp(at, "s", stringLit(at, ""))
	sDecl.(*ast.VarDecl).Const = false
	n := func() ast.Expr { return &ast.Len{At: at, Typed: ast.Typed{T: types.TI64}, X: b()} }
	first := &ast.AddrOf{At: at, Typed: ast.Typed{T: types.PointerTo(types.TU8)}, X: &ast.Index{At: at, Typed: ast.Typed{T: types.TU8}, X: b(), I: i64Lit(at, 0)}}
	ptr := &ast.Convert{At: at, Typed: ast.Typed{T: types.TI64}, X: first}
	set := &ast.Assign{At: at, Target: s(), Value: &ast.StrMake{At: at, Typed: ast.Typed{T: types.TString}, Ptr: ptr, Len: n()}}
	nonEmpty := &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: "!=", X: n(), Y: i64Lit(at, 0)}
	return &ast.Block{At: at, Typed: ast.Typed{T: types.TString},
		Stmts: []ast.Stmt{bDecl, sDecl, &ast.If{At: at, Cond: nonEmpty, Then: &ast.Block{At: at, Stmts: []ast.Stmt{set}}}},
		Value: s()}
}

// stringBytes is the []u8 of the bytes of the string x: a slice variable whose header fields
// (ast.SlicePtr, SliceLen, SliceCap) are stored through its address, the capacity the length.
func (l *stringLowerer) stringBytes(e *ast.StringBytes, x ast.Expr) ast.Expr {
	at := e.At
	sDecl, s := l.temp(at, "s", x)
	bDecl, b := l.temp(at, "b", &ast.Zero{At: at, Typed: ast.Typed{T: e.T}})
	bDecl.(*ast.VarDecl).Const = false
	field := func(off uint64, v ast.Expr) ast.Stmt {
		base := &ast.Convert{At: at, Typed: ast.Typed{T: types.TI64}, X: &ast.AddrOf{At: at, Typed: ast.Typed{T: types.PointerTo(e.T)}, X: b()}}
		p := &ast.Convert{At: at, Typed: ast.Typed{T: types.PointerTo(types.TI64)}, X: i64Op(at, "+", base, i64Lit(at, off))}
		return &ast.Assign{At: at, Target: &ast.Deref{At: at, Typed: ast.Typed{T: types.TI64}, X: p}, Value: v}
	}
	return &ast.Block{At: at, Typed: ast.Typed{T: e.T},
		Stmts: []ast.Stmt{sDecl, bDecl, field(ast.SlicePtr, strPtr(at, s())), field(ast.SliceLen, strLen(at, s())), field(ast.SliceCap, strLen(at, s()))},
		Value: b()}
}
