package passes

import (
	"strings"
	"testing"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/src"
)

// TestEveryPassKeepsMeaning interprets each end-to-end program after every ast pass (from
// check-types on) with the reference interpreter and compares stdout, stderr, exit status and
// trap with what the compiled Wasm does under wazero: a pass that changes the meaning of a
// program fails here, named.
func TestEveryPassKeepsMeaning(t *testing.T) {
	for _, c := range append(append([]e2eCase{}, e2eCases...), e2eCase{name: "sample", src: sampleProgram}) {
		checkEveryPass(t, c, nil, "")
	}
}

// withRuntime returns p ready for the interpreter (Interpretable).
func withRuntime(t *testing.T, ctx *pipeline.Ctx, p *ast.Program) *ast.Program {
	out, err := Interpretable(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkEveryPass compiles c, in a context that mode (when set) prepares, checking every pass from
// pass from on ("": every typed one). Durations "(Nms)" of stderr are compared as "(_ms)" (the
// interpreter's clock stands still).
func checkEveryPass(t *testing.T, c e2eCase, mode func(*pipeline.Ctx), from string) {
	t.Run(c.name, func(t *testing.T) {
		var prog any = src.NewFile("m.cot", []byte(c.src))
		ctx := pipeline.NewCtx("wasm32")
		if mode != nil {
			mode(ctx)
		}
		if c.files != nil {
			ctx.ReadFile = readFrom(c.files)
		}
		type result struct {
			pass string
			got  ast.Outcome
		}
		var results []result
		for _, p := range Table().Passes {
			next, err := (&pipeline.Table{Name: "one", Passes: []pipeline.Pass{p}}).Run(ctx, prog, &pipeline.Options{})
			if err != nil {
				t.Fatalf("%s: %v\n%s", p.Name, err, c.src)
			}
			prog = next
			if p.Name == from {
				from = ""
			}
			if p.Out.Family == ast.Family && p.Out.Has(ast.InvTyped) && from == "" { // print needs types
				results = append(results, result{p.Name, ast.Interpret(withRuntime(t, ctx, prog.(*ast.Program)), ast.Limits{Steps: 10_000_000, Depth: 10_000})})
			}
		}
		want := run(t, prog.([]byte))
		if len(results) == 0 {
			t.Fatal("no typed ast pass")
		}
		for _, r := range results {
			got := r.got
			trapOK := (got.Trap == "") == (want.trap == "") && strings.Contains(want.trap, got.Trap)
			if got.Stdout != want.stdout || normMillis(got.Stderr) != normMillis(want.stderr) || got.Exit != want.exit || !trapOK {
				t.Fatalf("after %s: interpreter %+v, wasm %+v\n%s", r.pass, got, want, c.src)
			}
		}
	})
}
