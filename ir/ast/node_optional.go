package ast

// Nodes of optionals (spec §6.6, §8; decisions.md #3, #9). An optional ?T is tagged: it holds
// null or a value of T (so a ?i64 holding 0 is not null). They live from parse to lower-optionals,
// which makes every optional a struct of its tag and its payload (spec §3.3).
//
//	(null)                 null before check-types; (null:(opt T)) once its expected type is known
//	(has-value:bool X)     X != null (X an optional); `if (o) |v|` and `o == null` are spelled with it
//	(unwrap:T X)           X.?: X's payload; X null traps with `error: unwrap of null` (exit 134)
//	(orelse:T X Y)         X ?? Y: X's payload, or Y (evaluated only when X is null); T is Y's type,
//	                       the payload type or, when Y is itself optional, X's optional type
//
// A value T becomes a ?T through (convert:(opt T) X), as every implicit conversion does.

// NullLit is the null literal.
type NullLit struct {
	At
	Typed
}

// HasValue is true when the optional X is not null.
type HasValue struct {
	At
	Typed
	X Expr
}

// Unwrap is X.?.
type Unwrap struct {
	At
	Typed
	X Expr
}

// OrElse is X ?? Y.
type OrElse struct {
	At
	Typed
	X, Y Expr
}

func (*NullLit) Kind() string  { return "null" }
func (*HasValue) Kind() string { return "has-value" }
func (*Unwrap) Kind() string   { return "unwrap" }
func (*OrElse) Kind() string   { return "orelse" }

func (*NullLit) exprNode()  {}
func (*HasValue) exprNode() {}
func (*Unwrap) exprNode()   {}
func (*OrElse) exprNode()   {}

func (*NullLit) children(*slots)      {}
func (n *HasValue) children(s *slots) { s.expr(&n.X) }
func (n *Unwrap) children(s *slots)   { s.expr(&n.X) }
func (n *OrElse) children(s *slots)   { s.expr(&n.X); s.expr(&n.Y) }

// optionalExprSx renders an optional node, or returns nil for another expression.
func optionalExprSx(e Expr) *sx {
	switch e := e.(type) {
	case *NullLit:
		return list(head("null", e.T))
	case *HasValue:
		return list(head("has-value", e.T), exprSx(e.X))
	case *Unwrap:
		return list(head("unwrap", e.T), exprSx(e.X))
	case *OrElse:
		return list(head("orelse", e.T), exprSx(e.X), exprSx(e.Y))
	}
	return nil
}

// readOptionalExpr reads an optional node whose head is h, or returns nil for another head.
func (rd *reader) readOptionalExpr(s *sx, h string, ty Typed) Expr {
	switch h {
	case "null":
		shape(s, 0, false)
		return &NullLit{Typed: ty}
	case "has-value":
		return &HasValue{Typed: ty, X: rd.readExpr(shape(s, 1, false)[0])}
	case "unwrap":
		return &Unwrap{Typed: ty, X: rd.readExpr(shape(s, 1, false)[0])}
	case "orelse":
		a := shape(s, 2, false)
		return &OrElse{Typed: ty, X: rd.readExpr(a[0]), Y: rd.readExpr(a[1])}
	}
	return nil
}
