package ast

// Builtin statements and expressions (spec §10): @sizeOf/@alignOf (constants, folded by
// check-types), @trap, @exit, @assert and @assert_eq (statements; lower-builtins turns all but
// @trap into prints, tests and runtime calls; @trap becomes Wasm's unreachable).
//
//	(size-of TYPE)  (align-of TYPE)  (trap)  (exit E)  (assert E)  (assert-eq E E)

// SizeOf is @sizeOf(T) (Align false) or @alignOf(T) (Align true).
type SizeOf struct {
	At
	Typed
	Align bool
	TypeX TypeExpr
}

// Trap is @trap(): the program stops with `error: unreachable` (decisions.md #28).
type Trap struct{ At }

// Exit is @exit(code): the program ends with status code & 255.
type Exit struct {
	At
	Code Expr
}

// Assert is @assert(cond): outside a test, a false cond stops the program with
// `error: assertion failed` (decisions.md #28).
type Assert struct {
	At
	Cond Expr
}

// AssertEq is @assert_eq(x, y): outside a test, unequal values stop the program with
// `error: assert_eq failed: <x> != <y>`, the values printed as print does.
type AssertEq struct {
	At
	X, Y Expr
}

func (s *SizeOf) Kind() string {
	if s.Align {
		return "align-of"
	}
	return "size-of"
}
func (*Trap) Kind() string     { return "trap" }
func (*Exit) Kind() string     { return "exit" }
func (*Assert) Kind() string   { return "assert" }
func (*AssertEq) Kind() string { return "assert-eq" }

func (*SizeOf) exprNode()   {}
func (*Trap) stmtNode()     {}
func (*Exit) stmtNode()     {}
func (*Assert) stmtNode()   {}
func (*AssertEq) stmtNode() {}

func (n *SizeOf) children(s *slots)   { s.typ(&n.TypeX) }
func (*Trap) children(*slots)         {}
func (n *Exit) children(s *slots)     { s.expr(&n.Code) }
func (n *Assert) children(s *slots)   { s.expr(&n.Cond) }
func (n *AssertEq) children(s *slots) { s.expr(&n.X); s.expr(&n.Y) }

// builtinStmtSx renders a builtin statement, or returns nil for another statement.
func builtinStmtSx(s Stmt) *sx {
	switch s := s.(type) {
	case *Trap:
		return stmtList(atom("trap"))
	case *Exit:
		return stmtList(atom("exit"), exprSx(s.Code))
	case *Assert:
		return stmtList(atom("assert"), exprSx(s.Cond))
	case *AssertEq:
		return stmtList(atom("assert-eq"), exprSx(s.X), exprSx(s.Y))
	case *CompileError:
		return compileErrorSx(s)
	}
	return nil
}

// readBuiltinStmt reads a builtin statement, or returns nil for another head.
func (rd *reader) readBuiltinStmt(s *sx) Stmt {
	switch s.list[0].atom {
	case "trap":
		shape(s, 0, false)
		return &Trap{}
	case "exit":
		return &Exit{Code: rd.readExpr(shape(s, 1, false)[0])}
	case "assert":
		return &Assert{Cond: rd.readExpr(shape(s, 1, false)[0])}
	case "assert-eq":
		a := shape(s, 2, false)
		return &AssertEq{X: rd.readExpr(a[0]), Y: rd.readExpr(a[1])}
	case "compile-error":
		return readCompileError(s)
	}
	return nil
}

// runBuiltin interprets a builtin statement (lower-builtins' meaning, spelled directly).
func (in *interp) runBuiltin(s Stmt, fr frame) bool {
	fail := func(msg string) {
		in.stderr.WriteString("error: " + msg + "\n")
		panic(exitSignal(134))
	}
	switch s := s.(type) {
	case *Trap:
		panic(trapSignal("unreachable"))
	case *Exit:
		panic(exitSignal(uint32(in.eval(s.Code, fr) & 255)))
	case *Assert:
		if in.eval(s.Cond, fr) == 0 {
			fail("assertion failed")
		}
	case *AssertEq:
		x, y := in.eval(s.X, fr), in.eval(s.Y, fr)
		if x != y {
			fail("assert_eq failed: " + formatValue(x, s.X.Type()) + " != " + formatValue(y, s.Y.Type()))
		}
	default:
		return false
	}
	return true
}
