package grammar

import (
	"fmt"
	"strings"
	"testing"
)

// stmtString renders a statement compactly so tests can state which form was parsed.
func stmtString(s *Stmt) string {
	switch {
	case s.Var != nil:
		return varString(s.Var)
	case s.Return != nil:
		if s.Return.Value == nil {
			return "return"
		}
		return "return " + ExprString(s.Return.Value)
	case s.Break != nil, s.Continue != nil:
		j := s.Break
		if j == nil {
			j = s.Continue
		}
		if j.Label != "" {
			return j.Kind + " :" + j.Label
		}
		return j.Kind
	case s.Defer != nil:
		if s.Defer.Block != nil {
			return s.Defer.Kind + " " + blockString(s.Defer.Block)
		}
		return s.Defer.Kind + " " + simpleString(s.Defer.Simple)
	case s.If != nil:
		out := "if (" + ExprString(s.If.Cond) + ")" + capture(s.If.Capture) + " " + stmtString(s.If.Then)
		for _, e := range s.If.ElseIfs {
			out += " else if (" + ExprString(e.Cond) + ")" + capture(e.Capture) + " " + stmtString(e.Then)
		}
		if s.If.Else != nil {
			out += " else " + stmtString(s.If.Else)
		}
		return out
	case s.While != nil:
		return label(s.While.Label) + "while (" + ExprString(s.While.Cond) + ") " + blockString(s.While.Body)
	case s.For != nil:
		names := s.For.First
		if s.For.Second != "" {
			names += ", " + s.For.Second
		}
		iter := ExprString(s.For.Iter)
		if s.For.End != nil {
			iter += ".." + ExprString(s.For.End)
		}
		return label(s.For.Label) + "for " + names + " in " + iter + " " + blockString(s.For.Body)
	case s.Block != nil:
		return blockString(s.Block)
	case s.Simple != nil:
		return simpleString(s.Simple)
	}
	return "?"
}

func capture(c string) string {
	if c == "" {
		return ""
	}
	return " |" + c + "|"
}

func label(l string) string {
	if l == "" {
		return ""
	}
	return l + ": "
}

func simpleString(s *SimpleStmt) string {
	if s.Op == "" {
		return ExprString(s.Target)
	}
	return ExprString(s.Target) + " " + s.Op + " " + ExprString(s.Value)
}

func blockString(b *Block) string {
	parts := make([]string, len(b.Stmts))
	for i, s := range b.Stmts {
		parts[i] = stmtString(s)
	}
	return "{ " + strings.Join(parts, "; ") + " }"
}

func varString(v *VarDecl) string {
	out := v.Kind + " " + v.Name
	if v.Type != nil {
		out += ": " + TypeString(v.Type)
	}
	if v.ErrorSet != nil {
		out += " = error{" + strings.Join(v.ErrorSet.Names, ",") + "}"
	}
	if v.Value != nil {
		out += " = " + ExprString(v.Value)
	}
	return out
}

func TestStatementForms(t *testing.T) {
	tests := []struct{ src, want string }{
		{"var x = 1", "var x = 1"},
		{"var x: i64 = 1;", "var x: i64 = 1"},
		{"let name = \"cot\"", `let name = "cot"`},
		{"const c: ?*u8 = null", "const c: ?*u8 = null"},
		{"var buf: [4]i64 = undefined", "var buf: [4]i64 = undefined"},
		{"var l: List(i64) = .{}", "var l: List(i64) = .{}"},
		{"var e: E!Pair(i64, []u8)", "var e: E!Pair(i64, []u8)"},
		{"var f: fn(i64, *T) -> (i64, bool)", "var f: fn(i64, *T) -> (i64, bool)"},
		{"var u: !void", "var u: !void"},
		{"x = 1", "x = 1"},
		{"a.b[i] += 2;", "a.b[i] += 2"},
		{"p.* -= 1", "p.* -= 1"},
		{"x *= 2 x /= 2 x %= 2 x &= 1 x |= 1 x ^= 1", "x *= 2 | x /= 2 | x %= 2 | x &= 1 | x |= 1 | x ^= 1"},
		{"f(x);", "f(x)"},
		{"return", "return"},
		{"return;", "return"},
		{"return a + 1;", "return (a + 1)"},
		{"break", "break"},
		{"break :outer;", "break :outer"},
		{"continue :outer", "continue :outer"},
		{"continue;", "continue"},
		{"defer close(fd)", "defer close(fd)"},
		{"defer n = n + 1;", "defer n = (n + 1)"},
		{"errdefer { log(1) }", "errdefer { log(1) }"},
		{"if (a) x = 1", "if (a) x = 1"},
		{"if (n < 0) return 0", "if ((n < 0)) return 0"},
		{"if (a) { } else if (b) { } else if (c) |v| { } else { }", "if (a) {  } else if (b) {  } else if (c) |v| {  } else {  }"},
		{"if (a) if (b) x() else y()", "if (a) if (b) x() else y()"},
		{"if (o) |v| { use(v) }", "if (o) |v| { use(v) }"},
		{"while (i < n) { i += 1 }", "while ((i < n)) { i += 1 }"},
		{"outer: while (true) { break :outer }", "outer: while (true) { break :outer }"},
		{"for i in 0..n { }", "for i in 0..n {  }"},
		{"for x in arr { s += x }", "for x in arr { s += x }"},
		{"for i, x in arr { }", "for i, x in arr {  }"},
		{"outer: for k, v in m { continue :outer }", "outer: for k, v in m { continue :outer }"},
		{"{ var y = 1 }", "{ var y = 1 }"},
		{"switch x { 1 => a(), else => b() }", "switch x {...}"},
		{"var v = if (c) { 1 } else { 2 }", "var v = if (c) {...} else {...}"},
		{"const N = comptime { 4 * 1024 }", "const N = comptime {...}"},
		{"var t = fn(v: i64) i64 { return v }", "var t = fn(...) {...}"},
		{"var r = f() catch |e| switch e { error.A => 1, _ => 2 }", "var r = (f() catch |e| switch e {...})"},
	}
	for _, tt := range tests {
		stmts := parseBody(t, tt.src)
		parts := make([]string, len(stmts))
		for i, s := range stmts {
			parts[i] = stmtString(s)
		}
		if got := strings.Join(parts, " | "); got != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestSwitchArms(t *testing.T) {
	e := parseExpr(t, `switch code {
		200 => 1,
		301, 302 => 2
		404 if strict => 4,
		400..499 => 3,
		Shape.Circle |r| => { total = total + r },
		error.Timeout => 5
		_ => 6,
		else => 0,
	}`)
	var got []string
	for _, a := range SimplePrimary(e).Switch.Arms {
		var pats []string
		for _, p := range a.Patterns {
			s := ExprString(&Expr{Left: &OrExpr{Left: &AndExpr{Left: &CmpExpr{Left: &AddExpr{Left: &MulExpr{Left: &UnaryExpr{Operand: p.Value}}}}}}})
			if p.End != nil {
				s += ".." + ExprString(&Expr{Left: &OrExpr{Left: &AndExpr{Left: &CmpExpr{Left: &AddExpr{Left: &MulExpr{Left: &UnaryExpr{Operand: p.End}}}}}}})
			}
			pats = append(pats, s)
		}
		if a.Else {
			pats = []string{"else"}
		}
		arm := strings.Join(pats, ",") + capture(a.Capture)
		if a.Guard != nil {
			arm += " if " + ExprString(a.Guard)
		}
		got = append(got, arm+" => "+ExprString(a.Body))
	}
	want := "200 => 1; 301,302 => 2; 404 if strict => 4; 400..499 => 3; Shape.Circle |r| => {...}; " +
		"error.Timeout => 5; _ => 6; else => 0"
	if g := strings.Join(got, "; "); g != want {
		t.Errorf("switch arms\n got %s\nwant %s", g, want)
	}
}

func declString(d *Decl) string {
	params := func(ps []*Param) string {
		var s []string
		for _, p := range ps {
			x := p.Name + ": " + TypeString(p.Type)
			if p.Default != nil {
				x += " = " + ExprString(p.Default)
			}
			s = append(s, x)
		}
		return "(" + strings.Join(s, ", ") + ")"
	}
	tparams := func(ps []string) string {
		if ps == nil {
			return ""
		}
		return "(" + strings.Join(ps, ", ") + ")"
	}
	switch {
	case d.Import != nil:
		return "import " + d.Import.Path
	case d.Extern != nil:
		return "extern fn " + d.Extern.Name + params(d.Extern.Params) + " " + TypeString(d.Extern.Ret)
	case d.Fn != nil:
		f := d.Fn
		s := "fn " + f.Name + tparams(f.TypeParams) + params(f.Params)
		if f.Async {
			s = "async " + s
		}
		if f.Ret != nil {
			s += " " + TypeString(f.Ret)
		}
		for _, w := range f.Where {
			s += " where " + w.Param + ": " + w.Trait
		}
		return s + " " + blockString(f.Body)
	case d.Var != nil:
		return varString(d.Var)
	case d.Struct != nil:
		var fs []string
		for _, f := range d.Struct.Fields {
			x := f.Name + ": " + TypeString(f.Type)
			if f.Default != nil {
				x += " = " + ExprString(f.Default)
			}
			fs = append(fs, x)
		}
		return "struct " + d.Struct.Name + tparams(d.Struct.TypeParams) + " {" + strings.Join(fs, ", ") + "}"
	case d.Enum != nil:
		var vs []string
		for _, v := range d.Enum.Variants {
			x := v.Name
			if v.Value != nil {
				x += " = " + ExprString(v.Value)
			}
			vs = append(vs, x)
		}
		return "enum " + d.Enum.Name + ": " + TypeString(d.Enum.Backing) + " {" + strings.Join(vs, ", ") + "}"
	case d.Union != nil:
		var vs []string
		for _, v := range d.Union.Variants {
			vs = append(vs, strings.TrimSuffix(v.Name+": "+TypeString(v.Payload), ": "))
		}
		return "union " + d.Union.Name + " {" + strings.Join(vs, ", ") + "}"
	case d.Alias != nil:
		return "type " + d.Alias.Name + " = " + TypeString(d.Alias.Type)
	case d.Impl != nil:
		s := "impl "
		if d.Impl.Trait != "" {
			s += d.Impl.Trait + " for "
		}
		return fmt.Sprintf("%s%s%s {%d methods}", s, d.Impl.Target, tparams(d.Impl.TypeParams), len(d.Impl.Methods))
	case d.Trait != nil:
		var ms []string
		for _, m := range d.Trait.Methods {
			ms = append(ms, m.Name+params(m.Params)+" "+TypeString(m.Ret))
		}
		return "trait " + d.Trait.Name + " {" + strings.Join(ms, "; ") + "}"
	case d.Test != nil:
		return d.Test.Kind + " " + d.Test.Name + " " + blockString(d.Test.Body)
	}
	return "?"
}

func TestDeclarationForms(t *testing.T) {
	tests := []struct{ src, want string }{
		{`import "std/list"`, `import "std/list"`},
		{"extern fn write(fd: i64, p: *u8) i64;", "extern fn write(fd: i64, p: *u8) i64"},
		{"extern fn quit();", "extern fn quit() "},
		{"fn main() i64 { return 0 }", "fn main() i64 { return 0 }"},
		{"fn log(msg: string,) { println(msg) }", "fn log(msg: string) { println(msg) }"},
		{"fn p(a: i64 = 1) {}", "fn p(a: i64 = 1) {  }"},
		{"async fn f(x: i64) i64 { return x }", "async fn f(x: i64) i64 { return x }"},
		{"fn smaller(T)(x: T, y: T) T { }", "fn smaller(T)(x: T, y: T) T {  }"},
		{"fn keyed(T)(x: T) i64 where T: Hashable { }", "fn keyed(T)(x: T) i64 where T: Hashable {  }"},
		{"fn Box_get(T)(self: *Box(T)) T { }", "fn Box_get(T)(self: *Box(T)) T {  }"},
		{"fn parse(s: string) ParseError!i64 { }", "fn parse(s: string) ParseError!i64 {  }"},
		{"fn pair() (i64, i64) { }", "fn pair() (i64, i64) {  }"},
		{"var g: i64 = 0;", "var g: i64 = 0"},
		{"const IoErr = error { Closed, Timeout, Denied }", "const IoErr = error{Closed,Timeout,Denied}"},
		{"struct Vec2 { x: f64, y: f64, }", "struct Vec2 {x: f64, y: f64}"},
		{"struct P(A, B) { first: A, n: i64 = 5 }", "struct P(A, B) {first: A, n: i64 = 5}"},
		{"struct Empty {}", "struct Empty {}"},
		{"enum Suit { Clubs, Diamonds }", "enum Suit:  {Clubs, Diamonds}"},
		{"enum Http: i64 { Ok = 200, Neg = -1, Next }", "enum Http: i64 {Ok = 200, Neg = (-1), Next}"},
		{"union Shape { Circle: f64, Empty }", "union Shape {Circle: f64, Empty}"},
		{"type Meters = i64;", "type Meters = i64"},
		{"type Grid = Matrix(f64)", "type Grid = Matrix(f64)"},
		{"impl Counter { fn get(self: *Counter) i64 { return self.n } }", "impl Counter {1 methods}"},
		{"impl Pair(A, B) { }", "impl Pair(A, B) {0 methods}"},
		{"impl Shape for i64 { fn area(self: *i64) i64 { return self.* } }", "impl Shape for i64 {1 methods}"},
		{"trait Shape { fn area(self: *Self) i64 fn name(self: *Self) string; }", "trait Shape {area(self: *Self) i64; name(self: *Self) string}"},
		{`test "adds two" { @assert_eq(1 + 2, 3) }`, `test "adds two" { @assert_eq((1 + 2), 3) }`},
		{`bench "loop" { }`, `bench "loop" {  }`},
	}
	for _, tt := range tests {
		f, err := Parse("t.cot", []byte(tt.src))
		if err != nil {
			t.Errorf("%s: %v", tt.src, err)
			continue
		}
		if len(f.Decls) != 1 {
			t.Errorf("%s: %d declarations", tt.src, len(f.Decls))
			continue
		}
		if got := declString(f.Decls[0]); got != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}
