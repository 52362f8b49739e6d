package arm64

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/bytecodealliance/wasmtime-go/v25"

	"cot/internal/spectest"
	"cot/runner"
)

// wasmtimeEngine is shared by every run (an engine is safe for concurrent use and costly to
// make); it meters fuel so the fuzzer can report how much each module executed.
var wasmtimeEngine = sync.OnceValue(func() *wasmtime.Engine {
	cfg := wasmtime.NewConfig()
	cfg.SetConsumeFuel(true)
	return wasmtime.NewEngineWithConfig(cfg)
})

// wasmtimeFuel is every run's fuel: far more than a harness can use, so it never runs out.
const wasmtimeFuel = 1 << 60

// wasmtimeModule is a harness module compiled once by wasmtime for all its runs.
type wasmtimeModule struct{ mod *wasmtime.Module }

func compileWasmtime(harness []byte) (*wasmtimeModule, error) {
	mod, err := wasmtime.NewModule(wasmtimeEngine(), harness)
	if err != nil {
		return nil, err
	}
	return &wasmtimeModule{mod}, nil
}

func (w *wasmtimeModule) Close() { w.mod.Close() }

// Run runs the harness's _start with argv[1] = arg in a fresh store, with cot_harness as Go
// functions printing what the native runtime prints; the trap kind is named from wasmtime's
// trap code as the native runtime names it (decisions.md #28). wasmtime is the judge where
// engines disagree. fuel is the fuel the run consumed (about one unit per Wasm instruction).
func (w *wasmtimeModule) Run(arg uint32) (o spectest.Outcome, fuel uint64, err error) {
	store := wasmtime.NewStore(wasmtimeEngine())
	defer store.Close()
	if err := store.SetFuel(wasmtimeFuel); err != nil {
		return o, 0, err
	}
	mod := w.mod
	var out strings.Builder
	l := wasmtime.NewLinker(store.Engine)
	defs := map[string]any{
		"begin":      func(k int32) { fmt.Fprintf(&out, "#%x\n", uint32(k)) },
		"result_i32": func(v int32) { fmt.Fprintf(&out, "i32:0x%08x\n", uint32(v)) },
		"result_i64": func(v int64) { fmt.Fprintf(&out, "i64:0x%016x\n", uint64(v)) },
		"result_f32": func(v float32) { fmt.Fprintf(&out, "f32:0x%08x\n", math.Float32bits(v)) },
		"result_f64": func(v float64) { fmt.Fprintf(&out, "f64:0x%016x\n", math.Float64bits(v)) },
		"arg_start":  func() int32 { return int32(arg) },
	}
	for name, fn := range defs {
		if err := l.FuncWrap("cot_harness", name, fn); err != nil {
			return o, 0, err
		}
	}
	inst, err := l.Instantiate(store, mod)
	if err == nil {
		_, err = inst.GetFunc(store, "_start").Call(store)
	}
	if left, ferr := store.GetFuel(); ferr == nil {
		fuel = wasmtimeFuel - left
	}
	o.Stdout = out.String()
	var trap *wasmtime.Trap
	if err != nil {
		if !errors.As(err, &trap) || trap.Code() == nil || wasmtimeTrapKinds[*trap.Code()] == "" {
			return o, fuel, err
		}
		o.Exit, o.Trap = 134, wasmtimeTrapKinds[*trap.Code()]
	}
	return o, fuel, nil
}

// wasmtimeTrapKinds names wasmtime's trap codes by the trap kinds the runtimes print (the
// runner's table, runner/wasmtime.go).
var wasmtimeTrapKinds = map[wasmtime.TrapCode]string{
	wasmtime.StackOverflow:          runner.TrapStackOverflow,
	wasmtime.MemoryOutOfBounds:      runner.TrapOutOfBoundsMemory,
	wasmtime.TableOutOfBounds:       runner.TrapUndefinedElement,
	wasmtime.IndirectCallToNull:     runner.TrapUndefinedElement,
	wasmtime.BadSignature:           runner.TrapIndirectCallType,
	wasmtime.IntegerOverflow:        runner.TrapIntegerOverflow,
	wasmtime.IntegerDivisionByZero:  runner.TrapDivideByZero,
	wasmtime.BadConversionToInteger: runner.TrapBadConversion,
	wasmtime.UnreachableCodeReached: runner.TrapUnreachable,
}
