package passes

// The expression half of lower-optionals (see lower_optionals.go): split turns an expression of
// type ?T into statements, then a tag and a payload, and call passes split arguments.
//
//	(null:(opt T))                 =>  tag false, payload the zero of T
//	(convert:(opt T) X)            =>  (const opt.val X); tag true, payload opt.val
//	o#3 (a split binder)           =>  tag o.tag, payload o.val
//	(call:(opt T) f#1 A...)        =>  (var opt.val T) (var opt.tag bool (call f#1 A'... (addr-of opt.val)))
//	(if-expr:(opt T) C A B)        =>  (var opt.tag bool) (var opt.val T) (if C (block A... tag/payload assigned) ...)
//	(block:(opt T) S... (value V)) =>  (var opt.tag bool) (var opt.val T) (block S... tag/payload assigned)
//	(orelse:(opt T) X Y)           =>  X's tag, or else Y's, the same way

import (
	"fmt"

	"cot/ir/ast"
	"cot/ir/types"
)

// split lowers e, an expression of optional type: pre runs first, then tag and val read only
// variables and literals.
func (l *optLowering) split(e ast.Expr) (pre []ast.Stmt, tag, val ast.Expr) {
	at := ast.At{P: e.Pos()}
	elem := optElem(e.Type())
	switch e := e.(type) {
	case *ast.NullLit:
		return nil, &ast.BoolLit{At: at, Typed: ast.Typed{T: types.TBool}}, zeroOf(at, elem)
	case *ast.Convert:
		x := l.r.RewriteExpr(e.X)
		if isLit(x) {
			return nil, trueLit(at), x
		}
		v := l.temp("opt.val", elem)
		return []ast.Stmt{&ast.VarDecl{At: at, Name: v, Const: true, Type: elem, Init: x}}, trueLit(at), l.ref(at, v, elem)
	case *ast.Ref:
		parts, ok := l.parts[e.Name.ID]
		if !ok {
			panic(fmt.Sprintf("lower-optionals: %s is not a split optional", e.Name))
		}
		return nil, l.ref(at, parts.tag, types.TBool), l.ref(at, parts.val, elem)
	case *ast.Call:
		pre, call := l.call(e)
		v, t := l.temp("opt.val", elem), l.temp("opt.tag", types.TBool)
		call.Args = append(call.Args, &ast.AddrOf{At: at, Typed: ast.Typed{T: types.PointerTo(elem)}, X: l.ref(at, v, elem)})
		call.T = types.TBool
		pre = append(pre, &ast.VarDecl{At: at, Name: v, Type: elem, Init: zeroOf(at, elem)}, &ast.VarDecl{At: at, Name: t, Type: types.TBool, Init: call})
		return pre, l.ref(at, t, types.TBool), l.ref(at, v, elem)
	case *ast.If:
		t, v, pre := l.results(at, elem)
		return append(pre, l.ifInto(e, t, v, elem)), l.ref(at, t, types.TBool), l.ref(at, v, elem)
	case *ast.Block:
		t, v, pre := l.results(at, elem)
		return append(pre, l.blockInto(e, t, v, elem)), l.ref(at, t, types.TBool), l.ref(at, v, elem)
	case *ast.OrElse:
		t, v, pre := l.results(at, elem)
		xpre, xt, xv := l.split(e.X)
		pre = append(pre, xpre...)
		then := &ast.Block{At: at, Stmts: []ast.Stmt{l.assign(at, t, types.TBool, xt), l.assign(at, v, elem, xv)}}
		ypre, yt, yv := l.split(e.Y)
		els := &ast.Block{At: at, Stmts: append(ypre, l.assign(at, t, types.TBool, yt), l.assign(at, v, elem, yv))}
		return append(pre, &ast.If{At: at, Cond: xt, Then: then, Else: els}), l.ref(at, t, types.TBool), l.ref(at, v, elem)
	}
	panic(fmt.Sprintf("lower-optionals: unexpected optional expression %s", e.Kind()))
}

// results declares the variables a computed optional is assigned to.
func (l *optLowering) results(at ast.At, elem types.Type) (tag, val ast.Name, decls []ast.Stmt) {
	tag, val = l.temp("opt.tag", types.TBool), l.temp("opt.val", elem)
	return tag, val, []ast.Stmt{&ast.VarDecl{At: at, Name: tag, Type: types.TBool}, &ast.VarDecl{At: at, Name: val, Type: elem, Init: zeroOf(at, elem)}}
}

// ifInto is the if expression e as a statement that assigns its optional value to tag and val.
func (l *optLowering) ifInto(e *ast.If, tag, val ast.Name, elem types.Type) *ast.If {
	out := &ast.If{At: e.At, Cond: l.r.RewriteExpr(e.Cond), Then: l.blockInto(e.Then, tag, val, elem)}
	switch els := e.Else.(type) {
	case *ast.Block:
		out.Else = l.blockInto(els, tag, val, elem)
	case *ast.If:
		out.Else = l.ifInto(els, tag, val, elem)
	}
	return out
}

// blockInto is the block expression b as a block that assigns its optional value to tag and val.
func (l *optLowering) blockInto(b *ast.Block, tag, val ast.Name, elem types.Type) *ast.Block {
	out := &ast.Block{At: b.At, Stmts: []ast.Stmt{}}
	for _, s := range b.Stmts {
		out.Stmts = append(out.Stmts, l.r.RewriteStmt(s)...)
	}
	pre, t, v := l.split(b.Value)
	out.Stmts = append(append(out.Stmts, pre...), l.assign(b.At, tag, types.TBool, t), l.assign(b.At, val, elem, v))
	return out
}

// call rewrites a call: every argument is evaluated, in order, into a temporary (an optional
// one split into two) when any argument is optional, and the callee takes its new signature.
func (l *optLowering) call(e *ast.Call) (pre []ast.Stmt, call *ast.Call) {
	call = &ast.Call{At: e.At, Typed: e.Typed, Callee: e.Callee}
	if nf, ok := l.sigs[e.FuncName().ID]; ok {
		callee := *e.Callee.(*ast.Ref)
		callee.T = nf.Signature()
		call.Callee = &callee
	}
	split := false
	for _, a := range e.Args {
		split = split || optElem(a.Type()) != nil
	}
	if !split {
		call.Args = l.r.RewriteExprs(e.Args)
		return nil, call
	}
	for _, a := range e.Args {
		at := ast.At{P: a.Pos()}
		elem := optElem(a.Type())
		if elem == nil {
			t := l.temp("arg", a.Type())
			pre = append(pre, &ast.VarDecl{At: at, Name: t, Const: true, Type: a.Type(), Init: l.r.RewriteExpr(a)})
			call.Args = append(call.Args, l.ref(at, t, a.Type()))
			continue
		}
		apre, at0, av := l.split(a)
		t, v := l.temp("arg.tag", types.TBool), l.temp("arg.val", elem)
		pre = append(append(pre, apre...),
			&ast.VarDecl{At: at, Name: t, Const: true, Type: types.TBool, Init: at0},
			&ast.VarDecl{At: at, Name: v, Const: true, Type: elem, Init: av})
		call.Args = append(call.Args, l.ref(at, t, types.TBool), l.ref(at, v, elem))
	}
	return pre, call
}

func (l *optLowering) temp(name string, _ types.Type) ast.Name {
	return ast.Name{Name: name, ID: l.ids.Next()}
}

func trueLit(at ast.At) ast.Expr {
	return &ast.BoolLit{At: at, Typed: ast.Typed{T: types.TBool}, Value: true}
}

func isLit(e ast.Expr) bool {
	switch e.(type) {
	case *ast.IntLit, *ast.FloatLit, *ast.BoolLit:
		return true
	}
	return false
}

// zeroOf is the zero value of the scalar type t (the payload of a null optional).
func zeroOf(at ast.At, t types.Type) ast.Expr {
	ty := ast.Typed{T: t}
	switch {
	case t == types.TBool:
		return &ast.BoolLit{At: at, Typed: ty}
	case types.IsFloat(t):
		return &ast.FloatLit{At: at, Typed: ty}
	case types.IsInteger(t):
		return &ast.IntLit{At: at, Typed: ty}
	}
	return &ast.Convert{At: at, Typed: ty, X: &ast.IntLit{At: at, Typed: ast.Typed{T: types.TI64}}}
}
