package passes

// Tuples and type aliases of check-types (see check_types.go), spec §4.8 and §6.11: a tuple
// literal takes its element types from the expected tuple type or from its elements (untyped
// literals as i64); `t.0` reads an element as a field node; a tuple value converts element-wise
// to a tuple type whose elements its own convert to (§3.4), through a temporary; `type Name = T`
// names T itself (an alias is no new type), resolved on first use, a cycle of aliases being an
// error.
//
//	(tuple-lit 1 true)          =>  (tuple-lit:(tuple i64 bool) 1:i64 true:bool)
//	(member t#4 1)              =>  (field:bool t#4:(tuple i64 bool) 1)

import (
	"fmt"
	"strconv"

	"cot/ir/ast"
	"cot/ir/types"
)

// tupleLit checks (a, b, ...).
func (c *checker) tupleLit(e *ast.TupleLit, want types.Type) ast.Expr {
	wt, _ := want.(*types.Tuple)
	if wt != nil && len(wt.Elems) != len(e.Elems) {
		wt = nil
	}
	out := &ast.TupleLit{At: e.At}
	var elems []types.Type
	for i, x := range e.Elems {
		var v ast.Expr
		if wt != nil {
			v = c.assign(x, wt.Elems[i], fmt.Sprintf("element %d of the tuple", i+1))
		} else {
			v = c.expr(x, nil)
		}
		t := v.Type()
		if t == types.TVoid {
			c.diags.Errorf(x.Pos(), codeTypeMismatch, "type mismatch: element %d of the tuple has no value", i+1)
			t = types.TInvalid
		}
		out.Elems, elems = append(out.Elems, v), append(elems, t)
	}
	out.T = types.TupleOf(elems...)
	for _, t := range elems {
		if t == types.TInvalid {
			out.T = types.TInvalid
		}
	}
	return out
}

// tupleConvertible reports whether a tuple of type have converts element-wise to want (§3.4).
func tupleConvertible(have, want types.Type) bool {
	h, ok := have.(*types.Tuple)
	w, ok2 := want.(*types.Tuple)
	if !ok || !ok2 || len(h.Elems) != len(w.Elems) {
		return false
	}
	for i, e := range h.Elems {
		if !types.AssignableTo(e, w.Elems[i]) && !tupleConvertible(e, w.Elems[i]) {
			return false
		}
	}
	return true
}

// tupleConvert converts the tuple value x element by element to want (tupleConvertible): x goes
// into a temporary whose elements make a literal of want.
func (c *checker) tupleConvert(x ast.Expr, want types.Type, what string) ast.Expr {
	at := ast.AtOf(x.Pos())
	have := x.Type().(*types.Tuple)
	tmp := ast.Name{Name: "tuple.conv", ID: c.ids.Next()}
	c.binders[tmp.ID] = &checkedBinder{kind: "const", typ: have}
	lit := &ast.TupleLit{At: at, Typed: ast.Typed{T: want}}
	for i, t := range have.Elems {
		ref := &ast.Ref{At: at, Typed: ast.Typed{T: have}, Name: tmp}
		el := &ast.Field{At: at, Typed: ast.Typed{T: t}, X: ref, Name: strconv.Itoa(i), Index: i}
		lit.Elems = append(lit.Elems, c.convert(el, want.(*types.Tuple).Elems[i], what))
	}
	decl := &ast.VarDecl{At: at, Name: tmp, Const: true, Type: have, Init: x}
	return &ast.Block{At: at, Typed: ast.Typed{T: want}, Stmts: []ast.Stmt{decl}, Value: lit}
}

// tupleField checks t.N of a tuple value x.
func (c *checker) tupleField(e *ast.Member, x ast.Expr, t *types.Tuple) ast.Expr {
	i, err := strconv.Atoi(e.Name)
	if err != nil || i < 0 || i >= len(t.Elems) {
		c.diags.Errorf(e.Pos(), codeUndefined, "undefined identifier `%s`: the tuple %v has no element %s", e.Name, t, e.Name)
		return &ast.Field{At: e.At, X: x, Name: e.Name, Index: -1, Typed: ast.Typed{T: types.TInvalid}}
	}
	return &ast.Field{At: e.At, Typed: ast.Typed{T: t.Elems[i]}, X: x, Name: e.Name, Index: i}
}

// declareAliases records every alias of p; aliasType resolves them on first use (struct fields
// may name aliases, and aliases structs).
func (c *checker) declareAliases(p *ast.Program) {
	for _, d := range p.Decls {
		if a, ok := d.(*ast.AliasDecl); ok {
			c.aliases[a.Name.ID] = a
		}
	}
}

// resolveAliases resolves every alias once the named types exist, so an unused cycle is reported.
// An alias of a named type then stands for it where a type name is an operand too (`A.f()`,
// `A.Variant`, `A.V(x)`).
func (c *checker) resolveAliases(p *ast.Program) {
	for _, d := range p.Decls {
		if a, ok := d.(*ast.AliasDecl); ok {
			if n, ok := c.aliasType(a.Name.ID).(*types.Named); ok {
				c.named[a.Name.ID] = n
			}
		}
	}
}

// aliasType returns the type the alias id names.
func (c *checker) aliasType(id int) types.Type {
	if t, ok := c.aliasTypes[id]; ok {
		return t
	}
	a := c.aliases[id]
	if c.aliasBusy[id] {
		c.diags.Errorf(a.Pos(), codeTypeMismatch, "type mismatch: type alias `%s` refers to itself", a.Name.Name)
		c.aliasTypes[id] = types.TInvalid
		return types.TInvalid
	}
	c.aliasBusy[id] = true
	t := c.typeOf(a.TypeX)
	if _, done := c.aliasTypes[id]; !done {
		c.aliasTypes[id] = t
	}
	return c.aliasTypes[id]
}

func isTuple(t types.Type) bool {
	_, ok := t.(*types.Tuple)
	return ok
}
