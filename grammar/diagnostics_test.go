package grammar

import (
	"errors"
	"strings"
	"testing"

	"cot/ir/src"
)

func TestDiagnostics(t *testing.T) {
	tests := []struct{ src, want string }{
		// E0100 syntax errors
		{"fn main() { var x = }", "1:21: error[E0100]: expected expression, found `}`"},
		{"fn main() { x = (1 + 2 }", "1:24: error[E0100]: expected `,` or `)`, found `}`"},
		{"fn main() i64 { return 0 };", "1:27: error[E0100]: expected declaration, found `;`"},
		{"42", "1:1: error[E0100]: expected declaration, found number `42`"},
		{"enum E { A B }", "1:12: error[E0100]: expected `,` or `}`, found identifier `B`"},
		{"fn main() { var p = P { .x = 1 .y = 2 } }", "1:35: error[E0100]: expected `,` or `}`, found `=`"},
		{"fn main() { return ) }", "1:20: error[E0100]: expected `}`, found `)`"},
		{"fn main() {", "1:12: error[E0100]: expected `}`, found end of file"},
		{"fn main() {\n  if x { }\n}", "2:6: error[E0100]: expected `(`, found identifier `x`"},
		{"struct S { x: i64 y: i64 }", "1:19: error[E0100]: expected `,` or `}`, found identifier `y`"},
		{"fn f(a i64) {}", "1:8: error[E0100]: expected `:`, found `i64`"},
		{"extern fn f() i64", "1:18: error[E0100]: expected `;`, found end of file"},
		{"test name {}", "1:6: error[E0100]: expected string literal, found identifier `name`"},
		{"fn main() { for i 0..n {} }", "1:19: error[E0100]: expected `in`, found number `0`"},
		{"fn main() { while (x) y }", "1:23: error[E0100]: expected `{`, found identifier `y`"},
		{"fn () {}", "1:4: error[E0100]: expected identifier, found `(`"},
		{"fn main() { switch a.b { } }", "1:21: error[E0100]: expected `{`, found `.` (a switch subject"},
		{"fn main() { var p = P { .x: 1 } }", "1:25: error[E0100]: expected `=` after `.x` in struct literal"},
		{"fn main() { var x = \"a ${ }\" }", "1:27: error[E0100]: expected expression, found `}`"},
		{"fn main() { var s = a?.b?.; }", "1:27: error[E0100]: expected identifier, found `;`"},
		// An empty file declares nothing (decisions.md); a byte-order mark is skipped.
		{"", "1:1: error[E0100]: expected declaration, found end of file"},
		{"// just a comment\n\n", "3:1: error[E0100]: expected declaration, found end of file"},
		{"@safe\n", "2:1: error[E0100]: expected declaration, found end of file"},
		{"\xEF\xBB\xBF", "1:4: error[E0100]: expected declaration, found end of file"},
		{"\xEF\xBB\xBF42", "1:4: error[E0100]: expected declaration, found number `42`"},
		{"fn main() {}\n\xEF\xBB\xBF", "2:1: error[E0104]: unexpected character 0xEF"},
		// E0101–E0107 lexical errors
		{"fn main() { var s = \"abc\n }", "1:21: error[E0101]: unterminated string literal: missing closing `\"`"},
		{"fn main() { var s = \"a ${ f(\"b\") ", "1:34: error[E0101]: unterminated string interpolation"},
		{"fn main() { var c = '' }", "1:21: error[E0102]: empty character literal"},
		{"fn main() { var c = 'ab' }", "1:21: error[E0102]: character literal must hold exactly one byte"},
		{"fn main() { var n = 0x }", "1:21: error[E0103]: invalid number literal: no digits after `0x`"},
		{"fn main() { var n = 0b102 }", "1:21: error[E0103]: invalid number literal `0b102`"},
		{"fn main() { var n = 1e+ }", "1:21: error[E0103]: invalid number literal: exponent has no digits"},
		{"fn main() { var x = 1 # 2 }", "1:23: error[E0104]: unexpected character `#`"},
		{"\x00\x01", "1:1: error[E0104]: unexpected character 0x00"},
		{"fn main() { x = \xc3\xa9 }", "1:17: error[E0104]: unexpected character 0xC3"},
		{"/* abc", "1:1: error[E0105]: unterminated block comment: missing `*/`"},
		{`fn main() { var s = "\x4" }`, "1:22: error[E0106]: invalid escape"},
		{"fn main() { @nope() }", "1:13: error[E0107]: unknown builtin `@nope`"},
		{"fn main() { @safe }", "1:13: error[E0107]: unknown builtin `@safe`"},
		// E0108 nesting
		{"fn main() { x = " + strings.Repeat("(", 300) + "1" + strings.Repeat(")", 300) + " }", "1:272: error[E0108]: nesting too deep"},
		// E0109 rejected type syntax (decisions #4)
		{"fn main() { var x: [i64] = y }", "1:20: error[E0109]: `[T]` list type syntax is not supported; use `List(T)` from std/list"},
		{"var m: [i64]bool", "1:8: error[E0109]: `[K]V` map type syntax is not supported; use `Map(K, V)` from std/map"},
		{"var m: Map<i64, i64>", "1:8: error[E0109]: `Map<K, V>` type syntax is not supported; use `Map(K, V)` from std/map"},
		{"fn f(l: List<u8>) {}", "1:9: error[E0109]: `List<T>` type syntax is not supported; use `List(T)` from std/list"},
		// E0110 misplaced declarations
		{"let x = 1", "1:1: error[E0110]: `let` is only allowed inside function bodies"},
		{"fn main() { const E = error { A } }", "1:23: error[E0110]: an error set can only be declared by a top-level `const`"},
	}
	for _, tt := range tests {
		_, err := Parse("t.cot", []byte(tt.src))
		var ue *src.UserError
		if !errors.As(err, &ue) {
			t.Errorf("%q: want a *src.UserError, got %v", tt.src, err)
			continue
		}
		if got := ue.Error(); !strings.HasPrefix(got, "t.cot:"+tt.want) {
			t.Errorf("%q\n got %s\nwant t.cot:%s", tt.src, got, tt.want)
		}
	}
}

// The whole diagnostic: position, code, message, source line and caret.
func TestDiagnosticFormat(t *testing.T) {
	_, err := Parse("main.cot", []byte("fn main() i64 {\n\tvar x = (1 + 2\n\treturn x\n}\n"))
	want := "main.cot:3:2: error[E0100]: expected `,` or `)`, found keyword `return`\n" +
		"    \treturn x\n" +
		"    \t^\n"
	if err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}
}

// A UTF-8 byte-order mark at the start of a file is skipped; offsets keep counting its bytes.
func TestByteOrderMark(t *testing.T) {
	f, err := Parse("bom.cot", []byte("\xEF\xBB\xBFfn main() i64 { return 0 }\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Decls[0].Pos.Offset; got != 3 {
		t.Errorf("first declaration at offset %d, want 3", got)
	}
}
