package ast

import (
	"strings"
	"testing"

	"cot/ir/types"
)

const sample = `(program
  (data "hi\n\x00\xff")
  (types
    (struct Node#20 (value i64) (next (ptr Node#20)) (color Color#21) (pair (tuple u8 (slice string))))
    (enum Color#21 i32 (red 0) (green -1))
    (union Shape#22 (circle f64) (empty -) (node (opt Node#20)))
    (error-set FileError#23 NotFound Denied))
  (enum Suit#30 - (Clubs -) (Hearts 5) (Spades (neg 1)))
  (enum Wide#31 u64)
  (global var g#1 i64 5:i64)
  (global var m#32 - (member Suit#30 Hearts))
  (global var h#10 (array 4 (fn (i64 (ptr u8)) (err-union FileError#23 Node#20))) -)
  (global var q#11 (err-union - (opt Shape#22)) n#12:(ptr Node#20))
  (global const k#2 - -)
  (test "raw \\n \"name\"" test#33
    (block
      (assert-eq 1 2)))
  (bench "loop" bench#34
    (block))
  (global var t#13 (err-union E (fn ((tuple Foo i64) (array 3 Bar#14)) (slice Node#20))) -)
  (func fib#3 ((n#4 i64) (b#5 bool)) i64
    (block
      (var x#6 i64 (+:i64 n#4:i64 (neg:i64 1:i64)))
      (const c#7 - -)
      (var q#15 - (int-cast (ptr u8) (char 97)))
      (var r#16 i64 (if-expr:i64 b#5 (block:i64
        (var s#17 i64 2:i64)
        (value (*:i64 s#17:i64 s#17:i64))) (if-expr:i64 false 1:i64 3:i64)))
      (op-assign + x#6 2)
      (switch x#6
        (arm (1 (range 5 9)) (<:bool x#6 7)
          (block
            (return 1)))
        (else
          (block)))
      (var w#18 i64
        (switch-expr:i64 x#6
          (arm (0) - 1)
          (arm (2 3) -
            (block:i64
              (var z#19 i64 1)
              (value z#19)))
          (else 5)))
      (assign x#6 (if-expr:i64 (and:bool b#5 (not b#5)) 1 (call:i64 fib#3 x#6 true)))
      (if (<:bool x#6 2)
        (block
          (return x#6))
        (if false
          (block)
          (block
            (expr (call-runtime write 1 (str-addr "a\"b") (data-addr 3))))))
      (outer#8: while outer#8 true
        (block
          (break outer#8)))
      (while-step _#9 (or b#5 false)
        (assign x#6 1)
        (block
          (continue _#9)))
      (for-range _ i (str "s") 10
        (block
          (print 1 (str "a"))
          (println 2 (bnot 1) 2)))
      (return))))
`

func TestPrintReadRoundTrip(t *testing.T) {
	// The sample holds a deliberate error (a stray "outer#8:" list) that the reader must reject;
	// the valid text is the sample without it.
	if _, err := Read(sample); err == nil || !strings.Contains(err.Error(), "unknown statement") {
		t.Fatalf("reader accepted a bad statement: %v", err)
	}
	good := strings.Replace(sample, "(outer#8: while", "(while", 1)
	p, err := Read(good)
	if err != nil {
		t.Fatal(err)
	}
	var first strings.Builder
	Fprint(&first, p, "")
	p2, err := Read(first.String())
	if err != nil {
		t.Fatalf("reading printed text: %v\n%s", err, first.String())
	}
	var second strings.Builder
	Fprint(&second, p2, "")
	if first.String() != second.String() {
		t.Fatalf("print(read(print(x))) != print(x):\n%s\n---\n%s", first.String(), second.String())
	}
	if first.String() != good {
		t.Fatalf("printed form differs from the input:\n%s", first.String())
	}
	for _, d := range p.Decls {
		g, ok := d.(*Global)
		switch {
		case !ok:
		case g.Name.Name == "t" && (g.TypeX == nil || g.Type != nil):
			t.Errorf("t's type names undeclared types: it reads as a type expression")
		case g.Name.Name == "h" && (g.TypeX != nil || g.Type == nil):
			t.Errorf("h's type names only declared types: it reads as a type")
		}
	}
	if string(p.Data) != "hi\n\x00\xff" {
		t.Fatalf("data = %q", p.Data)
	}
}

func TestPrintFunctionFilter(t *testing.T) {
	p := &Program{Decls: []Decl{
		&Func{Name: Name{"a", 1}, Result: types.TVoid, Body: &Block{}},
		&Func{Name: Name{"b", 2}, Result: types.TI64, Body: &Block{Stmts: []Stmt{&Return{Value: &IntLit{Typed: Typed{types.TI64}, Value: 7}}}}},
	}}
	var sb strings.Builder
	Fprint(&sb, p, "b")
	want := "(program\n  (func b#2 () i64\n    (block\n      (return 7:i64))))\n"
	if sb.String() != want {
		t.Fatalf("got\n%s", sb.String())
	}
}

func TestRewriteDoesNotMutate(t *testing.T) {
	p, err := Read(`(program (func f#1 () i64 (block (return (+ 1 2)))))`)
	if err != nil {
		t.Fatal(err)
	}
	r := &Rewriter{Expr: func(r *Rewriter, e Expr) Expr {
		if lit, ok := e.(*IntLit); ok {
			return &IntLit{Value: lit.Value * 10}
		}
		return r.DefaultExpr(e)
	}}
	out := r.Program(p)
	var a, b strings.Builder
	Fprint(&a, p, "")
	Fprint(&b, out, "")
	if !strings.Contains(a.String(), "(+ 1 2)") || !strings.Contains(b.String(), "(+ 10 20)") {
		t.Fatalf("input:\n%s\noutput:\n%s", a.String(), b.String())
	}
	if MaxID(out) != 1 || NewIDs(out).Next() != 2 {
		t.Fatal("fresh ids")
	}
}

func TestReadErrors(t *testing.T) {
	for _, bad := range []string{
		"", "(program", "(program (func))", "(program (func f () (zz i64) (block)))", "(program (func f () (ptr -) (block)))",
		`(program (func f () i64 (block (return (+ 1)))))`, `(program (global let x - -))`,
		`(program (types (struct A#1 (x B#2))))`, `(program (types (struct A#1) (enum A#1 i32)))`,
		`(program (types (enum E#1 bool (a 0))))`, `(program (global var x (ptr -) -))`,
		`(program (global var x (array -1 i64) -))`, `(program (global var x#1 i64 y#2:(zz i64)))`,
	} {
		if _, err := Read(bad); err == nil {
			t.Errorf("Read(%q) accepted", bad)
		}
	}
}

func TestLangDeltas(t *testing.T) {
	if !LangSrc.Allows("for-range") || LangNoForIn.Allows("for-range") || !LangANF.Allows("while-step") {
		t.Fatal("for-range delta")
	}
	if LangANF.Allows("if-expr") || !LangANF.Has(InvArgsTrivial) || !LangANF.Has(InvTyped) || LangSrc.Has(InvResolved) {
		t.Fatal("anf delta")
	}
	seen := map[string]bool{}
	for _, l := range Langs {
		if seen[l.Name] {
			t.Fatalf("duplicate language %s", l.Name)
		}
		seen[l.Name] = true
	}
}
