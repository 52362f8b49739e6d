package grammar

import (
	"errors"
	"math/rand"
	"strings"
	"testing"
	"time"

	"cot/ir/src"
)

// Hostile inputs end in a diagnostic (or a File), never a panic or a stack overflow.
func TestHostileInputs(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	garbage := make([]byte, 1<<16)
	rng.Read(garbage)
	tests := []struct {
		name, src, code string // code "" means the input must parse
	}{
		{"deep parens", "fn f() { x = " + strings.Repeat("(", 20000) + " }", "E0108"},
		{"deep braces", strings.Repeat("{", 20000), "E0108"},
		{"deep interpolation", "fn f() { x = " + strings.Repeat(`"${`, 5000) + "1" + strings.Repeat(`}"`, 5000) + " }", "E0108"},
		{"long pointer type", "var x: " + strings.Repeat("*", 20000) + "i64", "E0108"},
		{"long error union chain", "var x: " + strings.Repeat("A!", 50000) + "i64", "E0108"},
		{"long fn type chain", "var x: " + strings.Repeat("fn() -> ", 20000) + "i64", "E0108"},
		{"nested unbraced ifs", "fn f() { " + strings.Repeat("if (a) ", 20000) + "x() }", "E0108"},
		{"long prefix chain", "fn f() { x = " + strings.Repeat("- ", 20000) + "1 }", "E0108"},
		// Broken nested blocks and ifs: each level must be parsed once, not once per alternative
		// (this input took exponential time before Stmt.Simple refused `{` and `if`).
		{"broken nested blocks", "fn A(){" + strings.Repeat("{", 60) + "0{A 0", "E0100"},
		{"broken nested ifs", "fn A(){" + strings.Repeat("if (a) {", 60) + "0{A 0", "E0100"},
		{"broken nested defers", "fn A(){" + strings.Repeat("defer {", 60) + "0{A 0", "E0100"},
		{"broken nested calls", "fn A(){ x = " + strings.Repeat("f(a, ", 60) + "0{A 0", "E0100"},
		{"broken nested parens", "fn A(){ x = " + strings.Repeat("(", 60) + "0{A 0", "E0100"},
		{"broken nested closures", "fn A(){ x = " + strings.Repeat("fn() { ", 60) + "0{A 0", "E0100"},
		{"broken nested switches", "fn A(){ x = " + strings.Repeat("switch a { 1 => ", 60) + "0{A 0", "E0100"},
		{"broken nested struct literals", "fn A(){ x = " + strings.Repeat("P { .a = ", 60) + "0{A 0", "E0100"},
		{"broken nested arrays", "fn A(){ x = " + strings.Repeat("[", 60) + "0{A 0", "E0100"},
		{"broken nested generic types", "var x: " + strings.Repeat("A(", 60) + "0{A 0", "E0100"},
		{"broken nested new", "fn A(){ x = " + strings.Repeat("new P(", 60) + "0{A 0", "E0100"},
		{"broken nested new fields", "fn A(){ x = " + strings.Repeat("new P { a: ", 60) + "0{A 0", "E0100"},
		{"broken nested new dot fields", "fn A(){ x = " + strings.Repeat("new P(i64) { .a = ", 60) + "0{A 0", "E0100"},
		{"broken nested safe literals", "@safe fn A(){ x = " + strings.Repeat("P { a: ", 60) + "0{A 0", "E0100"},
		{"broken nested if expressions", "fn A(){ x = " + strings.Repeat("if (a) { ", 60) + "0{A 0", "E0100"},
		{"broken nested block expressions", "fn A(){ x = " + strings.Repeat("{ ", 60) + "0{A 0", "E0100"},
		{"broken nested array arguments", "fn A(){ x = " + strings.Repeat("f([", 60) + "0{A 0", "E0100"},
		{"broken nested builtin arrays", "fn A(){ x = " + strings.Repeat("@sizeOf([", 60) + "0{A 0", "E0100"},
		{"broken nested builtins", "fn A(){ x = " + strings.Repeat("@sizeOf(", 60) + "0{A 0", "E0100"},
		{"broken nested tuple types", "var x: " + strings.Repeat("(", 60) + "0{A 0", "E0100"},
		{"broken nested catch blocks", "fn A(){ x = " + strings.Repeat("f() catch { ", 60) + "0{A 0", "E0100"},
		{"broken nested index", "fn A(){ x = " + strings.Repeat("a[", 60) + "0{A 0", "E0100"},
		{"binary garbage", string(garbage), "E0104"},
		{"NUL bytes", "fn f() {\x00}", "E0104"},
		{"long field chain", "fn f() { x = a" + strings.Repeat(".b", 3000) + " }", ""},
		{"long sum", "fn f() { x = 1" + strings.Repeat(" + 1", 3000) + " }", ""},
		{"long else-if chain", "fn f() { if (a) {}" + strings.Repeat(" else if (a) {}", 1000) + " }", ""},
		{"parens just under the limit", "fn f() { x = " + strings.Repeat("(", 250) + "1" + strings.Repeat(")", 250) + " }", ""},
		{"pointer type under the limit", "var x: " + strings.Repeat("*", 1990) + "i64", ""},
		{"fn types under the limit", "var x: " + strings.Repeat("fn() -> ", 990) + "i64", ""},
		{"unbraced ifs under the limit", "fn f() { " + strings.Repeat("if (a) ", 1990) + "x() }", ""},
		{"error unions under the limit", "var x: " + strings.Repeat("A!", 1990) + "i64", ""},
		{"many statements", "fn f() {" + strings.Repeat(" x = 1;", 3000) + " }", ""},
	}
	for _, tt := range tests {
		start := time.Now()
		f, err := Parse("h.cot", []byte(tt.src))
		t.Logf("%s: %v", tt.name, time.Since(start))
		if tt.code == "" {
			if err != nil || f == nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		var ue *src.UserError
		if !errors.As(err, &ue) || !strings.Contains(ue.Error(), "error["+tt.code+"]") {
			t.Errorf("%s: want %s, got %v", tt.name, tt.code, firstLine(err))
		}
	}
}

func firstLine(err error) string {
	if err == nil {
		return "no error"
	}
	return strings.SplitN(err.Error(), "\n", 2)[0]
}
