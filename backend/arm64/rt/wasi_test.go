package rt

import (
	"os"
	"path/filepath"
	"testing"

	. "cot/backend/arm64/enc"
)

// Guest memory layout of the WASI test programs.
const (
	strOff = 0x100  // strings
	iovOff = 0x200  // iovecs
	resOff = 0x300  // results written by the routines
	bufOff = 0x1000 // buffers
)

func ok32(n int) string { return hex32(uint32(n)) }

func hex32(v uint32) string {
	const digits = "0123456789abcdef"
	b := []byte("i32:0x00000000\n")
	for i := 13; i >= 6; i-- {
		b[i] = digits[v&15]
		v >>= 4
	}
	return string(b)
}

// write emits fd_write(fd, iovOff, n, resOff) and prints the errno.
func write(a asm, fd uint32, n uint32) {
	arg(a, X0, fd)
	arg(a, X1, iovOff)
	arg(a, X2, n)
	arg(a, X3, resOff)
	call(a, "cot_wasi_fd_write")
	printW0(a)
}

func TestWASIFdReadWrite(t *testing.T) {
	runProgs(t, []prog{
		{name: "fd_write", body: func(a asm) {
			poke(a, strOff, []byte("hello, world\n"))
			iovec(a, iovOff, strOff, 7)     // "hello, "
			iovec(a, iovOff+8, strOff+7, 0) // empty
			iovec(a, iovOff+16, strOff+7, 6)
			write(a, 1, 3)
			printMem32(a, resOff) // 13
			iovec(a, iovOff, strOff, 3)
			write(a, 2, 1) // "hel" to stderr
		}, stdout: "hello, world\n" + ok32(0) + ok32(13) + ok32(0), stderr: "hel"},
		{name: "fd_write_errors", body: func(a asm) {
			iovec(a, iovOff, strOff, 4)
			write(a, 99, 1)                 // EBADF
			iovec(a, iovOff, 0x1fffe, 4)    // buffer past the 64 KiB memory
			write(a, 1, 1)                  // EFAULT
			iovec(a, iovOff, 0xfffffffc, 8) // 32-bit wrap-around must not pass the check
			write(a, 1, 1)                  // EFAULT
			arg(a, X0, 1)
			arg(a, X1, 0xfff8)
			arg(a, X2, 2) // the iovec array itself crosses the end
			arg(a, X3, resOff)
			call(a, "cot_wasi_fd_write")
			printW0(a)
			iovec(a, iovOff, strOff, 1)
			arg(a, X0, 1)
			arg(a, X1, iovOff)
			arg(a, X2, 1)
			arg(a, X3, 0xfffe) // result pointer crosses the end
			call(a, "cot_wasi_fd_write")
			printW0(a)
		}, stdout: ok32(8) + ok32(21) + ok32(21) + ok32(21) + ok32(21)},
		{name: "fd_read", stdin: "abcdefgh", body: func(a asm) {
			iovec(a, iovOff, bufOff, 3)
			iovec(a, iovOff+8, bufOff+3, 100)
			arg(a, X0, 0)
			arg(a, X1, iovOff)
			arg(a, X2, 2)
			arg(a, X3, resOff)
			call(a, "cot_wasi_fd_read")
			printW0(a)
			printMem32(a, resOff) // 8: the second read is short, so the loop stops there
			iovec(a, iovOff, bufOff, 8)
			write(a, 1, 1)
			iovec(a, iovOff, bufOff, 8)
			arg(a, X0, 0)
			arg(a, X1, iovOff)
			arg(a, X2, 1)
			arg(a, X3, resOff)
			call(a, "cot_wasi_fd_read") // end of file
			printW0(a)
			printMem32(a, resOff)
		}, stdout: ok32(0) + ok32(8) + "abcdefgh" + ok32(0) + ok32(0) + ok32(0)},
	})
}

// open emits path_open(3, follow, strOff "name", oflags, rights, fdflags, &fd at resOff) and
// prints the errno; the fd is then at guest resOff.
func open(a asm, name string, oflags uint32, rights uint64, fdflags uint32) {
	poke(a, strOff, []byte(name))
	a.subImm(X64, SP, SP, 16)
	arg(a, X9, resOff)
	a.ld(STRX, X9, SP, 0) // ninth argument: first stack slot
	arg(a, X0, 3)
	arg(a, X1, 1)
	arg(a, X2, strOff)
	arg(a, X3, uint32(len(name)))
	arg(a, X4, oflags)
	a.mov(X5, rights)
	a.mov(X6, rights)
	arg(a, X7, fdflags)
	call(a, "cot_wasi_path_open")
	a.addImm(X64, SP, SP, 16)
	printW0(a)
}

// withFD loads the fd stored at resOff into w0 (junk above).
func withFD(a asm) {
	guest(a, X9, resOff)
	a.ld(LDRW, X0, X9, 0)
	a.mov(X10, junk)
	a.Emit(OrrReg(X64, X0, X0, X10, LSL, NoShift(X64)))
}

const (
	rightRead  = 1 << 1
	rightWrite = 1 << 6
	oflCreat   = 1
	oflDir     = 2
	oflExcl    = 4
	oflTrunc   = 8
	fdAppend   = 1
)

func TestWASIFiles(t *testing.T) {
	runProgs(t, []prog{
		{name: "create_write_seek_read", files: map[string]string{"old.txt": "previous contents"},
			body: func(a asm) {
				open(a, "old.txt", oflCreat|oflTrunc, rightRead|rightWrite, 0)
				a.mov(X19, 0)
				guest(a, X9, resOff)
				a.ld(LDRW, X19, X9, 0) // keep the fd in x19
				poke(a, strOff+0x40, []byte("new data"))
				iovec(a, iovOff, strOff+0x40, 8)
				a.Emit(Mov(W32, X0, X19))
				arg(a, X1, iovOff)
				arg(a, X2, 1)
				arg(a, X3, resOff+8)
				call(a, "cot_wasi_fd_write")
				printW0(a)
				// seek to 4 from the start; the new offset is written as a u64
				a.Emit(Mov(W32, X0, X19))
				a.mov(X1, 4)
				arg(a, X2, 0)
				arg(a, X3, resOff+16)
				call(a, "cot_wasi_fd_seek")
				printW0(a)
				printMem64(a, resOff+16)
				iovec(a, iovOff, bufOff, 100)
				a.Emit(Mov(W32, X0, X19))
				arg(a, X1, iovOff)
				arg(a, X2, 1)
				arg(a, X3, resOff+8)
				call(a, "cot_wasi_fd_read")
				printW0(a)
				printMem32(a, resOff+8) // 4
				iovec(a, iovOff, bufOff, 4)
				write(a, 1, 1) // "data"
				// fd_seek(fd, -1, END)
				a.Emit(Mov(W32, X0, X19))
				a.mov(X1, ^uint64(0))
				arg(a, X2, 2)
				arg(a, X3, resOff+16)
				call(a, "cot_wasi_fd_seek")
				printW0(a)
				printMem64(a, resOff+16) // 7
				a.Emit(Mov(W32, X0, X19))
				arg(a, X2, 3) // bad whence
				arg(a, X3, resOff+16)
				call(a, "cot_wasi_fd_seek")
				printW0(a)
				a.Emit(Mov(W32, X0, X19))
				call(a, "cot_wasi_fd_close")
				printW0(a)
				a.Emit(Mov(W32, X0, X19))
				call(a, "cot_wasi_fd_close") // closed already: EBADF
				printW0(a)
			},
			stdout: ok32(0) + ok32(0) + ok32(0) + "i64:0x0000000000000004\n" + ok32(0) + ok32(4) + "data" + ok32(0) +
				ok32(0) + "i64:0x0000000000000007\n" + ok32(28) + ok32(0) + ok32(8),
			check: func(t *testing.T, dir, _ string) {
				b, err := os.ReadFile(filepath.Join(dir, "old.txt"))
				if err != nil || string(b) != "new data" {
					t.Errorf("old.txt = %q, %v; want \"new data\"", b, err)
				}
			}},
		{name: "open_errors", files: map[string]string{"f": "x"}, body: func(a asm) {
			open(a, "missing", 0, rightRead, 0)           // ENOENT 44
			open(a, "f", oflCreat|oflExcl, rightWrite, 0) // EEXIST 20
			open(a, "f", oflDir, rightRead, 0)            // ENOTDIR 54
			open(a, "/etc/passwd", 0, rightRead, 0)       // ENOTCAPABLE 76
			open(a, "f/x", 0, rightRead, 0)               // ENOTDIR 54
			open(a, ".", 0, rightRead|rightWrite, 0)      // EISDIR 31
			open(a, "", 0, rightRead, 0)                  // EINVAL 28
			open(a, "f\x00g", 0, rightRead, 0)            // EINVAL 28 (embedded NUL)
			open(a, "f", 0, rightRead, 0)                 // ok
			open(a, "f", 0, rightWrite, fdAppend)         // ok, appending
			guest(a, X9, resOff)
			a.ld(LDRW, X19, X9, 0)
			poke(a, strOff+0x40, []byte("yz"))
			iovec(a, iovOff, strOff+0x40, 2)
			a.Emit(Mov(W32, X0, X19))
			arg(a, X1, iovOff)
			arg(a, X2, 1)
			arg(a, X3, resOff+8)
			call(a, "cot_wasi_fd_write")
			printW0(a)
		}, stdout: ok32(44) + ok32(20) + ok32(54) + ok32(63) + ok32(54) + ok32(31) + ok32(28) + ok32(28) +
			ok32(0) + ok32(0) + ok32(0),
			check: func(t *testing.T, dir, _ string) {
				if b, _ := os.ReadFile(filepath.Join(dir, "f")); string(b) != "xyz" {
					t.Errorf("f = %q, want \"xyz\" (append)", b)
				}
			}},
		{name: "fdstat_set_flags", files: map[string]string{"f": "x"}, body: func(a asm) {
			open(a, "f", 0, rightWrite, 0)
			guest(a, X9, resOff)
			a.ld(LDRW, X19, X9, 0)
			a.Emit(Mov(W32, X0, X19))
			arg(a, X1, fdAppend)
			call(a, "cot_wasi_fd_fdstat_set_flags")
			printW0(a)
			poke(a, strOff+0x40, []byte("yz"))
			iovec(a, iovOff, strOff+0x40, 2)
			a.Emit(Mov(W32, X0, X19))
			arg(a, X1, iovOff)
			arg(a, X2, 1)
			arg(a, X3, resOff+8)
			call(a, "cot_wasi_fd_write")
			printW0(a)
			a.Emit(Mov(W32, X0, X19))
			arg(a, X1, 2) // dsync cannot be set
			call(a, "cot_wasi_fd_fdstat_set_flags")
			printW0(a)
			arg(a, X0, 66)
			arg(a, X1, 0)
			call(a, "cot_wasi_fd_fdstat_set_flags")
			printW0(a)
		}, stdout: ok32(0) + ok32(0) + ok32(0) + ok32(58) + ok32(8),
			check: func(t *testing.T, dir, _ string) {
				if b, _ := os.ReadFile(filepath.Join(dir, "f")); string(b) != "xyz" {
					t.Errorf("f = %q, want \"xyz\" (append set by fd_fdstat_set_flags)", b)
				}
			}},
		{name: "open_dir_and_relative", body: func(a asm) {
			open(a, "d/..", oflDir, rightRead, 0) // a directory opened read-only
			open(a, "sub", oflDir, rightRead, 0)  // ENOENT
			open(a, "..", oflDir, rightRead, 0)   // EPERM: above the preopen
		}, stdout: ok32(0) + ok32(44) + ok32(63), setup: func(t *testing.T, dir string) {
			if err := os.Mkdir(filepath.Join(dir, "d"), 0o755); err != nil {
				t.Fatal(err)
			}
		}},
	})
}

// fdstat emits fd_fdstat_get(fd in w0) and prints errno, filetype, flags and rights_base.
func fdstat(a asm) {
	arg(a, X1, resOff)
	call(a, "cot_wasi_fd_fdstat_get")
	printW0(a)
	guest(a, X9, resOff)
	a.ld(LDRB, X0, X9, 0)
	printW0(a)
	guest(a, X9, resOff)
	a.ld(LDRH, X0, X9, 2)
	printW0(a)
	printMem64(a, resOff+8)
}

func TestWASIFdstatPrestat(t *testing.T) {
	runProgs(t, []prog{
		{name: "fdstat", files: map[string]string{"f": "x"}, body: func(a asm) {
			arg(a, X0, 3) // the preopened directory
			fdstat(a)
			open(a, "f", 0, rightWrite, fdAppend)
			withFD(a)
			fdstat(a) // regular file, append
			arg(a, X0, 1)
			fdstat(a) // stdout: a pipe here, "unknown" with all rights
			arg(a, X0, 77)
			arg(a, X1, resOff)
			call(a, "cot_wasi_fd_fdstat_get")
			printW0(a)
			arg(a, X0, 3)
			arg(a, X1, 0xfff0)
			call(a, "cot_wasi_fd_fdstat_get")
			printW0(a)
		}, stdout: ok32(0) + ok32(3) + ok32(0) + "i64:0x000000003fffffff\n" +
			ok32(0) + ok32(0) + ok32(4) + ok32(1) + "i64:0x0000000000000040\n" + // the rights asked for
			ok32(0) + ok32(0) + ok32(0) + "i64:0x000000003fffffff\n" + ok32(8) + ok32(21)},
		{name: "prestat", body: func(a asm) {
			pokeU32(a, resOff, 0xffffffff)
			arg(a, X0, 3)
			arg(a, X1, resOff)
			call(a, "cot_wasi_fd_prestat_get")
			printW0(a)
			printMem32(a, resOff)   // tag 0 (dir)
			printMem32(a, resOff+4) // name length 1
			arg(a, X0, 4)
			arg(a, X1, resOff)
			call(a, "cot_wasi_fd_prestat_get")
			printW0(a) // EBADF ends the preopen scan
			arg(a, X0, 3)
			arg(a, X1, bufOff)
			arg(a, X2, 1)
			call(a, "cot_wasi_fd_prestat_dir_name")
			printW0(a)
			iovec(a, iovOff, bufOff, 1)
			write(a, 1, 1) // "/": the working directory by default
			arg(a, X0, 3)
			arg(a, X1, bufOff)
			arg(a, X2, 0)
			call(a, "cot_wasi_fd_prestat_dir_name")
			printW0(a) // ENAMETOOLONG
			arg(a, X0, 5)
			call(a, "cot_wasi_fd_prestat_dir_name")
			printW0(a) // EBADF
		}, stdout: ok32(0) + ok32(0) + ok32(1) + ok32(8) + ok32(0) + "/" + ok32(0) + ok32(37) + ok32(8)},
	})
}
