package spectest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"cot/runner"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/sys"
)

// spectestWAT is the spec interpreter's `spectest` module as docs/arm64-abi.md describes it for
// the native runtime: print functions that do nothing, four globals, a table and a memory.
const spectestWAT = `(module
  (func (export "print"))
  (func (export "print_i32") (param i32))
  (func (export "print_i64") (param i64))
  (func (export "print_f32") (param f32))
  (func (export "print_f64") (param f64))
  (func (export "print_i32_f32") (param i32 f32))
  (func (export "print_f64_f64") (param f64 f64))
  (global (export "global_i32") i32 (i32.const 666))
  (global (export "global_i64") i64 (i64.const 666))
  (global (export "global_f32") f32 (f32.const 666.6))
  (global (export "global_f64") f64 (f64.const 666.6))
  (table (export "table") 10 20 funcref)
  (memory (export "memory") 1 2))`

// Wazero runs harness modules on wazero, with cot_harness as Go host functions. It is the
// cross-check of the runner itself: the same harness bytes, another engine, set up as `cot run`
// sets it up (runner.WazeroSetup: the optimizing compiler with its miscompile worked around).
type Wazero struct {
	cache    wazero.CompilationCache
	spectest []byte
}

// NewWazero builds the spectest module with wat2wasm (wabt, already needed for wast2json).
func NewWazero(tmpDir string) (*Wazero, error) {
	dir, err := os.MkdirTemp(tmpDir, "spectest-host-")
	if err != nil {
		return nil, err
	}
	wat, bin := filepath.Join(dir, "spectest.wat"), filepath.Join(dir, "spectest.wasm")
	if err := os.WriteFile(wat, []byte(spectestWAT), 0o644); err != nil {
		return nil, err
	}
	if out, err := exec.Command("wat2wasm", wat, "-o", bin).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("wat2wasm spectest module: %v\n%s", err, out)
	}
	spectest, err := os.ReadFile(bin)
	if err != nil {
		return nil, err
	}
	return &Wazero{cache: wazero.NewCompilationCache(), spectest: spectest}, nil
}

func (w *Wazero) Name() string { return "wazero" }

// TrapAliases: wazero reports all table faults as one error, and stack exhaustion as overflow.
func (w *Wazero) TrapAliases() map[string][]string {
	return map[string][]string{
		"invalid table access": {"out of bounds table access", "undefined element", "uninitialized element"},
		"stack overflow":       {"call stack exhausted"},
	}
}

// Prepare validates and compiles the module once; the compilation cache makes each run's
// runtime reuse the machine code.
func (w *Wazero) Prepare(harness []byte) (Program, error) {
	ctx := context.Background()
	p := &wazeroProgram{w: w}
	var err error
	if p.harness, p.config, p.elemOutOfBounds, err = runner.WazeroSetup(harness); err != nil {
		return nil, err
	}
	r := p.newRuntime(ctx)
	defer r.Close(ctx)
	if _, err := r.CompileModule(ctx, p.harness); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *wazeroProgram) newRuntime(ctx context.Context) wazero.Runtime {
	return wazero.NewRuntimeWithConfig(ctx, p.config.WithCompilationCache(p.w.cache))
}

type wazeroProgram struct {
	w               *Wazero
	harness         []byte
	config          wazero.RuntimeConfig
	elemOutOfBounds bool // instantiation traps (runner.WazeroSetup)
}

// Run instantiates everything afresh (the spectest table and memory are mutable state shared
// with the module, so they must not survive across runs, as they do not across processes).
func (p *wazeroProgram) Run(arg uint32) (Outcome, error) {
	ctx := context.Background()
	r := p.newRuntime(ctx)
	defer r.Close(ctx)
	var stdout strings.Builder
	if _, err := r.InstantiateWithConfig(ctx, p.w.spectest, wazero.NewModuleConfig().WithName("spectest")); err != nil {
		return Outcome{}, fmt.Errorf("instantiating spectest: %v", err)
	}
	if _, err := harnessHost(r, &stdout, arg).Instantiate(ctx); err != nil {
		return Outcome{}, fmt.Errorf("instantiating cot_harness: %v", err)
	}
	compiled, err := r.CompileModule(ctx, p.harness)
	if err != nil {
		return Outcome{}, err
	}
	if p.elemOutOfBounds {
		return Outcome{Exit: trapExitStatus, Trap: "invalid table access", Stderr: "error: invalid table access\n"}, nil
	}
	mod, err := r.InstantiateModule(ctx, compiled, wazero.NewModuleConfig().WithName("harness").WithStartFunctions())
	if err == nil {
		_, err = mod.ExportedFunction("_start").Call(ctx)
	}
	out := Outcome{Stdout: stdout.String()}
	if err == nil {
		return out, nil
	}
	var exitErr *sys.ExitError
	if errors.As(err, &exitErr) {
		out.Exit = int(exitErr.ExitCode())
		return out, nil
	}
	if trap := wazeroTrap(err); trap != "" {
		out.Exit, out.Trap = trapExitStatus, trap
		out.Stderr = "error: " + trap + "\n"
		return out, nil
	}
	out.Exit, out.LinkError = 1, err.Error()
	out.Stderr = err.Error()
	return out, nil
}

func (p *wazeroProgram) Close() {}

// wazeroTrapMessages are wazero's runtime error texts (internal/wasmruntime) for Wasm traps.
var wazeroTrapMessages = []string{
	"integer divide by zero", "integer overflow", "invalid conversion to integer",
	"out of bounds memory access", "invalid table access", "indirect call type mismatch",
	"unreachable", "stack overflow",
}

// wazeroTrap returns the trap kind in a wazero error, or "" when it is not a trap.
func wazeroTrap(err error) string {
	msg := err.Error()
	for _, m := range wazeroTrapMessages {
		if strings.Contains(msg, "wasm error: "+m) || strings.Contains(msg, ": "+m) || msg == m {
			return m
		}
	}
	return ""
}

// harnessHost is cot_harness as Go functions, printing exactly what the native runtime prints.
func harnessHost(r wazero.Runtime, stdout *strings.Builder, arg uint32) wazero.HostModuleBuilder {
	i32, i64, f32, f64 := api.ValueTypeI32, api.ValueTypeI64, api.ValueTypeF32, api.ValueTypeF64
	b := r.NewHostModuleBuilder(harnessModule)
	add := func(name string, params, results []api.ValueType, fn func(stack []uint64)) {
		b.NewFunctionBuilder().WithGoFunction(api.GoFunc(func(_ context.Context, stack []uint64) { fn(stack) }),
			params, results).Export(name)
	}
	add("begin", []api.ValueType{i32}, nil, func(s []uint64) { fmt.Fprintf(stdout, "#%x\n", uint32(s[0])) })
	add("result_i32", []api.ValueType{i32}, nil, func(s []uint64) { fmt.Fprintf(stdout, "i32:0x%08x\n", uint32(s[0])) })
	add("result_i64", []api.ValueType{i64}, nil, func(s []uint64) { fmt.Fprintf(stdout, "i64:0x%016x\n", s[0]) })
	add("result_f32", []api.ValueType{f32}, nil, func(s []uint64) {
		fmt.Fprintf(stdout, "f32:0x%08x\n", math.Float32bits(api.DecodeF32(s[0])))
	})
	add("result_f64", []api.ValueType{f64}, nil, func(s []uint64) { fmt.Fprintf(stdout, "f64:0x%016x\n", s[0]) })
	add("arg_start", nil, []api.ValueType{i32}, func(s []uint64) { s[0] = uint64(arg) })
	return b
}
