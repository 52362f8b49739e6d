package ast

// The reference interpreter's host builtins: what WASI gives a compiled program, for the calls an
// interpreted program can make without a file system or stdin (fd_write to stdout or stderr,
// fd_close of a descriptor that is not open). The result is the host's, a WASI errno negated on failure,
// as lower-to-wasm's host calls give it.

const wasiBadf = 8 // WASI's EBADF

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
