package rt

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	. "cot/backend/arm64/enc"
)

// positional emits fd_pwrite/fd_pread(x19, iovOff, 1, offset, resOff+8) and prints errno and
// the byte count.
func positional(a asm, routine string, offset uint64) {
	a.Emit(Mov(W32, X0, X19))
	arg(a, X1, iovOff)
	arg(a, X2, 1)
	a.mov(X3, offset)
	arg(a, X4, resOff+8)
	call(a, routine)
	printW0(a)
	printMem32(a, resOff+8)
}

func TestWASIPositionalRenumberTruncate(t *testing.T) {
	runProgs(t, []prog{{
		name: "pread_pwrite_renumber_truncate", files: map[string]string{"f": "0123456789"},
		body: func(a asm) {
			open(a, "f", 0, rightRead|rightWrite, 0)
			guest(a, X9, resOff)
			a.ld(LDRW, X19, X9, 0)
			poke(a, strOff, []byte("ab"))
			iovec(a, iovOff, strOff, 2)
			positional(a, "cot_wasi_fd_pwrite", 4) // "0123ab6789"
			iovec(a, iovOff, bufOff, 3)
			positional(a, "cot_wasi_fd_pread", 3) // "3ab"
			iovec(a, iovOff, bufOff, 3)
			write(a, 1, 1)
			// the file position did not move: fd_tell is still 0
			a.Emit(Mov(W32, X0, X19))
			arg(a, X1, resOff)
			call(a, "cot_wasi_fd_tell")
			printMem64(a, resOff)
			positional(a, "cot_wasi_fd_pread", 100) // past the end: 0 bytes
			// renumber the file onto fd 1: stdout now writes into the file
			a.Emit(Mov(W32, X0, X19))
			arg(a, X1, 1)
			call(a, "cot_wasi_fd_renumber")
			a.Emit(Mov(X64, X20, X0))
			poke(a, strOff, []byte("Z"))
			iovec(a, iovOff, strOff, 1)
			arg(a, X0, 1)
			arg(a, X1, iovOff)
			arg(a, X2, 1)
			arg(a, X3, resOff+8)
			call(a, "cot_wasi_fd_write") // at position 0 of the file
			arg(a, X0, 1)
			a.mov(X1, 6)
			call(a, "cot_wasi_fd_filestat_set_size") // "Z123ab"
			a.Emit(Mov(X64, X21, X0))
			arg(a, X0, 2)
			a.Emit(Mov(X64, X22, X19))
			a.Emit(Mov(W32, X19, X0))
			iovec(a, iovOff, strOff, 1)
			arg(a, X1, iovOff)
			arg(a, X2, 1)
			arg(a, X3, resOff+8)
			a.Emit(Mov(W32, X0, X22)) // the old fd is closed: EBADF
			call(a, "cot_wasi_fd_write")
			a.Emit(Mov(X64, X23, X0))
			// report on stderr: renumber, set_size and the write to the closed fd
			for _, r := range []Reg{X20, X21, X23} {
				a.Emit(Mov(X64, X0, r))
				a.Emit(AddImm(X64, X0, X0, must(NewImm12('a'))))
				guest(a, X9, strOff)
				a.ld(STRB, X0, X9, 0)
				iovec(a, iovOff, strOff, 1)
				arg(a, X0, 2)
				arg(a, X1, iovOff)
				arg(a, X2, 1)
				arg(a, X3, resOff+8)
				call(a, "cot_wasi_fd_write") // no errno line: stdout is the file now
			}
			arg(a, X0, 7)
			arg(a, X1, 7)
			call(a, "cot_wasi_fd_renumber") // to itself, but 7 is not open: EBADF
			a.Emit(AddImm(X64, X0, X0, must(NewImm12('a'))))
			guest(a, X9, strOff)
			a.ld(STRB, X0, X9, 0)
			iovec(a, iovOff, strOff, 1)
			arg(a, X0, 2)
			arg(a, X1, iovOff)
			arg(a, X2, 1)
			arg(a, X3, resOff+8)
			call(a, "cot_wasi_fd_write")
		},
		stdout: ok32(0) + ok32(0) + ok32(2) + ok32(0) + ok32(3) + "3ab" + ok32(0) + "i64:0x0000000000000000\n" +
			ok32(0) + ok32(0),
		stderr: "aaii", // renumber 0, set_size 0, EBADF 8 ('a'+8 = 'i'), renumber of a closed fd EBADF
		check: func(t *testing.T, dir, _ string) {
			b, err := os.ReadFile(filepath.Join(dir, "f"))
			if err != nil || string(b) != "Z123ab" {
				t.Errorf("f = %q, %v; want \"Z123ab\"", b, err)
			}
		},
	}})
}

func TestWASILinksAdviseAllocate(t *testing.T) {
	runProgs(t, []prog{{
		name: "links", files: map[string]string{"f": "data"},
		body: func(a asm) {
			poke(a, strOff, []byte("f"))
			poke(a, strOff+0x10, []byte("ln"))
			poke(a, strOff+0x20, []byte("hard"))
			arg(a, X0, strOff) // symlink ln -> f
			arg(a, X1, 1)
			arg(a, X2, 3)
			arg(a, X3, strOff+0x10)
			arg(a, X4, 2)
			call(a, "cot_wasi_path_symlink")
			printW0(a)
			arg(a, X0, 3) // readlink ln
			arg(a, X1, strOff+0x10)
			arg(a, X2, 2)
			arg(a, X3, bufOff)
			arg(a, X4, 64)
			arg(a, X5, resOff)
			call(a, "cot_wasi_path_readlink")
			printW0(a)
			printMem32(a, resOff)
			iovec(a, iovOff, bufOff, 1)
			write(a, 1, 1) // "f"
			arg(a, X0, 3)  // readlink f: not a link
			arg(a, X1, strOff)
			arg(a, X2, 1)
			arg(a, X3, bufOff)
			arg(a, X4, 64)
			arg(a, X5, resOff)
			call(a, "cot_wasi_path_readlink")
			printW0(a)
			arg(a, X0, 3) // link hard -> ln, following the symlink: a second name of f
			arg(a, X1, 1)
			arg(a, X2, strOff+0x10)
			arg(a, X3, 2)
			arg(a, X4, 3)
			arg(a, X5, strOff+0x20)
			arg(a, X6, 4)
			call(a, "cot_wasi_path_link")
			printW0(a)
			open(a, "f", 0, rightRead|rightWrite, 0)
			guest(a, X9, resOff)
			a.ld(LDRW, X19, X9, 0)
			a.Emit(Mov(W32, X0, X19))
			a.mov(X1, 0)
			a.mov(X2, 4)
			arg(a, X3, 2) // sequential
			call(a, "cot_wasi_fd_advise")
			printW0(a)
			a.Emit(Mov(W32, X0, X19))
			a.mov(X1, 0)
			a.mov(X2, 100)
			call(a, "cot_wasi_fd_allocate")
			printW0(a)
			a.Emit(Mov(W32, X0, X19))
			a.mov(X1, 0)
			a.mov(X2, 0)
			call(a, "cot_wasi_fd_fdstat_set_rights")
			printW0(a)
		},
		stdout: ok32(0) + ok32(0) + ok32(1) + "f" + ok32(0) + ok32(28) + ok32(0) + ok32(0) + ok32(0) + ok32(0) + ok32(0),
		check: func(t *testing.T, dir, _ string) {
			if target, err := os.Readlink(filepath.Join(dir, "ln")); err != nil || target != "f" {
				t.Errorf("ln -> %q, %v", target, err)
			}
			fi, err := os.Lstat(filepath.Join(dir, "hard"))
			if err != nil || !fi.Mode().IsRegular() {
				t.Errorf("hard: %v %v, want a regular file (the link followed ln)", fi, err)
			}
			if fi, err := os.Stat(filepath.Join(dir, "f")); err != nil || fi.Size() != 100 {
				t.Errorf("f after fd_allocate: %v %v, want size 100", fi, err)
			}
		},
	}})
}

func TestWASISetTimes(t *testing.T) {
	const sec = 1_000_000_000
	runProgs(t, []prog{{
		name: "set_times", files: map[string]string{"f": "x", "g": "y"},
		body: func(a asm) {
			open(a, "f", 0, rightRead, 0)
			guest(a, X9, resOff)
			a.ld(LDRW, X19, X9, 0)
			a.Emit(Mov(W32, X0, X19))
			a.mov(X1, 1_000_000*sec+5) // atim
			a.mov(X2, 2_000_000*sec+7) // mtim
			arg(a, X3, 1|4)
			call(a, "cot_wasi_fd_filestat_set_times")
			printW0(a)
			poke(a, strOff, []byte("g"))
			arg(a, X0, 3)
			arg(a, X1, 1)
			arg(a, X2, strOff)
			arg(a, X3, 1)
			a.mov(X4, 0)
			a.mov(X5, 3_000_000*sec)
			arg(a, X6, 2|4) // atime now, mtime given
			call(a, "cot_wasi_path_filestat_set_times")
			printW0(a)
			a.Emit(Mov(W32, X0, X19))
			arg(a, X3, 1|2) // atim and atim_now: EINVAL
			call(a, "cot_wasi_fd_filestat_set_times")
			printW0(a)
		},
		stdout: ok32(0) + ok32(0) + ok32(0) + ok32(28),
		check: func(t *testing.T, dir, _ string) {
			f, _ := os.Stat(filepath.Join(dir, "f"))
			if f == nil || f.ModTime().UnixNano() != 2_000_000*sec+7 {
				t.Errorf("f mtime %v, want 2000000 s + 7 ns", f.ModTime().UnixNano())
			}
			if st, ok := f.Sys().(*syscall.Stat_t); !ok || st.Atim.Sec != 1_000_000 || st.Atim.Nsec != 5 {
				t.Errorf("f atime %+v, want 1000000 s + 5 ns", f.Sys())
			}
			g, _ := os.Stat(filepath.Join(dir, "g"))
			if g == nil || g.ModTime().Unix() != 3_000_000 {
				t.Errorf("g mtime %v, want 3000000 s", g.ModTime().Unix())
			}
		},
	}})
}
