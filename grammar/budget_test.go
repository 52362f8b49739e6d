//go:build !cotref

// The budget is the shipped build's (hand-compiled hot rules); the reference build (cotref) is
// checked for the same results, not for speed.

package grammar_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"cot/grammar/progen"
	"cot/ir/pipeline"
	"cot/ir/src"
	"cot/passes"
)

// The front end's budgets per source byte on generated programs, checked by TestFrontEndBudget.
// Both measures are deterministic (allocation counts and live heaps after a collection), unlike
// time, so the test can hold them; the 1 MB and 10 MB figures come from the benchmarks. About 40
// of the bytes allocated at this size are import-runtime's, which parses the runtime whatever
// the program; the whole was 425 when the budget was set, 334 (live 57) once
// optimize-wasm-peephole built its bodies at their exact size.
//
// The Rich program (structs, strings, optionals, unions) has more Wasm per source byte. Its
// budgets were 700 allocated and 165 live while a wasm.Instr was 88 bytes (two slices only
// br_table and a typed select use, inline): lower-to-wasm and optimize-wasm-peephole, which hold
// a module and build another, held about 159. With those operands out of line (48 bytes) the
// module is about 46 B/B and the most any pass holds is about 114 (lower-to-wasm: its ANF input
// and its module); 600 allocated once optimize-wasm-peephole sized its bodies exactly.
//
// Then (fespeed3) the Rich program grew error unions, try/catch, defer, generics and traits
// (734 allocated, 132 live), and: sharing rewrites share unchanged blocks and lower-unions,
// -optionals and -errors share (624); flatten-expressions and lower-to-wasm consume their input
// and optimize-wasm-peephole works in place (583, live 82 in flatten-expressions); ast.At is 16
// bytes, not 40 (529, live 64). The scalar program: 336/57 -> 296 -> 281/46 -> 253/35. The
// passes main added meanwhile (fold-constant-branches, convert-closures, insert-arc, lower-arc)
// took the rich program to 566 and the scalar one to 258.
//
// Then (fespeed11) fresh IDs came from a counter instead of a walk of the program, Inspect and
// DeepClone reused their walkers, flatten-expressions shared the nodes whose operands are atoms
// already and make-defer-explicit what it does not change: rich 566 -> 476 (live 64, in
// flatten-expressions), scalar 258 -> 230 (live 36, in make-memory-explicit).
//
// Then (fespeed11b) flatten-expressions through encode were streamed function by function, so
// neither the whole ANF tree nor the whole module's instructions are held (the streamed passes
// are one line of the table, as the driver runs them), lower-to-wasm's buffers were reused from
// one function to the next and make-memory-explicit, optimize-small-copies and
// make-frames-explicit consume their input: rich 473 -> 405 (live 64 -> 37, in
// make-frames-explicit), scalar 231 -> 213 (live 36 -> 28, in check-types).
//
// Then (declparse) participle left the parse (every declaration hand-compiled), tokens became
// 20 bytes without pointers and node lists came from reused chunks: parse allocates 36 B/B
// instead of 89 (scalar) and 31 instead of 144 (rich): rich 397 -> 283, scalar 210 -> 157.
// Then (issue 11, passcost) make-memory-explicit shared what it does not change, insert-arc's
// probe and flatten-expressions' statement lists stopped allocating per node, resolve-names
// kept its positions in a slice: rich 397 -> 360 (live 38), scalar 209 -> 187 (live 28).
// Together: rich 219 (live 39, in make-frames-explicit), scalar 122 (live 28, in check-types).
var budgets = map[progen.Dialect]struct {
	alloc float64 // bytes allocated by the whole front end (GC work follows it)
	live  float64 // bytes any one pass holds at its end: its input and its output
}{
	progen.Compilable: {140, 31},
	progen.Rich:       {245, 43},
}

// TestFrontEndBudget runs the front end pass by pass on a generated 256 KB program, collecting
// after each pass, and checks what the passes allocate and hold per source byte. With -v it
// prints the table, one line per pass.
func TestFrontEndBudget(t *testing.T) {
	for _, d := range []progen.Dialect{progen.Compilable, progen.Rich} {
		frontEndBudget(t, d)
	}
}

func frontEndBudget(t *testing.T, d progen.Dialect) { frontEndBudgetSize(t, d, 256<<10) }

func frontEndBudgetSize(t *testing.T, d progen.Dialect, n int) {
	// The runtime is compiled once per process (import-runtime): a constant, not a per-byte cost,
	// so a small program compiles first.
	warm := pipeline.NewCtx("wasm32")
	if _, err := passes.Table().Run(warm, src.NewFile("warm.cot", []byte("fn main() void { println(1) }")), &pipeline.Options{}); err != nil {
		t.Fatalf("warm-up: %v", err)
	}
	text := progen.Program(n, d)
	size := float64(len(text))
	ctx := pipeline.NewCtx("wasm32")
	f := src.NewFile("bench.cot", text)
	ctx.Diags.AddFile(f)
	var prog any = f
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	base, start := ms.HeapAlloc, ms.TotalAlloc
	var tab strings.Builder
	fmt.Fprintf(&tab, "%-38s %9s %9s %9s\n", "pass", "time", "alloc-B/B", "live-B/B")
	maxLive, worst := 0.0, ""
	var total time.Duration
	table := passes.Table()
	for i := 0; i < len(table.Passes); i++ {
		p := table.Passes[i]
		run := func() (any, error) { return p.Run(ctx, prog) }
		if s := table.Stream; s != nil && p.Name == s.First {
			// The streamed passes run as the driver runs them, function by function: one step.
			j := i
			for table.Passes[j].Name != s.Last {
				j++
			}
			sub := &pipeline.Table{Name: table.Name, Passes: table.Passes[i : j+1], Stream: s}
			p.Name = s.First + ".." + s.Last
			run = func() (any, error) { return sub.Run(ctx, prog, &pipeline.Options{Verify: pipeline.VerifyOff}) }
			i = j
		}
		runtime.ReadMemStats(&ms)
		before := ms.TotalAlloc
		t0 := time.Now()
		out, err := run()
		d := time.Since(t0)
		total += d
		if err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		runtime.ReadMemStats(&ms)
		alloc := float64(ms.TotalAlloc - before)
		runtime.GC() // the input and the output are both still held here
		runtime.ReadMemStats(&ms)
		live := float64(int64(ms.HeapAlloc)-int64(base)) / size
		runtime.KeepAlive(prog)
		prog = out
		if live > maxLive {
			maxLive, worst = live, p.Name
		}
		fmt.Fprintf(&tab, "%-38s %9s %9.1f %9.1f\n", p.Name, d.Round(time.Microsecond), alloc/size, live)
	}
	runtime.ReadMemStats(&ms)
	alloc := float64(ms.TotalAlloc-start) / size
	fmt.Fprintf(&tab, "%-38s %9s %9.1f %9.1f (%s)\n",
		"front end", total.Round(time.Microsecond), alloc, maxLive, worst)
	t.Logf("%d-byte generated program:\n%s", len(text), tab.String())
	if b := budgets[d]; alloc > b.alloc {
		t.Errorf("the front end allocates %.1f bytes per source byte, more than its budget of %.0f", alloc, b.alloc)
	}
	if b := budgets[d]; maxLive > b.live {
		t.Errorf("%s holds %.1f bytes per source byte, more than the budget of %.0f", worst, maxLive, b.live)
	}
}
