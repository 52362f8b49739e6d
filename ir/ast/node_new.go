package ast

// Heap objects and ARC (spec §6.10, §9.3–9.6, decisions.md #21). `new T { … }` lives from parse
// to lower-arc; insert-arc makes every reference count change explicit with retain and
// release, which lower-arc turns into calls of the runtime (runtime/arc.cot) and of a release
// function per type.
//
//	(new:(ptr T) (struct-lit:T …))   a fresh ARC object holding the literal, count 1
//	(retain:(ptr T) X)               X, its object's count one higher (X may be null, or point
//	                                 at memory that is no ARC object: then nothing changes)
//	(release X)                      the count of X's object one lower; at 0 its destructor
//	                                 (T_deinit) runs, its *S fields are released, it is freed

import "cot/ir/types"

// New is `new T { f: e, … }`: Lit is the struct literal (its TypeX names T before check-types;
// a lowering may make it another expression of the struct's type).
type New struct {
	At
	Typed
	Lit Expr
}

// Retain is X with its object's reference count incremented.
type Retain struct {
	At
	Typed
	X Expr
}

// Release decrements the reference count of X's object, destroying it at zero.
type Release struct {
	At
	X Expr
}

func (*New) Kind() string     { return "new" }
func (*Retain) Kind() string  { return "retain" }
func (*Release) Kind() string { return "release" }
func (*New) exprNode()        {}
func (*Retain) exprNode()     {}
func (*Release) stmtNode()    {}

func (n *New) children(s *slots)     { s.expr(&n.Lit) }
func (n *Retain) children(s *slots)  { s.expr(&n.X) }
func (n *Release) children(s *slots) { s.expr(&n.X) }

// ArcStruct returns the struct type T when t is `*T` for a (named) struct T, the only type
// whose values are counted (spec §9.3); nil for every other type.
func ArcStruct(t types.Type) *types.Named {
	p, ok := t.(*types.Pointer)
	if !ok {
		return nil
	}
	n, ok := p.Elem.(*types.Named)
	if !ok || StructOf(n) == nil {
		return nil
	}
	return n
}

// IsFreshObject reports whether e makes an object with a count of its own: a `new`, or a call
// returning *S, by name or through a function value (every function returns its *S result
// counted, insert-arc).
func IsFreshObject(e Expr) bool {
	switch e := e.(type) {
	case *New:
		return true
	case *Call:
		return ArcStruct(e.T) != nil
	case *CallIndirect:
		return ArcStruct(e.T) != nil
	}
	return false
}

// ArcTailField is the index of the last field of t of type *t or ?*t (a list's `next`), which a
// dying object releases last, after freeing itself, so a chain dies in a loop; -1 when there is
// none.
func ArcTailField(t *types.Named) int {
	tail := -1
	for i, f := range StructOf(t).Fields {
		ft := f.Type
		if o, ok := ft.(*types.Optional); ok {
			ft = o.Elem
		}
		if ArcStruct(ft) == t {
			tail = i
		}
	}
	return tail
}

// DestructorName is the name of the function that destroys a T (spec §9.5: `T_deinit`, the
// method `deinit` of `impl T` or a free function), "" for a generic instance, which never has one.
func DestructorName(t *types.Named) string {
	if t.Args != nil {
		return ""
	}
	return t.Name + "_deinit"
}

// ArcHeaderSize is the size of an ARC object's header (runtime/arc.cot): the marker word, then
// the reference count, right below the object's address.
const ArcHeaderSize = 16

// ArcMagic marks the header of a live ARC object (runtime/arc.cot's ARC_MAGIC).
const ArcMagic = 0x0A2C_0B1E_C7A2_C0DE

// ArcImmortal is the count from which an object is immortal (spec §9.4 rule 8).
const ArcImmortal = 0x7FFF_FFFF_FFFF_FFFF

func newExprSx(e Expr) *sx {
	switch e := e.(type) {
	case *New:
		return list(head("new", e.T), exprSx(e.Lit))
	case *Retain:
		return list(head("retain", e.T), exprSx(e.X))
	}
	return nil
}

func (rd *reader) readNewExpr(s *sx, h string, ty Typed) Expr {
	switch h {
	case "new":
		return &New{Typed: ty, Lit: rd.readExpr(shape(s, 1, false)[0])}
	case "retain":
		return &Retain{Typed: ty, X: rd.readExpr(shape(s, 1, false)[0])}
	}
	return nil
}

func releaseSx(s Stmt) *sx {
	if r, ok := s.(*Release); ok {
		return stmtList(atom("release"), exprSx(r.X))
	}
	return nil
}

func (rd *reader) readRelease(s *sx) Stmt {
	if s.list[0].atom == "release" {
		return &Release{X: rd.readExpr(shape(s, 1, false)[0])}
	}
	return nil
}
