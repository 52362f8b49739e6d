package progen

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"cot/backend/arm64"
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/src"
	"cot/passes"
	"cot/runner"
)

var (
	genN     = flag.Int("gen.n", 16, "how many programs TestDifferentialPrograms checks")
	genSeed  = flag.Int64("gen.seed", 1, "the seed of the first program")
	genEvery = flag.Bool("gen.every", false, "interpret after every typed ast pass, not only the first and the last")
	genKeep  = flag.String("gen.keep", "", "a directory where each disagreeing program is written as seed<N>.cot")
	genFile  = flag.String("gen.file", "", "check this Cot file instead of generated programs (to minimise a disagreement)")
	genClos  = flag.Bool("gen.closures", Default.Closures, "generate function values and closures")
	genHeap  = flag.Bool("gen.heap", Default.Heap, "generate heap objects (new, ARC, destructors)")
	genFrom  = flag.String("gen.from", "", "the first pass after which the interpreter runs; when empty the first typed one, or insert-arc for heap programs (destructors run only from there on)")
	genVerif = flag.String("gen.verify", "each", "when the IR verifiers run: each (after every pass), end (after the last pass of each table) or off")
)

// verifyAfter returns the verification of a pass: last marks the last pass of its table.
func verifyAfter(last bool) pipeline.VerifyMode {
	switch {
	case *genVerif == "each", *genVerif == "end" && last:
		return pipeline.VerifyEach
	}
	return pipeline.VerifyOff
}

// TestDifferentialPrograms generates programs (seeds gen.seed … gen.seed+gen.n-1) and checks that
// the reference interpreter (after check-types and after the last ast pass; after every typed ast
// pass with -gen.every), wazero, wasmtime and native AArch64 under qemu agree on each program's
// stdout, stderr, exit status and trap. A failure names the seed:
//
//	go test ./internal/progen -run TestDifferentialPrograms -gen.seed=N -gen.n=1 -v
//
// prints the program (or `go run ./internal/progen/cmd/progen -seed N`). The long run:
//
//	CC=gcc go test ./internal/progen -run TestDifferentialPrograms -gen.n=10000 -timeout 0
func TestDifferentialPrograms(t *testing.T) {
	if *genFile != "" {
		text, err := os.ReadFile(*genFile)
		if err != nil {
			t.Fatal(err)
		}
		checkProgram(t, 0, string(text))
		return
	}
	n := *genN
	if testing.Short() {
		n = 4
	}
	native := runner.QemuPath
	if _, err := native(); err != nil {
		t.Logf("native runs skipped: %v", err)
	}
	start := time.Now()
	var failed atomic.Int64
	for seed := *genSeed; seed < *genSeed+int64(n); seed++ {
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
			t.Parallel() // -parallel N bounds the programs checked at once
			defer func() {
				if t.Failed() {
					failed.Add(1)
				}
			}()
			checkProgram(t, seed, Generate(seed, Features{Closures: *genClos, Heap: *genHeap}))
		})
	}
	t.Cleanup(func() {
		t.Logf("%d programs (seeds %d..%d), %d failed, %v", n, *genSeed, *genSeed+int64(n)-1, failed.Load(), time.Since(start).Round(time.Millisecond))
	})
}

// outcome is what one judge (an interpreter run after a pass, or an engine) observed.
type outcome struct {
	judge          string
	stdout, stderr string
	exit           int
	trap           string
}

// agrees compares what the run golden files compare: stdout, stderr (where every trap writes its
// "error: <kind>" line) and exit status. The trap field is shown, not compared: the native runner
// recovers it from that line also when the program wrote it itself (a null unwrap).
func (o outcome) agrees(ref outcome) bool {
	return o.stdout == ref.stdout && o.stderr == ref.stderr && o.exit == ref.exit
}

func (o outcome) String() string {
	return fmt.Sprintf("%s: exit %d, trap %q, stderr %q, %d bytes of stdout", o.judge, o.exit, o.trap, o.stderr, len(o.stdout))
}

// checkProgram compiles src for both targets, runs every judge and fails on the first
// disagreement with the interpreter's run after check-types.
func checkProgram(t *testing.T, seed int64, text string) {
	keep := func() {
		if *genKeep != "" {
			os.MkdirAll(*genKeep, 0o755)
			os.WriteFile(filepath.Join(*genKeep, fmt.Sprintf("seed%d.cot", seed)), []byte(text), 0o644)
		}
	}
	from := *genFrom
	if from == "" && *genHeap {
		from = "insert-arc"
	}
	results, wasm, err := frontEnd(t, text, "wasm32", from, true)
	if err != nil {
		keep()
		t.Fatalf("wasm32: %v\n%s", err, text)
	}
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	engine := func(name string, r runner.Result, err error) {
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		results = append(results, outcome{name, string(r.Stdout), string(r.Stderr), r.ExitCode, r.Trap})
	}
	r, err := runner.RunWazero(ctx, wasm, runner.Config{Dir: dir})
	engine("wazero", r, err)
	r, err = runner.RunWasmtime(ctx, wasm, runner.Config{Dir: dir})
	engine("wasmtime", r, err)
	if _, err := runner.QemuPath(); err == nil {
		_, elf, err := frontEnd(t, text, "arm64-linux", "", false)
		if err != nil {
			keep()
			t.Fatalf("arm64-linux: %v\n%s", err, text)
		}
		path := filepath.Join(dir, "main")
		if err := os.WriteFile(path, elf, 0o755); err != nil {
			t.Fatal(err)
		}
		r, err = runner.RunNative(ctx, path, runner.Config{Dir: dir})
		engine("native", r, err)
	}
	ref := results[0]
	for _, o := range results[1:] {
		if !o.agrees(ref) {
			keep()
			t.Fatalf("seed %d: %s disagrees with %s\n%v\n%v\n%s", seed, o.judge, ref.judge, ref, o, firstDiff(ref.stdout, o.stdout))
		}
	}
	if testing.Verbose() && *genN == 1 {
		t.Logf("program:\n%s\nstdout:\n%s", text, ref.stdout)
	}
}

// firstDiff shows the first line where two outputs differ.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("stdout line %d: %q (reference) vs %q", i+1, a, b)
		}
	}
	return "stdout identical"
}

// frontEnd compiles text for target (and, on arm64-linux, through the backend to an ELF) and,
// when interpret is set, runs the reference interpreter after the first typed ast pass (or after
// pass fromPass when set) and after the last ast pass (every typed ast pass from there with
// -gen.every).
func frontEnd(t *testing.T, text, target, fromPass string, interpret bool) ([]outcome, []byte, error) {
	ctx := pipeline.NewCtx(target)
	f := src.NewFile("main.cot", []byte(text))
	ctx.Diags.AddFile(f)
	var prog any = f
	if !interpret {
		// The wasm32 compilation verified every front-end pass of this program already.
		var err error
		prog, err = passes.Table().Run(ctx, prog, &pipeline.Options{Verify: pipeline.VerifyOff})
		if err == nil && target == "arm64-linux" {
			mode := pipeline.VerifyEach
			if *genVerif != "each" {
				mode = map[string]pipeline.VerifyMode{"end": pipeline.VerifyEnd, "off": pipeline.VerifyOff}[*genVerif]
			}
			prog, err = arm64.Table().Run(ctx, prog, &pipeline.Options{Verify: mode})
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%v\n%s", err, ctx.Diags.Format())
		}
		return nil, prog.([]byte), nil
	}
	tables := []*pipeline.Table{passes.Table()}
	from := fromPass == ""
	var results []outcome
	var lastAST *ast.Program
	var lastName string
	for _, table := range tables {
		for i, p := range table.Passes {
			if interpret && !*genEvery && lastAST != nil && p.Out.Family != ast.Family {
				// lower-to-wasm consumes its input (decisions.md): the last AST is interpreted first.
				results = append(results, interpretAfter(t, ctx, lastName, lastAST))
				lastAST = nil
			}
			opts := &pipeline.Options{Verify: verifyAfter(i == len(table.Passes)-1)}
			next, err := (&pipeline.Table{Name: "one", Passes: []pipeline.Pass{p}}).Run(ctx, prog, opts)
			if err != nil {
				return nil, nil, fmt.Errorf("%s: %v\n%s", p.Name, err, ctx.Diags.Format())
			}
			prog = next
			ap, isAST := prog.(*ast.Program)
			if p.Name == fromPass {
				from = true
			}
			if !interpret || !isAST || !p.Out.Has(ast.InvTyped) || !from {
				continue
			}
			if len(results) == 0 || *genEvery {
				results = append(results, interpretAfter(t, ctx, p.Name, ap))
			}
			lastAST, lastName = ap, p.Name
		}
	}
	if interpret && !*genEvery && lastAST != nil {
		results = append(results, interpretAfter(t, ctx, lastName, lastAST))
	}
	if interpret && len(results) == 0 {
		t.Fatalf("no typed ast pass named %q to interpret after", fromPass)
	}
	b, ok := prog.([]byte)
	if !ok {
		return nil, nil, fmt.Errorf("the pipeline ended with %T", prog)
	}
	return results, b, nil
}

// interpretAfter runs the reference interpreter on p, the output of pass, with the Cot runtime
// imported when p calls it before import-runtime does (passes.Interpretable), and
// reports what it observed in the runner's terms: a trap is the line "error: <kind>" on stderr
// and exit status 134 (decisions.md #28).
func interpretAfter(t *testing.T, ctx *pipeline.Ctx, pass string, p *ast.Program) outcome {
	routed, err := passes.Interpretable(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	o := ast.Interpret(routed, ast.Limits{Steps: 50_000_000, Depth: 10_000})
	res := outcome{judge: "interpreter after " + pass, stdout: o.Stdout, stderr: o.Stderr, exit: int(o.Exit), trap: o.Trap}
	if o.Trap != "" {
		res.stderr += "error: " + o.Trap + "\n"
		res.exit = runner.TrapExitCode
	}
	return res
}
