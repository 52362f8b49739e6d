package grammar_test

import (
	"strings"
	"testing"

	"cot/grammar"
	"cot/runner"
)

// featureSections are the sections of language.md on errors, defer, generics and traits
// (issue 7): every piece of code in them, inline or fenced, has an entry in featureFragments.
var featureSections = []string{"### 4.7", "### 4.10", "### 4.11", "### 5.5", "### 6.12", "### 6.15", "## 7."}

// featureFragment says what becomes of one piece of code of featureSections. Program is a whole
// program in which § stands for the piece (declarations around it, a main that shows what it
// does); Want is "runs" (identically on wasm32 and natively, printing Stdout), "error: TEXT"
// (the compiler's first diagnostic contains TEXT: the spec says the piece is rejected) or
// "not code: REASON" (a keyword, a name or a schema such as `patterns [|capture|] => expr`).
type featureFragment struct {
	Program      string
	Fill         string // what the piece's `...` placeholder stands for (deleted when empty)
	Want, Stdout string
}

const (
	word   = "not code: a keyword, operator, name or type variable of the prose"
	schema = "not code: a schema of the syntax, with placeholders"
)

// Programs shared by several pieces.
const (
	traitProgram = `trait Shape { fn area(self: *Self) i64 }
impl Shape for i64 { fn area(self: *i64) i64 { return self.* } }
fn main() void {
    §
    var j: i64 = 4
    println(j.area() + k.area())
}`
	boxProgram = `struct Box(T) { value: T }
fn Box_get(T)(self: *Box(T)) T { return self.value }
fn main() void {
    var b = Box(i64) { .value = 4 }
    println(§)
}`
	catchProgram = `fn g(ok: bool) !i64 {
    if (ok) { return 4 }
    return error.Z
}
fn main() void {
    var e = g(false)
    const fallback: i64 = 0 - 1
    println(§)
    e = g(true)
    println(§)
}`
	errorValueProgram = `fn f() !i64 { return § }
fn main() void {
    const e = f() catch |x| x
    println(e == error.X)
    println(e == error.Name)
}`
	typeArgProgram = `struct Pair(A, B) { first: A, second: B }
fn id(T)(x: T) T { return x }
fn roundtrip(T)(x: T) T {
    var y = x
    return id(*T)(&y).*
}
fn main() void {
    println(roundtrip(i64)(5))
    var p = id(Pair(i64, i64))(Pair(i64, i64) { .first = 1, .second = 2 })
    println(p.second)
}`
	deferProgram = `const A: i64 = 1
const B: i64 = 2
const C: i64 = 3
fn f(fail: bool) !i64 {
    §
    if (fail) { return error.X }
    return 1
}
fn main() void {
    const r = f(true) catch 0
    println(r)
    const s = f(false) catch 0
    println(s)
}`
)

var featureFragments = map[string]featureFragment{
	// §4.7
	"const IoErr = error { Closed, Timeout, Denied }": {Program: "§\nfn f() IoErr!i64 { return error.Timeout }\nfn main() void {\n    const e = f() catch |x| x\n    println(e == error.Timeout)\n}", Want: "runs", Stdout: "true\n"},
	"const":     {Want: word},
	"error { }": {Program: "fn main() void {\n    const E = §\n}", Want: "error: an error set can only be declared by a top-level `const`"},
	// §4.10
	`trait Shape { fn area(self: *Self) i64 }`: {
		Program: "struct Rect { w: i64, h: i64 }\n§\nfn main() void {\n    var r = Rect { .w = 2, .h = 3 }\n    var k: i64 = 7\n    println(r.area() + k.area())\n}",
		Want:    "runs", Stdout: "13\n",
	},
	"impl Trait for Target": {
		Program: "trait Trait { fn m(self: *Self) i64 }\nstruct Target { x: i64 }\n§ { fn m(self: *Target) i64 { return self.x } }\nfn main() void {\n    var t = Target { .x = 5 }\n    println(t.m())\n}",
		Want:    "runs", Stdout: "5\n",
	},
	"Target": {Want: word},
	"impl Target": {
		Program: "struct Target { x: i64 }\n§ { fn get(self: *Target) i64 { return self.x } }\nfn main() void {\n    var t = Target { .x = 6 }\n    println(t.get())\n}",
		Want:    "runs", Stdout: "6\n",
	},
	"Target_method": {
		Program: "struct Target { x: i64 }\nimpl Target { fn method(self: *Target) i64 { return self.x } }\nfn main() void {\n    var t = Target { .x = 8 }\n    println(§(&t))\n}",
		Want:    "runs", Stdout: "8\n",
	},
	"var k: i64 = 3": {Program: traitProgram, Want: "runs", Stdout: "7\n"},
	"k.area()":       {Program: strings.Replace(traitProgram, "§", "var k: i64 = 3\n    println(§)", 1), Want: "runs", Stdout: "3\n7\n"},
	"k":              {Want: word},
	// §4.11
	`fn smaller(T)(x: T, y: T) T {`: {
		Program: "trait Hashable { fn hash(self: *Self) i64 }\nimpl Hashable for i64 { fn hash(self: *i64) i64 { return self.* * 31 } }\n§\nfn main() void {\n" +
			"    println(smaller(i64)(3, 2))\n    var p = Pair(i64, bool) { .first = 9, .second = true }\n    println(p.left())\n    println(keyed(i64)(2))\n}",
		Want: "runs", Stdout: "2\n9\n62\n",
	},
	":":                         {Want: word},
	"name(TypeArgs)(args)":      {Program: "type TypeArgs = i64\nfn name(T)(x: T) T { return x }\nfn main() void {\n    const args = 3\n    println(§)\n}", Want: "runs", Stdout: "3\n"},
	"i64":                       {Want: word},
	"Point":                     {Want: word},
	"*T":                        {Program: strings.Replace(typeArgProgram, "id(*T)", "id(§)", 1), Want: "runs", Stdout: "5\n2\n"},
	"Pair(i64, i64)":            {Program: strings.Replace(typeArgProgram, "id(§)(&y)", "id(*T)(&y)", 1), Want: "runs", Stdout: "5\n2\n"},
	"Pair(i64, bool)":           {Program: "struct Pair(A, B) { first: A, second: B }\nfn main() void {\n    var p: § = .{}\n    p.second = true\n    println(p.first)\n    println(p.second)\n}", Want: "runs", Stdout: "0\ntrue\n"},
	"impl Name(T1, T2) { ... }": {Program: "struct Name(A, B) { a: A, b: B }\n§\nfn main() void {\n    var n = Name(i64, bool) { .a = 1 }\n    println(n.a)\n}", Want: "runs", Stdout: "1\n"},
	"fn Box_get(T)(self: *Box(T)) T": {
		Program: "struct Box(T) { value: T }\n§ { return self.value }\nfn main() void {\n    var b = Box(i64) { .value = 4 }\n    println(Box_get(i64)(&b))\n}", Want: "runs", Stdout: "4\n",
	},
	"Box_get(i64)(&b)":           {Program: boxProgram, Want: "runs", Stdout: "4\n"},
	"where T: Trait, U: Trait2":  {Program: "trait Trait { fn t(self: *Self) i64 }\ntrait Trait2 { fn u(self: *Self) i64 }\nimpl Trait for i64 { fn t(self: *i64) i64 { return self.* } }\nimpl Trait2 for bool { fn u(self: *bool) i64 { return 10 } }\nfn both(T, U)(x: T, y: U) i64 § {\n    var a = x\n    var b = y\n    return a.t() + b.u()\n}\nfn main() void { println(both(i64, bool)(2, true)) }", Want: "runs", Stdout: "12\n"},
	"impl Trait for <type name>": {Want: schema},
	// §5.5
	`fn copy_file(src: string) !i64 {`: {
		Program: "fn open_it(s: string) i64 { println(\"open\")\n    return s.len }\nfn close_it(fd: i64) void { println(\"close\") }\nfn log_failure(s: string) void { println(\"failed\") }\n" +
			"§\nfn main() void {\n    println(copy_file(\"ab\") catch 0)\n    println(copy_file(\"abcdefg\") catch 0)\n}",
		Fill: "if (fd > 5) { return error.TooBig }\n    return fd",
		Want: "runs", Stdout: "open\nclose\n2\nopen\nfailed\nclose\n0\n",
	},
	"defer":                        {Want: word},
	"errdefer":                     {Want: word},
	"return":                       {Want: word},
	"break":                        {Want: word},
	"continue":                     {Want: word},
	"try":                          {Want: word},
	"deinit":                       {Want: word},
	"return error.X":               {Program: "fn f() !i64 {\n    §\n}\nfn main() void {\n    const e = f() catch |x| x\n    println(e == error.X)\n}", Want: "runs", Stdout: "true\n"},
	"defer A; errdefer B; defer C": {Program: deferProgram, Want: "runs", Stdout: "0\n1\n"}, // the order: golden/testdata/run/conform_defer_*
	"return expr":                  {Program: "var x: i64 = 1\nfn f(expr: i64) i64 {\n    defer x = 5\n    §\n}\nfn main() void {\n    println(f(x))\n    println(x)\n}", Want: "runs", Stdout: "1\n5\n"},
	"@assert":                      {Want: word},
	"@assert_eq":                   {Want: word},
	// §6.12
	"switch (a.b) {": {Program: "struct S { b: i64 }\nfn main() void {\n    var a = S { .b = 2 }\n    § 2 => println(\"two\"), else => {} }\n}", Want: "runs", Stdout: "two\n"},
	"switch a.b {":   {Program: "struct S { b: i64 }\nfn main() void {\n    var a = S { .b = 2 }\n    § 2 => println(\"two\"), else => {} }\n}", Want: "error: expected `{`, found `.` (a switch subject is a name, literal or parenthesised expression"},
	"patterns [|capture|] [if guard] => expr": {Want: schema},
	"Enum.Variant":  {Program: "enum Enum { Variant, Other }\nfn main() void {\n    var e = Enum.Variant\n    switch e { § => println(1), else => println(2) }\n}", Want: "runs", Stdout: "1\n"},
	"Union.Variant": {Program: "union Union { Variant: i64, Other }\nfn main() void {\n    var u = Union.Variant(3)\n    switch u { § |v| => println(v), else => println(4) }\n}", Want: "runs", Stdout: "3\n"},
	"error.Name":    {Program: "fn fails() !i64 { return error.Name }\nfn main() void {\n    const n = fails() catch |x| switch x { § => 5, else => 6 }\n    println(n)\n}", Want: "runs", Stdout: "5\n"},
	"a..b":          {Program: "const a = 1\nconst b = 5\nfn main() void {\n    var x = 3\n    switch x { § => println(\"in\"), else => println(\"out\") }\n}", Want: "runs", Stdout: "in\n"},
	"else =>":       {Program: "fn main() void {\n    var x = 3\n    switch x { 1 => println(1), § println(0) }\n}", Want: "runs", Stdout: "0\n"},
	"_ =>":          {Program: "fn main() void {\n    var x = 3\n    switch x { 1 => println(1), § println(0) }\n}", Want: "runs", Stdout: "0\n"},
	"{ ... }":       {Want: schema},
	"else":          {Want: word},
	"|v|":           {Program: "union U { A: i64, B }\nfn main() void {\n    var u = U.A(7)\n    switch u { U.A § => println(v), U.B => {} }\n}", Want: "runs", Stdout: "7\n"},
	"catch |e|":     {Program: "fn f() !i64 { return error.Z }\nfn main() void {\n    const x = f() § if (e == error.Z) { 1 } else { 2 }\n    println(x)\n}", Want: "runs", Stdout: "1\n"},
	"if":            {Want: word},
	// §6.15
	`var label = switch code {`: {
		Program: "union Shape { Circle: f64, Square: f64, Empty }\nfn main() void {\n    var code = 404\n    var strict = true\n    var total = 0\n    var shape = Shape.Circle(2.0)\n    §\n    println(label)\n    println(total)\n}",
		Want:    "runs", Stdout: "4\n1\n",
	},
	"try e":                      {Program: "fn g() !i64 { return 4 }\nfn f() !i64 {\n    const e = g()\n    return §\n}\nfn main() void { println(f() catch 0) }", Want: "runs", Stdout: "4\n"},
	"e":                          {Want: word},
	"e catch fallback":           {Program: catchProgram, Want: "runs", Stdout: "-1\n4\n"},
	"e catch |err| fallback":     {Program: catchProgram, Want: "runs", Stdout: "-1\n4\n"},
	"fallback":                   {Want: word},
	"{ stmts; value }":           {Program: "fn f() !i64 { return error.A }\nfn main() void {\n    var stmts = 1\n    var value = 9\n    println(f() catch §)\n}", Want: "runs", Stdout: "9\n"},
	"switch err { ... }":         {Want: schema},
	"err":                        {Want: word},
	"var n = read() catch 0 - 1": {Program: "fn read() !i64 { return error.Eof }\nfn main() void {\n    §\n    println(n)\n}", Want: "runs", Stdout: "-1\n"},
	"read() catch (0 - 1)":       {Program: "fn read() !i64 { return error.Eof }\nfn main() void {\n    println(§)\n}", Want: "runs", Stdout: "-1\n"},
	// §7
	"const ParseErr = error { Empty, BadDigit }": {Program: "§\nfn p(s: string) ParseErr!i64 {\n    if (s.len == 0) { return error.Empty }\n    return error.BadDigit\n}\nfn main() void {\n    const e = p(\"\") catch |x| x\n    println(e == error.Empty)\n    const d = p(\"x\") catch |x| x\n    println(d == error.BadDigit)\n}", Want: "runs", Stdout: "true\ntrue\n"},
	"error.X":                               {Program: errorValueProgram, Want: "runs", Stdout: "true\nfalse\n"},
	"!T":                                    {Program: "const E = error { A }\ntype T = i64\nfn f() § { return 5 }\nfn main() void { println(f() catch 0) }", Want: "runs", Stdout: "5\n"},
	"E!T":                                   {Program: "const E = error { A }\ntype T = i64\nfn f() § { return error.A }\nfn main() void { println(f() catch 7) }", Want: "runs", Stdout: "7\n"},
	"E":                                     {Want: word},
	"T":                                     {Want: word},
	"==":                                    {Want: word},
	"switch e { error.A => ..., _ => ... }": {Want: schema},
	"e == error.A":                          {Program: "fn f() !i64 { return error.A }\nfn main() void {\n    const e = f() catch |x| x\n    println(§)\n}", Want: "runs", Stdout: "true\n"},
	"@errorName":                            {Program: "fn main() void {\n    println(§(1))\n}", Want: "error: unknown builtin"},
}

// TestSpecFeatureFragments compiles every piece of code of the errors, defer, generics and
// traits sections of language.md inside the program of its featureFragments entry, and runs it
// on wasm32 and natively (where qemu-aarch64 is installed).
func TestSpecFeatureFragments(t *testing.T) {
	_, err := runner.QemuPath()
	qemu := err == nil
	seen := map[string]bool{}
	code := 0
	for _, ex := range grammar.SpecSectionFragments(t, featureSections) {
		f, listed := featureFragments[ex.First]
		if !listed {
			t.Errorf("language.md:%d: %q has no entry in featureFragments", ex.Line, ex.First)
			continue
		}
		seen[ex.First] = true
		if strings.HasPrefix(f.Want, "not code: ") {
			continue
		}
		code++
		text := strings.ReplaceAll(f.Program, "§", strings.ReplaceAll(ex.Text, "...", f.Fill))
		got, stdout := specCompileRun(t, ex.Line, text, false, true, qemu)
		switch {
		case strings.HasPrefix(f.Want, "error: "):
			if !strings.HasPrefix(got, "error: ") || !strings.Contains(got, strings.TrimPrefix(f.Want, "error: ")) {
				t.Errorf("language.md:%d: %q: want %s, got %s\n%s", ex.Line, ex.First, f.Want, got, text)
			}
		case got != f.Want:
			t.Errorf("language.md:%d: %q: want %s, got %s\n%s", ex.Line, ex.First, f.Want, got, text)
		case stdout != f.Stdout:
			t.Errorf("language.md:%d: %q: stdout %q, want %q\n%s", ex.Line, ex.First, stdout, f.Stdout, text)
		}
	}
	for key := range featureFragments {
		if !seen[key] {
			t.Errorf("featureFragments entry %q matches no piece of code of language.md: remove it", key)
		}
	}
	t.Logf("%d pieces of code compiled of %d", code, len(seen))
}
