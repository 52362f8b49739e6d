package passes

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
	"github.com/tetratelabs/wazero/sys"

	"cot/ir/pipeline"
	"cot/ir/src"
)

// compile runs the whole front end on one source file.
func compile(t *testing.T, text string) ([]byte, error) {
	t.Helper()
	if err := Table().Check(); err != nil {
		t.Fatal(err)
	}
	out, err := Table().Run(pipeline.NewCtx("wasm32"), src.NewFile("main.cot", []byte(text)), &pipeline.Options{})
	if err != nil {
		return nil, err
	}
	return out.([]byte), nil
}

type runResult struct {
	stdout, stderr string
	exit           uint32
	trap           string
}

func run(t *testing.T, bin []byte) runResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	// wazero's interpreter, not its compiler: wazero v1.12.0's amd64 compiler miscompiles
	// `i64.and` feeding `i64.const 0; ...; i64.ge_s` into a branch (found by
	// TestGeneratedPrograms, seed 288), and these tests judge our compiler, not wazero's.
	r := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigInterpreter().WithCloseOnContextDone(true))
	defer r.Close(ctx)
	wasi_snapshot_preview1.MustInstantiate(ctx, r)
	var stdout, stderr bytes.Buffer
	cfg := wazero.NewModuleConfig().WithStdout(&stdout).WithStderr(&stderr).WithStartFunctions("_start")
	_, err := r.InstantiateWithConfig(ctx, bin, cfg)
	res := runResult{stdout: stdout.String(), stderr: stderr.String()}
	var exit *sys.ExitError
	switch {
	case errors.As(err, &exit):
		res.exit = exit.ExitCode()
	case err != nil:
		res.trap = err.Error()
	}
	// wazero reports proc_exit(0) during _start as success (err == nil).
	return res
}

type e2eCase struct {
	name, src, stdout string
	exit              uint32
	trap              string
	files             map[string]string // the files the program imports, by name
}

var e2eCases = []e2eCase{
	{name: "fib", src: `
fn fib(n: i64) i64 {
    if (n < 2) { return n }
    return fib(n - 1) + fib(n - 2)
}
fn main() i64 {
    println(fib(25))
    return 0
}`, stdout: "75025\n"},
	{name: "loops with break and continue", src: `
fn main() i64 {
    var sum = 0
    for i in 0..10 {
        if (i == 3) { continue }
        if (i == 8) { break }
        sum += i
    }
    var j = 0
    outer: while (true) {
        j = j + 1
        if (j == 3) { break }
        var k = 0
        while (k < 100) {
            k += 1
            if (k == 5) { continue :outer }
        }
    }
    println(sum)
    println(j)
    return sum
}`, stdout: "25\n3\n", exit: 25},
	{name: "labelled break and void main", src: `
fn main() {
    var n = 0
    outer: for i in 0..5 {
        for j in 0..5 {
            if (i * j == 6) { break :outer }
            n += 1
        }
    }
    print("n=")
    println(n)
    println(true)
    eprintln(false)
}`, stdout: "n=13\ntrue\n"},
	{name: "exit status is the low 8 bits", src: `fn main() i64 { return 256 + 7 }`, exit: 7},
	{name: "negative exit status", src: `fn main() i64 { return -1 }`, exit: 255},
	{name: "arithmetic and bitwise", src: `
const big: i64 = 9223372036854775807
var counter = -5
fn bump() i64 { counter += 10; return counter }
fn main() i64 {
    println(big + 1)
    println(-9223372036854775808)
    println(-17 % 5)
    println(-20 / 4)
    println(240 | 15 - 200)
    println(-1 >> 60)
    println(1 << 65)
    println(~0 ^ 5)
    println(counter + bump())
    println(if (counter > 3) { 1 } else { 2 })
    println(not (1 < 2) || 3 >= 3 && !false)
    return 0
}`, stdout: "-9223372036854775808\n-9223372036854775808\n-2\n-5\n55\n15\n2\n-6\n0\n1\ntrue\n"},
	{name: "short circuit", src: `
var calls = 0
fn side(b: bool) bool { calls += 1; return b }
fn main() i64 {
    if (side(false) and side(true)) { println(1) }
    if (side(true) or side(false)) { println(2) }
    while (side(false) && side(true)) { }
    println(calls)
    return 0
}`, stdout: "2\n3\n"},
	{name: "global initializers run in dependency order", src: `
var b = twice(a)
var a = base() + 1
const k = 20
var untouched: bool = true
fn base() i64 { return k }
fn twice(x: i64) i64 { return x * 2 }
fn main() i64 { println(a); println(b); println(untouched); return b }`, stdout: "21\n42\ntrue\n", exit: 42},
	{name: "division by zero traps", src: `
fn div(a: i64, b: i64) i64 { return a / b }
fn main() i64 { println(1); return div(1, 0) }`, stdout: "1\n", trap: "integer divide by zero"},
	{name: "overflow traps", src: `
fn div(a: i64, b: i64) i64 { return a / b }
fn main() i64 { return div(-9223372036854775807 - 1, -1) }`, trap: "integer overflow"},
}

func TestEndToEnd(t *testing.T) {
	for _, c := range e2eCases {
		t.Run(c.name, func(t *testing.T) {
			bin, err := compile(t, c.src)
			if err != nil {
				t.Fatal(err)
			}
			res := run(t, bin)
			if res.stdout != c.stdout || res.exit != c.exit || !strings.Contains(res.trap, c.trap) || (c.trap == "" && res.trap != "") {
				t.Fatalf("got stdout %q exit %d trap %q; want stdout %q exit %d trap %q", res.stdout, res.exit, res.trap, c.stdout, c.exit, c.trap)
			}
		})
	}
}
