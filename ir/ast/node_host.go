package ast

import "cot/ir/types"

// HostCall is a call of a builtin that is neither an operator nor a statement (language.md §10):
// one that reaches the host (@fd_write and its kin: a WASI preview 1 call, its result a count,
// an offset or a time, or a WASI errno negated — lower-builtins wraps the program's in the
// runtime's translation to Linux errnos), one that is a Wasm instruction (@memcpy is
// memory.copy; the runtime's @memory_size and @memory_grow), one private to the runtime
// (@clock_time(id), WASI's clock_time_get of any clock), or one that is a routine of the
// runtime (@alloc, @dealloc, @realloc: lower-builtins makes them runtime calls).
//
//	(host:i64 fd_write 1 p#3 n#4)  (host:void memcpy d#5 s#6 n#4)
type HostCall struct {
	At
	Typed
	Name string // the builtin's name without @: a key of HostBuiltins
	Args []Expr
}

// HostSig describes a host builtin: its number of arguments (each an i64) and its result.
type HostSig struct {
	Args    int
	Void    bool   // no result (else an i64)
	WASI    string // the WASI function it calls, if it is one
	Routine string // the runtime routine it is, if it is one
	Private bool   // only the runtime may call it
	// Net: a function of the `cot` import module (sockets and epoll, runner/cotnet.go), of the
	// same name; its result is already a Linux errno negated on failure.
	Net bool
	// StringFirst: the first argument is a string, not an i64 (@fd_open's path form, decision #24).
	StringFirst bool
}

// ParamTypes are the types of the builtin's arguments.
func (s HostSig) ParamTypes() []types.Type {
	ps := make([]types.Type, s.Args)
	for i := range ps {
		ps[i] = types.TI64
	}
	if s.StringFirst && s.Args > 0 {
		ps[0] = types.TString
	}
	return ps
}

// Result is the type of a call of the builtin.
func (s HostSig) Result() types.Type {
	if s.Void {
		return types.TVoid
	}
	return types.TI64
}

// HostBuiltins lists the host builtins by name.
var HostBuiltins = map[string]HostSig{
	"fd_write": {Args: 3, WASI: "fd_write"}, "fd_read": {Args: 3, WASI: "fd_read"},
	"fd_close": {Args: 1, WASI: "fd_close"}, "fd_seek": {Args: 3, WASI: "fd_seek"},
	"time": {WASI: "clock_time_get"}, "random": {Args: 2, WASI: "random_get"},
	"memcpy":      {Args: 3, Void: true},
	"memory_size": {Private: true}, "memory_grow": {Args: 1, Private: true},
	"clock_time": {Args: 1, WASI: "clock_time_get", Private: true},
	"alloc":      {Args: 1, Routine: "alloc"}, "dealloc": {Args: 1, Void: true, Routine: "dealloc"},
	"realloc": {Args: 2, Routine: "realloc"},
	// The argument and environment vectors (language.md §10): routines of runtime/args.cot over
	// the runtime's private calls of WASI's *_sizes_get and *_get.
	"args_count": {Routine: "args_count"}, "arg_len": {Args: 1, Routine: "arg_len"},
	"arg_ptr": {Args: 1, Routine: "arg_ptr"}, "environ_count": {Routine: "environ_count"},
	"environ_len": {Args: 1, Routine: "environ_len"}, "environ_ptr": {Args: 1, Routine: "environ_ptr"},
	"args_sizes_get":    {Args: 2, WASI: "args_sizes_get", Private: true},
	"args_get":          {Args: 2, WASI: "args_get", Private: true},
	"environ_sizes_get": {Args: 2, WASI: "environ_sizes_get", Private: true},
	"environ_get":       {Args: 2, WASI: "environ_get", Private: true},
	// @fd_open (language.md §10, decisions #23, #24): a routine of runtime/fs.cot that finds the
	// preopened directory holding the path and opens it with WASI's path_open. Its string form
	// @fd_open(path, flags, mode) is fd_open_path, chosen by check-types from the first argument's
	// type. The WASI calls under them are the runtime's.
	"fd_open":             {Args: 3, Routine: "fd_open"},
	"fd_open_path":        {Args: 3, Routine: "fd_open_path", Private: true, StringFirst: true},
	"fd_prestat_get":      {Args: 1, WASI: "fd_prestat_get", Private: true},
	"fd_prestat_dir_name": {Args: 3, WASI: "fd_prestat_dir_name", Private: true},
	"path_open":           {Args: 6, WASI: "path_open", Private: true},
	// Sockets and epoll (language.md §10; docs/decisions.md "sockets and epoll"): the `cot`
	// module's functions. Their fds are net fds (from runner.NetFDBase); a program that has any
	// reads, writes and closes through runtime/net.cot, which sends a net fd's there. kqueue is
	// macOS's: -1 here, routines of runtime/net.cot.
	"net_socket": {Args: 3, Net: true}, "net_bind": {Args: 3, Net: true}, "net_listen": {Args: 2, Net: true},
	"net_accept": {Args: 1, Net: true}, "net_connect": {Args: 3, Net: true},
	"net_set_reuse_addr": {Args: 1, Net: true}, "set_nonblocking": {Args: 1, Net: true},
	"epoll_create": {Net: true}, "epoll_add": {Args: 3, Net: true}, "epoll_del": {Args: 2, Net: true},
	"epoll_wait": {Args: 3, Net: true},
	"net_read":   {Args: 3, Net: true, Private: true}, "net_write": {Args: 3, Net: true, Private: true},
	"net_close":     {Args: 1, Net: true, Private: true},
	"kqueue_create": {Routine: "kqueue_create"}, "kevent_add": {Args: 3, Routine: "kevent_add"},
	"kevent_del": {Args: 3, Routine: "kevent_del"}, "kevent_wait": {Args: 3, Routine: "kevent_wait"},
	// append(s, e) is spelled out by check-types with this routine (check_types_append.go).
	"slice_append": {Args: 3, Void: true, Routine: "slice_append", Private: true},
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
