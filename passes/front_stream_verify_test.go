package passes

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/src"
	"cot/ir/wasm"
)

// brokenTable is the front end's table with pass name's Run followed by breakMain, which breaks
// the function main of the pass's output (whole or one unit's).
func brokenTable(name string, breakMain func(out any)) *pipeline.Table {
	t := *Table()
	t.Passes = slices.Clone(t.Passes)
	for i, p := range t.Passes {
		if p.Name == name {
			run := p.Run
			t.Passes[i].Run = func(ctx *pipeline.Ctx, prog any) (any, error) {
				out, err := run(ctx, prog)
				if err == nil {
					breakMain(out)
				}
				return out, err
			}
		}
	}
	return &t
}

// TestStreamedVerificationReportsABrokenPass breaks a streamed pass's output of one function
// (an ast one and a wasm one) and compiles under --verify=each, streamed and one pass at a time
// over the whole program: both must fail in the verification after that pass, with the same
// errors.
func TestStreamedVerificationReportsABrokenPass(t *testing.T) {
	const text = "fn twice(x: i64) i64 {\n    return x * 2\n}\n\nfn main() void {\n    println(twice(21))\n}\n"
	cases := []struct {
		pass, want string
		breakMain  func(out any)
	}{
		{"flatten-expressions", "is already used by", func(out any) {
			for _, d := range out.(*ast.Program).Decls {
				if f, ok := d.(*ast.Func); ok && f.Name.Name == "main" {
					f.Body.Stmts = append([]ast.Stmt{f.Body.Stmts[0]}, f.Body.Stmts...) // a temporary's declaration twice
				}
			}
		}},
		{"optimize-wasm-peephole", "wasm: func", func(out any) {
			push := func(body []wasm.Instr) []wasm.Instr { return append([]wasm.Instr{wasm.I32Const(1)}, body...) }
			switch o := out.(type) {
			case *loweredFunc:
				if strings.HasPrefix(o.symbol, "main#") {
					o.body = push(o.body)
				}
			case *wasm.Module:
				for i := range o.Funcs {
					if o.Funcs[i].Name == "main" {
						o.Funcs[i].Body = push(o.Funcs[i].Body)
					}
				}
			}
		}},
	}
	for _, c := range cases {
		var msgs []string
		for _, opts := range []*pipeline.Options{{Verify: pipeline.VerifyEach}, wholeProgram()} {
			_, err := brokenTable(c.pass, c.breakMain).Run(pipeline.NewCtx("wasm32"), src.NewFile("main.cot", []byte(text)), opts)
			var ie *pipeline.InternalError
			if !errors.As(err, &ie) {
				t.Fatalf("%s broken: want an internal error, have %v", c.pass, err)
			}
			if ie.Pass != c.pass || !strings.Contains(ie.Msg, "verify after "+c.pass) || !strings.Contains(ie.Msg, c.want) {
				t.Fatalf("%s broken: the error names pass %s: %s", c.pass, ie.Pass, ie.Msg)
			}
			msgs = append(msgs, ie.Msg)
		}
		if msgs[0] != msgs[1] {
			t.Errorf("%s broken: streamed, the error is\n%s\nwhole, it is\n%s", c.pass, msgs[0], msgs[1])
		}
	}
}

// TestStreamedVerificationChecksBindersAcrossUnits gives a temporary of main the binder ID of
// twice's parameter, which no one unit's check can see: the join's check must report it after
// flatten-expressions, as the whole program's check does.
func TestStreamedVerificationChecksBindersAcrossUnits(t *testing.T) {
	defer func(w int) { pipeline.Workers = w }(pipeline.Workers)
	pipeline.Workers = 1 // twice's unit before main's, as in the whole program
	const text = "fn twice(x: i64) i64 {\n    return x * 2\n}\n\nfn main() void {\n    println(twice(21))\n}\n"
	for _, c := range []struct {
		opts *pipeline.Options
		want string
	}{{&pipeline.Options{Verify: pipeline.VerifyEach}, "is used by two functions"}, {wholeProgram(), "is already used by"}} {
		param := 0
		table := brokenTable("flatten-expressions", func(out any) {
			for _, d := range out.(*ast.Program).Decls {
				f, ok := d.(*ast.Func)
				if ok && f.Name.Name == "twice" {
					param = f.Params[0].Name.ID
				}
				if ok && f.Name.Name == "main" {
					old := 0
					ast.Inspect(f, func(n ast.Node) bool { // the first local and its uses
						switch n := n.(type) {
						case *ast.VarDecl:
							if old == 0 {
								old, n.Name.ID = n.Name.ID, param
							}
						case *ast.Ref:
							if old != 0 && n.Name.ID == old {
								n.Name.ID = param
							}
						}
						return true
					})
				}
			}
		})
		_, err := table.Run(pipeline.NewCtx("wasm32"), src.NewFile("main.cot", []byte(text)), c.opts)
		var ie *pipeline.InternalError
		if !errors.As(err, &ie) || ie.Pass != "flatten-expressions" || !strings.Contains(ie.Msg, c.want) {
			t.Fatalf("want an error after flatten-expressions with %q, have %v", c.want, err)
		}
	}
}
