package ast

import "cot/ir/types"

// RuntimeSig is the Cot-level signature of a runtime routine.
type RuntimeSig struct {
	Params []types.Type
	Result types.Type
}

// Runtime lists the runtime routines a RuntimeCall may name: functions of the runtime's Cot
// source (runtime/*.cot) that import-runtime adds to the program.
var Runtime = map[string]RuntimeSig{
	// write(fd, addr, len) writes len bytes at addr to fd (runtime/write.cot).
	"write": {Params: []types.Type{types.TI64, types.TI64, types.TI64}, Result: types.TVoid},
	// print_bool(fd, b) writes true or false (runtime/print.cot).
	"print_bool": {Params: []types.Type{types.TI64, types.TBool}, Result: types.TVoid},
	// print_int(fd, v) writes v in signed decimal (runtime/print_int.cot).
	"print_int": {Params: []types.Type{types.TI64, types.TI64}, Result: types.TVoid},
	// print_uint(fd, v) writes v in unsigned decimal (runtime/print_int.cot).
	"print_uint": {Params: []types.Type{types.TI64, types.TU64}, Result: types.TVoid},
	// assert_failed() stops the program with `error: assertion failed` (runtime/fail.cot).
	"assert_failed": {Result: types.TVoid},
	// fail_exit() ends a failure report: exit status 134 (runtime/fail.cot).
	"fail_exit": {Result: types.TVoid},
	// alloc(n), dealloc(p), realloc(p, n): the allocator of @alloc, @dealloc, @realloc
	// (runtime/alloc.cot, language.md §9.2).
	"alloc":   {Params: []types.Type{types.TI64}, Result: types.TI64},
	"dealloc": {Params: []types.Type{types.TI64}, Result: types.TVoid},
	"realloc": {Params: []types.Type{types.TI64, types.TI64}, Result: types.TI64},
	// slice_append(hdr, elem, size) appends the size bytes at elem to the slice header at hdr
	// (runtime/alloc.cot; append of spec §6.8).
	"slice_append": {Params: []types.Type{types.TI64, types.TI64, types.TI64}, Result: types.TVoid},
	// args_count(), arg_len(n), arg_ptr(n) and the environ_* trio: the argument and
	// environment vectors of language.md §10 (runtime/args.cot).
	"args_count":    {Result: types.TI64},
	"arg_len":       {Params: []types.Type{types.TI64}, Result: types.TI64},
	"arg_ptr":       {Params: []types.Type{types.TI64}, Result: types.TI64},
	"environ_count": {Result: types.TI64},
	"environ_len":   {Params: []types.Type{types.TI64}, Result: types.TI64},
	"environ_ptr":   {Params: []types.Type{types.TI64}, Result: types.TI64},
	// fd_open(path, len, flags) and fd_open_path(path, flags, mode): @fd_open's two forms
	// (runtime/fs.cot).
	"fd_open":      {Params: []types.Type{types.TI64, types.TI64, types.TI64}, Result: types.TI64},
	"fd_open_path": {Params: []types.Type{types.TString, types.TI64, types.TI64}, Result: types.TI64},
	// net_fd_read, net_fd_write, net_fd_close: @fd_read, @fd_write, @fd_close in a program that
	// has sockets, which send a net fd to the `cot` module (runtime/net.cot); kqueue_create and
	// the kevent_* trio are -1 (runtime/net.cot).
	"net_fd_read":   {Params: []types.Type{types.TI64, types.TI64, types.TI64}, Result: types.TI64},
	"net_fd_write":  {Params: []types.Type{types.TI64, types.TI64, types.TI64}, Result: types.TI64},
	"net_fd_close":  {Params: []types.Type{types.TI64}, Result: types.TI64},
	"kqueue_create": {Result: types.TI64},
	"kevent_add":    {Params: []types.Type{types.TI64, types.TI64, types.TI64}, Result: types.TI64},
	"kevent_del":    {Params: []types.Type{types.TI64, types.TI64, types.TI64}, Result: types.TI64},
	"kevent_wait":   {Params: []types.Type{types.TI64, types.TI64, types.TI64}, Result: types.TI64},
	// arc_alloc(size), arc_retain(p), arc_release(p), arc_free(p), arc_objects(): ARC objects
	// (runtime/arc.cot; lower-arc).
	"arc_alloc":   {Params: []types.Type{types.TI64}, Result: types.TI64},
	"arc_retain":  {Params: []types.Type{types.TI64}, Result: types.TI64},
	"arc_release": {Params: []types.Type{types.TI64}, Result: types.TBool},
	"arc_free":    {Params: []types.Type{types.TI64}, Result: types.TVoid},
	"arc_objects": {Result: types.TI64},
	// host_result(r) translates a host call's negated WASI errno to the negated Linux errno
	// (runtime/host.cot).
	"host_result": {Params: []types.Type{types.TI64}, Result: types.TI64},
}
