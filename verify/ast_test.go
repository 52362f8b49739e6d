package verify

import (
	"strings"
	"testing"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

// A well-formed ANF program: every language from typed on accepts it.
const goodANF = `(program
  (data "hi")
  (global var g#1 i64 5:i64)
  (func f#2 ((n#3 i64)) i64
    (block
      (var t#4 i64 (+:i64 n#3:i64 g#1:i64))
      (var c#5 bool (<:bool t#4:i64 10:i64))
      (while-step _#6 c#5:bool
        (assign t#4:i64 (-:i64 t#4:i64 1:i64))
        (block
          (if c#5:bool
            (block
              (break _#6)))
          (continue _#6)))
      (expr (host:i64 fd_close (data-addr:i64 0)))
      (return t#4:i64)))
  (func __start#7 () void (export "_start")
    (block
      (var r#8 i64 (call:i64 f#2:(fn (i64) i64) 1:i64))
      (exit r#8:i64))))
`

func mustRead(t *testing.T, text string) *ast.Program {
	t.Helper()
	p, err := ast.Read(text)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestASTAcceptsGoodProgram(t *testing.T) {
	p := mustRead(t, goodANF)
	for _, l := range []*pipeline.Lang{ast.LangANF, ast.LangDataLaidOut} {
		if errs := AST(l, p); len(errs) != 0 {
			t.Errorf("%s: %v", l.Name, errs)
		}
	}
	if errs := ast.Family.Verify(ast.LangANF, p); len(errs) != 0 {
		t.Errorf("family verify: %v", errs)
	}
}

func TestASTNegatives(t *testing.T) {
	cases := []struct {
		name string
		lang *pipeline.Lang
		edit func(string) string
		want string
	}{
		{"kind not in language", ast.LangANF,
			func(s string) string {
				return strings.Replace(s, "(var c#5 bool (<:bool t#4:i64 10:i64))", "(var c#5 bool (and:bool true:bool false:bool))", 1)
			},
			"node kind and is not part of language anf"},
		{"duplicate binder", ast.LangANF,
			func(s string) string { return strings.Replace(s, "(var c#5 bool", "(var c#4 bool", 1) },
			"binder ID 4 of c#4 is already used by t#4"},
		{"unresolved reference", ast.LangANF,
			func(s string) string { return strings.Replace(s, "(return t#4:i64)", "(return u#99:i64)", 1) },
			"reference u#99 is not bound in scope"},
		{"reference before declaration", ast.LangANF,
			func(s string) string {
				return strings.Replace(s, "(var t#4 i64 (+:i64 n#3:i64 g#1:i64))", "(var t#4 i64 (+:i64 c#5:i64 g#1:i64))", 1)
			},
			"reference c#5 is not bound in scope"},
		{"missing type", ast.LangANF,
			func(s string) string { return strings.Replace(s, "(return t#4:i64)", "(return t#4)", 1) },
			"expression without a type"},
		{"inconsistent type", ast.LangANF,
			func(s string) string { return strings.Replace(s, "(var c#5 bool (<:bool", "(var c#5 bool (<:i64", 1) },
			"result type: want bool, have i64"},
		{"wrong call arity", ast.LangANF,
			func(s string) string {
				return strings.Replace(s, "(call:i64 f#2:(fn (i64) i64) 1:i64)", "(call:i64 f#2:(fn (i64) i64))", 1)
			},
			"call with 0 arguments, want 1"},
		{"break outside its loop", ast.LangANF,
			func(s string) string { return strings.Replace(s, "(continue _#6)", "(continue _#77)", 1) },
			"_#77 names no enclosing loop"},
		{"args-trivial", ast.LangANF,
			func(s string) string {
				return strings.Replace(s, "(var t#4 i64 (+:i64 n#3:i64 g#1:i64))", "(var t#4 i64 (+:i64 (+:i64 n#3:i64 1:i64) g#1:i64))", 1)
			},
			"args-trivial: operand binary is not an atom"},
		{"no entry", ast.LangANF,
			func(s string) string { return strings.Replace(s, ` (export "_start")`, "", 1) },
			"want exactly one function exported as _start, have 0"},
		{"assignment to a parameter", ast.LangANF,
			func(s string) string {
				return strings.Replace(s, "(assign t#4:i64 (-:i64", "(assign n#3:i64 (-:i64", 1)
			},
			"assignment to param n#3"},
		{"literal out of range", ast.LangANF,
			func(s string) string { return strings.Replace(s, "10:i64", "9223372036854775808:i64", 1) },
			"does not fit i64"},
		{"data address outside the image", ast.LangANF,
			func(s string) string { return strings.Replace(s, "(data-addr:i64 0)", "(data-addr:i64 3)", 1) },
			"data address 3 outside the 2-byte data image"},
		{"non-constant global", ast.LangANF,
			func(s string) string {
				return strings.Replace(s, "(global var g#1 i64 5:i64)", "(global var g#1 i64 (+:i64 5:i64 1:i64))", 1)
			},
			"globals-constant: initializer is not a constant"},
		{"init-global outside the entry", ast.LangANF,
			func(s string) string {
				return strings.Replace(s, "(return t#4:i64)", "(init-global g#1 1:i64) (return t#4:i64)", 1)
			},
			"init-global outside the entry function"},
		{"init-global of a local", ast.LangANF,
			func(s string) string {
				return strings.Replace(s, "(var r#8 i64 (call:i64 f#2:(fn (i64) i64) 1:i64))", "(var r#8 i64 (call:i64 f#2:(fn (i64) i64) 1:i64)) (init-global r#8 1:i64)", 1)
			},
			"init-global of r#8, which is not a global"},
		{"untyped callee", ast.LangANF,
			func(s string) string { return strings.Replace(s, "f#2:(fn (i64) i64)", "f#2", 1) },
			"expression without a type"},
		{"callee of another type", ast.LangANF,
			func(s string) string { return strings.Replace(s, "f#2:(fn (i64) i64)", "f#2:(fn (i64) bool)", 1) },
			"callee type: want fn(i64) i64, have fn(i64) bool"},
		{"conversion to the same type", ast.LangANF,
			func(s string) string {
				return strings.Replace(s, "(return t#4:i64)", "(return (convert:i64 t#4:i64))", 1)
			},
			"conversion from i64 to i64"},
		{"narrow literal out of range", ast.LangANF,
			func(s string) string {
				return strings.Replace(s, "(return t#4:i64)", "(var z#30 u8 256:u8) (return t#4:i64)", 1)
			},
			"integer literal 256 does not fit u8"},
		{"type expression after check-types", ast.LangTyped,
			func(s string) string { return strings.Replace(s, "(var c#5 bool", "(var c#5 (ptr Foo)", 1) },
			"node kind type-ptr is not part of language typed"},
		{"return type", ast.LangANF,
			func(s string) string { return strings.Replace(s, "(return t#4:i64)", "(return c#5:bool)", 1) },
			"returned value type: want i64, have bool"},
	}
	for _, c := range cases {
		p := mustRead(t, c.edit(goodANF))
		errs := AST(c.lang, p)
		var all []string
		for _, e := range errs {
			all = append(all, e.Error())
		}
		if !strings.Contains(strings.Join(all, "\n"), c.want) {
			t.Errorf("%s: want an error containing %q, have:\n%s", c.name, c.want, strings.Join(all, "\n"))
		}
	}
}

func TestASTUnresolvedLanguageSkipsNameChecks(t *testing.T) {
	p := mustRead(t, `(program (func main () i64 (block (return (+ x 1)))))`)
	if errs := AST(ast.LangSrc, p); len(errs) != 0 {
		t.Fatalf("src language: %v", errs)
	}
	if errs := AST(ast.LangResolved, p); len(errs) == 0 {
		t.Fatal("resolved language accepted unresolved names")
	}
}

func TestASTElseMustBeBlockOrIf(t *testing.T) {
	p := &ast.Program{Decls: []ast.Decl{&ast.Func{Name: ast.Name{Name: "f", ID: 1}, Result: types.TVoid, Body: &ast.Block{Stmts: []ast.Stmt{
		&ast.If{Cond: &ast.BoolLit{Value: true}, Then: &ast.Block{}, Else: &ast.Return{}},
	}}}}}
	errs := AST(ast.LangSrc, p)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "else branch is a return") {
		t.Fatalf("got %v", errs)
	}
}

func TestASTRejectsAnInvariantWithoutAChecker(t *testing.T) {
	lang := &pipeline.Lang{Name: "odd", Family: ast.Family, Base: ast.LangANF, Invariants: []string{"no-such-thing"}}
	errs := AST(lang, mustRead(t, goodANF))
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), `declares invariant "no-such-thing", which no checker checks`) {
		t.Fatalf("got %v", errs)
	}
}
