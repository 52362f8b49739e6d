package rt

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	. "cot/backend/arm64/enc"
)

type dirent struct {
	next uint64
	name string
	typ  byte
}

// parseDirents decodes WASI dirents; a cut-off last entry is dropped.
func parseDirents(t *testing.T, b []byte) []dirent {
	var out []dirent
	for len(b) >= direntHeader {
		n := int(binary.LittleEndian.Uint32(b[16:]))
		if len(b) < direntHeader+n {
			break
		}
		out = append(out, dirent{binary.LittleEndian.Uint64(b), string(b[direntHeader : direntHeader+n]), b[20]})
		if b[21] != 0 || b[22] != 0 || b[23] != 0 {
			t.Errorf("dirent %q: padding not zero", out[len(out)-1].name)
		}
		b = b[direntHeader+n:]
	}
	return out
}

// readdir emits fd_readdir(x19, buf, size, cookie in x20, resOff), prints the errno, and writes
// the bytes used to stdout framed by the count (as an i32 line).
func readdir(a asm, buf, size uint32) {
	a.Emit(Mov(W32, X0, X19))
	arg(a, X1, buf)
	arg(a, X2, size)
	a.Emit(Mov(X64, X3, X20))
	arg(a, X4, resOff)
	call(a, "cot_wasi_fd_readdir")
	printW0(a)
	printMem32(a, resOff)
	pokeU32(a, iovOff, buf)
	guest(a, X9, resOff)
	a.ld(LDRW, X10, X9, 0)
	guest(a, X9, iovOff+4)
	a.ld(STRW, X10, X9, 0)
	arg(a, X0, 1)
	arg(a, X1, iovOff)
	arg(a, X2, 1)
	arg(a, X3, resOff+8)
	call(a, "cot_wasi_fd_write")
}

func TestWASIReaddir(t *testing.T) {
	runProgs(t, []prog{{
		name: "readdir", anyOut: true,
		setup: func(t *testing.T, dir string) {
			os.Mkdir(filepath.Join(dir, "d"), 0o755)
			os.Mkdir(filepath.Join(dir, "d", "sub"), 0o755)
			for _, n := range []string{"a", "bb", "a-rather-long-file-name.txt"} {
				os.WriteFile(filepath.Join(dir, "d", n), nil, 0o644)
			}
		},
		body: func(a asm) {
			open(a, "d", oflDir, rightRead, 0)
			guest(a, X9, resOff)
			a.ld(LDRW, X19, X9, 0)
			a.mov(X20, 0)
			readdir(a, bufOff, 4096) // everything
			guest(a, X9, bufOff)
			a.ld(LDRX, X20, X9, 0) // d_next of the first entry
			readdir(a, bufOff+0x2000, 4096)
			a.mov(X20, 0)
			readdir(a, bufOff, 30) // one header and part of a name
			arg(a, X0, 3)
			arg(a, X1, 0xff00)
			arg(a, X2, 0x200)
			arg(a, X4, resOff)
			call(a, "cot_wasi_fd_readdir")
			printW0(a) // EFAULT
			arg(a, X0, 1)
			arg(a, X1, bufOff)
			arg(a, X2, 64)
			arg(a, X4, resOff)
			call(a, "cot_wasi_fd_readdir")
			printW0(a) // stdout is not a directory: EBADF, as wasmtime
		},
		check: func(t *testing.T, _ string, out string) {
			var listings [][]byte
			if !strings.HasPrefix(out, ok32(0)) {
				t.Fatalf("path_open failed: %q", out)
			}
			out = out[len(ok32(0)):]
			for i := 0; i < 3; i++ {
				head := ok32(0)
				if !strings.HasPrefix(out, head) || len(out) < 2*len(head) {
					t.Fatalf("listing %d: output %q", i, out)
				}
				var n int
				for _, c := range out[len(head)+6 : 2*len(head)-1] {
					n = n*16 + strings.IndexRune("0123456789abcdef", c)
				}
				out = out[2*len(head):]
				listings = append(listings, []byte(out[:n]))
				out = out[n:]
			}
			if out != ok32(21)+ok32(8) {
				t.Errorf("errors: %q", out)
			}
			all := parseDirents(t, listings[0])
			var names []string
			for _, d := range all {
				names = append(names, d.name)
				want := byte(4)
				if d.name == "." || d.name == ".." || d.name == "sub" {
					want = 3
				}
				if d.typ != want {
					t.Errorf("%q: type %d, want %d", d.name, d.typ, want)
				}
			}
			sort.Strings(names)
			if got := strings.Join(names, " "); got != ". .. a a-rather-long-file-name.txt bb sub" {
				t.Errorf("names %q", got)
			}
			rest := parseDirents(t, listings[1])
			if len(rest) != len(all)-1 {
				t.Fatalf("from the first cookie: %d entries, want %d", len(rest), len(all)-1)
			}
			for i := range rest {
				if rest[i] != all[i+1] {
					t.Errorf("entry %d from the cookie: %+v, want %+v", i, rest[i], all[i+1])
				}
			}
			if len(listings[2]) != 30 {
				t.Errorf("small buffer: %d bytes used, want 30", len(listings[2]))
			}
			if first := parseDirents(t, listings[2]); len(first) > 1 || len(first) == 1 && first[0] != all[0] {
				t.Errorf("small buffer entries %+v, want a prefix of %+v", first, all[0])
			}
		},
	}})
}
