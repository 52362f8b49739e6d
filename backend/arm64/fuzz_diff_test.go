package arm64

// The backend's differential fuzzer: random valid modules from binaryen (`wasm-opt -ttf` turns
// random bytes into a valid module, `--denan` keeps NaN payloads, which Wasm leaves
// nondeterministic, out of the results) run on wasmtime, wazero and as native AArch64 code under
// qemu through the spec runner's harness (internal/spectest): every exported function is called in
// order with fixed arguments, its results and the module's log calls printed, then a hash of the
// whole memory. Native output, exit status and trap kind must equal wasmtime's.
//
//	go test ./backend/arm64 -run TestFuzzDifferential                         # 12 modules (the suite)
//	go test ./backend/arm64 -run TestFuzzDifferential -fuzz.modules=100000 -fuzz.seed=7 -timeout 0
//
// A divergence writes the module to testdata/fuzz/NAME.wasm; TestFuzzRegressions replays that
// directory, so every divergence found stays a test once fixed. The first ones found (seed2000*)
// were wazero's: it does not drop active data segments, so memory.init of one does not trap
// there; native traps like wasmtime.

import (
	"flag"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bwasm "cot/backend/wasm"
	"cot/internal/spectest"
	"cot/ir/pipeline"
	"cot/ir/wasm"
)

var (
	fuzzModules = flag.Int("fuzz.modules", 12, "modules TestFuzzDifferential generates")
	fuzzSeed    = flag.Int64("fuzz.seed", 1, "seed of TestFuzzDifferential's random bytes")
)

// ttfFeatures are the proposals cot implements (Wasm 2.0 without SIMD and reference types).
var ttfFeatures = []string{"--mvp-features", "--enable-sign-ext", "--enable-nontrapping-float-to-int",
	"--enable-bulk-memory", "--enable-mutable-globals", "--enable-multivalue"}

// logImports maps binaryen's fuzzing imports to the harness's printing functions.
var logImports = map[string]string{"log-i32": "result_i32", "log-i64": "result_i64", "log-f32": "result_f32", "log-f64": "result_f64"}

// fuzzModule makes a module from n random bytes of seed.
func fuzzModule(t *testing.T, dir string, seed int64, n int) []byte {
	in := filepath.Join(dir, "in.bin")
	out := filepath.Join(dir, "out.wasm")
	b := make([]byte, n)
	rand.New(rand.NewSource(seed)).Read(b)
	if err := os.WriteFile(in, b, 0o644); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"-ttf", in, "--denan", "-o", out}, ttfFeatures...)
	if msg, err := exec.Command("wasm-opt", args...).CombinedOutput(); err != nil {
		t.Fatalf("wasm-opt %v: %v\n%s", args, err, msg)
	}
	mod, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return mod
}

// fuzzHarness turns a fuzz module into harness invocations: the log imports become the
// harness's result_* imports, each exported function gets a parameterless wrapper, and
// `fuzz_memhash` hashes the memory after each call. ok is false for modules with other imports.
func fuzzHarness(m *wasm.Module) (h *wasm.Module, invs []spectest.Invocation, ok bool) {
	for i, im := range m.Imports {
		name, known := logImports[im.Name]
		if im.Module != "fuzzing-support" || !known {
			return nil, nil, false
		}
		m.Imports[i].Module, m.Imports[i].Name = "cot_harness", name
	}
	nimp := uint32(m.NumImported(wasm.ExternFunc))
	addFunc := func(name string, sig wasm.FuncType, locals []wasm.ValType, body []wasm.Instr) {
		m.Types = append(m.Types, sig)
		m.Funcs = append(m.Funcs, wasm.Func{TypeIdx: uint32(len(m.Types) - 1), Locals: locals, Body: body, Name: name})
		m.Exports = append(m.Exports, wasm.Export{Name: name, Kind: wasm.ExternFunc, Index: nimp + uint32(len(m.Funcs)-1)})
	}
	hasMem := len(m.Mems) > 0 || m.NumImported(wasm.ExternMemory) > 0
	if hasMem {
		// h = 0; for i = 0; i < memory.size<<16; i += 8 { h = (h ^ i64.load(i)) * prime }
		addFunc("fuzz_memhash", wasm.FuncType{Results: []wasm.ValType{wasm.I64}}, []wasm.ValType{wasm.I32, wasm.I64}, []wasm.Instr{
			wasm.Block(wasm.BlockType{}), wasm.Loop(wasm.BlockType{}),
			wasm.LocalGet(0), wasm.Instr{Op: wasm.OpMemorySize}, wasm.I32Const(16), wasm.Simple(wasm.OpI32Shl),
			wasm.Simple(wasm.OpI32GeU), wasm.BrIf(1),
			wasm.LocalGet(1), wasm.LocalGet(0), wasm.Instr{Op: wasm.OpI64Load, Align: 3}, wasm.Simple(wasm.OpI64Xor),
			wasm.I64Const(0x100000001b3), wasm.Simple(wasm.OpI64Mul), wasm.LocalSet(1),
			wasm.LocalGet(0), wasm.I32Const(8), wasm.Simple(wasm.OpI32Add), wasm.LocalSet(0), wasm.Br(0),
			wasm.End(), wasm.End(), wasm.LocalGet(1), wasm.End(),
		})
	}
	exports := append([]wasm.Export(nil), m.Exports...)
	for k, e := range exports {
		if e.Kind != wasm.ExternFunc || strings.HasPrefix(e.Name, "fuzz_") {
			continue
		}
		sig := m.FuncTypeOf(e.Index)
		var body []wasm.Instr
		for j, p := range sig.Params {
			c, okc := fuzzArg(p, k*7+j)
			if !okc {
				return nil, nil, false
			}
			body = append(body, c)
		}
		body = append(body, wasm.Call(e.Index), wasm.End())
		name := fmt.Sprintf("fuzz_call_%d", k)
		addFunc(name, wasm.FuncType{Results: sig.Results}, nil, body)
		invs = append(invs, spectest.Invocation{Field: name, Results: sig.Results, Replay: true})
		if hasMem {
			invs = append(invs, spectest.Invocation{Field: "fuzz_memhash", Results: []wasm.ValType{wasm.I64}, Replay: true})
		}
	}
	h, err := spectest.BuildHarness(m, invs)
	if err != nil {
		return nil, nil, false
	}
	return h, invs, true
}

// fuzzArg is argument j's fixed value: small, edge and large values in turn.
func fuzzArg(t wasm.ValType, j int) (wasm.Instr, bool) {
	ints := []int64{0, 1, -1, 7, 1 << 31, 0x7fffffff, 65536, -65537}
	v := ints[j%len(ints)]
	switch t {
	case wasm.I32:
		return wasm.I32Const(int32(v)), true
	case wasm.I64:
		return wasm.I64Const(v * 0x100000001), true
	case wasm.F32:
		return wasm.Instr{Op: wasm.OpF32Const, Const: uint64(0x3fc00000 + uint32(j))}, true
	case wasm.F64:
		return wasm.Instr{Op: wasm.OpF64Const, Const: 0x4009000000000000 + uint64(j)}, true
	}
	return wasm.Instr{}, false
}

// fuzzCompare runs one module on wasmtime (the judge), wazero and natively; it returns "" when
// native agrees with wasmtime (or the module is out of scope), else a description of the
// divergence. Where wazero alone disagrees with wasmtime (wazero v1.12 does not drop active data
// segments, so memory.init of one does not trap) the difference is logged, not failed.
func fuzzCompare(t *testing.T, wz, native spectest.Executor, mod []byte) (string, bool) {
	m, err := bwasm.Decode(mod)
	if err != nil {
		return fmt.Sprintf("cot rejects binaryen's valid module: %v", err), true
	}
	h, _, ok := fuzzHarness(m)
	if !ok {
		return "", false
	}
	hb, err := bwasm.Encode(h)
	if err != nil {
		return fmt.Sprintf("encode harness: %v", err), true
	}
	if dir := os.Getenv("COT_FUZZ_DUMP"); dir != "" { // the harness module, for debugging a divergence
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("harness-%x.wasm", len(hb))), hb, 0o644)
	}
	outs := map[string]spectest.Outcome{}
	for _, ex := range []spectest.Executor{wz, native} {
		prog, err := ex.Prepare(hb)
		if err != nil {
			return fmt.Sprintf("%s: prepare: %v", ex.Name(), err), true
		}
		out, err := prog.Run(spectest.StartArg(0, 0))
		prog.Close()
		if err != nil {
			return fmt.Sprintf("%s: run: %v", ex.Name(), err), true
		}
		outs[ex.Name()] = out
	}
	ref, err := runWasmtime(hb)
	if err != nil {
		return fmt.Sprintf("wasmtime: %v", err), true
	}
	a, b := outs["wazero"], outs["native"]
	if ref.Trap == "stack overflow" || b.Trap == "stack overflow" {
		return "", false // recursion depth differs between engines: the outputs before it may too
	}
	same := func(x, y spectest.Outcome) bool { return x.Stdout == y.Stdout && x.Exit == y.Exit && x.Trap == y.Trap }
	wzTrap := a.Trap
	for _, alias := range wz.TrapAliases()[a.Trap] {
		if alias == ref.Trap {
			wzTrap = ref.Trap
		}
	}
	if a.Stdout != ref.Stdout || a.Exit != ref.Exit || wzTrap != ref.Trap {
		t.Logf("wazero disagrees with wasmtime (not failed): wazero exit %d trap %q, wasmtime exit %d trap %q",
			a.Exit, a.Trap, ref.Exit, ref.Trap)
	}
	if !same(ref, b) {
		return fmt.Sprintf("wasmtime exit %d trap %q, native exit %d trap %q\n%s", ref.Exit, ref.Trap, b.Exit, b.Trap,
			firstDiff(ref.Stdout, b.Stdout)), true
	}
	return "", true
}

func fuzzExecutors(t *testing.T) (spectest.Executor, spectest.Executor) {
	needTools(t)
	if _, err := exec.LookPath("wasm-opt"); err != nil {
		t.Fatal("wasm-opt missing: run scripts/deps.sh (Debian's binaryen)")
	}
	qemu, _ := exec.LookPath("qemu-aarch64")
	wz, err := spectest.NewWazero(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	native := &spectest.Native{Qemu: qemu, TmpDir: t.TempDir(), Timeout: 2 * time.Minute,
		Compile: func(b []byte) ([]byte, error) {
			return CompileModule(b, &pipeline.Options{Verify: pipeline.VerifyEach})
		}}
	return wz, native
}

func TestFuzzDifferential(t *testing.T) {
	wz, native := fuzzExecutors(t)
	dir := t.TempDir()
	ran, skipped := 0, 0
	start := time.Now()
	for i := 0; i < *fuzzModules; i++ {
		seed := *fuzzSeed*1_000_003 + int64(i)
		mod := fuzzModule(t, dir, seed, 2000+int(seed%6000))
		diff, inScope := fuzzCompare(t, wz, native, mod)
		if !inScope {
			skipped++
			continue
		}
		ran++
		if ran%500 == 0 {
			t.Logf("%d modules compared, %d out of scope, %v", ran, skipped, time.Since(start).Round(time.Second))
		}
		if diff != "" {
			name := fmt.Sprintf("seed%d", seed)
			os.MkdirAll("testdata/fuzz", 0o755)
			os.WriteFile(filepath.Join("testdata/fuzz", name+".wasm"), mod, 0o644)
			t.Errorf("module %s (kept as testdata/fuzz/%s.wasm): %s", name, name, diff)
		}
	}
	t.Logf("%d modules compared, %d out of scope, in %v", ran, skipped, time.Since(start).Round(time.Second))
	if ran == 0 {
		t.Fatal("no module in scope")
	}
}

// TestFuzzRegressions replays the modules on which the fuzzer once found a divergence.
func TestFuzzRegressions(t *testing.T) {
	files, _ := filepath.Glob("testdata/fuzz/*.wasm")
	if len(files) == 0 {
		t.Skip("no fuzz regressions recorded yet")
	}
	wz, native := fuzzExecutors(t)
	for _, f := range files {
		mod, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if diff, _ := fuzzCompare(t, wz, native, mod); diff != "" {
			t.Errorf("%s: %s", f, diff)
		}
	}
}
