package spectest

import (
	"path/filepath"
	"strings"
	"testing"

	bwasm "cot/backend/wasm"
)

// lyingExecutor wraps an executor and rewrites what its programs report, to check that the
// runner notices wrong results and wrong traps.
type lyingExecutor struct {
	Executor
	rewrite func(Outcome) Outcome
}

func (l *lyingExecutor) Prepare(h []byte) (Program, error) {
	p, err := l.Executor.Prepare(h)
	if err != nil {
		return nil, err
	}
	return &lyingProgram{p, l.rewrite}, nil
}

type lyingProgram struct {
	Program
	rewrite func(Outcome) Outcome
}

func (l *lyingProgram) Run(arg uint32) (Outcome, error) {
	out, err := l.Program.Run(arg)
	return l.rewrite(out), err
}

func runWast(t *testing.T, path string, cfg Config) (*Script, *FileResult) {
	t.Helper()
	s, err := Convert(path, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return s, RunScript(s, cfg)
}

// TestReplayKeepsState: the state changes made before each trap (a global, memory) are
// visible after the restart, results of several types and NaN classes are compared.
func TestReplayKeepsState(t *testing.T) {
	_, r := runWast(t, "testdata/replay.wast", wazeroConfig(t))
	for _, f := range r.Failures {
		t.Error(f)
	}
	if r.ExecTotal != 11 || r.ExecPass != 11 || r.Runs != 4 {
		t.Errorf("exec %d/%d in %d runs, want 11/11 in 4 runs", r.ExecPass, r.ExecTotal, r.Runs)
	}
}

// TestRunnerDetectsWrongResults: an executor whose i32 results are off by one fails exactly the
// assert_returns with an i32 result.
func TestRunnerDetectsWrongResults(t *testing.T) {
	cfg := wazeroConfig(t)
	cfg.Exec = &lyingExecutor{cfg.Exec, func(o Outcome) Outcome {
		o.Stdout = strings.ReplaceAll(o.Stdout, "i32:0x00000004", "i32:0x00000005")
		return o
	}}
	_, r := runWast(t, "testdata/replay.wast", cfg)
	if len(r.Failures) != 1 || r.Failures[0].Line != 23 {
		t.Fatalf("want one failure at line 23, got %v", r.Failures)
	}
	if want := "expected i32:0x00000004, got i32:0x00000005"; !strings.Contains(r.Failures[0].Msg, want) {
		t.Errorf("failure %q does not say %q", r.Failures[0].Msg, want)
	}
}

// TestRunnerDetectsWrongTrap: reporting the wrong trap kind fails exactly those assertions.
func TestRunnerDetectsWrongTrap(t *testing.T) {
	cfg := wazeroConfig(t)
	cfg.Exec = &lyingExecutor{cfg.Exec, func(o Outcome) Outcome {
		if o.Trap == "integer divide by zero" {
			o.Trap = "integer overflow"
		}
		return o
	}}
	s, r := runWast(t, filepath.Join(specDir, "i32.wast"), cfg)
	want := 0
	for _, c := range s.Commands {
		if c.Type == "assert_trap" && c.Text == "integer divide by zero" {
			want++
		}
	}
	if want == 0 || len(r.Failures) != want {
		t.Fatalf("want %d failures, got %d: %v", want, len(r.Failures), r.Failures)
	}
	for _, f := range r.Failures {
		if !strings.Contains(f.Msg, `expected trap "integer divide by zero", got integer overflow`) {
			t.Errorf("unexpected failure %v", f)
		}
	}
}

// TestRunnerDetectsMissingTrap: a run that ends normally where a trap is expected fails.
func TestRunnerDetectsMissingTrap(t *testing.T) {
	cfg := wazeroConfig(t)
	cfg.Exec = &lyingExecutor{cfg.Exec, func(o Outcome) Outcome {
		if o.Trap == "unreachable" { // pretend the process ended normally after the trap
			o.Exit, o.Trap = 0, ""
		}
		return o
	}}
	_, r := runWast(t, "testdata/replay.wast", cfg)
	if len(r.Failures) == 0 {
		t.Fatal("a swallowed trap went unnoticed")
	}
	if !strings.Contains(r.Failures[0].Msg, `expected trap "unreachable", returned`) {
		t.Errorf("first failure: %v", r.Failures[0])
	}
}

func wazeroConfig(t *testing.T) Config {
	t.Helper()
	w, err := NewWazero(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return Config{Decode: bwasm.Decode, Encode: bwasm.Encode, Exec: w}
}

// TestRegisteredImports: self-contained functions imported from a registered module are
// inlined (direct and indirect calls work, indices of the other imports and functions are
// renumbered); a module importing anything else is left out, and so is what follows on the
// module it imports from.
func TestRegisteredImports(t *testing.T) {
	_, r := runWast(t, "testdata/register.wast", wazeroConfig(t))
	for _, f := range r.Failures {
		t.Error(f)
	}
	if r.ExecPass != 5 || r.ExecTotal != 5 {
		t.Errorf("exec %d/%d, want 5/5", r.ExecPass, r.ExecTotal)
	}
	want := map[int]string{8: leftOutRegister, 27: leftOutImports, 28: leftOutShared}
	if len(r.LeftOut) != len(want) {
		t.Fatalf("left out %v, want lines 8, 27, 28", r.LeftOut)
	}
	for _, l := range r.LeftOut {
		if want[l.Line] != l.Category {
			t.Errorf("left out line %d as %q, want %q", l.Line, l.Category, want[l.Line])
		}
	}
}

// TestWazeroRunsAsCotRun: the harness runs wazero's compiler as `cot run` does, on the module
// rewritten around its miscompile of `0 OP (x & y)`; run unprepared, most of these answers are
// wrong.
func TestWazeroRunsAsCotRun(t *testing.T) {
	_, r := runWast(t, "testdata/band_compare.wast", wazeroConfig(t))
	for _, f := range r.Failures {
		t.Error(f)
	}
	if r.ExecPass != 96 || r.ExecTotal != 96 {
		t.Errorf("exec %d/%d, want 96/96", r.ExecPass, r.ExecTotal)
	}
}
