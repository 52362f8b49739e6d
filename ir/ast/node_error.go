package ast

// Nodes of errors (spec §7, decisions.md #14). An error value is the i64 number of its name (one
// number per distinct name in the whole program, given by check-types); an error union E!T holds
// a T (ok) or an error number. parse spells `try` and `catch` with these nodes (parse_error.go), so
// no later pass knows them; they live until lower-errors makes every error union a struct of its
// tag and payload (spec §3.3).
//
//	(error-lit:i64 Name N)   error.Name, whose number is N (-1 until check-types numbers it)
//	(fail:E!T X)             the error union E!T in the error state with the error number X
//	(is-error:bool X)        X (an error union) holds an error
//	(error-code:i64 X)       the error number X holds (X holds an error)
//	(ok-value:T X)           the T X holds (X holds a value)
//
// A value T becomes an E!T through (convert:E!T X), as every implicit conversion does.

import "strconv"

// ErrorLit is error.Name.
type ErrorLit struct {
	At
	Typed
	Name string
	Code int64
}

// Fail is the error union in the error state with the error number X.
type Fail struct {
	At
	Typed
	X Expr
}

// IsError is true when the error union X holds an error.
type IsError struct {
	At
	Typed
	X Expr
}

// ErrorCode is the error number the error union X holds.
type ErrorCode struct {
	At
	Typed
	X Expr
}

// OkValue is the value the error union X holds.
type OkValue struct {
	At
	Typed
	X Expr
}

func (*ErrorLit) Kind() string  { return "error-lit" }
func (*Fail) Kind() string      { return "fail" }
func (*IsError) Kind() string   { return "is-error" }
func (*ErrorCode) Kind() string { return "error-code" }
func (*OkValue) Kind() string   { return "ok-value" }

func (*ErrorLit) exprNode()  {}
func (*Fail) exprNode()      {}
func (*IsError) exprNode()   {}
func (*ErrorCode) exprNode() {}
func (*OkValue) exprNode()   {}

func (*ErrorLit) children(*slots)      {}
func (n *Fail) children(s *slots)      { s.expr(&n.X) }
func (n *IsError) children(s *slots)   { s.expr(&n.X) }
func (n *ErrorCode) children(s *slots) { s.expr(&n.X) }
func (n *OkValue) children(s *slots)   { s.expr(&n.X) }

// errorExprSx renders an error node, or returns nil for another expression.
func errorExprSx(e Expr) *sx {
	switch e := e.(type) {
	case *ErrorLit:
		return list(head("error-lit", e.T), atom(e.Name), atom(strconv.FormatInt(e.Code, 10)))
	case *Fail:
		return list(head("fail", e.T), exprSx(e.X))
	case *IsError:
		return list(head("is-error", e.T), exprSx(e.X))
	case *ErrorCode:
		return list(head("error-code", e.T), exprSx(e.X))
	case *OkValue:
		return list(head("ok-value", e.T), exprSx(e.X))
	}
	return nil
}

// readErrorExpr reads an error node whose head is h, or returns nil for another head.
func (rd *reader) readErrorExpr(s *sx, h string, ty Typed) Expr {
	switch h {
	case "error-lit":
		a := shape(s, 2, false)
		code, err := strconv.ParseInt(a[1].atom, 10, 64)
		if err != nil || a[0].isList || a[1].isList {
			fail(s, "want an error name and its number")
		}
		return &ErrorLit{Typed: ty, Name: a[0].atom, Code: code}
	case "fail":
		return &Fail{Typed: ty, X: rd.readExpr(shape(s, 1, false)[0])}
	case "is-error":
		return &IsError{Typed: ty, X: rd.readExpr(shape(s, 1, false)[0])}
	case "error-code":
		return &ErrorCode{Typed: ty, X: rd.readExpr(shape(s, 1, false)[0])}
	case "ok-value":
		return &OkValue{Typed: ty, X: rd.readExpr(shape(s, 1, false)[0])}
	}
	return nil
}
