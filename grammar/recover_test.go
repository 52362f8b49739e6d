package grammar

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"cot/ir/src"
)

func syntaxErrors(t *testing.T, text string) []string {
	t.Helper()
	_, err := Parse("r.cot", []byte(text))
	var ue *src.UserError
	if !errors.As(err, &ue) {
		t.Fatalf("Parse: want syntax errors, got %v", err)
	}
	var out []string
	for _, d := range ue.Diags.List {
		out = append(out, fmt.Sprintf("%d:%d %s", d.Pos.Line, d.Pos.Col, d.Msg))
	}
	return out
}

// Every broken declaration of a file is reported in one run; the first error is the one a full
// parse finds, later ones come from the declarations after it, at their exact positions.
func TestSyntaxErrorsOfEveryDeclaration(t *testing.T) {
	got := syntaxErrors(t, `fn f() i64 {
    var b = (1 +
}
fn g() i64 {
    return 1 +* 2
}
fn ok() i64 { return 0 }
fn h(a: i64,, b: i64) i64 {
    return a
}
fn main() i64 {
    return 0
}
`)
	want := []string{
		"3:1 expected expression, found `}`",
		"5:15 expected expression, found `*`",
		"8:13 expected parameter, found `,`",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A declaration keyword that continues a declaration (`= fn`, `: fn`, `pub fn`) is no restart
// point, and at most src.MaxErrors errors are looked for.
func TestSyntaxRecoveryBounds(t *testing.T) {
	got := syntaxErrors(t, "const f = fn(x: i64) i64 { return x +* 1 }\nfn main() i64 { return 0 }\n")
	if len(got) != 1 {
		t.Errorf("a closure's fn is no declaration: got %q", got)
	}
	var b strings.Builder
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, "fn f%d() i64 { return +* }\n", i)
	}
	if got := syntaxErrors(t, b.String()); len(got) != src.MaxErrors {
		t.Errorf("%d errors looked for, want %d", len(got), src.MaxErrors)
	}
}
