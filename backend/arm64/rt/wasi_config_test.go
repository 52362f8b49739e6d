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
