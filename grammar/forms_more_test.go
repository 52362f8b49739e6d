package grammar

import (
	"fmt"
	"testing"

	"github.com/alecthomas/participle/v2/lexer"
)

func TestSafeMode(t *testing.T) {
	f, err := Parse("s.cot", []byte(`@safe
struct Point { x: i64, y: i64 }
fn get() Point { return Point { x: 1, y } }
fn sum(N: i64) i64 {
    var total = 0
    for i in 0..N { total }
    var p = Point { x, y: 9 }
    switch N { A, B => 1, else => 2 }
    return total
}`))
	if err != nil {
		t.Fatal(err)
	}
	if !f.Safe {
		t.Errorf("@safe header not recorded")
	}
	ret := f.Decls[1].Fn.Body.Stmts[0].Return.Value
	if got := ExprString(ret); got != "Point{ x : 1, y }" {
		t.Errorf("colon literal: %s", got)
	}
	body := f.Decls[2].Fn.Body.Stmts
	if got := stmtString(body[1]); got != "for i in 0..N { total }" {
		t.Errorf("for body must stay a block: %s", got)
	}
	if got := stmtString(body[2]); got != "var p = Point{ x, y : 9 }" {
		t.Errorf("shorthand literal: %s", got)
	}
	// Without @safe, `Point { x }` is not a literal: the block after `for ... in N` stays a block.
	if _, err := Parse("n.cot", []byte("fn f() { for i in 0..N { total } }")); err != nil {
		t.Errorf("standard mode: %v", err)
	}
}

func TestSpans(t *testing.T) {
	f, err := Parse("t.cot", []byte("fn main() {\n  var x = a + b\n\n}\n"))
	if err != nil {
		t.Fatal(err)
	}
	v := f.Decls[0].Fn.Body.Stmts[0].Var
	span := func(p, e lexer.Position) string {
		return fmt.Sprintf("%d:%d-%d:%d", p.Line, p.Column, e.Line, e.Column)
	}
	if got := span(v.Pos, v.EndPos); got != "2:3-2:16" {
		t.Errorf("var span %s, want 2:3-2:16", got)
	}
	if got := span(v.Value.Pos, v.Value.EndPos); got != "2:11-2:16" {
		t.Errorf("expr span %s, want 2:11-2:16", got)
	}
	if got := span(f.Pos, f.EndPos); got != "1:1-4:2" {
		t.Errorf("file span %s, want 1:1-4:2", got)
	}
}

func TestNegativePatternsAndTestNames(t *testing.T) {
	e := parseExpr(t, "switch x { -1 => 0, -5..-2 => 1, 3 => 2 }")
	arms := SimplePrimary(e).Switch.Arms
	if !arms[0].Patterns[0].Neg || !arms[1].Patterns[0].Neg || !arms[1].Patterns[0].EndNeg || arms[2].Patterns[0].Neg {
		t.Errorf("negative patterns not recorded")
	}
	f, err := Parse("t.cot", []byte(`test "a\tb" {}`))
	if err != nil || f.Decls[0].Test.DisplayName() != `a\tb` {
		t.Errorf("DisplayName: %v", err)
	}
}

// Comments (§1.2): `//` to end of line; `/* */` does not nest (the first `*/` closes it).
func TestComments(t *testing.T) {
	stmts := parseBody(t, "/* a /* b */ x() // y()\n/**/z()")
	if len(stmts) != 2 || ExprString(stmts[0].Simple.Target) != "x()" || ExprString(stmts[1].Simple.Target) != "z()" {
		t.Errorf("comments: got %d statements", len(stmts))
	}
	if _, err := Parse("c.cot", []byte("/* a /* b */ c */")); err == nil {
		t.Errorf("a nested `*/` must not be swallowed by the first comment")
	}
}
