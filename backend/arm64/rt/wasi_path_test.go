package rt

import (
	"os"
	"path/filepath"
	"testing"

	. "cot/backend/arm64/enc"
)

// pathCall emits routine(w0 = 3, w1 = path at strOff, w2 = len) for the path routines taking
// (dirfd, path, len) and prints the errno.
func pathCall(a asm, routine, name string) {
	poke(a, strOff, []byte(name))
	arg(a, X0, 3)
	arg(a, X1, strOff)
	arg(a, X2, uint32(len(name)))
	call(a, routine)
	printW0(a)
}

// pathStat emits path_filestat_get(3, lookup, name, resOff) and prints errno, filetype, nlink
// and size.
func pathStat(a asm, name string, lookup uint32) {
	poke(a, strOff, []byte(name))
	arg(a, X0, 3)
	arg(a, X1, lookup)
	arg(a, X2, strOff)
	arg(a, X3, uint32(len(name)))
	arg(a, X4, resOff)
	call(a, "cot_wasi_path_filestat_get")
	printW0(a)
	printFilestat(a)
}

func printFilestat(a asm) {
	guest(a, X9, resOff+16)
	a.ld(LDRB, X0, X9, 0)
	printW0(a)
	printMem64(a, resOff+24)
	printMem64(a, resOff+32)
}

func i64(v uint64) string { return "i64:0x" + hex32(uint32(v >> 32))[6:14] + hex32(uint32(v))[6:] }

func TestWASIPaths(t *testing.T) {
	runProgs(t, []prog{
		{name: "directories", files: map[string]string{"f": "x"}, body: func(a asm) {
			pathCall(a, "cot_wasi_path_create_directory", "d")
			pathCall(a, "cot_wasi_path_create_directory", "d") // EEXIST
			poke(a, strOff, []byte("d"))
			poke(a, strOff+0x40, []byte("e"))
			arg(a, X0, 3)
			arg(a, X1, strOff)
			arg(a, X2, 1)
			arg(a, X3, 3)
			arg(a, X4, strOff+0x40)
			arg(a, X5, 1)
			call(a, "cot_wasi_path_rename")
			printW0(a)
			pathCall(a, "cot_wasi_path_remove_directory", "d") // ENOENT: renamed
			pathCall(a, "cot_wasi_path_remove_directory", "e")
			pathCall(a, "cot_wasi_path_unlink_file", "f")
			pathCall(a, "cot_wasi_path_unlink_file", "f")     // ENOENT
			pathCall(a, "cot_wasi_path_unlink_file", "/tmp")  // EPERM: absolute
			pathCall(a, "cot_wasi_path_create_directory", "") // EINVAL
		}, stdout: ok32(0) + ok32(20) + ok32(0) + ok32(44) + ok32(0) + ok32(0) + ok32(44) + ok32(63) + ok32(28),
			check: func(t *testing.T, dir, _ string) {
				entries, _ := os.ReadDir(dir)
				for _, e := range entries {
					if e.Name() != "prog" {
						t.Errorf("%s left in the directory", e.Name())
					}
				}
			}},
		{name: "filestat", files: map[string]string{"f": "hello"},
			setup: func(t *testing.T, dir string) {
				if err := os.Symlink("f", filepath.Join(dir, "link")); err != nil {
					t.Fatal(err)
				}
			},
			body: func(a asm) {
				pathStat(a, "f", 1)    // regular file, 1 link, 5 bytes
				pathStat(a, "link", 1) // followed: the file
				pathStat(a, "link", 0) // not followed: a symbolic link of 1 byte ("f")
				pathStat(a, "nope", 1) // ENOENT
				open(a, "f", 0, rightRead, 0)
				guest(a, X9, resOff)
				a.ld(LDRW, X19, X9, 0)
				a.Emit(Mov(W32, X0, X19))
				arg(a, X1, resOff)
				call(a, "cot_wasi_fd_filestat_get")
				printW0(a)
				printFilestat(a)
				// mtim is after 2020-01-01
				guest(a, X9, resOff+48)
				a.ld(LDRX, X0, X9, 0)
				a.mov(X10, 1577836800_000000000)
				a.Emit(CmpReg(X64, X0, X10, LSL, NoShift(X64)))
				a.Emit(Cset(W32, X0, HI))
				printW0(a)
				iovec(a, iovOff, bufOff, 2)
				a.Emit(Mov(W32, X0, X19))
				arg(a, X1, iovOff)
				arg(a, X2, 1)
				arg(a, X3, resOff)
				call(a, "cot_wasi_fd_read")
				a.Emit(Mov(W32, X0, X19))
				arg(a, X1, resOff)
				call(a, "cot_wasi_fd_tell")
				printW0(a)
				printMem64(a, resOff) // 2
				for _, r := range []string{"cot_wasi_fd_sync", "cot_wasi_fd_datasync"} {
					arg(a, X0, 1) // a pipe: EINVAL
					call(a, r)
					printW0(a)
				}
				call(a, "cot_wasi_sched_yield")
				printW0(a)
				arg(a, X0, 99)
				arg(a, X1, resOff)
				call(a, "cot_wasi_fd_filestat_get")
				printW0(a) // EBADF
				arg(a, X0, 3)
				arg(a, X1, 0xffc8) // 56 bytes left: a filestat is 64
				call(a, "cot_wasi_fd_filestat_get")
				printW0(a) // EFAULT
			},
			stdout: ok32(0) + ok32(4) + i64(1) + i64(5) +
				ok32(0) + ok32(4) + i64(1) + i64(5) +
				ok32(0) + ok32(7) + i64(1) + i64(1) +
				ok32(44) + ok32(7) + i64(1) + i64(1) + // the failed call leaves the previous result
				ok32(0) + // open
				ok32(0) + ok32(4) + i64(1) + i64(5) + ok32(1) +
				ok32(0) + i64(2) + ok32(28) + ok32(28) + ok32(0) + ok32(8) + ok32(21)},
	})
}
