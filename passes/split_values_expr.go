package passes

// Expressions of the splitting engine (split_values.go): a split value as its parts, if and
// block expressions and calls that produce split values.

import (
	"fmt"

	"cot/ir/ast"
	"cot/ir/types"
)

// split lowers e, an expression of a split type: pre runs first, then vals (one per part) read
// only variables and literals.
func (l *splitter) split(e ast.Expr) (pre []ast.Stmt, vals []ast.Expr) {
	at := ast.At{P: e.Pos()}
	parts := l.kind.parts(e.Type())
	if pre, vals, ok := l.kind.produce(l, e); ok {
		return pre, vals
	}
	switch e := e.(type) {
	case *ast.Ref:
		names, ok := l.names[e.Name.ID]
		if !ok {
			panic(fmt.Sprintf("split: %s is not a split binder", e.Name))
		}
		return nil, l.refs(at, names, parts)
	case *ast.Call:
		pre, call := l.call(e)
		names := make([]ast.Name, len(parts))
		for i := range parts {
			names[i] = l.temp("res." + parts[i].suffix)
		}
		for i, pt := range parts[1:] {
			pre = append(pre, &ast.VarDecl{At: at, Name: names[i+1], Type: pt.T, Init: zeroOf(at, pt.T)})
			call.Args = append(call.Args, &ast.AddrOf{At: at, Typed: ast.Typed{T: types.PointerTo(pt.T)}, X: l.ref(at, names[i+1], pt.T)})
		}
		call.T = parts[0].T
		pre = append(pre, &ast.VarDecl{At: at, Name: names[0], Type: parts[0].T, Init: call})
		return pre, l.refs(at, names, parts)
	case *ast.If:
		names, pre := l.results(at, parts)
		return append(pre, l.ifInto(e, names, parts)), l.refs(at, names, parts)
	case *ast.Block:
		names, pre := l.results(at, parts)
		return append(pre, l.blockInto(e, names, parts)), l.refs(at, names, parts)
	}
	panic(fmt.Sprintf("split: unexpected expression %s of type %v", e.Kind(), e.Type()))
}

// refs reads each part's binder.
func (l *splitter) refs(at ast.At, names []ast.Name, parts []part) []ast.Expr {
	out := make([]ast.Expr, len(parts))
	for i, pt := range parts {
		out[i] = l.ref(at, names[i], pt.T)
	}
	return out
}

// results declares the variables a computed value's parts are assigned to.
func (l *splitter) results(at ast.At, parts []part) (names []ast.Name, decls []ast.Stmt) {
	for _, pt := range parts {
		n := l.temp("res." + pt.suffix)
		names = append(names, n)
		decls = append(decls, &ast.VarDecl{At: at, Name: n, Type: pt.T, Init: zeroOf(at, pt.T)})
	}
	return names, decls
}

// ifInto is the if expression e as a statement that assigns its value's parts to names.
func (l *splitter) ifInto(e *ast.If, names []ast.Name, parts []part) *ast.If {
	out := &ast.If{At: e.At, Cond: l.r.RewriteExpr(e.Cond), Then: l.blockInto(e.Then, names, parts)}
	switch els := e.Else.(type) {
	case *ast.Block:
		out.Else = l.blockInto(els, names, parts)
	case *ast.If:
		out.Else = l.ifInto(els, names, parts)
	}
	return out
}

// blockInto is the block expression b as a block that assigns its value's parts to names.
func (l *splitter) blockInto(b *ast.Block, names []ast.Name, parts []part) *ast.Block {
	out := &ast.Block{At: b.At, Stmts: []ast.Stmt{}}
	for _, s := range b.Stmts {
		out.Stmts = append(out.Stmts, l.r.RewriteStmt(s)...)
	}
	pre, vals := l.split(b.Value)
	out.Stmts = append(append(out.Stmts, pre...), l.assignAll(b.At, names, parts, vals)...)
	return out
}

// call rewrites a call: when any argument is split, every argument is evaluated, in order, into
// temporaries (one per part); the callee takes its new signature.
func (l *splitter) call(e *ast.Call) (pre []ast.Stmt, call *ast.Call) {
	call = &ast.Call{At: e.At, Typed: e.Typed, Callee: e.Callee}
	if nf, ok := l.sigs[e.FuncName().ID]; ok {
		callee := *e.Callee.(*ast.Ref)
		callee.T = nf.Signature()
		call.Callee = &callee
	}
	split := false
	for _, a := range e.Args {
		split = split || l.kind.parts(a.Type()) != nil
	}
	if !split {
		call.Args = l.r.RewriteExprs(e.Args)
		return nil, call
	}
	for _, a := range e.Args {
		at := ast.At{P: a.Pos()}
		parts := l.kind.parts(a.Type())
		if parts == nil {
			t := l.temp("arg")
			pre = append(pre, &ast.VarDecl{At: at, Name: t, Const: true, Type: a.Type(), Init: l.r.RewriteExpr(a)})
			call.Args = append(call.Args, l.ref(at, t, a.Type()))
			continue
		}
		apre, vals := l.split(a)
		pre = append(pre, apre...)
		for i, pt := range parts {
			t := l.temp("arg." + pt.suffix)
			pre = append(pre, &ast.VarDecl{At: at, Name: t, Const: true, Type: pt.T, Init: vals[i]})
			call.Args = append(call.Args, l.ref(at, t, pt.T))
		}
	}
	return pre, call
}

// withPre is the block expression { pre; value }, or value alone when pre is empty.
func withPre(at ast.At, pre []ast.Stmt, value ast.Expr) ast.Expr {
	if len(pre) == 0 {
		return value
	}
	return &ast.Block{At: at, Typed: ast.Typed{T: value.Type()}, Stmts: pre, Value: value}
}

// zeroOf is the zero value of the scalar type t.
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
