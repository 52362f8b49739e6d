package ast

// Arrays and slices (spec §3.2, §3.3, §5.3, §6.11, decisions.md #10). A slice value is 24 bytes:
// the address of its first element @0, its length @8 and its capacity @16 (a string is the same
// header without the capacity).
//
//	(array-lit:T E...)                 [a, b, c]
//	(index:T X I)                      X[I] of an array or slice value (bounds-checked)
//	(slice:(slice T) X LO|- HI|-)      X[LO:HI] (checked: 0 <= LO <= HI <= len)
//	(len:i64 X)                        X.len of an array or a slice
//	(for-each LABEL IDX|- VAR X BODY)  for VAR in X / for IDX, VAR in X
//	(append X E)                       append(X, E) before check-types (which spells it out)
//
// Memory level (make-memory-explicit on):
//
//	(elem:(ptr T) P I)                 the address P + I·sizeof(T), unchecked

import "cot/ir/types"

// Slice header offsets.
const (
	SlicePtr = 0
	SliceLen = 8
	SliceCap = 16
)

// ArrayLit is [Elems...].
type ArrayLit struct {
	At
	Typed
	Elems []Expr
}

// Index is X[I].
type Index struct {
	At
	Typed
	X, I Expr
}

// SliceExpr is X[Lo:Hi]; a nil bound is 0 or the length.
type SliceExpr struct {
	At
	Typed
	X, Lo, Hi Expr
}

// Len is the length of the slice X.
type Len struct {
	At
	Typed
	X Expr
}

// ForEach is `label: for Index, Var in X body` (Index.Name "" when absent).
type ForEach struct {
	At
	Label, Index, Var Name
	X                 Expr
	Body              *Block
}

// Append is `append(X, Elem)` (spec §6.8) until check-types spells it out with a runtime call.
type Append struct {
	At
	Typed
	X, Elem Expr
}

// Elem is the address P + I·sizeof(T) of a *T.
type Elem struct {
	At
	Typed
	X, I Expr
}

func (*ArrayLit) Kind() string  { return "array-lit" }
func (*Index) Kind() string     { return "index" }
func (*SliceExpr) Kind() string { return "slice" }
func (*Len) Kind() string       { return "len" }
func (*ForEach) Kind() string   { return "for-each" }
func (*Elem) Kind() string      { return "elem" }
func (*Append) Kind() string    { return "append" }
func (*ArrayLit) exprNode()     {}
func (*Index) exprNode()        {}
func (*SliceExpr) exprNode()    {}
func (*Len) exprNode()          {}
func (*ForEach) stmtNode()      {}
func (*Elem) exprNode()         {}
func (*Append) exprNode()       {}

func (n *ArrayLit) children(s *slots)  { s.exprs(&n.Elems) }
func (n *Index) children(s *slots)     { s.expr(&n.X); s.expr(&n.I) }
func (n *SliceExpr) children(s *slots) { s.expr(&n.X); s.expr(&n.Lo); s.expr(&n.Hi) }
func (n *Len) children(s *slots)       { s.expr(&n.X) }
func (n *ForEach) children(s *slots)   { s.expr(&n.X); s.block(&n.Body) }
func (n *Elem) children(s *slots)      { s.expr(&n.X); s.expr(&n.I) }
func (n *Append) children(s *slots)    { s.expr(&n.X); s.expr(&n.Elem) }

// ElemType returns the element type of an array or slice type, or nil.
func ElemType(t types.Type) types.Type {
	switch t := t.(type) {
	case *types.Array:
		return t.Elem
	case *types.Slice:
		return t.Elem
	}
	return nil
}

func arrayExprSx(e Expr) *sx {
	switch e := e.(type) {
	case *ArrayLit:
		l := list(head("array-lit", e.T))
		for _, x := range e.Elems {
			l.list = append(l.list, exprSx(x))
		}
		return l
	case *Index:
		return list(head("index", e.T), exprSx(e.X), exprSx(e.I))
	case *SliceExpr:
		return list(head("slice", e.T), exprSx(e.X), optExpr(e.Lo), optExpr(e.Hi))
	case *Len:
		return list(head("len", e.T), exprSx(e.X))
	case *Elem:
		return list(head("elem", e.T), exprSx(e.X), exprSx(e.I))
	case *Append:
		return list(head("append", e.T), exprSx(e.X), exprSx(e.Elem))
	}
	return nil
}

func (rd *reader) readArrayExpr(s *sx, h string, ty Typed) Expr {
	switch h {
	case "array-lit":
		l := &ArrayLit{Typed: ty}
		for _, x := range shape(s, 0, true) {
			l.Elems = append(l.Elems, rd.readExpr(x))
		}
		return l
	case "index":
		a := shape(s, 2, false)
		return &Index{Typed: ty, X: rd.readExpr(a[0]), I: rd.readExpr(a[1])}
	case "slice":
		a := shape(s, 3, false)
		return &SliceExpr{Typed: ty, X: rd.readExpr(a[0]), Lo: rd.readOptExpr(a[1]), Hi: rd.readOptExpr(a[2])}
	case "len":
		return &Len{Typed: ty, X: rd.readExpr(shape(s, 1, false)[0])}
	case "elem":
		a := shape(s, 2, false)
		return &Elem{Typed: ty, X: rd.readExpr(a[0]), I: rd.readExpr(a[1])}
	case "append":
		a := shape(s, 2, false)
		return &Append{Typed: ty, X: rd.readExpr(a[0]), Elem: rd.readExpr(a[1])}
	}
	return nil
}

func forEachSx(s *ForEach) *sx {
	idx := atom("-")
	if s.Index.Name != "" {
		idx = atom(s.Index.String())
	}
	return stmtList(atom("for-each"), atom(s.Label.String()), idx, atom(s.Var.String()), exprSx(s.X), stmtSx(s.Body))
}

func (rd *reader) readForEach(s *sx) Stmt {
	if s.list[0].atom != "for-each" {
		return nil
	}
	a := shape(s, 5, false)
	f := &ForEach{Label: readName(a[0]), Var: readName(a[2]), X: rd.readExpr(a[3]), Body: rd.readBlock(a[4])}
	if a[1].isList || a[1].atom != "-" {
		f.Index = readName(a[1])
	}
	return f
}
