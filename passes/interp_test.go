package passes

import (
	"errors"
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
		t.Run(c.name, func(t *testing.T) {
			bin, err := compile(t, c.src)
			if err != nil {
				t.Fatal(err)
			}
			want := run(t, bin)
			for _, p := range Table().Passes[1:] {
				if p.Out.Family != ast.Family || !p.Out.Has(ast.InvTyped) {
					continue // print needs types to tell bool from i64
				}
				prog, err := Table().Run(pipeline.NewCtx("wasm32"), src.NewFile("m.cot", []byte(c.src)), &pipeline.Options{StopAfter: p.Name})
				if !errors.Is(err, pipeline.ErrStopped) {
					t.Fatalf("%s: %v", p.Name, err)
				}
				got := ast.Interpret(prog.(*ast.Program), ast.Limits{Steps: 10_000_000, Depth: 10_000})
				trapOK := (got.Trap == "") == (want.trap == "") && strings.Contains(want.trap, got.Trap)
				if got.Stdout != want.stdout || got.Stderr != want.stderr || got.Exit != want.exit || !trapOK {
					t.Fatalf("after %s: interpreter %+v, wasm %+v", p.Name, got, want)
				}
			}
		})
	}
}
