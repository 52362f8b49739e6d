package golden

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"cot/runner"
)

// The engines of the differential suite. Every run case compiles once per target and runs on all
// of them; each must produce the expected stdout, stderr and exit status.
var engineNames = []string{"wazero", "wasmtime", "native"}

// runSections are the expected sections of a run case, in file order.
var runSections = []string{"stdout", "stderr", "exit"}

// observed is what one engine did, in the form of the expected sections.
type observed map[string][]byte

func observe(r runner.Result) observed {
	return observed{
		"stdout": toSection(r.Stdout),
		"stderr": toSection(r.Stderr),
		"exit":   []byte(strconv.Itoa(r.ExitCode) + "\n"),
	}
}

// allowlist holds the allowed differences of allowlist.txt, keyed "kind/case engine section".
type allowlist map[string]bool

func loadAllowlist(t *testing.T) allowlist {
	t.Helper()
	f, err := os.Open("allowlist.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	al := allowlist{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		if len(fields) != 3 || !containsString(engineNames, fields[1]) || !containsString(runSections, fields[2]) {
			t.Fatalf("allowlist.txt:%d: want `<kind>/<case> <engine> <section>`, have %q", n, sc.Text())
		}
		if _, err := os.Stat(filepath.Join("testdata", fields[0]+".txtar")); err != nil {
			t.Fatalf("allowlist.txt:%d: no case testdata/%s.txtar", n, fields[0])
		}
		al[strings.Join(fields, " ")] = true
	}
	return al
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// nativeSkipReason says why native runs are skipped on this host ("" when they run): off arm64
// hosts they need qemu-aarch64.
var nativeSkipReason = sync.OnceValue(func() string {
	if _, err := runner.QemuPath(); err != nil {
		return err.Error()
	}
	return ""
})

func TestRun(t *testing.T) { engineCases(t, "run", runCase) }

// engineCases runs every case of testdata/kind in parallel through one, with the allowlist.
func engineCases(t *testing.T, kind string, one func(*testing.T, *goldenCase, allowlist)) {
	al := loadAllowlist(t)
	for _, c := range loadCases(t, kind) {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			one(t, c, al)
		})
	}
}

func runCase(t *testing.T, c *goldenCase, al allowlist) {
	if _, ok := c.section("main.cot"); !ok {
		t.Fatalf("%s: no main.cot section", c.path)
	}
	dir := t.TempDir()
	c.writeInputs(t, dir)
	build := runCot(t, dir, "build", "main.cot", "-o", "main.wasm")
	if build.exit != 0 {
		t.Fatalf("cot build main.cot: exit %d\n%s", build.exit, build.stderr)
	}
	wasm, err := os.ReadFile(filepath.Join(dir, "main.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	elf, native := buildNative(t, dir)
	checkEngines(t, "run", c, dir, wasm, elf, native, al)
}

// checkEngines runs a case's program on every engine (natively only when native is set) and
// compares each engine's stdout, stderr and exit status with the case's expected sections, or
// rewrites them under -update. kind is the case's directory under testdata, as the allowlist
// names it.
func checkEngines(t *testing.T, kind string, c *goldenCase, dir string, wasm []byte, elf string, native bool, al allowlist) {
	stdin, _ := c.section("stdin")
	_, net := c.section("net") // a case with a `net` section may use sockets (cot run --net)
	cfg := func() runner.Config { return runner.Config{Dir: dir, Stdin: bytes.NewReader(stdin), Net: net} }
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	results := map[string]observed{}
	run := func(engine string, res runner.Result, err error) {
		if err != nil {
			t.Errorf("%s: %v", engine, err)
			return
		}
		results[engine] = observe(res)
	}
	res, err := runner.RunWazero(ctx, wasm, cfg())
	run("wazero", res, err)
	res, err = runner.RunWasmtime(ctx, wasm, cfg())
	run("wasmtime", res, err)
	if native {
		res, err = runner.RunNative(ctx, elf, cfg())
		run("native", res, err)
	}
	if t.Failed() {
		return
	}

	if *update {
		updateRunCase(t, kind, c, results, al)
		return
	}
	for _, engine := range engineNames {
		got, ran := results[engine]
		if !ran {
			continue
		}
		for _, s := range runSections {
			want, _ := c.section(s)
			if bytes.Equal(want, got[s]) {
				continue
			}
			if al[kind+"/"+c.name+" "+engine+" "+s] {
				t.Logf("%s: allowed difference (allowlist.txt) in %s on %s: want %q, got %q", c.path, s, engine, want, got[s])
				continue
			}
			test, _, _ := strings.Cut(t.Name(), "/")
			mismatch(t, test, c, s+" on "+engine, want, got[s])
		}
	}
}

// buildNative compiles main.cot for arm64-linux when this host can run the result.
func buildNative(t *testing.T, dir string) (string, bool) {
	if reason := nativeSkipReason(); reason != "" {
		t.Logf("native run skipped: %s", reason)
		return "", false
	}
	b := runCot(t, dir, "build", "--target=arm64-linux", "main.cot", "-o", "main")
	if b.exit != 0 {
		t.Errorf("cot build --target=arm64-linux main.cot: exit %d\n%s", b.exit, b.stderr)
		return "", false
	}
	return filepath.Join(dir, "main"), true
}

// updateRunCase rewrites the expected sections from the engines' output, which must agree
// (outside the allowlist): -update never blesses a disagreement between engines.
func updateRunCase(t *testing.T, kind string, c *goldenCase, results map[string]observed, al allowlist) {
	ref := results["wazero"]
	for _, engine := range engineNames[1:] {
		got, ran := results[engine]
		if !ran {
			continue
		}
		for _, s := range runSections {
			if !bytes.Equal(ref[s], got[s]) && !al[kind+"/"+c.name+" "+engine+" "+s] {
				t.Errorf("%s: not updated: %s on %s differs from wazero:\nwazero: %q\n%s: %q", c.path, s, engine, ref[s], engine, got[s])
			}
		}
	}
	if t.Failed() {
		return
	}
	for _, s := range runSections {
		c.setSection(s, ref[s], s == "stderr" && len(ref[s]) == 0)
	}
	if err := c.write(); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "updated %s\n", c.path)
}
