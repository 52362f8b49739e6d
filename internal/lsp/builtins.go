package lsp

import "strings"

// builtinDoc is what an editor shows for a builtin (language.md §10): parameter names, result
// type and a one-line meaning. The grammar knows only each builtin's arity (grammar.Builtins);
// TestBuiltinDocs checks this table has exactly the grammar's builtins, with their arities.
type builtinDoc struct {
	params []string
	result string
	doc    string
}

var builtinDocs = map[string]builtinDoc{
	"sizeOf":             {[]string{"T"}, "i64", "size of T (§3.3), a compile-time constant"},
	"alignOf":            {[]string{"T"}, "i64", "alignment of T (§3.3)"},
	"intCast":            {[]string{"T", "v"}, "T", "numeric conversion of v to T; floats allowed both ways"},
	"ptrCast":            {[]string{"*T", "p"}, "*T", "reinterpret pointer p as *T"},
	"intToPtr":           {[]string{"*T", "addr"}, "*T", "integer to pointer"},
	"ptrToInt":           {[]string{"p"}, "i64", "pointer to integer"},
	"string":             {[]string{"ptr", "len"}, "string", "string header from address and length, no copy"},
	"ptrOf":              {[]string{"s"}, "i64", "address of the bytes of string s"},
	"lenOf":              {[]string{"s"}, "i64", "length of string s"},
	"assert":             {[]string{"cond"}, "void", "fail the test, or trap outside tests, when cond is false (§10.1)"},
	"assert_eq":          {[]string{"a", "b"}, "void", "assert a == b; strings compare by content (§10.1)"},
	"alloc":              {[]string{"size"}, "i64", "allocate size bytes, 8-byte aligned, never 0 (§9.2)"},
	"dealloc":            {[]string{"addr"}, "void", "free a block from @alloc, @realloc or new; 0 is ignored (§9.2)"},
	"realloc":            {[]string{"addr", "size"}, "i64", "resize a heap block, copying when it grows (§9.2)"},
	"memcpy":             {[]string{"dst", "src", "n"}, "void", "copy n bytes, overlap-safe (§9.2)"},
	"trap":               {nil, "void", "abort the process (illegal-instruction trap)"},
	"exit":               {[]string{"code"}, "void", "exit the process immediately"},
	"fd_write":           {[]string{"fd", "ptr", "len"}, "i64", "write(2): bytes written or -errno"},
	"fd_read":            {[]string{"fd", "ptr", "len"}, "i64", "read(2): bytes read, 0 at end of file, or -errno"},
	"fd_close":           {[]string{"fd"}, "i64", "close(2): 0 or -errno"},
	"fd_seek":            {[]string{"fd", "off", "whence"}, "i64", "lseek(2): the new offset or -errno"},
	"fd_open":            {[]string{"path_ptr", "path_len", "flags"}, "i64", "open a file (flags in the macOS encoding): fd or -errno"},
	"time":               {nil, "i64", "wall-clock time in nanoseconds"},
	"random":             {[]string{"ptr", "len"}, "i64", "fill with cryptographic random bytes; 0 on success"},
	"args_count":         {nil, "i64", "argc (argv[0] is the executable)"},
	"arg_len":            {[]string{"n"}, "i64", "length of argv[n]; 0 out of range"},
	"arg_ptr":            {[]string{"n"}, "i64", "address of a NUL-terminated copy of argv[n]; 0 out of range"},
	"environ_count":      {nil, "i64", "number of environment strings"},
	"environ_len":        {[]string{"n"}, "i64", "length of environment string n (\"KEY=VALUE\")"},
	"environ_ptr":        {[]string{"n"}, "i64", "address of environment string n"},
	"target_os":          {nil, "string", "the target OS, a compile-time constant"},
	"target_arch":        {nil, "string", "the target architecture, a compile-time constant"},
	"target":             {nil, "string", "the target, a compile-time constant"},
	"compileError":       {[]string{"msg"}, "void", "a compile error with msg when the call is type-checked"},
	"abs":                {[]string{"x"}, "f64", "absolute value of float x"},
	"ceil":               {[]string{"x"}, "f64", "round float x up"},
	"floor":              {[]string{"x"}, "f64", "round float x down"},
	"trunc":              {[]string{"x"}, "f64", "round float x toward zero"},
	"round":              {[]string{"x"}, "f64", "round float x half to even"},
	"sqrt":               {[]string{"x"}, "f64", "square root of float x"},
	"fmin":               {[]string{"a", "b"}, "f64", "minimum of floats (NaN-propagating)"},
	"fmax":               {[]string{"a", "b"}, "f64", "maximum of floats (NaN-propagating)"},
	"net_socket":         {[]string{"domain", "type", "proto"}, "i64", "socket(2): fd or -errno"},
	"net_bind":           {[]string{"fd", "addr_ptr", "addr_len"}, "i64", "bind(2) to a sockaddr in memory"},
	"net_listen":         {[]string{"fd", "backlog"}, "i64", "listen(2)"},
	"net_accept":         {[]string{"fd"}, "i64", "accept(2)"},
	"net_connect":        {[]string{"fd", "addr_ptr", "addr_len"}, "i64", "connect(2)"},
	"net_set_reuse_addr": {[]string{"fd"}, "i64", "set SO_REUSEADDR"},
	"set_nonblocking":    {[]string{"fd"}, "i64", "add O_NONBLOCK"},
	"kqueue_create":      {nil, "i64", "macOS kqueue(); -1 elsewhere"},
	"kevent_add":         {[]string{"kq", "fd", "filter"}, "i64", "register one kevent (filter -1 read, -2 write)"},
	"kevent_del":         {[]string{"kq", "fd", "filter"}, "i64", "remove one kevent"},
	"kevent_wait":        {[]string{"kq", "buf", "max"}, "i64", "wait for kevents into buf; their count"},
	"epoll_create":       {nil, "i64", "Linux epoll_create1(0); -1 elsewhere"},
	"epoll_add":          {[]string{"ep", "fd", "events"}, "i64", "epoll_ctl ADD (EPOLLIN 1, EPOLLOUT 4)"},
	"epoll_del":          {[]string{"ep", "fd"}, "i64", "epoll_ctl DEL"},
	"epoll_wait":         {[]string{"ep", "buf", "max"}, "i64", "wait for epoll events into buf; their count"},
}

// builtinSignature renders a builtin's call form and result: `@intCast(T, v) T`.
func builtinSignature(name string) string {
	b := builtinDocs[name]
	return "@" + name + "(" + strings.Join(b.params, ", ") + ") " + b.result
}
