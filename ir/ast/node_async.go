package ast

// async / await (spec §13, decisions #27). parse spells `async fn f(ps) R { body }` as two
// plain functions — `f.async(ps) R { body }` and `f(ps) Future(R)`, which calls it and returns
// the completed future — so only `await` needs a node: check-types reads the future's value.
// Future(T) is a type name every file sees (resolve_names_async.go), unless a file declares its
// own.
//
//	(await E)       await e

// Await is `await X`: X must be a Future(T); the value is the T it holds.
type Await struct {
	At
	Typed
	X Expr
}

func (*Await) Kind() string        { return "await" }
func (*Await) exprNode()           {}
func (n *Await) children(s *slots) { s.expr(&n.X) }
func awaitSx(e *Await) *sx         { return list(head("await", e.T), exprSx(e.X)) }

func (rd *reader) readAwait(s *sx, ty Typed) Expr {
	return &Await{Typed: ty, X: rd.readExpr(shape(s, 1, false)[0])}
}
