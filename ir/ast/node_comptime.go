package ast

// Compile-time evaluation (spec §12, §10): `comptime { e }` and `@compileError("msg")`. Both
// exist only before check-types, which folds a comptime block to the literal of its value
// (fold.go) and reports a compile error it type-checks (one in a branch a folded condition
// drops is never checked).
//
//	(comptime BLOCK)          comptime { e }
//	(compile-error "msg")     @compileError("msg")

// Comptime is `comptime { ... }`: the block must fold to a constant.
type Comptime struct {
	At
	Typed
	X *Block
}

// CompileError is `@compileError("msg")`, a statement.
type CompileError struct {
	At
	Msg string
}

func (*Comptime) Kind() string           { return "comptime" }
func (*CompileError) Kind() string       { return "compile-error" }
func (*Comptime) exprNode()              {}
func (*CompileError) stmtNode()          {}
func (n *Comptime) children(s *slots)    { s.block(&n.X) }
func (*CompileError) children(*slots)    {}
func comptimeSx(e *Comptime) *sx         { return list(head("comptime", e.T), blockSx(e.X)) }
func compileErrorSx(s *CompileError) *sx { return stmtList(atom("compile-error"), quoted(s.Msg)) }

func (rd *reader) readComptime(s *sx, ty Typed) Expr {
	return &Comptime{Typed: ty, X: asBlock(rd.readStmt(shape(s, 1, false)[0]))}
}

func readCompileError(s *sx) Stmt {
	a := shape(s, 1, false)
	if !a[0].quoted {
		fail(s, "want a quoted message")
	}
	return &CompileError{Msg: a[0].atom}
}
