package runner

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
	"github.com/tetratelabs/wazero/sys"
)

// wazeroCache shares compiled code between the runs of one process (the golden suite runs the
// same runtime functions many times).
var wazeroCache = wazero.NewCompilationCache()

// wazeroTraps maps wazero's runtime error messages ("wasm error: <msg>") to the trap kinds.
var wazeroTraps = map[string]string{
	"integer divide by zero":        TrapDivideByZero,
	"integer overflow":              TrapIntegerOverflow,
	"invalid conversion to integer": TrapBadConversion,
	"out of bounds memory access":   TrapOutOfBoundsMemory,
	"indirect call type mismatch":   TrapIndirectCallType,
	"invalid table access":          TrapUndefinedElement,
	"unreachable":                   TrapUnreachable,
	"stack overflow":                TrapCallStackExhausted,
}

// RunWazero runs wasm as a WASI preview 1 command on an in-process wazero runtime.
//
// Design decision: wazero runs in its interpreter mode. The optimizing compiler of wazero v1.12.0
// (the newest release) miscompiles `i64.const 0; (x & y); i64.ge_s; if` on amd64 — the branch goes
// the wrong way (TestWazeroCompilerMiscompile keeps the reproducer) — and a runner that is the
// judge of the differential suite must be right before it is fast.
func RunWazero(ctx context.Context, wasm []byte, cfg Config) (Result, error) {
	rt := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigInterpreter().
		WithCompilationCache(wazeroCache).
		WithCloseOnContextDone(true))
	defer rt.Close(ctx)
	wasi_snapshot_preview1.MustInstantiate(ctx, rt)

	dir, err := cfg.dir()
	if err != nil {
		return Result{}, err
	}
	// wazero reads stdin as the program asks for it, so interactive programs work under `cot run`.
	var stdin io.Reader = cfg.Stdin
	if stdin == nil {
		stdin = bytes.NewReader(nil)
	}
	stdout := &output{fwd: cfg.Stdout}
	stderr := &output{fwd: cfg.Stderr}
	mc := wazero.NewModuleConfig().
		WithName("").
		WithArgs(cfg.argv("main.wasm")...).
		WithStdin(stdin).
		WithStdout(stdout).
		WithStderr(stderr).
		WithFSConfig(wazero.NewFSConfig().WithDirMount(dir, ".")).
		WithSysWalltime().
		WithSysNanotime().
		WithSysNanosleep()
	keys, values := splitEnv(cfg.Env)
	for i := range keys {
		mc = mc.WithEnv(keys[i], values[i])
	}

	compiled, err := rt.CompileModule(ctx, wasm)
	if err != nil {
		return Result{}, fmt.Errorf("wazero: %w", err)
	}
	var res Result
	_, err = rt.InstantiateModule(ctx, compiled, mc)
	var exit *sys.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		switch exit.ExitCode() {
		case sys.ExitCodeDeadlineExceeded, sys.ExitCodeContextCanceled:
			return Result{}, fmt.Errorf("wazero: %w", ctx.Err())
		}
		res.ExitCode = int(exit.ExitCode() & 0xff)
	default:
		kind, ok := wazeroTrapKind(err)
		if !ok {
			return Result{}, fmt.Errorf("wazero: %w", err)
		}
		res.trapped(kind, stderr)
	}
	res.Stdout = stdout.buf.Bytes()
	res.Stderr = stderr.buf.Bytes()
	return res, nil
}

// wazeroTrapKind recognises a wazero trap by its message: "… wasm error: <msg>\nwasm stack trace: …",
// or "module[] function[_start] failed: stack overflow" for a stack overflow.
func wazeroTrapKind(err error) (string, bool) {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		msg = msg[i+2:]
	}
	kind, ok := wazeroTraps[msg]
	return kind, ok
}
