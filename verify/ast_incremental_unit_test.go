package verify

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

// checkTwice verifies p1 against l1 with a fresh incremental state, which must pass, then p2
// (which shares declarations with p1) against l2 with the same state, as a check before others
// and as the last, and returns its errors after checking that they are exactly those of a
// check from scratch.
func checkTwice(t *testing.T, l1 *pipeline.Lang, p1 *ast.Program, l2 *pipeline.Lang, p2 *ast.Program) string {
	t.Helper()
	var got string
	for _, last := range []bool{false, true} {
		var state any
		if errs := ast.Family.VerifyWith(&state, l1, p1, false); len(errs) != 0 {
			t.Fatalf("first check: %v", errs)
		}
		got = fmt.Sprint(ast.Family.VerifyWith(&state, l2, p2, last))
		if want := fmt.Sprint(AST(l2, p2)); got != want {
			t.Errorf("incremental check (last %v):\n%s\nwant, as from scratch:\n%s", last, got, want)
		}
	}
	return got
}

// sharing returns a program with p's declarations (the same pointers), data and types.
func sharing(p *ast.Program) *ast.Program {
	return &ast.Program{Types: p.Types, Data: p.Data, Decls: slices.Clone(p.Decls)}
}

// replacingF returns a change that replaces function f of a sharing copy of the program.
func replacingF(replace func(*ast.Func) *ast.Func) func(*ast.Program) *ast.Program {
	return func(p *ast.Program) *ast.Program {
		q := sharing(p)
		i, f := funcNamed(q, "f")
		q.Decls[i] = replace(f)
		return q
	}
}

func mustReadPanic(text string) *ast.Program {
	p, err := ast.Read(text)
	if err != nil {
		panic(err)
	}
	return p
}

func funcNamed(p *ast.Program, name string) (int, *ast.Func) {
	for i, d := range p.Decls {
		if f, ok := d.(*ast.Func); ok && f.Name.Name == name {
			return i, f
		}
	}
	panic("no function " + name)
}

// TestIncrementalCatchesWhatSkippingCouldHide: each case is a pass that leaves a declaration
// pointer for pointer as it was (so its summary is reused) but changes what its check depends
// on; the incremental check still reports the violation, with the errors of a check from
// scratch.
func TestIncrementalCatchesWhatSkippingCouldHide(t *testing.T) {
	noWhileStep := &pipeline.Lang{Name: "no-while-step", Family: ast.Family, Base: ast.LangANF, Remove: []string{"while-step"}}
	cases := []struct {
		name   string
		text   string
		l1, l2 *pipeline.Lang
		change func(p *ast.Program) *ast.Program
		want   string
	}{
		{"a kind the new language forbids, in an unchanged function", goodANF, ast.LangANF, noWhileStep,
			sharing, "node kind while-step is not part of language no-while-step"},
		{"a new invariant an unchanged function breaks", strings.Replace(goodANF, "(+:i64 n#3:i64 g#1:i64)", "(+:i64 (+:i64 n#3:i64 1:i64) g#1:i64)", 1),
			ast.LangFrames, ast.LangANF, sharing, "args-trivial: operand binary is not an atom"},
		{"a callee's parameter type changed under an unchanged caller", goodANF, ast.LangANF, ast.LangANF,
			replacingF(func(*ast.Func) *ast.Func {
				// The new f is well-formed: only its caller's check can find the mismatch.
				_, g := funcNamed(mustReadPanic("(program (func f#2 ((n#3 bool)) i64 (block (return 1:i64))))"), "f")
				return g
			}), "argument 1 type: want bool, have i64"},
		{"a callee removed under an unchanged caller", goodANF, ast.LangANF, ast.LangANF,
			func(p *ast.Program) *ast.Program {
				q := sharing(p)
				i, _ := funcNamed(q, "f")
				q.Decls = slices.Delete(q.Decls, i, i+1)
				return q
			}, "reference f#2 is not bound in scope"},
		{"a function's parameter renamed around its unchanged body", goodANF, ast.LangANF, ast.LangANF,
			replacingF(func(f *ast.Func) *ast.Func {
				// Its type is the same, so its callers' checks find nothing.
				g := ast.Clone(f)
				prm := *f.Params[0]
				prm.Name.Name = "m"
				g.Params = []*ast.Param{&prm}
				return g
			}), "reference n#3 names binder 3, which is m"},
		{"the data image shrank under an unchanged function", strings.Replace(goodANF, "(data-addr:i64 0)", "(data-addr:i64 2)", 1), ast.LangANF, ast.LangANF,
			func(p *ast.Program) *ast.Program {
				q := sharing(p)
				q.Data = q.Data[:1]
				return q
			}, "data address 2 outside the 1-byte data image"},
		{"a new declaration takes the ID of an unchanged function's local", goodANF, ast.LangANF, ast.LangANF,
			func(p *ast.Program) *ast.Program {
				q := sharing(p)
				q.Decls = append([]ast.Decl{&ast.Global{Name: ast.Name{Name: "h", ID: 4}, Type: types.TI64, Init: &ast.IntLit{Typed: ast.Typed{T: types.TI64}}}}, q.Decls...)
				return q
			}, "binder ID 4 of t#4 is already used by h#4"},
		{"a global's type changed under an unchanged reader", goodANF, ast.LangANF, ast.LangANF,
			func(p *ast.Program) *ast.Program {
				q := sharing(p)
				for i, d := range q.Decls {
					if g, ok := d.(*ast.Global); ok {
						c := ast.Clone(g)
						c.Type, c.Init = types.TBool, &ast.BoolLit{Typed: ast.Typed{T: types.TBool}}
						q.Decls[i] = c
					}
				}
				return q
			}, "type of g#1: want bool, have i64"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := mustRead(t, c.text)
			got := checkTwice(t, c.l1, p, c.l2, c.change(p))
			if !strings.Contains(got, c.want) {
				t.Errorf("got %s\nwant an error containing %q", got, c.want)
			}
		})
	}
}

// TestIncrementalReusesUnchangedFunctions: a second check of the same program against the same
// language walks no function again, and passes.
func TestIncrementalReusesUnchangedFunctions(t *testing.T) {
	p := mustRead(t, goodANF)
	var state any
	for i := range 2 {
		before := reused.Load()
		if errs := ast.Family.VerifyWith(&state, ast.LangANF, sharing(p), false); len(errs) != 0 {
			t.Fatal(errs)
		}
		if n, want := reused.Load()-before, int64(i*2); n != want {
			t.Errorf("check %d reused %d summaries, want %d", i+1, n, want)
		}
	}
}
