package runner

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"testing"

	"github.com/tetratelabs/wazero"
)

// costChildEnv makes the test binary a child of TestEngineCost that runs the module of
// costFileEnv on the engine it names.
const costChildEnv, costFileEnv = "COT_ENGINE_COST_CHILD", "COT_ENGINE_COST_FILE"

func TestMain(m *testing.M) {
	if v := os.Getenv(costChildEnv); v != "" {
		os.Exit(engineCostChild(v, os.Getenv(costFileEnv)))
	}
	os.Exit(m.Run())
}

// costEngines are the engines TestEngineCost compares: the interpreter RunWazero used before,
// the compiler as RunWazero runs it, the compiler on the unrewritten module, and wasmtime.
var costEngines = map[string]func(context.Context, []byte) (Result, error){
	"interpreter": func(c context.Context, b []byte) (Result, error) {
		return runWazero(c, b, Config{}, wazero.NewRuntimeConfigInterpreter(), false)
	},
	"compiler": func(c context.Context, b []byte) (Result, error) { return RunWazero(c, b, Config{}) },
	"bare compiler": func(c context.Context, b []byte) (Result, error) {
		return runWazero(c, b, Config{}, wazero.NewRuntimeConfigCompiler(), false)
	},
	"wasmtime": func(c context.Context, b []byte) (Result, error) { return RunWasmtime(c, b, Config{}) },
}

func engineCostChild(engine, file string) int {
	b, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	// context.Background, as `cot run` passes: no check for its end in every loop.
	res, err := costEngines[engine](context.Background(), b)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return res.ExitCode
}

var insnsLine = regexp.MustCompile(`(?m)^insns: (\d+)$`)

// TestEngineCost measures the figures of docs/decisions.md ("wazero mode"): the x86 instructions
// each engine executes per loop iteration and per call, counted exactly by the icount plugin of
// qemu-x86_64 (never wall time on this shared machine). Each figure is the difference of two
// runs of one program with a larger and a smaller workload, each in its own process, so start-up
// and compilation cancel out. It needs the plugin, built by shared/tools/icount/build.sh:
//
//	COT_ICOUNT=/tmp/qemu-icount/libicount.so go test ./runner -run TestEngineCost -v
func TestEngineCost(t *testing.T) {
	plugin := os.Getenv("COT_ICOUNT")
	if plugin == "" {
		t.Skip("set COT_ICOUNT to the icount plugin of qemu-x86_64 (shared/tools/icount/build.sh)")
	}
	if _, err := exec.LookPath("qemu-x86_64"); err != nil {
		t.Skip("qemu-x86_64 not installed (apt-get install qemu-user)")
	}
	workloads := []struct {
		name, unit   string
		file         string
		small, large int
		units        func(n int) float64
	}{
		{"loop", "iteration", "loop", 2_000_000, 4_000_000, func(n int) float64 { return float64(n) }},
		{"fib", "call", "fib", 22, 25, func(n int) float64 { return float64(2*fibonacci(n+1) - 1) }},
	}
	cost := map[string]map[string]float64{}
	for _, w := range workloads {
		files := map[int]string{}
		for _, n := range []int{w.small, w.large} {
			files[n] = t.TempDir() + "/m.wasm"
			if err := os.WriteFile(files[n], wat(t, w.file, "N", strconv.Itoa(n)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		cost[w.name] = map[string]float64{}
		for engine := range costEngines {
			small := countInsns(t, plugin, engine, files[w.small])
			large := countInsns(t, plugin, engine, files[w.large])
			cost[w.name][engine] = float64(large-small) / (w.units(w.large) - w.units(w.small))
			t.Logf("%-5s %-13s %10.1f instructions per %s (%d - %d)", w.name, engine, cost[w.name][engine], w.unit, large, small)
		}
	}
	for _, w := range workloads {
		c := cost[w.name]
		t.Logf("%s: interpreter / compiler %.0fx; wasmtime / compiler %.2fx; workaround costs %+.1f%%",
			w.name, c["interpreter"]/c["compiler"], c["wasmtime"]/c["compiler"], 100*(c["compiler"]/c["bare compiler"]-1))
		if c["interpreter"] < 10*c["compiler"] {
			t.Errorf("%s: the compiler is not 10 times cheaper than the interpreter", w.name)
		}
		if c["compiler"] > 1.10*c["bare compiler"] {
			t.Errorf("%s: the miscompile workaround costs more than 10%%", w.name)
		}
	}
}

func fibonacci(n int) int {
	a, b := 0, 1
	for ; n > 0; n-- {
		a, b = b, a+b
	}
	return a
}

// countInsns runs the engine on file in a child process under qemu-x86_64 with the icount plugin
// and returns the instructions it executed, start-up included.
func countInsns(t *testing.T, plugin, engine, file string) int64 {
	cmd := exec.Command("qemu-x86_64", "-plugin", plugin, "-d", "plugin", os.Args[0])
	cmd.Env = []string{costChildEnv + "=" + engine, costFileEnv + "=" + file, "HOME=/nonexistent", "TMPDIR=" + os.TempDir(),
		"GOGC=off", "GOMAXPROCS=1", "GODEBUG=asyncpreemptoff=1"} // fewer instructions that are not the program's
	out, err := cmd.CombinedOutput()
	if _, exit := err.(*exec.ExitError); err != nil && !exit {
		t.Fatalf("%s: %v", engine, err)
	}
	m := insnsLine.FindSubmatch(out)
	if m == nil {
		t.Fatalf("%s on %s: no instruction count in\n%s", engine, file, out)
	}
	n, _ := strconv.ParseInt(string(m[1]), 10, 64)
	return n
}
