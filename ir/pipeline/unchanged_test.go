package pipeline

import (
	"errors"
	"strings"
	"testing"
)

// TestUnchangedSkipsOnlyRepeatedChecks: a streamed pass that reports its input unchanged is not
// verified again when the check before it asked for the same; after a pass that deferred an
// invariant it is (and reports the violation the deferring pass left).
func TestUnchangedSkipsOnlyRepeatedChecks(t *testing.T) {
	checks := 0
	family := *evenFamily
	family.Verify = func(l *Lang, prog any) []error {
		checks++
		return evenFamily.Verify(l, prog)
	}
	lang := &Lang{Name: "even-ints", Family: &family, Invariants: []string{"even"}}
	add := func(name string, n int, defers ...string) Pass {
		return Pass{Name: name, In: lang, Out: lang, Required: true, Defers: defers,
			Run: func(ctx *Ctx, prog any) (any, error) {
				if n == 0 {
					ctx.Unchanged()
				}
				return prog.(int) + n, nil
			}}
	}
	stream := &Stream{First: "a", Last: "d",
		Units: func(_ *Ctx, prog any) []any { return []any{prog} },
		Join:  func(_ *Ctx, _ any, outs []any) (any, error) { return outs[0], nil },
	}
	table := &Table{Name: "t", Passes: []Pass{add("a", 2), add("b", 0), add("c", 0), add("d", 2)}, Stream: stream}
	if _, err := table.Run(NewCtx(""), 0, &Options{}); err != nil {
		t.Fatal(err)
	}
	if checks != 2 { // after a and d; b and c hand on what a's check passed
		t.Errorf("%d checks, want 2", checks)
	}
	table.Passes = []Pass{add("a", 1, "even"), add("b", 0), add("c", 1)}
	stream.Last = "c"
	_, err := table.Run(NewCtx(""), 0, &Options{})
	var ie *InternalError
	if !errors.As(err, &ie) || ie.Pass != "b" || !strings.Contains(ie.Msg, "1 is odd") {
		t.Errorf("an unchanged pass after a deferral: want the odd value reported after b, got %v", err)
	}
}
