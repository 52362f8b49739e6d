package ast

// Nodes of function values and closures (spec §6.16, decisions.md #15). A function value has a
// `fn(A, B) R` type (*types.Func); check-types makes a named function used as a value a
// func-ref, and a call whose callee is a value a call-value. convert-closures (typed ->
// closures-converted) lifts every fn-lit to a top-level function and turns calls of values into
// call-indirect.
//
//	(fn-lit:T ((p P) …) R (captures x#3:i64 …) BODY)  an anonymous function; captures lists the
//	                        locals and parameters of enclosing functions the body uses (read by
//	                        value when the closure is made), filled by resolve-names
//	(func-ref:T f#2)        the named function f as a value
//	(call-value:R F A …)    call of the function value F with the arguments A …
//	(call-indirect:R F A …) after convert-closures: F is the address of a closure object whose
//	                        first 8 bytes hold a table slot (Func.Slot); the function in that slot
//	                        is called with F itself first, then A …
//
// A function value at run time is the address of its closure object (8 bytes, like a pointer);
// the object is never moved, so copying the value copies the address.

import "cot/ir/types"

// FuncLit is an anonymous function `fn (params) R { body }`.
type FuncLit struct {
	At
	Typed
	Params  []*Param
	ResultX TypeExpr // the result type as written; nil after check-types (and for void)
	Result  types.Type
	// Captures are refs to the binders of enclosing functions the body (or a closure nested in
	// it) uses, each once, in order of first use.
	Captures []Expr
	Body     *Block
}

// FuncRef is a named function used as a value.
type FuncRef struct {
	At
	Typed
	Name Name
}

// CallValue calls the function value Callee.
type CallValue struct {
	At
	Typed
	Callee Expr
	Args   []Expr
}

// CallIndirect calls the closure object Callee through the function table.
type CallIndirect struct {
	At
	Typed
	Callee Expr
	Args   []Expr
}

func (*FuncLit) Kind() string      { return "fn-lit" }
func (*FuncRef) Kind() string      { return "func-ref" }
func (*CallValue) Kind() string    { return "call-value" }
func (*CallIndirect) Kind() string { return "call-indirect" }

func (*FuncLit) exprNode()      {}
func (*FuncRef) exprNode()      {}
func (*CallValue) exprNode()    {}
func (*CallIndirect) exprNode() {}

func (n *FuncLit) children(s *slots) {
	s.params(&n.Params)
	s.typ(&n.ResultX)
	s.exprs(&n.Captures)
	s.block(&n.Body)
}
func (*FuncRef) children(*slots)          {}
func (n *CallValue) children(s *slots)    { s.expr(&n.Callee); s.exprs(&n.Args) }
func (n *CallIndirect) children(s *slots) { s.expr(&n.Callee); s.exprs(&n.Args) }

// Signature is the function type of the literal once its types are known.
func (n *FuncLit) Signature() *types.Func {
	var params []types.Type
	for _, p := range n.Params {
		params = append(params, p.Type)
	}
	return types.FuncOf(params, n.Result)
}

// closureExprSx renders a node of this file, or returns nil for another expression.
func closureExprSx(e Expr) *sx {
	switch e := e.(type) {
	case *FuncLit:
		params := list()
		for _, p := range e.Params {
			params.list = append(params.list, list(atom(p.Name.String()), typeSlotSx(p.TypeX, p.Type)))
		}
		captures := list(atom("captures"))
		for _, c := range e.Captures {
			captures.list = append(captures.list, exprSx(c))
		}
		return stmtList(head("fn-lit", e.T), params, typeSlotSx(e.ResultX, e.Result), captures, stmtSx(e.Body))
	case *FuncRef:
		return list(head("func-ref", e.T), atom(e.Name.String()))
	case *CallValue:
		return callListSx("call-value", e.T, e.Callee, e.Args)
	case *CallIndirect:
		return callListSx("call-indirect", e.T, e.Callee, e.Args)
	}
	return nil
}

func callListSx(name string, t types.Type, callee Expr, args []Expr) *sx {
	l := list(head(name, t), exprSx(callee))
	for _, a := range args {
		l.list = append(l.list, exprSx(a))
	}
	return l
}

// readClosureExpr reads a node of this file whose head is h, or returns nil for another head.
func (rd *reader) readClosureExpr(s *sx, h string, ty Typed) Expr {
	switch h {
	case "fn-lit":
		a := shape(s, 4, false)
		f := &FuncLit{Typed: ty}
		if !a[0].isList {
			fail(a[0], "want a parameter list")
		}
		for _, p := range a[0].list {
			if !p.isList || len(p.list) != 2 {
				fail(p, "want (name type)")
			}
			prm := &Param{Name: readName(p.list[0])}
			prm.TypeX, prm.Type = rd.readTypeSlot(p.list[1])
			f.Params = append(f.Params, prm)
		}
		f.ResultX, f.Result = rd.readTypeSlot(a[1])
		if !a[2].isList || len(a[2].list) == 0 || a[2].list[0].atom != "captures" {
			fail(a[2], "want (captures …)")
		}
		for _, c := range a[2].list[1:] {
			f.Captures = append(f.Captures, rd.readExpr(c))
		}
		f.Body = rd.readBlock(a[3])
		return f
	case "func-ref":
		return &FuncRef{Typed: ty, Name: readName(shape(s, 1, false)[0])}
	case "call-value", "call-indirect":
		a := shape(s, 1, true)
		var args []Expr
		for _, x := range a[1:] {
			args = append(args, rd.readExpr(x))
		}
		if h == "call-value" {
			return &CallValue{Typed: ty, Callee: rd.readExpr(a[0]), Args: args}
		}
		return &CallIndirect{Typed: ty, Callee: rd.readExpr(a[0]), Args: args}
	}
	return nil
}
