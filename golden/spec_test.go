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
	"time"

	bwasm "cot/backend/wasm"
	"cot/internal/spectest"
)

// specSuiteDir is the WebAssembly core test suite, in shared/ beside the repository clone.
var specSuiteDir = filepath.Join("..", "..", "shared", "wasm-spec")

const specBaselinePath = "testdata/spec/baseline.txt"

// specDeadlineMargin is how long before the test binary's deadline TestSpec stops starting runs.
const specDeadlineMargin = 45 * time.Second

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
	files, err := specFiles()
	if err != nil {
		t.Fatal(err)
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
	if deadline, ok := t.Deadline(); ok {
		// Stop starting runs a little before the test binary's timeout, so the other golden
		// tests still report and the table shows what ran.
		cfg.Deadline = deadline.Add(-specDeadlineMargin)
	}

	var mu sync.Mutex
	var results []*spectest.FileResult
	t.Cleanup(func() { specReport(t, results, len(files), base, compareBaseline, exe.Name()) })
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".wast")
		t.Run(name, func(t *testing.T) {
			if testing.Short() && !spectest.IsRequired(name) {
				t.Skip("-short: only the required files run")
			}
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
			if r.Incomplete {
				t.Errorf("%s: ran out of time before the test deadline; rerun with a larger -timeout", name)
			}
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
	for _, r := range results {
		all = all && !r.Incomplete
	}
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
	updated := 0
	for _, r := range results {
		if r.Incomplete {
			t.Logf("%s ran out of time: its baseline is kept", r.Name)
			continue
		}
		next.Files[r.Name] = r.Counts()
		updated++
	}
	if err := spectest.WriteBaseline(specBaselinePath, next); err != nil {
		t.Fatal(err)
	}
	t.Logf("updated %s for %d files", specBaselinePath, updated)
}

// specFiles lists the suite's .wast files, the costliest first (see spectest.CostHint) so that
// the two parallel workers finish together.
func specFiles() ([]string, error) {
	files, err := filepath.Glob(filepath.Join(specSuiteDir, "*.wast"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no .wast files in %s (%v)", specSuiteDir, err)
	}
	cost := map[string]int{}
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		cost[f] = spectest.CostHint(string(text))
	}
	sort.SliceStable(files, func(i, j int) bool { return cost[files[i]] > cost[files[j]] })
	return files, nil
}
