package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	bwasm "cot/backend/wasm"
	"cot/internal/spectest"
)

// specSuiteDir is the WebAssembly core test suite, in shared/ beside the repository clone.
var specSuiteDir = filepath.Join("..", "..", "shared", "wasm-spec")

const specBaselinePath = "testdata/spec/baseline.txt"

// specMaxFailuresLogged bounds the failures printed per file (all are printed with -v).
const specMaxFailuresLogged = 40

func init() {
	// -update is shared with the other golden tests; define it only if they have not.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files and baselines")
	}
}

func specUpdate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// TestSpec runs every .wast file of the spec suite through the native backend (see
// spec_exec_test.go for the executor), prints the per-file table, and fails when a required file
// or the total falls below the committed baseline. One file: go test ./golden -run TestSpec/i32 -v
func TestSpec(t *testing.T) {
	if _, err := os.Stat(specSuiteDir); err != nil {
		t.Fatalf("the WebAssembly spec suite is missing: %s not found (it is shared/wasm-spec beside the repository clone)", specSuiteDir)
	}
	for _, tool := range []string{"wast2json", "wat2wasm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s not found: install the Debian package wabt (scripts/deps.sh)", tool)
		}
	}
	files, err := filepath.Glob(filepath.Join(specSuiteDir, "*.wast"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no .wast files in %s (%v)", specSuiteDir, err)
	}
	tmp := t.TempDir()
	exe := specExecutor(t, tmp)
	base, err := spectest.ReadBaseline(specBaselinePath)
	if err != nil {
		t.Fatal(err)
	}
	compareBaseline := base.Executor == exe.Name()
	if !compareBaseline {
		t.Logf("baseline measured with %q, running %q: not compared (run with -update to re-measure)", base.Executor, exe.Name())
	}
	cfg := spectest.Config{Decode: bwasm.Decode, Encode: bwasm.Encode, Exec: exe}

	var mu sync.Mutex
	var results []*spectest.FileResult
	t.Cleanup(func() { specReport(t, results, len(files), base, compareBaseline, exe.Name()) })
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".wast")
		t.Run(name, func(t *testing.T) {
			t.Parallel() // bounded by -parallel (GOMAXPROCS: the 2 cores)
			s, err := spectest.Convert(path, tmp)
			if err != nil {
				t.Fatal(err)
			}
			r := spectest.RunScript(s, cfg)
			mu.Lock()
			results = append(results, r)
			mu.Unlock()
			specLogFile(t, r)
			if want, ok := base.Files[name]; ok && compareBaseline && spectest.IsRequired(name) {
				if worse := r.Counts().Below(want); len(worse) > 0 {
					t.Errorf("%s regressed below its baseline: %s", name, strings.Join(worse, ", "))
				}
			}
		})
	}
}

// specLogFile logs a file's failures (expected vs got), left-out commands and notes.
func specLogFile(t *testing.T, r *spectest.FileResult) {
	t.Logf("%s: exec %d/%d, rejected %d/%d, link %d/%d, left out %d, text modules %d, %d runs",
		r.Name, r.ExecPass, r.ExecTotal, r.RejectPass, r.RejectTotal, r.LinkPass, r.LinkTotal,
		len(r.LeftOut), r.TextModules, r.Runs)
	for i, f := range r.Failures {
		if i == specMaxFailuresLogged && !testing.Verbose() {
			t.Logf("... and %d more failures (-v prints all)", len(r.Failures)-i)
			break
		}
		t.Logf("FAIL %s", f)
	}
	if testing.Verbose() {
		for _, l := range r.LeftOut {
			t.Logf("left out: line %d: %s: %s", l.Line, l.Kind, l.Reason)
		}
		for _, n := range r.Notes {
			t.Logf("note: %s", n)
		}
	}
}

// specReport prints the table, checks the total against the baseline, and rewrites it on -update.
func specReport(t *testing.T, results []*spectest.FileResult, nfiles int, base *spectest.Baseline, compare bool, executor string) {
	if len(results) == 0 {
		return
	}
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "spec suite on %s:\n", executor)
	spectest.WriteTable(&buf, results)
	fmt.Print(buf.String())
	if testing.Verbose() {
		t.Log("\n" + buf.String())
	}
	all := len(results) == nfiles
	if all && compare {
		passed := 0
		for _, r := range results {
			passed += r.Passed()
		}
		if passed < base.Total() {
			t.Errorf("spec suite total regressed: %d passed, baseline %d", passed, base.Total())
		}
	}
	if !specUpdate() {
		return
	}
	next := &spectest.Baseline{Executor: executor, Files: map[string]spectest.Counts{}}
	if base.Executor == executor {
		for n, c := range base.Files { // keep the files not run this time (-run filter)
			next.Files[n] = c
		}
	}
	for _, r := range results {
		next.Files[r.Name] = r.Counts()
	}
	if err := spectest.WriteBaseline(specBaselinePath, next); err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(results))
	for _, r := range results {
		names = append(names, r.Name)
	}
	sort.Strings(names)
	t.Logf("updated %s for %d files", specBaselinePath, len(names))
}
