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

	"cot/backend/wasm"
	"cot/runner"
)

// run implements `cot run FILE [--dir=HOST[::GUEST]]... [--env=NAME[=VALUE]]... [-- ARGS]`:
// compile, then run the program with this process's stdin, stdout and stderr and the arguments
// after --. A .wasm FILE is any WASI module: run as it is on wasm32, compiled as by `cot aot` on
// arm64-linux. The program reaches the directories of --dir (without one, the working directory
// as "/", like a `cot aot` executable) and sees the variables of --env (without one, this
// process's environment, as `cot run` always passed it). It returns the program's exit status.
// wasm32 runs in-process on wazero; arm64-linux builds into a temporary directory and runs the
// executable natively or under qemu-aarch64, which gets the sandbox through COT_DIR and COT_ENV.
//
// A wasm32 program runs with a context that never ends: wazero then compiles no check for it
// into every loop, and Ctrl-C stops cot and the program together, as it stops any process. A
// native program is a child process: cot catches Ctrl-C and stops it.
func run(inv *invocation, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	if inv.target == targetARM64 {
		// Fail before compiling when the program could not run anyway.
		if _, err := runner.QemuPath(); err != nil {
			return 0, err
		}
	}
	preopens, err := runPreopens(inv.wasi.Dirs)
	if err != nil {
		return 0, err
	}
	var data []byte
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
	res, err := execute(inv, data, runner.Config{
		Name:     inv.file,
		Args:     inv.progArg,
		Env:      programEnv(inv.wasi.Env),
		Preopens: preopens,
		Net:      inv.net,
		Stdin:    stdin,
		Stdout:   stdout,
		Stderr:   stderr,
	})
	if err != nil {
		return 0, err
	}
	return res.ExitCode, nil
}

// execute runs the compiled program data of inv's target under cfg: in-process on wazero for
// wasm32, else as a native executable in a temporary directory.
func execute(inv *invocation, data []byte, cfg runner.Config) (runner.Result, error) {
	ctx := context.Background()
	if inv.target == targetWasm32 {
		res, err := runner.RunWazero(ctx, data, cfg)
		var de *wasm.DecodeError
		if errors.As(err, &de) { // beyond the decoder's limits, which cot run applies as cot aot does
			return res, moduleError(inv.file, err)
		}
		return res, err
	}
	nctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	dir, err := os.MkdirTemp("", "cot-run-")
	if err != nil {
		return runner.Result{}, err
	}
	defer os.RemoveAll(dir)
	exe := filepath.Join(dir, strings.TrimSuffix(strings.TrimSuffix(filepath.Base(inv.file), ".cot"), ".wasm"))
	if err := os.WriteFile(exe, data, 0o755); err != nil {
		return runner.Result{}, err
	}
	return runner.RunNative(nctx, exe, cfg)
}

// runPreopens turns the --dir values into the runners' preopens (nil without --dir: the
// runners' default), checking that each HOST is a directory before anything is compiled.
func runPreopens(dirs []string) ([]runner.Preopen, error) {
	var out []runner.Preopen
	for _, d := range dirs {
		host, guest, named := strings.Cut(d, "::")
		if !named {
			guest = host
		}
		st, err := os.Stat(host)
		var pe *fs.PathError
		switch {
		case errors.As(err, &pe):
			return nil, fmt.Errorf("cannot open preopened directory %s: %v", host, pe.Err)
		case err != nil:
			return nil, err
		case !st.IsDir():
			return nil, fmt.Errorf("cannot open preopened directory %s: not a directory", host)
		}
		out = append(out, runner.Preopen{Host: host, Guest: guest})
	}
	return out, nil
}

// programEnv is the program's environment: this process's without --env; else NAME=VALUE as
// given and NAME with this process's value when it has one.
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
