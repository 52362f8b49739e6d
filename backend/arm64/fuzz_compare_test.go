package arm64

import (
	"fmt"
	"strings"

	bwasm "cot/backend/wasm"
	"cot/internal/spectest"
)

// fuzzOutcome is what comparing one module found: a divergence (Diff), or why it was not
// compared, and what it executed (for the mix TestFuzzDifferential reports).
type fuzzOutcome struct {
	Diff       string // "" when native agreed with wasmtime on every run
	InScope    bool   // false for modules with imports the harness does not provide
	Funcs      int    // functions defined by the module
	Invs       int    // harness invocations (exported calls and memory hashes)
	Begun      int    // invocations wasmtime began, over all runs
	Runs       int    // processes (runs) per engine
	Ends       []string
	Fuel       uint64 // wasmtime's fuel over all runs: about one unit per Wasm instruction
	WazeroOK   bool   // wazero agreed with wasmtime on every run
	WazeroDiff string // else how it first differed
}

// fuzzCompare runs one module on wasmtime (the judge), wazero and natively. The harness calls
// every export in order; when an invocation traps, a new run (a fresh instance, in every
// engine) starts at the next one, so one early trap does not hide the rest of the module. Native
// output, exit status and trap kind must equal wasmtime's on every run. Where wazero alone
// disagrees with wasmtime (wazero v1.12 does not drop active data segments, so memory.init of
// one does not trap) the difference is counted, not failed.
func fuzzCompare(wz, native spectest.Executor, mod []byte) (r fuzzOutcome) {
	m, err := bwasm.Decode(mod)
	if err != nil {
		r.Diff, r.InScope = fmt.Sprintf("cot rejects binaryen's valid module: %v", err), true
		return r
	}
	r.Funcs = len(m.Funcs)
	h, invs, ok := fuzzHarness(m, true)
	if !ok {
		return r
	}
	r.InScope, r.Invs, r.WazeroOK = true, len(invs), true
	hb, err := bwasm.Encode(h)
	if err != nil {
		r.Diff = fmt.Sprintf("encode harness: %v", err)
		return r
	}
	progs := map[string]spectest.Program{}
	for _, ex := range []spectest.Executor{wz, native} {
		prog, err := ex.Prepare(hb)
		if err != nil {
			r.Diff = fmt.Sprintf("%s: prepare: %v", ex.Name(), err)
			return r
		}
		defer prog.Close()
		progs[ex.Name()] = prog
	}
	judge, err := compileWasmtime(hb)
	if err != nil {
		r.Diff = fmt.Sprintf("wasmtime: %v", err)
		return r
	}
	defer judge.Close()
	for start := 0; start < len(invs); {
		arg := spectest.StartArg(start, start)
		ref, fuel, err := judge.Run(arg)
		if err != nil {
			r.Diff = fmt.Sprintf("wasmtime, run from invocation %d: %v", start, err)
			return r
		}
		r.Runs++
		r.Fuel += fuel
		outs := map[string]spectest.Outcome{}
		for name, prog := range progs {
			if outs[name], err = prog.Run(arg); err != nil {
				r.Diff = fmt.Sprintf("%s, run from invocation %d: %v", name, start, err)
				return r
			}
		}
		begun := strings.Count(ref.Stdout, "#")
		r.Begun += begun
		a, b := outs["wazero"], outs["native"]
		if ref.Trap == "stack overflow" || b.Trap == "stack overflow" {
			// Recursion depth differs between engines: the outputs before the overflow may too.
			r.Ends = append(r.Ends, "stack overflow (not compared)")
			return r
		}
		if r.WazeroOK && !sameAsWasmtime(wz, a, ref) {
			r.WazeroOK = false
			r.WazeroDiff = fmt.Sprintf("run from invocation %d: wasmtime exit %d trap %q, wazero exit %d trap %q\n%s",
				start, ref.Exit, ref.Trap, a.Exit, a.Trap, firstDiff(ref.Stdout, a.Stdout))
		}
		if b.Stdout != ref.Stdout || b.Exit != ref.Exit || b.Trap != ref.Trap {
			r.Diff = fmt.Sprintf("run from invocation %d: wasmtime exit %d trap %q, native exit %d trap %q\n%s",
				start, ref.Exit, ref.Trap, b.Exit, b.Trap, firstDiff(ref.Stdout, b.Stdout))
			return r
		}
		if ref.Trap == "" {
			r.Ends = append(r.Ends, "returned")
			break
		}
		r.Ends = append(r.Ends, ref.Trap)
		if begun == 0 {
			break // trapped before the first invocation began: in the module's start or segments
		}
		start += begun
	}
	return r
}

// sameAsWasmtime: o (from ex) is ref up to the names ex gives trap kinds.
func sameAsWasmtime(ex spectest.Executor, o, ref spectest.Outcome) bool {
	trap := o.Trap
	for _, alias := range ex.TrapAliases()[o.Trap] {
		if alias == ref.Trap {
			trap = ref.Trap
		}
	}
	return o.Stdout == ref.Stdout && o.Exit == ref.Exit && trap == ref.Trap
}

// fuzzOwnFuel is the fuel wasmtime spends on the module's own code: the harness without memory
// hashes (which are most of what a fuzz run executes), run with the same restarts after traps.
func fuzzOwnFuel(mod []byte) (uint64, bool) {
	m, err := bwasm.Decode(mod)
	if err != nil {
		return 0, false
	}
	h, invs, ok := fuzzHarness(m, false)
	if !ok {
		return 0, false
	}
	hb, err := bwasm.Encode(h)
	if err != nil {
		return 0, false
	}
	judge, err := compileWasmtime(hb)
	if err != nil {
		return 0, false
	}
	defer judge.Close()
	var total uint64
	for start := 0; start < len(invs); {
		ref, fuel, err := judge.Run(spectest.StartArg(start, start))
		if err != nil {
			return 0, false
		}
		total += fuel
		begun := strings.Count(ref.Stdout, "#")
		if ref.Trap == "" || begun == 0 || ref.Trap == "stack overflow" {
			break
		}
		start += begun
	}
	return total, true
}
