package ast

// The defer statement (spec §5.5): `defer S` and `errdefer S` attach S (a block) to the
// innermost enclosing block, run when that block is left, last in first out; an errdefer runs
// only on an error exit (a return of a fail: `return error.X` or a propagating `try`). It lives
// from parse to make-defer-explicit, which copies the bodies to every exit.
//
//	(defer BLOCK)      runs BLOCK on every exit of the enclosing block
//	(errdefer BLOCK)   runs BLOCK on the error exits of the enclosing block

// Defer is `defer Body` (Err false) or `errdefer Body` (Err true).
type Defer struct {
	At
	Err  bool
	Body *Block
}

func (d *Defer) Kind() string {
	if d.Err {
		return "errdefer"
	}
	return "defer"
}

func (*Defer) stmtNode()           {}
func (n *Defer) children(s *slots) { s.block(&n.Body) }

// deferSx renders a defer statement, or returns nil for another statement.
func deferSx(s Stmt) *sx {
	if d, ok := s.(*Defer); ok {
		return stmtList(atom(d.Kind()), blockSx(d.Body))
	}
	return nil
}

// readDefer reads a defer statement, or returns nil for another head.
func (rd *reader) readDefer(s *sx) Stmt {
	switch h := s.list[0].atom; h {
	case "defer", "errdefer":
		return &Defer{Err: h == "errdefer", Body: rd.readBlock(shape(s, 1, false)[0])}
	}
	return nil
}

// IsErrorExit reports whether the return r is an error exit (spec §5.5): it returns a fail.
func IsErrorExit(r *Return) bool {
	_, ok := r.Value.(*Fail)
	return ok
}
