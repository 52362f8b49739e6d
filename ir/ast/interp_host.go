package ast

// The reference interpreter's host builtins: what WASI gives a compiled program, for the calls an
// interpreted program can make without a file system or stdin (fd_write to stdout or stderr,
// fd_close of a descriptor that is not open, empty argument and environment vectors). The result is the host's, a WASI errno negated on failure,
// as lower-to-wasm's host calls give it.

const wasiBadf = 8 // WASI's EBADF

// interpMaxPages bounds the interpreter's memory (1 GiB): memory.grow beyond it gives -1, as an
// engine out of memory does.
const interpMaxPages = 16384

func (in *interp) host(e *HostCall, fr frame) int64 {
	var args []int64
	for _, a := range e.Args {
		args = append(args, in.eval(a, fr))
	}
	switch e.Name {
	case "fd_write":
		w := &in.stdout
		switch args[0] {
		case 1:
		case 2:
			w = &in.stderr
		default:
			return -wasiBadf
		}
		w.Write(in.hostBytes(args[1], args[2]))
		return args[2]
	case "memcpy": // memmove: Go's copy allows overlap
		if args[2] > 0 {
			copy(in.bytesAt(args[0], int(args[2])), in.bytesAt(args[1], int(args[2])))
		}
		return 0
	case "time", "clock_time": // a clock that stands still: every duration is 0
		return 0
	case "memory_size":
		return in.wholePages()
	case "memory_grow":
		old := in.wholePages()
		if args[0] < 0 || old+args[0] > interpMaxPages {
			return -1
		}
		in.mem = append(in.mem, make([]byte, args[0]*PageSize)...)
		return old
	case "args_sizes_get", "environ_sizes_get": // an interpreted program has neither: 0 strings of 0 bytes
		clear(in.bytesAt(args[0], 4))
		clear(in.bytesAt(args[1], 4))
		return 0
	case "fd_prestat_get": // no directory is preopened: every path_open is refused before it is made
		return -wasiBadf
	case "fd_close":
		if args[0] < 0 || args[0] > 2 { // no file is open but the standard streams
			return -wasiBadf
		}
	}
	panic("interpret: the host builtin @" + e.Name + " needs a host the interpreter does not model")
}

// hostBytes returns the n bytes at address addr of linear memory (interp_memory.go; a str-addr
// before layout-data hands out an address there too, interp_string.go).
func (in *interp) hostBytes(addr, n int64) []byte { return in.bytesAt(addr, int(n)) }
