package arm64

// The backend's differential fuzzer: random valid modules from binaryen (`wasm-opt -ttf` turns
// random bytes into a valid module, `--denan` keeps NaN payloads, which Wasm leaves
// nondeterministic, out of the results) run on wasmtime, wazero and as native AArch64 code under
// qemu through the spec runner's harness (internal/spectest): every exported function is called in
// order with fixed arguments, its results and the module's log calls printed, then a hash of the
// whole memory; after a trap a fresh instance goes on with the next export (fuzz_compare_test.go).
// Native output, exit status and trap kind must equal wasmtime's. Modules are compared
// -fuzz.workers at a time (most of a module's time is spent waiting for processes: wasm-opt,
// qemu), and the log ends with the mix of what they executed (fuzz_mix_test.go).
//
//	go test ./backend/arm64 -run TestFuzzDifferential      # 12 modules, half of each source (the suite)
//	go test ./backend/arm64 -run TestFuzzDifferential -v -timeout 0 -fuzz.gen=ttf \
//	    -fuzz.seed=7 -fuzz.first=5000 -fuzz.modules=2500   # one chunk of a long run
//	just fuzz 100000 7 ttf                                 # a long run in chunks (scripts/fuzz_backend.sh)
//
// A divergence writes the module to testdata/fuzz/NAME.wasm; TestFuzzRegressions replays that
// directory, so every divergence found stays a test once fixed. The first ones found (seed2000*)
// were wazero's: it does not drop active data segments, so memory.init of one does not trap
// there; native traps like wasmtime.

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	bwasm "cot/backend/wasm"
	"cot/internal/spectest"
	"cot/ir/pipeline"
)

var (
	fuzzModules = flag.Int("fuzz.modules", 12, "modules TestFuzzDifferential generates")
	fuzzSeed    = flag.Int64("fuzz.seed", 1, "seed of TestFuzzDifferential's random bytes")
	fuzzFirst   = flag.Int("fuzz.first", 0, "index of TestFuzzDifferential's first module (to run a seed in chunks)")
	fuzzWorkers = flag.Int("fuzz.workers", 4, "modules TestFuzzDifferential compares at once")
	fuzzGen     = flag.String("fuzz.gen", "both", "TestFuzzDifferential's modules: ttf (binaryen's), loops (fuzz_gen_test.go) or both (alternately)")
)

// fuzzSource makes module i of seed: binaryen's or the generator's, by -fuzz.gen; name names it.
func fuzzSource(dir string, i int64) (mod []byte, name string, err error) {
	seed := *fuzzSeed*1_000_003 + i
	if *fuzzGen == "loops" || (*fuzzGen == "both" && i%2 == 1) {
		mod, err = bwasm.Encode(genModule(seed))
		return mod, fmt.Sprintf("gen%d", seed), err
	}
	if *fuzzGen != "ttf" && *fuzzGen != "both" {
		return nil, "", fmt.Errorf("-fuzz.gen=%s: want ttf, loops or both", *fuzzGen)
	}
	mod, err = fuzzModule(dir, seed, 2000+int(seed%6000))
	return mod, fmt.Sprintf("seed%d", seed), err
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
	mixes := map[string]*fuzzMix{"seed": {}, "gen": {}} // by source: binaryen's, the generator's
	start := time.Now()
	next := make(chan int64)
	var wg sync.WaitGroup
	for range max(*fuzzWorkers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				mod, name, err := fuzzSource(dir, i)
				if err != nil {
					t.Error(err)
					continue
				}
				r := fuzzCompare(wz, native, mod)
				mix := mixes[strings.TrimRight(name, "0123456789")]
				mix.add(r)
				if i%16 < 2 { // a sample: it costs a compilation
					if fuel, ok := fuzzOwnFuel(mod); ok {
						mix.addOwn(fuel)
					}
				}
				if r.WazeroDiff != "" {
					t.Logf("module %s: wazero alone differs from wasmtime (not failed): %s", name, r.WazeroDiff)
				}
				if r.Diff != "" {
					os.MkdirAll("testdata/fuzz", 0o755)
					os.WriteFile(filepath.Join("testdata/fuzz", name+".wasm"), mod, 0o644)
					t.Errorf("module %s (kept as testdata/fuzz/%s.wasm): %s", name, name, r.Diff)
				}
			}
		}()
	}
	for i := *fuzzFirst; i < *fuzzFirst+*fuzzModules; i++ {
		if i > *fuzzFirst && (i-*fuzzFirst)%1000 == 0 {
			t.Logf("%d modules sent, %v", i-*fuzzFirst, time.Since(start).Round(time.Second))
		}
		next <- int64(i)
	}
	close(next)
	wg.Wait()
	elapsed := time.Since(start)
	compared := mixes["seed"].modules + mixes["gen"].modules
	t.Logf("seed %d, modules %d..%d (-fuzz.gen=%s), %d compared in %v, %.0f modules/min",
		*fuzzSeed, *fuzzFirst, *fuzzFirst+*fuzzModules-1, *fuzzGen, compared, elapsed.Round(time.Second),
		float64(compared)/elapsed.Minutes())
	for _, src := range []string{"seed", "gen"} {
		if mixes[src].modules > 0 {
			t.Logf("%s: %v", map[string]string{"seed": "binaryen's wasm-opt -ttf", "gen": "fuzz_gen_test.go"}[src], mixes[src])
		}
	}
	if compared == 0 {
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
		if r := fuzzCompare(wz, native, mod); r.Diff != "" {
			t.Errorf("%s: %s", f, r.Diff)
		}
	}
}
