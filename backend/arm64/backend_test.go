package arm64

import (
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"cot/ir/mir"
	"cot/ir/pipeline"
	"cot/ir/ssa"
)

func TestPassTable(t *testing.T) {
	tb := Table()
	if err := tb.Check(); err != nil {
		t.Fatal(err)
	}
	want := "decode check-imports translate remove-redundant-params optimize-constants remove-redundant-masks remove-dead-values eliminate-common-subexpressions eliminate-bounds-checks select-instructions coalesce-copies allocate-registers layout-frame optimize-block-layout duplicate-small-tails resolve-branches encode-instructions link"
	if got := strings.Join(tb.Names(), " "); got != want {
		t.Fatalf("passes: %s", got)
	}
}

const sampleWAT = `(module
  (import "cot_harness" "result_i32" (func $ri32 (param i32)))
  (import "cot_harness" "result_f64" (func $rf64 (param f64)))
  (memory 1)
  (global $g (mut i32) (i32.const 5))
  (table 2 funcref)
  (elem (i32.const 0) $sq $sum)
  (type $i2i (func (param i32) (result i32)))
  (func $sq (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
  (func $sum (param i32) (result i32) (local i32)
    (block (loop
      (br_if 1 (i32.eqz (local.get 0)))
      (local.set 1 (i32.add (local.get 1) (local.get 0)))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br 0)))
    (local.get 1))
  (func $pair (param f64) (result f64 i32)
    (f64.mul (local.get 0) (f64.const 0.5)) (i32.trunc_f64_s (local.get 0)))
  (func (export "_start")
    (call $ri32 (call_indirect (type $i2i) (i32.const 7) (i32.const 0)))
    (call $ri32 (call_indirect (type $i2i) (i32.const 100) (i32.const 1)))
    (i32.store offset=4 (i32.const 8) (global.get $g))
    (global.set $g (i32.add (i32.load (i32.const 12)) (i32.const 1)))
    (call $ri32 (global.get $g))
    (call $ri32 (call $pair (f64.const 9.5)))
    (call $rf64)
    (call $ri32 (i32.load8_s (i32.const 70000))))
)`

const sampleOut = "i32:0x00000031\ni32:0x000013ba\ni32:0x00000006\ni32:0x00000009\nf64:0x4013000000000000\n"

// stripDump removes the ";; after P" header of a dump.
func stripDump(s string) string {
	_, body, _ := strings.Cut(s, "\n")
	return body
}

func TestSampleRunsAndDumpsRoundTrip(t *testing.T) {
	needTools(t)
	wasmBytes := watToWasm(t, sampleWAT)
	r := compileAndRun(t, wasmBytes)
	if r.stdout != sampleOut || r.stderr != "error: out of bounds memory access" || r.status != 134 {
		t.Fatalf("got status %d stdout:\n%s\nstderr: %s", r.status, r.stdout, r.stderr)
	}
	dumps := map[string]string{}
	for _, pass := range []string{"translate", "remove-dead-values", "select-instructions", "allocate-registers", "resolve-branches"} {
		var out strings.Builder
		if _, err := CompileModule(wasmBytes, &pipeline.Options{DumpAfter: []string{pass}, Out: &out}); err != nil {
			t.Fatal(err)
		}
		dumps[pass] = stripDump(out.String())
	}
	for _, pass := range []string{"translate", "remove-dead-values"} {
		p, err := ssa.Read(dumps[pass])
		if err != nil {
			t.Fatalf("%s: %v", pass, err)
		}
		var again strings.Builder
		ssa.Print(&again, p, "")
		if again.String() != dumps[pass] {
			t.Errorf("ssa after %s: print(read(print(x))) != print(x)", pass)
		}
	}
	for _, pass := range []string{"select-instructions", "allocate-registers", "resolve-branches"} {
		p, err := mir.Read(dumps[pass])
		if err != nil {
			t.Fatalf("%s: %v", pass, err)
		}
		var again strings.Builder
		mir.Print(&again, p, "")
		if again.String() != dumps[pass] {
			t.Errorf("mir after %s: print(read(print(x))) != print(x)", pass)
		}
	}
	if _, err := exec.LookPath("aarch64-linux-gnu-as"); err == nil {
		dir := t.TempDir()
		src := filepath.Join(dir, "final.s")
		os.WriteFile(src, []byte(dumps["resolve-branches"]), 0o644)
		if msg, err := exec.Command("aarch64-linux-gnu-as", src, "-o", filepath.Join(dir, "final.o")).CombinedOutput(); err != nil {
			t.Errorf("final mir does not assemble: %v\n%s", err, msg)
		}
	}
}

func TestMissingImportIsAnError(t *testing.T) {
	needTools(t)
	b := watToWasm(t, `(module (import "env" "f" (func)) (func (export "_start") (call 0)))`)
	_, err := CompileModule(b, nil)
	if err == nil || err.Error() != `import "env"."f" is not provided by the native runtime` {
		t.Fatalf("got %v", err)
	}
}

func TestDeterministicOutput(t *testing.T) {
	needTools(t)
	b := watToWasm(t, sampleWAT)
	x, err := CompileModule(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	y, _ := CompileModule(b, nil)
	if string(x) != string(y) {
		t.Fatal("two compilations of the same module differ")
	}
}

func TestWASIHelloAndExitCode(t *testing.T) {
	needTools(t)
	b := watToWasm(t, `(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello, native\n")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 14))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (call $exit (i32.load (i32.const 8)))))`)
	r := compileAndRun(t, b)
	// fd_write stored the 14 bytes written at address 8, which becomes the exit status.
	if r.stdout != "hello, native\n" || r.status != 14 {
		t.Fatalf("status %d stdout %q stderr %q", r.status, r.stdout, r.stderr)
	}
}

func TestTrapsReportLikeWasmtime(t *testing.T) {
	needTools(t)
	for _, c := range []struct{ body, want string }{
		{"(drop (i32.div_s (i32.const 1) (i32.const 0)))", "error: integer divide by zero"},
		{"(drop (i64.div_s (i64.const 0x8000000000000000) (i64.const -1)))", "error: integer overflow"},
		{"(drop (i32.trunc_f64_u (f64.const -1)))", "error: integer overflow"},
		{"(drop (i32.trunc_f32_s (f32.const nan)))", "error: invalid conversion to integer"},
		{"(unreachable)", "error: unreachable"},
		{"(drop (i32.load offset=0xffffffff (i32.const 1)))", "error: out of bounds memory access"},
		{"(call $rec)", "error: stack overflow"},
		{"(call_indirect (i32.const 5))", "error: undefined element"},
		{"(call_indirect (i32.const 1))", "error: undefined element"},
		{"(drop (table.get 0 (i32.const 3)))", "error: undefined element"},
		{"(drop (call_indirect (result i32) (i32.const 0)))", "error: indirect call type mismatch"},
		{"(memory.fill (i32.const 65530) (i32.const 0) (i32.const 7))", "error: out of bounds memory access"},
	} {
		b := watToWasm(t, `(module (memory 1) (table 3 funcref) (elem (i32.const 0) $rec)
  (func $rec (call $rec))
  (func (export "_start") `+c.body+`))`)
		r := compileAndRun(t, b)
		if r.status != 134 || r.stderr != c.want {
			t.Errorf("%s: status %d stderr %q, want %q", c.body, r.status, r.stderr, c.want)
		}
	}
}

func TestManyParamsAndResults(t *testing.T) {
	needTools(t)
	// 10 integer and 10 float parameters (two of each on the stack), 10 results of each class
	// (two of each returned through the stack).
	var params, results, body, args, prints strings.Builder
	for i := 0; i < 10; i++ {
		params.WriteString(" i64 f64")
		results.WriteString(" i64 f64")
		body.WriteString("(i64.mul (local.get " + strconv.Itoa(2*i) + ") (i64.const 3)) (f64.add (local.get " + strconv.Itoa(2*i+1) + ") (f64.const 0.5)) ")
		args.WriteString("(i64.const " + strconv.Itoa(i+1) + ") (f64.const " + strconv.Itoa(i) + ") ")
		prints.WriteString("(call $rf) (call $ri) ")
	}
	wat := `(module
  (import "cot_harness" "result_i64" (func $ri (param i64)))
  (import "cot_harness" "result_f64" (func $rf (param f64)))
  (func $many (param` + params.String() + `) (result` + results.String() + `) ` + body.String() + `)
  (func (export "_start") (call $many ` + args.String() + `) ` + prints.String() + `))`
	r := compileAndRun(t, watToWasm(t, wat))
	var want strings.Builder
	for i := 9; i >= 0; i-- {
		want.WriteString(fmt.Sprintf("f64:0x%016x\ni64:0x%016x\n", math.Float64bits(float64(i)+0.5), 3*(i+1)))
	}
	if r.stdout != want.String() || r.status != 0 {
		t.Fatalf("status %d stderr %q stdout:\n%s\nwant:\n%s", r.status, r.stderr, r.stdout, want.String())
	}
}
