package rt

import (
	"os"
	"path/filepath"
	"testing"

	. "cot/backend/arm64/enc"
)

// prestatName prints fd_prestat_get's errno and, when it succeeds, the preopen's guest name.
func prestatName(a asm, fd uint32) {
	arg(a, X0, fd)
	arg(a, X1, resOff)
	call(a, "cot_wasi_fd_prestat_get")
	printW0(a)
	arg(a, X0, fd)
	arg(a, X1, bufOff)
	arg(a, X2, 16)
	call(a, "cot_wasi_fd_prestat_dir_name")
	guest(a, X9, resOff+4)
	a.ld(LDRW, X19, X9, 0)
	pokeU32(a, iovOff, bufOff)
	guest(a, X9, iovOff+4)
	a.ld(STRW, X19, X9, 0)
	write(a, 1, 1)
}

// readVia opens name under the directory fd dirfd and prints the errno, then its first bytes.
func readVia(a asm, dirfd uint32, name string) {
	poke(a, strOff, []byte(name))
	a.subImm(X64, SP, SP, 16)
	arg(a, X9, resOff)
	a.ld(STRX, X9, SP, 0)
	arg(a, X0, dirfd)
	arg(a, X1, 1)
	arg(a, X2, strOff)
	arg(a, X3, uint32(len(name)))
	arg(a, X4, 0)
	a.mov(X5, rightRead)
	a.mov(X6, rightRead)
	arg(a, X7, 0)
	call(a, "cot_wasi_path_open")
	a.addImm(X64, SP, SP, 16)
	printW0(a)
	withFD(a)
	iovec(a, iovOff, bufOff, 4)
	arg(a, X1, iovOff)
	arg(a, X2, 1)
	arg(a, X3, resOff+8)
	call(a, "cot_wasi_fd_read")
	iovec(a, iovOff, bufOff, 4)
	write(a, 1, 1)
}

func subdir(t *testing.T, dir string) {
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sub", "x"), []byte("subx"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestWASIPreopenConfig: the preopen list comes from the baked-in configuration or, when set,
// COT_DIR; guest names are as configured; a missing directory stops the program at start.
func TestWASIPreopenConfig(t *testing.T) {
	body := func(a asm) {
		prestatName(a, 3)
		prestatName(a, 4)
		arg(a, X0, 5)
		arg(a, X1, resOff)
		call(a, "cot_wasi_fd_prestat_get")
		printW0(a) // EBADF: the end of the preopens
		readVia(a, 3, "x")
	}
	runProgs(t, []prog{{
		name: "override", setup: subdir, env: []string{"COT_DIR=sub::/data;."}, body: body,
		stdout: ok32(0) + "/data" + ok32(0) + ok32(0) + "." + ok32(0) + ok32(8) + ok32(0) + "subx" + ok32(0),
	}, {
		name: "baked", setup: subdir, wasi: Config{Dirs: []string{"sub::/data", "."}}, body: body,
		stdout: ok32(0) + "/data" + ok32(0) + ok32(0) + "." + ok32(0) + ok32(8) + ok32(0) + "subx" + ok32(0),
	}, {
		name: "baked_then_overridden", setup: subdir, wasi: Config{Dirs: []string{"nowhere"}},
		env: []string{"COT_DIR=sub"}, body: func(a asm) { prestatName(a, 3); readVia(a, 3, "x") },
		stdout: ok32(0) + "sub" + ok32(0) + ok32(0) + "subx" + ok32(0),
	}, {
		name: "no_preopens", env: []string{"COT_DIR="}, body: func(a asm) {
			arg(a, X0, 3)
			arg(a, X1, resOff)
			call(a, "cot_wasi_fd_prestat_get")
			printW0(a)
		}, stdout: ok32(8),
	}, {
		name: "missing", env: []string{"COT_DIR=.;nowhere::/x"}, body: func(a asm) { printW0(a) },
		stderr: "error: cannot open preopened directory nowhere\n", exit: 1,
	}, {
		// fd 0 closed at start: guest fd 0 does not exist, the preopen still is fd 3 and works
		// (on host fd 0).
		name: "stdin_closed", noStdin: true, setup: subdir, body: func(a asm) {
			iovec(a, iovOff, bufOff, 4)
			arg(a, X0, 0)
			arg(a, X1, iovOff)
			arg(a, X2, 1)
			arg(a, X3, resOff)
			call(a, "cot_wasi_fd_read")
			printW0(a) // EBADF
			prestatName(a, 3)
			readVia(a, 3, "sub/x")
		},
		stdout: ok32(8) + ok32(0) + "/" + ok32(0) + ok32(0) + "subx" + ok32(0),
	}})
}

// TestWASIStdioClosed starts with host fds 0 and 1 closed: the preopen lands on host fd 0 and
// the next file on host fd 1, yet guest fds 0 and 1 stay closed (EBADF) and guest fd 3 is the
// preopen, so creating and writing a file works.
func TestWASIStdioClosed(t *testing.T) {
	runProgs(t, []prog{{
		name: "stdin_stdout_closed", noStdin: true, noStdout: true,
		body: func(a asm) {
			poke(a, strOff, []byte("out"))
			a.subImm(X64, SP, SP, 16)
			arg(a, X9, resOff)
			a.ld(STRX, X9, SP, 0)
			arg(a, X0, 3)
			arg(a, X1, 1)
			arg(a, X2, strOff)
			arg(a, X3, 3)
			arg(a, X4, 1) // creat
			a.mov(X5, rightWrite)
			a.mov(X6, rightWrite)
			arg(a, X7, 0)
			call(a, "cot_wasi_path_open")
			a.addImm(X64, SP, SP, 16)
			a.Emit(Mov(W32, X20, X0)) // errno of path_open
			guest(a, X9, resOff)
			a.ld(LDRW, X19, X9, 0) // the file's guest fd
			poke(a, strOff, []byte("x"))
			iovec(a, iovOff, strOff, 1)
			arg(a, X0, 1)
			arg(a, X1, iovOff)
			arg(a, X2, 1)
			arg(a, X3, resOff+8)
			call(a, "cot_wasi_fd_write") // guest fd 1 does not exist
			// the file gets 'a'+errno(path_open), 'a'+errno(fd_write 1), '0'+its guest fd
			a.Emit(AddImm(W32, X21, X0, must(NewImm12('a'))))
			a.Emit(AddImm(W32, X20, X20, must(NewImm12('a'))))
			a.Emit(AddImm(W32, X22, X19, must(NewImm12('0'))))
			guest(a, X9, strOff)
			a.ld(STRB, X20, X9, 0)
			a.ld(STRB, X21, X9, 1)
			a.ld(STRB, X22, X9, 2)
			iovec(a, iovOff, strOff, 3)
			a.Emit(Mov(W32, X0, X19))
			arg(a, X1, iovOff)
			arg(a, X2, 1)
			arg(a, X3, resOff+8)
			call(a, "cot_wasi_fd_write")
		},
		check: func(t *testing.T, dir, _ string) {
			if b, err := os.ReadFile(filepath.Join(dir, "out")); err != nil || string(b) != "ai4" {
				t.Errorf("out = %q, %v; want \"ai4\" (path_open ok, fd_write(1) EBADF, the file is guest fd 4)", b, err)
			}
		},
	}})
}

// TestWASITableFull opens one file 1100 times (under a host fd limit of 4096): guest fds 4..1023
// are handed out, then path_open fails with EMFILE and closes the host fd it got.
func TestWASITableFull(t *testing.T) {
	runProgs(t, []prog{{
		name: "table_full", files: map[string]string{"f": "x"}, fdLimit: 4096,
		body: func(a asm) {
			loop, done := a.NewLabel(), a.NewLabel()
			a.mov(X19, 1100)
			a.mov(X21, 0) // successes
			poke(a, strOff, []byte("f"))
			a.Bind(loop)
			a.Cbz(X64, X19, done)
			a.subImm(X64, SP, SP, 16)
			arg(a, X9, resOff)
			a.ld(STRX, X9, SP, 0)
			arg(a, X0, 3)
			arg(a, X1, 1)
			arg(a, X2, strOff)
			arg(a, X3, 1)
			arg(a, X4, 0)
			a.mov(X5, rightRead)
			a.mov(X6, rightRead)
			arg(a, X7, 0)
			call(a, "cot_wasi_path_open")
			a.addImm(X64, SP, SP, 16)
			a.Emit(Mov(W32, X20, X0))
			a.Emit(CmpImm(W32, X0, must(NewImm12(0))))
			a.Emit(Cinc(X64, X21, X21, EQ))
			a.subImm(X64, X19, X19, 1)
			a.B(loop)
			a.Bind(done)
			a.Emit(Mov(X64, X0, X21))
			printW0(a) // 1020
			a.Emit(Mov(X64, X0, X20))
			printW0(a) // EMFILE
			printMem32(a, resOff)
		},
		stdout: ok32(1020) + ok32(33) + ok32(1023),
	}})
}
