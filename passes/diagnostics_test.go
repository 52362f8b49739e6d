package passes

import (
	"errors"
	"strings"
	"testing"

	"cot/ir/src"
)

func TestDiagnostics(t *testing.T) {
	cases := []struct{ src, want string }{
		{"fn main() i64 { return x }", "main.cot:1:24: error[E0301]: undefined identifier `x`"},
		{"fn main() i64 { return f(1) }", "error[E0301]: undefined identifier `f`"},
		{"fn main() i64 { var a = 1\n var a = 2\n return a }", "main.cot:2:6: error[E0302]: redefined identifier `a`"},
		{"fn f() void {}\nfn f() void {}\nfn main() void {}", "main.cot:2:4: error[E0302]: redefined identifier `f`"},
		{"fn main() i64 { return true }", "error[E0300]: type mismatch: returned value: expected i64, found bool"},
		{"fn main() i64 { var b = 1 + true\n return 0 }", "error[E0300]: type mismatch: `+` on i64 and bool"},
		{"fn main() i64 { if (1) { return 1 }\n return 0 }", "error[E0300]: type mismatch: condition must be bool: expected bool, found i64"},
		{"fn f(a: i64) i64 { return a }\nfn main() i64 { return f(1, 2) }", "error[E0300]: wrong number of arguments: `f` takes 1, got 2"},
		{"fn main() i64 { println(1, 2)\n return 0 }", "error[E0300]: wrong number of arguments: `println` takes 1, got 2"},
		{"fn main() i64 { break\n return 0 }", "main.cot:1:17: error[E0304]: break outside of loop"},
		{"const A = { return }\nfn main() i64 { return 0 }", "main.cot:1:13: error[E0304]: return outside of function: a global's initializer is not a function body"},
		{"fn main() i64 { while (true) { continue :nope }\n return 0 }", "error[E0307]: unknown label `nope`"},
		{"fn f(a: i64) i64 { if (a > 0) { return 1 } }\nfn main() i64 { return 0 }", "main.cot:1:1: error[E0305]: missing return in function `f`"},
		{"fn main() i64 { return 9223372036854775808 }", "error[E0306]: integer literal out of range"},
		{"fn main() i64 { return 0xFFFFFFFFFFFFFFFFF }", "error[E0306]: integer literal out of range"},
		{"fn main() i64 { const c = 1\n c = 2\n return c }", "main.cot:2:2: error[E0300]: cannot assign to constant `c`"},
		{"fn f(a: i64) void { a = 2 }\nfn main() void {}", "cannot assign to constant `a` (a param)"},
		{"fn main() i64 { var f = 1.5 % 2.0\n return 0 }", "error[E0300]: type mismatch: `%` on f64: remainder is defined on integers only"},
		{"fn main() i64 { var n = 2\n var s: f32 = 1.5 * n\n return 0 }", "main.cot:2:19: error[E0300]: type mismatch: `*` on f64 and i64: convert the integer with `@intCast(f64, n)`"},
		{"struct P { x: i64 }\nfn main() void { var p = P { .y = 1 } }", "main.cot:2:31: error[E0301]: undefined identifier `P.y`"},
		{"struct P { x: i64, n: P }\nfn main() void {}", "main.cot:1:1: error[E0300]: type mismatch: struct `P` contains itself"},
		{"fn main() i64 { var s: *u8 = 1\n return 0 }", "error[E0300]: type mismatch: initializer of `s`: expected *u8, found i64"},
		{"fn main() i64 { var s: Point = 1\n return 0 }", "error[E0301]: undefined identifier `Point`"},
		{"struct P { x: i64 }\nfn main() i64 { var p = P { .x = 1 }\n var s = \"n=${p}\"\n return 0 }", "main.cot:3:15: error[E0300]: type mismatch: `${}` in an interpolation cannot format a value of type P"},
		{"fn f() !i64 { return 1 }\nfn main() void { var x = try f() }", "main.cot:2:26: error[E0300]: try in non-error-returning function `main` (it returns void; use catch)"},
		{"fn main() void { var x = 5 catch 1 }", "main.cot:1:28: error[E0300]: type mismatch: `catch` wants an error union, found i64"},
		{"fn helper() void {}", "error[E0301]: undefined identifier `main`"},
		{"fn main(a: i64) void {}", "error[E0300]: type mismatch: `main` must take no parameters"},
		{"fn main() i64 { return", "main.cot:1:"},
		{"var x = f()\nfn f() i64 { return x + 1 }\nfn main() void {}", "main.cot:1:1: error[E0308]: initialization cycle: x -> x"},
		{"var p = q + 1\nvar q = r\nvar r: i64 = p\nfn main() void {}", "error[E0308]: initialization cycle"},
	}
	for _, c := range cases {
		_, err := compile(t, c.src)
		var ue *src.UserError
		if !errors.As(err, &ue) {
			t.Errorf("%q: want a user error, got %v", c.src, err)
			continue
		}
		if got := ue.Error(); !strings.Contains(got, c.want) {
			t.Errorf("%q:\nwant %q in\n%s", c.src, c.want, got)
		}
	}
}

// Programs outside the slice must end in diagnostics, never in an internal error.
func TestUnsupportedNeverPanics(t *testing.T) {
	programs := []string{
		`import "std/nosuch"` + "\nfn main() void {}",
		"fn main() void { var p = new Node { v: 1 } }",
		"fn main() void { var a = 5\n for x in a { println(x) } }",
		"fn main() void { var x = switch 1 { 1 |v| => v, else => 3 } }",
		"fn main() void { var x = @net_listen(1) }",
		"fn main() void { var o: ?i64 = null\n var y = o?.x }",
		"fn main() void { var s = \"a ${main} b\" }",
		"fn g(T)(x: T) T { return x }\nfn main() void { var y = g(1) }",
		"fn main() void { var x = if (true) { 1 } }",
		"fn main() void { var t = (1, 2) == (1, 2) }",
		"fn main() void { defer { return } }",
		"fn main() void { try 5 }",
		"fn main() void { var x = 1\n x.y = 2 }",
		"fn main() void { print(print(1)) }",
		"fn main() void { var f = 1\n f(2) }",
		"fn main() void { main = 1 }",
	}
	for _, p := range programs {
		_, err := compile(t, p)
		var ue *src.UserError
		if !errors.As(err, &ue) {
			t.Errorf("%q: want diagnostics, got %v", p, err)
		}
	}
}
