package grammar

import (
	"strings"
	"testing"
)

// parseBody parses src as the body of a function and returns its statements.
func parseBody(t *testing.T, src string) []*Stmt {
	t.Helper()
	f, err := Parse("t.cot", []byte("fn __t() {\n"+src+"\n}\n"))
	if err != nil {
		t.Fatalf("parse %q: %v", src, err)
	}
	return f.Decls[0].Fn.Body.Stmts
}

// parseExpr parses src as a single expression statement.
func parseExpr(t *testing.T, src string) *Expr {
	t.Helper()
	stmts := parseBody(t, src)
	if len(stmts) != 1 || stmts[0].Simple == nil || stmts[0].Simple.Op != "" {
		t.Fatalf("%q: want one expression statement, got %d statements", src, len(stmts))
	}
	return stmts[0].Simple.Target
}

func TestPrecedence(t *testing.T) {
	tests := []struct{ src, want string }{
		{"a + b * c", "(a + (b * c))"},
		{"a * b + c", "((a * b) + c)"},
		{"a - b - c", "((a - b) - c)"},
		{"a / b / c", "((a / b) / c)"},
		{"240 | 15 - 200", "((240 | 15) - 200)"},
		{"a ^ b + c", "((a ^ b) + c)"},
		{"a & b + c", "((a & b) + c)"},
		{"a + b & c", "(a + (b & c))"},
		{"a << 2 + 1", "((a << 2) + 1)"},
		{"a >> b % c", "((a >> b) % c)"},
		{"a < b + 1", "(a < (b + 1))"},
		{"a < b < c", "((a < b) < c)"},
		{"a == b and c != d or e", "(((a == b) and (c != d)) or e)"},
		{"a or b and c", "(a or (b and c))"},
		{"a || b && c", "(a || (b && c))"},
		{"a and b || c and d", "((a and b) || (c and d))"},
		{"x ?? y + 1", "(x ?? (y + 1))"},
		{"a ?? b or c", "(a ?? (b or c))"},
		{"a ?? b ?? c", "((a ?? b) ?? c)"},
		{"read() catch 0 - 1", "(read() catch (0 - 1))"},
		{"a catch |e| b ?? c", "((a catch |e| b) ?? c)"},
		{"-a.b", "(-a.b)"},
		{"not x == y", "((not x) == y)"},
		{"!x and y", "((!x) and y)"},
		{"try f() + 1", "((try f()) + 1)"},
		{"await f(x) catch v", "((await f(x)) catch v)"},
		{"try await f(x)", "(try (await f(x)))"},
		{"-x * -y", "((-x) * (-y))"},
		{"~a ^ b", "((~a) ^ b)"},
		{"&a[i]", "(&a[i])"},
		{"&p.x", "(&p.x)"},
		{"(a + b) * c", "((a + b) * c)"},
		{"p.*.x", "p.*.x"},
		{"pp.*.*", "pp.*.*"},
		{"o.? + 1", "(o.? + 1)"},
		{"a?.b.c", "a?.b.c"},
		{"f(a)(b)[c].d", "f(a)(b)[c].d"},
		{"max(i64)(1, 2)", "max(i64)(1, 2)"},
		{"t.0 + t.1", "(t.0 + t.1)"},
		{"t.0.1", "t.0.1"},
		{"s[1:] + s[:2] + s[1:2] + s[:]", "(((s[1:] + s[:2]) + s[1:2]) + s[:])"},
		{"@sizeOf(*T) * 2", "(@sizeOf(*T) * 2)"},
		{"@sizeOf([4]i64)", "@sizeOf([4]i64)"},
		{"@intCast(u8, x + 1)", "@intCast(u8, (x + 1))"},
		{"Point { .x = 1, .y = a + b }.x", "Point{ .x = 1, .y = (a + b) }.x"},
		{"Pair(i64, bool) { .first = 7 }", "Pair(i64, bool){ .first = 7 }"},
		{"new Node { value: 3, next: null }", "new Node{ value : 3, next : null }"},
		{"new List(i64)(16)", "new List(i64)(16)"},
		{`"a ${x + 1} b ${y}"`, `"a ${(x + 1)} b ${y}"`},
		{`"n ${ "in ${a * b}" } ${f({1})}"`, `"n ${"in ${(a * b)}"} ${f({...})}"`},
		{"(1, \"a\")", `(1, "a")`},
		{"[1, 2, 3][0]", "[1, 2, 3][0]"},
		{"error.Closed", "error.Closed"},
		{"Shape.Circle(2.0)", "Shape.Circle(2.0)"},
		{"0x1F + 0o17 + 0b101 + 1_000 + 'a' + 1.5 + 1e9 + 2.5E-3", "(((((((0x1F + 0o17) + 0b101) + 1_000) + 'a') + 1.5) + 1e9) + 2.5E-3)"},
		{"10 + comptime { 5 * 6 }", "(10 + comptime {...})"},
		{"switch (a.b) { else => 0 } + 1", "(switch a.b {...} + 1)"},
	}
	for _, tt := range tests {
		if got := ExprString(parseExpr(t, tt.src)); got != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

// Newlines are insignificant (decisions #1): greedy parsing continues across them.
func TestNewlinesAreInsignificant(t *testing.T) {
	stmts := parseBody(t, "x = a\n(b)")
	if len(stmts) != 1 || stmts[0].Simple.Op != "=" || ExprString(stmts[0].Simple.Value) != "a(b)" {
		t.Errorf("`x = a` newline `(b)` must parse as `x = a(b)`, got %d statements", len(stmts))
	}
	stmts = parseBody(t, "return\nv")
	if len(stmts) != 1 || stmts[0].Return == nil || ExprString(stmts[0].Return.Value) != "v" {
		t.Errorf("`return` newline `v` must return v")
	}
	stmts = parseBody(t, "return\n}\nfn g() {")
	if len(stmts) != 1 || stmts[0].Return.Value != nil {
		t.Errorf("`return` before `}` must be a bare return")
	}
	stmts = parseBody(t, "if (a) { x = 1 }\nelse { x = 2 }\nx = a\n-1")
	if len(stmts) != 2 || stmts[0].If.Else == nil || ExprString(stmts[1].Simple.Value) != "(a - 1)" {
		t.Errorf("`}` newline `else` must continue the if; `a` newline `-1` is a subtraction")
	}
}

func TestStringSegments(t *testing.T) {
	e := parseExpr(t, `"tab\t${n}\x41\$"`)
	s := SimplePrimary(e).String
	if s.Plain != nil || Unquote(*s.Head) != "tab\t" || Unquote(s.Parts[0].Text) != "A$" {
		t.Errorf("segments: head %q tail %q", Unquote(*s.Head), Unquote(s.Parts[0].Text))
	}
	if got := Unquote(`"a\"b\\c\0"`); got != "a\"b\\c\x00" {
		t.Errorf("Unquote = %q", got)
	}
	if CharValue(`'A'`) != 65 || CharValue(`'\n'`) != 10 || CharValue(`'\x41'`) != 65 {
		t.Errorf("CharValue")
	}
	for raw, want := range map[string]uint64{"0x1F": 31, "0o17": 15, "0b101": 5, "1_000": 1000,
		"0xFFFF_FFFF_FFFF_FFFF": 1<<64 - 1} {
		if v, err := IntValue(raw); err != nil || v != want {
			t.Errorf("IntValue(%s) = %d, %v", raw, v, err)
		}
	}
	if _, err := IntValue("18446744073709551616"); err == nil {
		t.Errorf("IntValue must fail beyond 64 bits")
	}
	if v, err := FloatValue("1_0.5e1"); err != nil || v != 105 {
		t.Errorf("FloatValue = %v, %v", v, err)
	}
}

func TestNewExprArgs(t *testing.T) {
	tests := []struct{ src, types, ctor string }{
		{"new Point { x: 1 }", "", "-"},
		{"new Point(1, 2)", "", "1,2"},
		{"new Point(x, y)", "", "x,y"},
		{"new List(i64)(16)", "i64", "16"},
		{"new Pair(i64, Foo) { first: 1 }", "i64,Foo", "-"},
		{"new Box(*T)", "*T", "-"},
		{"new Box()", "", ""},
	}
	for _, tt := range tests {
		n := SimplePrimary(parseExpr(t, tt.src)).New
		var types, ctor []string
		for _, a := range n.TypeArgs() {
			types = append(types, argString(a))
		}
		args, ok := n.CtorArgs()
		for _, a := range args {
			ctor = append(ctor, argString(a))
		}
		gotCtor := strings.Join(ctor, ",")
		if !ok {
			gotCtor = "-"
		}
		if strings.Join(types, ",") != tt.types || gotCtor != tt.ctor {
			t.Errorf("%s: type args %v ctor args %s; want %s / %s", tt.src, types, gotCtor, tt.types, tt.ctor)
		}
	}
}

func argString(a *Arg) string {
	if a.Type != nil {
		return TypeString(a.Type)
	}
	return ExprString(a.Expr)
}

// The canonical text of an expression parses back to itself.
func TestExprStringRoundTrip(t *testing.T) {
	for _, src := range []string{"(1).0", "(1).x", "(2)(3)", "(-a).b", "a.b.c + (d)", `"${(1).0}"`, "(1.5).x", "0 .*", "1. .x", "1 .x"} {
		f, err := Parse("t.cot", []byte("fn __t() {\n"+src+"\n}"))
		if err != nil {
			t.Fatal(err)
		}
		checkExprRoundTrip(t, f)
	}
	if got := ExprString(parseExpr(t, "(1).0 + 1.0")); got != "((1).0 + 1.0)" {
		t.Errorf("(1).0 + 1.0 printed as %s", got)
	}
}
