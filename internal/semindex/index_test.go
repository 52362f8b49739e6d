package semindex_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"cot/internal/semindex"
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/src"
	"cot/passes"
)

// typed runs the front end through its check passes.
func typed(t *testing.T, text string) (*ast.Program, *src.File) {
	t.Helper()
	f := src.NewFile("m.cot", []byte(text))
	last := ""
	for _, p := range passes.Table().Passes {
		if strings.HasPrefix(p.Name, "check-") {
			last = p.Name
		}
	}
	prog, err := passes.Table().Run(pipeline.NewCtx("wasm32"), f, &pipeline.Options{StopAfter: last})
	if !errors.Is(err, pipeline.ErrStopped) {
		t.Fatalf("front end: %v", err)
	}
	return prog.(*ast.Program), f
}

// TestShadowingAndKinds: every occurrence is tied to its own binder, shadowed names included,
// and each declaration renders with its kind and type.
func TestShadowingAndKinds(t *testing.T) {
	text := `const limit = 3
fn log(v: i64) {
    println(v)
}
fn main() i64 {
    var v = limit
    {
        var v = true
        if (v) { log(limit) }
    }
    for v in 0..limit { log(v) }
    return v
}
`
	prog, f := typed(t, text)
	ix := semindex.Build(prog, map[string]*src.File{"m.cot": f})
	var got []string
	for _, u := range ix.Uses {
		got = append(got, fmt.Sprintf("%d:%d %s -> %d:%d %s", u.Pos.Line, u.Pos.Col, text[u.Pos.Offset:u.Pos.Offset+u.Len],
			u.Decl.Pos.Line, u.Decl.Pos.Col, u.Decl.Signature()))
	}
	want := []string{
		"1:7 limit -> 1:7 global constant limit: i64",
		"2:4 log -> 2:4 fn log(v: i64) void",
		"2:8 v -> 2:8 parameter v: i64",
		"3:13 v -> 2:8 parameter v: i64",
		"5:4 main -> 5:4 fn main() i64",
		"6:9 v -> 6:9 variable v: i64",
		"6:13 limit -> 1:7 global constant limit: i64",
		"8:13 v -> 8:13 variable v: bool",
		"9:13 v -> 8:13 variable v: bool",
		"9:18 log -> 2:4 fn log(v: i64) void",
		"9:22 limit -> 1:7 global constant limit: i64",
		"11:9 v -> 11:9 loop variable v: i64",
		"11:17 limit -> 1:7 global constant limit: i64",
		"11:25 log -> 2:4 fn log(v: i64) void",
		"11:29 v -> 11:9 loop variable v: i64",
		"12:12 v -> 6:9 variable v: i64",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("uses:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if u, ok := ix.At("m.cot", f.PosAt(strings.Index(text, "return v")+8).Offset); !ok || u.Decl.Pos.Line != 6 {
		t.Errorf("At(return v|) = %+v, %v", u, ok)
	}
	if _, ok := ix.At("m.cot", 0); ok {
		t.Errorf("At(0) found a use on `const`")
	}
}

// TestExpressionTypes: literals and operators carry their expression's type, after implicit
// conversions. A negated literal is one literal (`-3`), typed at its `-`.
func TestExpressionTypes(t *testing.T) {
	text := "fn main() i64 {\n    var b = 1 < 2 and not false\n    if (b) { return -3 }\n    return 7 * 6\n}\n"
	checkExprTypes(t, text, "1 i64, < bool, 2 i64, and bool, not bool, false bool, - i64, 7 i64, * i64, 6 i64")
}

// checkExprTypes checks the expressions the index records for text, each as its text and type.
func checkExprTypes(t *testing.T, text, want string) {
	t.Helper()
	prog, f := typed(t, text)
	ix := semindex.Build(prog, map[string]*src.File{"m.cot": f})
	var got []string
	for _, e := range ix.Exprs {
		got = append(got, text[e.Pos.Offset:e.Pos.Offset+e.Len]+" "+e.Type)
	}
	if strings.Join(got, ", ") != want {
		t.Errorf("expression types:\n%s\nwant\n%s", strings.Join(got, ", "), want)
	}
}

// TestFloatExpressionTypes: float literals carry the type their context gives them, an integer
// literal where a float is expected included.
func TestFloatExpressionTypes(t *testing.T) {
	text := "fn main() i64 {\n    var s: f32 = 1.5 * 2\n    var d = 0.25\n    return 0\n}\n"
	checkExprTypes(t, text, "1.5 f32, * f32, 2 f32, 0.25 f64, 0 i64")
}
