package spectest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	bwasm "cot/backend/wasm"
)

// specDir is the spec test suite beside the repository clone.
const specDir = "../../../shared/wasm-spec"

// wazeroDeviation reports whether a failure on wazero is one of wazero's documented deviations
// from the spec, not a runner bug: wazero v1.12 ignores out-of-bounds active element segments at
// instantiation (internal/wasm/store.go, applyElements: "In wazero, we ignore it"), which
// runner.WazeroSetup makes a trap only for the tables a module defines (a WASI program imports
// none), so segments out of the spectest module's table still run.
func wazeroDeviation(f Failure) bool {
	return f.Kind == "assert_uninstantiable" && strings.Contains(f.Msg, `"out of bounds table access", got a normal run`)
}

// TestRunnerOnWazero runs the whole suite through the runner on wazero, set up as `cot run` sets
// it up (runner.WazeroSetup), which implements the spec: every failure other than wazero's known deviations is a bug of the runner (harness
// building, index renumbering, replay after traps, result comparison).
func TestRunnerOnWazero(t *testing.T) {
	if _, err := os.Stat(specDir); err != nil {
		t.Skipf("spec suite not found at %s", specDir)
	}
	files, _ := filepath.Glob(filepath.Join(specDir, "*.wast"))
	w, err := NewWazero(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Decode: bwasm.Decode, Encode: bwasm.Encode, Exec: w}
	tmp := t.TempDir()
	var results []*FileResult
	t.Cleanup(func() {
		var sb strings.Builder
		WriteTable(&sb, results)
		t.Log("\n" + sb.String())
	})
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".wast")
		t.Run(name, func(t *testing.T) {
			if testing.Short() && !IsRequired(name) {
				t.Skip("-short: only the required files")
			}
			s, err := Convert(path, tmp)
			if err != nil {
				t.Fatal(err)
			}
			r := RunScript(s, cfg)
			results = append(results, r)
			for _, f := range r.Failures {
				if !wazeroDeviation(f) {
					t.Error(f)
				}
			}
		})
	}
}
