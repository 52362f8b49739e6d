// Pass lower-errors: no-optionals -> no-errors.
//
// Makes every error union E!T (spec §3.3, §7, decisions.md #14: payloads of any type) a named
// struct of the layout of a two-variant union, `err.T {tag: i64, payload: [W]u64}` (tag 0: the
// value, 1: an error whose number is the payload's first word; 8·W = roundup8(max(size T, 8))),
// with the engine of lower_sums.go and the payload access of lower-unions, so an error union
// lives wherever a struct may. An error value is already its i64 number.
//
//	(error-lit:i64 A 3)              =>  3:i64
//	(convert:E!T X)                  =>  (block:err.T (var un#9 err.T (struct-lit:err.T - (tag 0:i64) (payload (array-lit …))))
//	                                        (assign (deref:T (convert:(ptr T) (addr-of … (field un#9 payload)))) X) (value un#9))
//	(fail:E!T X)                     =>  the same with tag 1 and the i64 X as payload
//	(is-error:bool X)                =>  (!=:bool (field:i64 X tag) 0:i64)
//	(error-code:i64 X)               =>  (deref:i64 (convert:(ptr i64) (addr-of … (field X payload))))
//	(ok-value:T X)                   =>  (deref:T (convert:(ptr T) (addr-of … (field X payload))))
//	(zero:E!T)                       =>  (zero:err.T)  (ok: the tag is 0)
//
// A `main` returning !i64 or !void (decisions.md, Errors) is renamed main.body and called by a
// new main that ends the program with `error: main returned an error` on stderr and exit status
// 1 on an error, and otherwise returns the value.

package passes

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

func lowerErrors(_ *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	p = wrapMainErrors(p)
	return lowerSums(p, sumKind{is: isErrorUnion, replace: errorUnionStruct, expr: errorNode, lit: isErrorLit}), nil
}

// isErrorLit reports an error literal, which errorNode makes its number: in a program with no
// error union too.
func isErrorLit(n ast.Node) bool {
	_, ok := n.(*ast.ErrorLit)
	return ok
}

// errorUnionStruct declares err.T {tag: i64, payload: [W]u64}.
func errorUnionStruct(s *sumLowerer, t types.Type) *types.Named {
	payload := s.lower(t.(*types.ErrorUnion).Payload)
	n := s.declare("err." + payload.String())
	words := (max(types.Sizeof(payload), 8) + 7) / 8
	n.SetUnderlying(&types.Struct{Fields: []*types.Field{{Name: "tag", Type: types.TI64}, {Name: "payload", Type: types.ArrayOf(words, types.TU64)}}})
	return n
}

// errorNode lowers conversions to error unions, fail, is-error, error-code, ok-value and zero.
func errorNode(s *sumLowerer, e ast.Expr) (ast.Expr, bool) {
	at := ast.AtOf(e.Pos())
	switch e := e.(type) {
	case *ast.ErrorLit: // an error value is its number
		return &ast.IntLit{At: e.At, Typed: ast.Typed{T: types.TI64}, Value: uint64(e.Code)}, true
	case *ast.Convert:
		if !isErrorUnion(e.T) {
			return nil, false
		}
		return errorUnionLit(s, at, s.lower(e.T), 0, s.r.RewriteExpr(e.X)), true
	case *ast.Fail:
		return errorUnionLit(s, at, s.lower(e.T), 1, s.r.RewriteExpr(e.X)), true
	case *ast.IsError:
		return tagIs(at, s.r.RewriteExpr(e.X), "!=", 0), true
	case *ast.ErrorCode:
		return &ast.Deref{At: at, Typed: ast.Typed{T: types.TI64}, X: payloadAddr(at, s.r.RewriteExpr(e.X), types.TI64)}, true
	case *ast.OkValue:
		x := s.r.RewriteExpr(e.X)
		if e.T == types.TVoid { // the value of !void: nothing to read
			return &ast.Block{At: at, Typed: ast.Typed{T: types.TVoid}, Stmts: []ast.Stmt{&ast.ExprStmt{At: at, X: x}}}, true
		}
		t := s.lower(e.T)
		return &ast.Deref{At: at, Typed: ast.Typed{T: t}, X: payloadAddr(at, x, t)}, true
	}
	return nil, false
}

// errorUnionLit is the lowered error union t with the given tag and payload x: zero payload
// words, then x stored over them (nothing stored for a void value).
func errorUnionLit(s *sumLowerer, at ast.At, t types.Type, tag uint64, x ast.Expr) ast.Expr {
	lit := &ast.StructLit{At: at, Typed: ast.Typed{T: t}, Names: []string{"tag", "payload"},
		Values: []ast.Expr{i64Lit(at, tag), zeroWords(at, ast.FieldType(t, 1).(*types.Array))}}
	if x.Type() == types.TVoid {
		return &ast.Block{At: at, Typed: ast.Typed{T: t}, Stmts: []ast.Stmt{&ast.ExprStmt{At: at, X: x}}, Value: lit}
	}
	return s.withPayload(at, lit, x)
}

// wrapMainErrors renames a main returning an error union main.body and adds the main that
// calls it and ends the program on an error.
func wrapMainErrors(p *ast.Program) *ast.Program {
	for i, d := range p.Decls {
		f, ok := d.(*ast.Func)
		if !ok || f.Name.Name != "main" || !isErrorUnion(f.Result) {
			continue
		}
		ids := ast.NewIDs(p)
		body := *f
		body.Name.Name = "main.body"
		at := f.At
		u := f.Result.(*types.ErrorUnion)
		r := ast.Name{Name: "main.result", ID: ids.Next()}
		ref := func() ast.Expr { return &ast.Ref{At: at, Typed: ast.Typed{T: u}, Name: r} }
		call := &ast.Call{At: at, Typed: ast.Typed{T: u}, Callee: &ast.Ref{At: at, Typed: ast.Typed{T: body.Signature()}, Name: body.Name}}
		fail := &ast.Block{At: at, Stmts: []ast.Stmt{
			&ast.Print{At: at, Fd: 2, Newline: true, Args: []ast.Expr{&ast.StrLit{At: at, Typed: ast.Typed{T: types.TString}, Value: "error: main returned an error"}}},
			&ast.Exit{At: at, Code: i64Lit(at, 1)},
		}}
		stmts := []ast.Stmt{
			&ast.VarDecl{At: at, Name: r, Const: true, Type: u, Init: call},
			&ast.If{At: at, Cond: &ast.IsError{At: at, Typed: ast.Typed{T: types.TBool}, X: ref()}, Then: fail},
		}
		main := &ast.Func{At: at, Name: ast.Name{Name: "main", ID: ids.Next()}, Result: u.Payload, Body: &ast.Block{At: at, Stmts: stmts}}
		if u.Payload == types.TI64 {
			stmts = append(stmts, &ast.Return{At: at, Value: &ast.OkValue{At: at, Typed: ast.Typed{T: types.TI64}, X: ref()}})
			main.Body.Stmts = stmts
		}
		decls := append([]ast.Decl{}, p.Decls[:i]...)
		decls = append(append(decls, &body, main), p.Decls[i+1:]...)
		out := &ast.Program{Types: p.Types, Data: p.Data, Decls: decls}
		ast.CarryIDs(out, p)
		return out
	}
	return p
}
