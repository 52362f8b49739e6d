package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"cot/runner"
)

// run implements `cot run FILE [-- ARGS]`: compile, then run the program with this process's
// stdin, stdout, stderr, environment and the arguments after --. It returns the program's exit
// status. wasm32 runs in-process on wazero; arm64-linux builds into a temporary directory and runs
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
	data, err := compile(inv, stdout)
	if isStopped(err) {
		return exitOK, nil
	}
	if err != nil {
		return 0, err
	}
	cfg := runner.Config{
		Name:   inv.file,
		Args:   inv.progArg,
		Env:    os.Environ(),
		Stdin:  stdin,
		Stdout: stdout,
		Stderr: stderr,
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
		exe := filepath.Join(dir, strings.TrimSuffix(filepath.Base(inv.file), ".cot"))
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
