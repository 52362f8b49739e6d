package ast

// HostCall is a builtin that reaches the host (language.md §10): `@fd_write(fd, ptr, len)` and
// its kin. lower-to-wasm makes each one call of a WASI preview 1 function; its result is what
// that call gives: a count, an offset or a time, or a WASI errno negated (lower-builtins wraps
// each host call in the runtime's translation to the Linux errno numbers of language.md §10).
//
//	(host:i64 fd_write 1 p#3 n#4)
type HostCall struct {
	At
	Typed
	Name string // the builtin's name without @: a key of HostBuiltins
	Args []Expr
}

// HostBuiltins lists the host builtins with their number of arguments; every argument and the
// result are i64.
var HostBuiltins = map[string]int{
	"fd_write": 3, "fd_read": 3, "fd_close": 1, "fd_seek": 3, "time": 0, "random": 2,
}

func (*HostCall) Kind() string        { return "host" }
func (*HostCall) exprNode()           {}
func (n *HostCall) children(s *slots) { s.exprs(&n.Args) }

func hostSx(e *HostCall) *sx {
	l := list(head("host", e.T), atom(e.Name))
	for _, a := range e.Args {
		l.list = append(l.list, exprSx(a))
	}
	return l
}

func (rd *reader) readHost(s *sx, ty Typed) Expr {
	a := shape(s, 1, true)
	if _, ok := HostBuiltins[a[0].atom]; !ok || a[0].isList || a[0].quoted {
		fail(s, "want a host builtin name")
	}
	h := &HostCall{Typed: ty, Name: a[0].atom}
	for _, x := range a[1:] {
		h.Args = append(h.Args, rd.readExpr(x))
	}
	return h
}
