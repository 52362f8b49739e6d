package runner

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/experimental/sysfs"
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
	"stack overflow":                TrapStackOverflow,
}

// RunWazero runs wasm as a WASI preview 1 command on an in-process wazero runtime.
//
// Design decision (docs/decisions.md, "wazero mode"): wazero runs its optimizing compiler, on the
// module as avoidBandCompareMiscompile rewrites it around the compiler's one known miscompile.
// The interpreter is 50-150 times slower (TestEngineCost) and stops at 2,000 nested calls; it
// remains the fallback for modules backend/wasm cannot rewrite (SIMD).
func RunWazero(ctx context.Context, wasm []byte, cfg Config) (Result, error) {
	code, rc, elemOutOfBounds, err := WazeroSetup(wasm)
	if err != nil {
		return Result{}, err
	}
	return runWazero(ctx, code, cfg, rc, elemOutOfBounds)
}

// runWazero runs wasm on a runtime of configuration rc; elemOutOfBounds makes instantiation
// trap as wasmtime's does (wazero_module.go).
func runWazero(ctx context.Context, wasm []byte, cfg Config, rc wazero.RuntimeConfig, elemOutOfBounds bool) (Result, error) {
	// Stopping at ctx's end costs a call out of the compiled code on every loop iteration (about
	// 100 instructions), so only a ctx that can end pays for it: `cot run` passes one that cannot.
	rt := wazero.NewRuntimeWithConfig(ctx, rc.
		WithCompilationCache(wazeroCache).
		WithCloseOnContextDone(ctx.Done() != nil))
	defer rt.Close(ctx)
	wasi_snapshot_preview1.MustInstantiate(ctx, rt)

	preopens, err := cfg.preopens()
	if err != nil {
		return Result{}, err
	}
	fsc := wazero.NewFSConfig()
	for _, p := range preopens {
		fsc = fsc.(sysfs.FSConfig).WithSysFSMount(newConfinedFS(p.Host), p.Guest)
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
		WithFSConfig(fsc).
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
	if importsNet(compiled) {
		net := &netHost{allowed: cfg.Net}
		defer net.close()
		if err := instantiateNetWazero(ctx, rt, net); err != nil {
			return Result{}, fmt.Errorf("wazero: %w", err)
		}
	}
	var res Result
	if elemOutOfBounds {
		res.trapped(TrapUndefinedElement, stderr)
		res.Stderr = stderr.buf.Bytes()
		return res, nil
	}
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
