package passes

// Anonymous functions of resolve-names (see resolve_names.go). A fn-lit's parameters and body
// form a scope like a function's; a break or continue inside it cannot leave it. A name that
// resolves to a local or parameter of an enclosing function (a scope below the fn-lit's first)
// is a capture (spec §6.16): it joins the captures of this fn-lit and of every fn-lit between
// it and the binder, so a closure nested in a closure finds the value in its parent's copy
// (docs/decisions.md "closures": transitive captures).
//
//	(ref x) in (fn-lit … (captures) …)  =>  (ref x#4) in (fn-lit … (captures x#4) …)

import (
	"cot/ir/ast"
	"cot/ir/src"
	"cot/ir/types"
)

// closureScope is one fn-lit being resolved.
type closureScope struct {
	base     int // index in rs.scopes of its parameters' scope
	captures []ast.Expr
	seen     map[int]bool
}

func (rs *resolver) funcLit(r *ast.Rewriter, e *ast.FuncLit) ast.Expr {
	c := *e
	c.Params = nil
	c.ResultX = r.RewriteType(e.ResultX)
	rs.push()
	cs := &closureScope{base: len(rs.scopes) - 1, seen: map[int]bool{}}
	rs.closures = append(rs.closures, cs)
	loops := rs.loops
	rs.loops = nil
	for _, prm := range e.Params {
		pc := *prm
		pc.TypeX = r.RewriteType(prm.TypeX)
		pc.Name = rs.declare(prm.Pos(), prm.Name.Name)
		c.Params = append(c.Params, &pc)
	}
	c.Body = r.RewriteBlock(e.Body)
	rs.loops = loops
	rs.closures = rs.closures[:len(rs.closures)-1]
	rs.pop()
	c.Captures = cs.captures
	return &c
}

// capture records that the name n, found in scope index i, is used at pos: a capture of every
// fn-lit being resolved whose scopes start above i, unless n is top-level or a type.
func (rs *resolver) capture(pos src.Pos, i int, n ast.Name) {
	if i == 0 || rs.types[n.ID] {
		return
	}
	for _, cs := range rs.closures {
		if cs.base > i && !cs.seen[n.ID] {
			cs.seen[n.ID] = true
			cs.captures = append(cs.captures, &ast.Ref{At: ast.At{P: pos}, Name: n})
		}
	}
}

// valueCall reads `f(a)(b)` that parse took for an instance of a generic `f` as the call `f(a)`
// whose result is called with b, when f is not generic and each of a … is a plain name (which
// parse could not tell from a type): the callee of the outer call becomes that inner call.
// It returns nil when the instance stays one.
func (rs *resolver) valueCall(in *ast.Instance) ast.Expr {
	if in.Name.ID == 0 || rs.generics[in.Name.ID] != nil || rs.types[in.Name.ID] {
		return nil
	}
	for _, a := range in.Args {
		tn, ok := a.(*ast.TypeName)
		if !ok {
			return nil
		}
		if _, keyword := types.Keyword(tn.Name.Name); keyword {
			return nil
		}
	}
	call := &ast.Call{At: in.At, Callee: &ast.Ref{At: in.At, Name: in.Name}}
	for _, a := range in.Args {
		tn := a.(*ast.TypeName)
		call.Args = append(call.Args, &ast.Ref{At: tn.At, Name: rs.lookup(tn.Pos(), tn.Name.Name)})
	}
	return call
}
