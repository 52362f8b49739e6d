package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"cot/runner"
)

// run implements `cot run FILE [--dir=HOST[::GUEST]]... [--env=NAME[=VALUE]]... [-- ARGS]`:
// compile (a .wasm FILE is any WASI module: run as it is on wasm32, through the backend as by
// `cot aot` on arm64-linux), then run the program with this process's stdin, stdout and stderr, the arguments after
// --, the directories of --dir (the working directory as "/" without one) and the variables of
// --env (this process's environment without one). It returns the program's exit status. wasm32 runs in-process on wazero; arm64-linux builds into a temporary directory and runs
// the executable natively or under qemu-aarch64.
//
// A wasm32 program runs with a context that never ends: wazero then compiles no check for it
// into every loop, and Ctrl-C stops cot and the program together, as it stops any process. A
// native program is a child process: cot catches Ctrl-C and stops it.
func run(inv *invocation, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	ctx := context.Background()
	if inv.target == targetARM64 {
		// Fail before compiling when the program could not run anyway.
		if _, err := runner.QemuPath(); err != nil {
			return 0, err
		}
	}
	var data []byte
	var err error
	if inv.fromWasm() && inv.target == targetWasm32 {
		data, err = readModule(inv.file) // any WASI module runs as it is
	} else {
		data, err = compile(inv, stdout)
	}
	if isStopped(err) {
		return exitOK, nil
	}
	if err != nil {
		return 0, err
	}
	var preopens []runner.Preopen
	for _, v := range inv.dirs {
		d, _ := parseDir(v) // checked by parseArgs
		preopens = append(preopens, d)
		st, err := os.Stat(d.Host)
		var pe *fs.PathError
		switch {
		case errors.As(err, &pe):
			return 0, fmt.Errorf("cannot open preopened directory %s: %v", d.Host, pe.Err)
		case err != nil:
			return 0, err
		case !st.IsDir():
			return 0, fmt.Errorf("cannot open preopened directory %s: not a directory", d.Host)
		}
	}
	cfg := runner.Config{
		Name:     inv.file,
		Args:     inv.progArg,
		Env:      programEnv(inv.envs),
		Preopens: preopens,
		Stdin:    stdin,
		Stdout:   stdout,
		Stderr:   stderr,
	}
	var res runner.Result
	if inv.target == targetWasm32 {
		res, err = runner.RunWazero(ctx, data, cfg)
	} else {
		nctx, stop := signal.NotifyContext(ctx, os.Interrupt)
		defer stop()
		dir, derr := os.MkdirTemp("", "cot-run-")
		if derr != nil {
			return 0, derr
		}
		defer os.RemoveAll(dir)
		exe := filepath.Join(dir, strings.TrimSuffix(strings.TrimSuffix(filepath.Base(inv.file), ".cot"), ".wasm"))
		if err := os.WriteFile(exe, data, 0o755); err != nil {
			return 0, err
		}
		res, err = runner.RunNative(nctx, exe, cfg)
	}
	if err != nil {
		return 0, err
	}
	return res.ExitCode, nil
}

// programEnv is the program's environment: without --env this process's whole environment (as
// `cot run` promises, docs/decisions.md); with --env only its values, NAME=VALUE as given and NAME
// with this process's value when it has one.
func programEnv(envs []string) []string {
	if envs == nil {
		return os.Environ()
	}
	env := []string{}
	for _, e := range envs {
		if strings.Contains(e, "=") {
			env = append(env, e)
		} else if v, ok := os.LookupEnv(e); ok {
			env = append(env, e+"="+v)
		}
	}
	return env
}

// fromWasm reports whether the input is a WebAssembly module rather than Cot source.
func (inv *invocation) fromWasm() bool {
	return inv.cmd == "aot" || inv.cmd == "run" && strings.HasSuffix(inv.file, ".wasm")
}
