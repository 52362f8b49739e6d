package pipeline

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"cot/ir/src"
)

// A toy family: programs are []int; printing lists them; verification rejects negatives when the
// language has the invariant "non-negative".
var ints = &Family{
	Name: "ints",
	Print: func(w io.Writer, prog any, _ string) {
		fmt.Fprintln(w, prog.([]int))
	},
	Verify: func(l *Lang, prog any) []error {
		var errs []error
		for i, v := range prog.([]int) {
			if v < 0 && l.Has("non-negative") {
				errs = append(errs, fmt.Errorf("element %d is negative: %d", i, v))
			}
		}
		return errs
	},
}

var (
	langAny = &Lang{Name: "any", Family: ints, Add: []string{"neg", "pos"}}
	langPos = &Lang{Name: "pos", Family: ints, Base: langAny, Remove: []string{"neg"}, Invariants: []string{"non-negative"}}
)

func absPass(name string) Pass {
	return Pass{Name: name, In: langAny, Out: langPos, Run: func(_ *Ctx, p any) (any, error) {
		out := append([]int(nil), p.([]int)...)
		for i, v := range out {
			if v < 0 {
				out[i] = -v
			}
		}
		return out, nil
	}}
}

func TestLangDeltas(t *testing.T) {
	if !langAny.Allows("neg") || langPos.Allows("neg") || !langPos.Allows("pos") {
		t.Fatal("Allows does not follow the delta chain")
	}
	if langAny.Has("non-negative") || !langPos.Has("non-negative") {
		t.Fatal("Has does not follow the delta chain")
	}
	if got := strings.Join(langPos.Kinds(), ","); got != "pos" {
		t.Fatalf("Kinds = %s", got)
	}
}

func TestTableCheck(t *testing.T) {
	tb := &Table{Name: "t", Passes: []Pass{absPass("a"), absPass("b")}}
	if err := tb.Check(); err == nil || !strings.Contains(err.Error(), "takes any but a produces pos") {
		t.Fatalf("language chain not checked: %v", err)
	}
	ok := &Table{Name: "t", Passes: []Pass{absPass("a")}, Constraints: []Constraint{{"a", "zz", "why"}}}
	if err := ok.Check(); err == nil || !strings.Contains(err.Error(), "unknown pass") {
		t.Fatalf("constraint with unknown pass not reported: %v", err)
	}
}

func TestRunDumpsVerifiesAndStops(t *testing.T) {
	tb := &Table{Name: "t", Passes: []Pass{absPass("abs")}}
	var out strings.Builder
	opts := &Options{DumpAfter: []string{"all"}, DumpBefore: []string{"abs"}, Out: &out}
	res, err := tb.Run(NewCtx("wasm32"), []int{-1, 2}, opts)
	if err != nil {
		t.Fatal(err)
	}
	want := ";; before abs (any -> pos)\n[-1 2]\n;; after abs (any -> pos)\n[1 2]\n"
	if out.String() != want || fmt.Sprint(res) != "[1 2]" {
		t.Fatalf("dump:\n%s\nresult %v", out.String(), res)
	}
	_, err = tb.Run(NewCtx(""), []int{1}, &Options{StopAfter: "abs"})
	if !errors.Is(err, ErrStopped) {
		t.Fatalf("stop-after: %v", err)
	}
}

func TestVerifyFailureIsInternalError(t *testing.T) {
	bad := Pass{Name: "bad", In: langAny, Out: langPos, Run: func(_ *Ctx, p any) (any, error) { return []int{-5}, nil }}
	tb := &Table{Name: "t", Passes: []Pass{bad}}
	_, err := tb.Run(NewCtx(""), []int{1}, &Options{})
	var ie *InternalError
	if !errors.As(err, &ie) || !strings.Contains(ie.Error(), "verify after bad (any -> pos): 1 error") {
		t.Fatalf("got %v", err)
	}
	if _, err := tb.Run(NewCtx(""), []int{1}, &Options{Verify: VerifyOff}); err != nil {
		t.Fatalf("--verify=off still verified: %v", err)
	}
}

func TestPanicIsInternalError(t *testing.T) {
	boom := Pass{Name: "boom", In: langAny, Out: langPos, Run: func(c *Ctx, p any) (any, error) {
		c.Func = "main"
		panic("index out of range")
	}}
	_, err := (&Table{Passes: []Pass{boom}}).Run(NewCtx(""), []int{1}, &Options{})
	if err == nil || !strings.HasPrefix(err.Error(), "internal error in pass boom while compiling main: index out of range") {
		t.Fatalf("got %v", err)
	}
}

func TestUserDiagnosticsStopTheRun(t *testing.T) {
	diag := Pass{Name: "check", In: langAny, Out: langPos, Run: func(c *Ctx, p any) (any, error) {
		c.Diags.Errorf(src.Pos{File: "a.cot", Line: 1, Col: 1}, "E0001", "undefined identifier `x`")
		return p, nil
	}}
	_, err := (&Table{Passes: []Pass{diag}}).Run(NewCtx(""), []int{1}, &Options{})
	var ue *src.UserError
	if !errors.As(err, &ue) {
		t.Fatalf("got %v", err)
	}
}

func TestCheckNames(t *testing.T) {
	tb := &Table{Passes: []Pass{absPass("lower-a"), absPass("lower-b")}}
	if err := (&Options{DumpAfter: []string{"lower-*", "all"}}).CheckNames(tb); err != nil {
		t.Fatal(err)
	}
	err := (&Options{DumpAfter: []string{"nope"}}).CheckNames(tb)
	if err == nil || !strings.Contains(err.Error(), "valid passes: lower-a, lower-b") {
		t.Fatalf("got %v", err)
	}
}

// negate flips signs; it keeps the language, so unless Required it is optional.
func negate(name string, required bool) Pass {
	return Pass{Name: name, In: langAny, Out: langAny, Required: required, Run: func(_ *Ctx, p any) (any, error) {
		out := append([]int(nil), p.([]int)...)
		for i := range out {
			out[i] = -out[i]
		}
		return out, nil
	}}
}

func TestDisablePass(t *testing.T) {
	tb := &Table{Name: "t", Passes: []Pass{negate("optimize-neg", false), negate("check-neg", true), absPass("abs")}}
	if !tb.Passes[0].Disablable() || tb.Passes[1].Disablable() || tb.Passes[2].Disablable() {
		t.Fatal("only an optional pass that keeps its language is disablable")
	}
	opts := &Options{Disable: []string{"optimize-*"}}
	if err := opts.CheckNames(tb); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	opts.DumpAfter, opts.Out = []string{"all"}, &out
	res, err := tb.Run(NewCtx(""), []int{3}, opts)
	if err != nil || fmt.Sprint(res) != "[3]" || strings.Contains(out.String(), "optimize-neg") {
		t.Fatalf("disabled pass ran: %v %v\n%s", res, err, out.String())
	}
	for name, want := range map[string]string{
		"check-neg": `pass "check-neg" is required (marked Required); only optional passes may be disabled: optimize-neg`,
		"abs":       `pass "abs" is required (it turns any into pos)`,
		"all":       `is required`,
		"zz":        `unknown pass "zz"`,
	} {
		err := (&Options{Disable: []string{name}}).CheckNames(tb)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("--disable-pass=%s: %v, want %q", name, err, want)
		}
	}
}

func TestUncheckedInvariants(t *testing.T) {
	tb := &Table{Name: "t", Passes: []Pass{absPass("abs")}}
	if got := tb.UncheckedInvariants(); len(got) != 1 || got[0] != "ints/non-negative" {
		t.Fatalf("unchecked = %v", got)
	}
	ints.Checks = []string{"non-negative"}
	defer func() { ints.Checks = nil }()
	if got := tb.UncheckedInvariants(); len(got) != 0 {
		t.Fatalf("unchecked = %v", got)
	}
}
