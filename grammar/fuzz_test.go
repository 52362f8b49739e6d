package grammar

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2/lexer"

	"cot/ir/src"
)

// trickySeeds are hand-written inputs at the edges of the lexer and grammar.
var trickySeeds = []string{
	"",
	"@safe",
	"@safe\nstruct P { x: i64 }\nfn f() P { return P { x: 1 } }",
	`fn f() { var s = "a ${ "b ${ c { d } }" } e ${ {1} } \${ \x41" }`,
	`fn f() { var s = "${"`,
	"fn f() { var c = '\\'' }",
	"fn f() { t.0.1 + 1. + 1e9 + 0x_F + 0b1_0 + 0o7 + 1_000 }",
	"fn f() { x = a\n(b)\n-c }",
	"fn f() { if (a) b else if (c) d else e }",
	"fn f() { switch x { 1, 2 => 3, 4..5 |v| if g => { }, else => 0 } }",
	"fn f() { a ?? b catch |e| c or d and e == f + g * -h.i[j](k).*.? }",
	"fn f() { x = " + strings.Repeat("(", 250) + strings.Repeat(")", 250) + " }",
	"var t: " + strings.Repeat("*", 300) + "i64",
	"/* unterminated",
	"// only a comment",
	"fn f() { var x: [i64] = 1; var m: Map<a, List<b>> = 2 }",
	"fn f() { new List(i64)(16); new P { x, y: 1 }; new Q(1, 2) }",
	"\x00\xff\xfe@",
	"fn f() { @sizeOf([4]i64) + @intCast(*u8, p) }",
	"impl Shape for i64 { fn area(self: *i64) i64 { return self.* } }",
	"fn g(T)(x: T) T where T: H { return x }",
	"fn f() { outer: for i, x in a..b { continue :outer } }",
	"fn f() { var s = \"a ${x} b ${y}\"\n x = -1 }",
}

// FuzzParse: Parse never panics, and returns either a File whose node positions are ordered
// and inside the input, or a *src.UserError with a formatted diagnostic.
func FuzzParse(f *testing.F) {
	for _, s := range trickySeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse("fuzz.cot", data)
		if err != nil {
			var ue *src.UserError
			if !errors.As(err, &ue) {
				t.Fatalf("error is %T, not *src.UserError: %v", err, err)
			}
			msg := ue.Error()
			if !strings.HasPrefix(msg, "fuzz.cot:") || !strings.Contains(msg, "error[E01") {
				t.Fatalf("badly formatted diagnostic: %q", msg)
			}
			if strings.Contains(msg, "internal parser error") || strings.Contains(msg, "grammar.") {
				t.Fatalf("diagnostic leaks internals: %q", msg)
			}
			return
		}
		if file == nil {
			t.Fatal("nil File without error")
		}
		checkPositions(t, file, len(data))
		checkExprRoundTrip(t, file)
	})
}

// checkExprRoundTrip: the canonical text of every expression statement parses back to the
// same canonical text (ExprString is faithful to the parse, precedence included).
func checkExprRoundTrip(t *testing.T, file *File) {
	t.Helper()
	if file.Safe {
		return // colon struct literals only parse in @safe files
	}
	Walk(file, func(n any) {
		s, ok := n.(*SimpleStmt)
		if !ok {
			return
		}
		text := ExprString(s.Target)
		if strings.Contains(text, "{...}") || strings.Contains(text, "fn(...)") {
			return // placeholders for bodies
		}
		again, err := Parse("rt.cot", []byte("fn __t() {\n"+text+"\n}\n"))
		if err != nil {
			if strings.Contains(err.Error(), "E0108") {
				return // the canonical form adds parentheses and can exceed the nesting limit
			}
			t.Fatalf("canonical form %q does not parse: %v", text, err)
		}
		stmts := again.Decls[0].Fn.Body.Stmts
		if len(stmts) != 1 || stmts[0].Simple == nil || stmts[0].Simple.Op != "" {
			t.Fatalf("canonical form %q parses as %d statements", text, len(stmts))
		}
		if got := ExprString(stmts[0].Simple.Target); got != text {
			t.Fatalf("round trip changed the expression:\n first %s\nsecond %s", text, got)
		}
	})
}

func checkPositions(t *testing.T, file *File, size int) {
	t.Helper()
	Walk(file, func(n any) {
		pos, end := nodeSpan(n)
		if pos.Offset < 0 || pos.Offset > end.Offset || end.Offset > size {
			t.Fatalf("%T: bad span %d..%d (input %d bytes)", n, pos.Offset, end.Offset, size)
		}
	})
}

// TestWriteFuzzSeeds (with -update) writes the seed corpus under testdata/fuzz/FuzzParse: the
// tricky seeds and every Cot example of language.md.
func TestWriteFuzzSeeds(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite the seed corpus")
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzParse")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, s string) {
		body := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", s)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i, s := range trickySeeds {
		write(fmt.Sprintf("seed-tricky-%02d", i), s)
	}
	for _, fc := range specFences(t) {
		write(fmt.Sprintf("seed-spec-line-%04d", fc.line), fc.text)
	}
}

// TestEveryNodeHasPositions checks every CST type reachable from File has Pos and EndPos.
func TestEveryNodeHasPositions(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var visit func(reflect.Type)
	visit = func(ty reflect.Type) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || ty.PkgPath() != reflect.TypeOf(File{}).PkgPath() || seen[ty] {
			return
		}
		seen[ty] = true
		for i, name := range []string{"Pos", "EndPos"} {
			if ty.NumField() <= i || ty.Field(i).Name != name || ty.Field(i).Type != reflect.TypeOf(lexer.Position{}) {
				t.Errorf("%s: field %d must be %s lexer.Position", ty.Name(), i, name)
			}
		}
		for i := 0; i < ty.NumField(); i++ {
			visit(ty.Field(i).Type)
		}
	}
	visit(reflect.TypeOf(File{}))
	if len(seen) < 40 {
		t.Errorf("only %d node types found", len(seen))
	}
}
