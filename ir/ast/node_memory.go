package ast

// Nodes of pointers and linear memory (spec §6.7, §9.1; the memory model of docs/ARCHITECTURE.md).
//
// Source level (parse through the typed languages):
//
//	(addr-of X)               &X: the address of a variable (later: a field or an element)
//	(deref X)                 X.*: the value a pointer points to; also an assignment target
//	(cast @intToPtr TYPE E)   @intToPtr/@ptrToInt/@ptrCast; check-types turns them into convert
//
// Memory level (make-memory-explicit on):
//
//	(alloca:(ptr T))          the address of a slot of T's size in the function's frame; the same
//	                          slot every time this node runs in one call (make-frames-explicit)
//	(load:T A)                the scalar of type T stored at address A
//	(store A V)               stores the scalar V at address A (V's type gives the width)
//
// Frame level (make-frames-explicit on):
//
//	(frame-addr:(ptr T) OFF)  frame pointer + OFF; the function's (frame N) header reserves N bytes
//	(stack-limit)             the lowest address the shadow stack may reach (an i64)

import (
	"strconv"

	"cot/ir/types"
)

// AddrOf is &X.
type AddrOf struct {
	At
	Typed
	X Expr
}

// Deref is X.* (X a pointer).
type Deref struct {
	At
	Typed
	X Expr
}

// Cast is @intToPtr(T, X), @ptrCast(T, X) (TypeX set) or @ptrToInt(X) (TypeX nil); check-types
// turns it into a Convert.
type Cast struct {
	At
	Typed
	Builtin string
	TypeX   TypeExpr
	X       Expr
}

// Alloca is the address of a frame slot for a value of its pointer type's element type.
type Alloca struct {
	At
	Typed
}

// Load reads the scalar of its type at Addr.
type Load struct {
	At
	Typed
	Addr Expr
}

// Store writes the scalar Value at Addr.
type Store struct {
	At
	Addr, Value Expr
}

// FrameAddr is the frame pointer of the current call plus Offset.
type FrameAddr struct {
	At
	Typed
	Offset int64
}

// StackLimit is the lowest address of the shadow stack (an i64).
type StackLimit struct {
	At
	Typed
}

func (*AddrOf) Kind() string     { return "addr-of" }
func (*Deref) Kind() string      { return "deref" }
func (*Cast) Kind() string       { return "cast" }
func (*Alloca) Kind() string     { return "alloca" }
func (*Load) Kind() string       { return "load" }
func (*Store) Kind() string      { return "store" }
func (*FrameAddr) Kind() string  { return "frame-addr" }
func (*StackLimit) Kind() string { return "stack-limit" }

func (*AddrOf) exprNode()     {}
func (*Deref) exprNode()      {}
func (*Cast) exprNode()       {}
func (*Alloca) exprNode()     {}
func (*Load) exprNode()       {}
func (*Store) stmtNode()      {}
func (*FrameAddr) exprNode()  {}
func (*StackLimit) exprNode() {}

func (n *AddrOf) children(s *slots)   { s.expr(&n.X) }
func (n *Deref) children(s *slots)    { s.expr(&n.X) }
func (n *Cast) children(s *slots)     { s.typ(&n.TypeX); s.expr(&n.X) }
func (*Alloca) children(*slots)       {}
func (n *Load) children(s *slots)     { s.expr(&n.Addr) }
func (n *Store) children(s *slots)    { s.expr(&n.Addr); s.expr(&n.Value) }
func (*FrameAddr) children(*slots)    {}
func (*StackLimit) children(*slots)   {}
func (n *Cast) hasType() bool         { return n.TypeX != nil }
func (n *Alloca) Elem() types.Type    { return n.T.(*types.Pointer).Elem }
func (n *FrameAddr) Elem() types.Type { return n.T.(*types.Pointer).Elem }

// memoryExprSx renders a memory expression, or returns nil for another expression.
func memoryExprSx(e Expr) *sx {
	switch e := e.(type) {
	case *AddrOf:
		return list(head("addr-of", e.T), exprSx(e.X))
	case *Deref:
		return list(head("deref", e.T), exprSx(e.X))
	case *Cast:
		l := list(head("cast", e.T), atom(e.Builtin))
		if e.hasType() {
			l.list = append(l.list, typeExprSx(e.TypeX))
		}
		return append1(l, exprSx(e.X))
	case *Alloca:
		return list(head("alloca", e.T))
	case *Load:
		return list(head("load", e.T), exprSx(e.Addr))
	case *FrameAddr:
		return list(head("frame-addr", e.T), atom(strconv.FormatInt(e.Offset, 10)))
	case *StackLimit:
		return list(head("stack-limit", e.T))
	}
	return nil
}

func append1(l *sx, c *sx) *sx {
	l.list = append(l.list, c)
	return l
}

// readMemoryExpr reads a memory expression whose head is h, or returns nil for another head.
func (rd *reader) readMemoryExpr(s *sx, h string, ty Typed) Expr {
	switch h {
	case "addr-of":
		return &AddrOf{Typed: ty, X: rd.readExpr(shape(s, 1, false)[0])}
	case "deref":
		return &Deref{Typed: ty, X: rd.readExpr(shape(s, 1, false)[0])}
	case "cast":
		a := shape(s, 2, true)
		c := &Cast{Typed: ty, Builtin: a[0].atom}
		switch len(a) {
		case 2:
			c.X = rd.readExpr(a[1])
		case 3:
			c.TypeX, c.X = rd.readTypeExpr(a[1]), rd.readExpr(a[2])
		default:
			fail(s, "want (cast BUILTIN TYPE? E)")
		}
		return c
	case "alloca":
		shape(s, 0, false)
		rd.wantPointer(s, ty)
		return &Alloca{Typed: ty}
	case "load":
		return &Load{Typed: ty, Addr: rd.readExpr(shape(s, 1, false)[0])}
	case "frame-addr":
		off, err := strconv.ParseInt(shape(s, 1, false)[0].atom, 10, 64)
		if err != nil {
			fail(s, "bad frame offset")
		}
		rd.wantPointer(s, ty)
		return &FrameAddr{Typed: ty, Offset: off}
	case "stack-limit":
		shape(s, 0, false)
		return &StackLimit{Typed: ty}
	}
	return nil
}

// wantPointer fails unless a node that needs a pointer type has one.
func (rd *reader) wantPointer(s *sx, ty Typed) {
	if _, ok := ty.T.(*types.Pointer); !ok {
		fail(s, "want a pointer type")
	}
}

// readMemoryStmt reads (store A V), or returns nil for another head.
func (rd *reader) readMemoryStmt(s *sx) Stmt {
	if s.list[0].atom != "store" {
		return nil
	}
	a := shape(s, 2, false)
	return &Store{Addr: rd.readExpr(a[0]), Value: rd.readExpr(a[1])}
}
