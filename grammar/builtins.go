package grammar

// Builtins maps every builtin name of §10 (without the `@`) to its argument count.
// The lexer rejects any other `@name` ("unknown builtin", E0107); the argument count is for the
// checker (the grammar accepts any number of arguments so the checker can say what is wrong).
var Builtins = map[string]int{
	"sizeOf": 1, "alignOf": 1, "intCast": 2, "ptrCast": 2, "intToPtr": 2, "ptrToInt": 1,
	"string": 2, "ptrOf": 1, "lenOf": 1, "assert": 1, "assert_eq": 2,
	"alloc": 1, "dealloc": 1, "realloc": 2, "memcpy": 3, "trap": 0, "exit": 1,
	"fd_write": 3, "fd_read": 3, "fd_close": 1, "fd_seek": 3, "fd_open": 3,
	"time": 0, "random": 2, "args_count": 0, "arg_len": 1, "arg_ptr": 1,
	"environ_count": 0, "environ_len": 1, "environ_ptr": 1,
	"target_os": 0, "target_arch": 0, "target": 0, "compileError": 1,
	"abs": 1, "ceil": 1, "floor": 1, "trunc": 1, "round": 1, "sqrt": 1, "fmin": 2, "fmax": 2,
	"net_socket": 3, "net_bind": 3, "net_listen": 2, "net_accept": 1, "net_connect": 3,
	"net_set_reuse_addr": 1, "set_nonblocking": 1,
	"kqueue_create": 0, "kevent_add": 3, "kevent_del": 3, "kevent_wait": 3,
	"epoll_create": 0, "epoll_add": 3, "epoll_del": 2, "epoll_wait": 3,
}

// RuntimeBuiltins are the builtins only the runtime (runtime/*.cot) may call, which language.md
// §10 does not have: memory.size and memory.grow for the allocator, a clock by id for the test
// runner, WASI's argument and environment vectors for @args_count and its kin (runtime/args.cot),
// the preopens and path_open for @fd_open (runtime/fs.cot), a net fd's I/O (runtime/net.cot).
// The lexer accepts them everywhere so the parse pass can say that they are the runtime's.
var RuntimeBuiltins = map[string]int{"memory_size": 0, "memory_grow": 1, "clock_time": 1,
	"args_sizes_get": 2, "args_get": 2, "environ_sizes_get": 2, "environ_get": 2,
	"fd_prestat_get": 1, "fd_prestat_dir_name": 3, "path_open": 6,
	"net_read": 3, "net_write": 3, "net_close": 1}
