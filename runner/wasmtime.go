//go:build cgo

// wasmtime-go links the wasmtime C library, so this engine exists only in cgo builds; without a C
// compiler (CGO_ENABLED=0) wasmtime_nocgo.go reports how to get it. `cot` itself runs on wazero
// and never needs cgo.

package runner

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/bytecodealliance/wasmtime-go/v25"
)

// wasmtimeTraps maps wasmtime's trap codes to the trap kinds.
var wasmtimeTraps = map[wasmtime.TrapCode]string{
	wasmtime.StackOverflow:          TrapStackOverflow,
	wasmtime.MemoryOutOfBounds:      TrapOutOfBoundsMemory,
	wasmtime.TableOutOfBounds:       TrapUndefinedElement,
	wasmtime.IndirectCallToNull:     TrapUndefinedElement,
	wasmtime.BadSignature:           TrapIndirectCallType,
	wasmtime.IntegerOverflow:        TrapIntegerOverflow,
	wasmtime.IntegerDivisionByZero:  TrapDivideByZero,
	wasmtime.BadConversionToInteger: TrapBadConversion,
	wasmtime.UnreachableCodeReached: TrapUnreachable,
}

// RunWasmtime runs wasm as a WASI preview 1 command on wasmtime (Cranelift) through wasmtime-go.
// wasmtime's WASI takes stdio as files, so stdin, stdout and stderr go through a temp directory.
func RunWasmtime(ctx context.Context, wasm []byte, cfg Config) (Result, error) {
	preopens, err := cfg.preopens()
	if err != nil {
		return Result{}, err
	}
	stdin, err := cfg.stdinBytes()
	if err != nil {
		return Result{}, err
	}
	tmp, err := os.MkdirTemp("", "cot-wasmtime-")
	if err != nil {
		return Result{}, err
	}
	defer os.RemoveAll(tmp)
	inPath, outPath, errPath := filepath.Join(tmp, "stdin"), filepath.Join(tmp, "stdout"), filepath.Join(tmp, "stderr")
	if err := os.WriteFile(inPath, stdin, 0o600); err != nil {
		return Result{}, err
	}

	// Wasm runs on this thread's stack: pin the goroutine so the limit measured here holds.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	config := wasmtime.NewConfig()
	config.SetEpochInterruption(true)
	config.SetMaxWasmStack(wasmStackLimit())
	engine := wasmtime.NewEngineWithConfig(config)
	store := wasmtime.NewStore(engine)
	store.SetEpochDeadline(1)
	// Interrupt the program when ctx ends: one epoch tick makes it trap with Interrupt.
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-ctx.Done():
			engine.IncrementEpoch()
		case <-done:
		}
	}()

	wasi := wasmtime.NewWasiConfig()
	wasi.SetArgv(cfg.argv("main.wasm"))
	wasi.SetEnv(splitEnv(cfg.Env))
	for _, f := range []struct {
		set  func(string) error
		path string
	}{{wasi.SetStdinFile, inPath}, {wasi.SetStdoutFile, outPath}, {wasi.SetStderrFile, errPath}} {
		if err := f.set(f.path); err != nil {
			return Result{}, fmt.Errorf("wasmtime: %w", err)
		}
	}
	for _, p := range preopens {
		if err := wasi.PreopenDir(p.Host, p.Guest); err != nil {
			return Result{}, fmt.Errorf("wasmtime: preopen %s: %w", p.Host, err)
		}
	}
	store.SetWasi(wasi)

	linker := wasmtime.NewLinker(engine)
	if err := linker.DefineWasi(); err != nil {
		return Result{}, fmt.Errorf("wasmtime: %w", err)
	}
	// wasmtime's proc_exit refuses statuses >= 126, which a native process may return; replace it
	// with one that records any status and unwinds.
	exitStatus := -1
	linker.AllowShadowing(true)
	err = linker.FuncWrap("wasi_snapshot_preview1", "proc_exit", func(status int32) *wasmtime.Trap {
		exitStatus = int(uint32(status) & 0xff)
		return wasmtime.NewTrap("proc_exit")
	})
	if err != nil {
		return Result{}, fmt.Errorf("wasmtime: %w", err)
	}
	module, err := wasmtime.NewModule(engine, wasm)
	if err != nil {
		return Result{}, fmt.Errorf("wasmtime: %w", err)
	}
	net, err := defineNetWasmtime(linker, module, cfg.Net)
	if err != nil {
		return Result{}, fmt.Errorf("wasmtime: %w", err)
	}
	if net != nil {
		defer net.close()
	}
	inst, err := linker.Instantiate(store, module)
	var res Result
	if err == nil {
		start := inst.GetFunc(store, "_start")
		if start == nil {
			return Result{}, errors.New("wasmtime: module exports no _start function")
		}
		_, err = start.Call(store)
	}
	// The program's stderr must hold its own output before the trap line.
	stdout := &output{fwd: cfg.Stdout}
	stderr := &output{fwd: cfg.Stderr}
	if b, rerr := os.ReadFile(outPath); rerr == nil {
		stdout.Write(b)
	}
	if b, rerr := os.ReadFile(errPath); rerr == nil {
		stderr.Write(b)
	}
	var trap *wasmtime.Trap
	var werr *wasmtime.Error
	switch {
	case exitStatus >= 0:
		res.ExitCode = exitStatus
	case err == nil:
	case errors.As(err, &trap):
		code := trap.Code()
		if code != nil && *code == wasmtime.Interrupt && ctx.Err() != nil {
			return Result{}, fmt.Errorf("wasmtime: %w", ctx.Err())
		}
		kind, ok := "", false
		if code != nil {
			kind, ok = wasmtimeTraps[*code]
		}
		if !ok {
			return Result{}, fmt.Errorf("wasmtime: %w", err)
		}
		res.trapped(kind, stderr)
	case errors.As(err, &werr):
		status, ok := werr.ExitStatus()
		if !ok {
			return Result{}, fmt.Errorf("wasmtime: %w", err)
		}
		res.ExitCode = int(status & 0xff)
	default:
		return Result{}, fmt.Errorf("wasmtime: %w", err)
	}
	res.Stdout = stdout.buf.Bytes()
	res.Stderr = stderr.buf.Bytes()
	return res, nil
}
