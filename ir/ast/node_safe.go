package ast

// Safe mode (spec §4.13 rule 1): in an `@safe` file a parameter of struct type S is a *S (and
// E!S an E!*S). Which names are structs is known only to check-types, so parse wraps each
// parameter type of a safe file in a by-ref type expression and check-types resolves it.
//
//	(by-ref T)      *T when T is a struct, E!*S when T is E!S with S a struct, else T

// ByRefType is a parameter type of a safe-mode file.
type ByRefType struct {
	At
	Elem TypeExpr
}

func (*ByRefType) Kind() string        { return "type-by-ref" }
func (*ByRefType) typeExprNode()       {}
func (n *ByRefType) children(s *slots) { s.typ(&n.Elem) }
