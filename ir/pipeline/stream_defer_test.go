package pipeline

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// A program of the test family is one int per unit; invariant "even" says every int is even.
var evenFamily = &Family{
	Name:  "ints",
	Print: func(w io.Writer, prog any, fn string) { fmt.Fprint(w, prog) },
	Verify: func(l *Lang, prog any) []error {
		if l.Has("even") && prog.(int)%2 != 0 {
			return []error{fmt.Errorf("%d is odd", prog.(int))}
		}
		return nil
	},
	Checks: []string{"even"},
}

// TestDeferredInvariant: a pass that defers "even" and breaks it is not blamed; the next pass
// of the stream, which does not defer it, reports it; without the later check the table is
// rejected.
func TestDeferredInvariant(t *testing.T) {
	lang := &Lang{Name: "even-ints", Family: evenFamily, Invariants: []string{"even"}}
	add := func(name string, n int, defers ...string) Pass {
		return Pass{Name: name, In: lang, Out: lang, Required: true, Defers: defers,
			Run: func(_ *Ctx, prog any) (any, error) { return prog.(int) + n, nil }}
	}
	stream := &Stream{First: "a", Last: "c",
		Units: func(_ *Ctx, prog any) []any { return []any{prog} },
		Join:  func(_ *Ctx, _ any, outs []any) (any, error) { return outs[0], nil },
	}
	table := &Table{Name: "t", Passes: []Pass{add("a", 1, "even"), add("b", 0), add("c", 1)}, Stream: stream}
	if err := table.Check(); err != nil {
		t.Fatal(err)
	}
	_, err := table.Run(NewCtx(""), 0, &Options{})
	var ie *InternalError
	if !errors.As(err, &ie) || ie.Pass != "b" || !strings.Contains(ie.Msg, "1 is odd") {
		t.Errorf("want the odd value reported after b, got %v", err)
	}
	table.Passes = []Pass{add("a", 0), add("b", 0), add("c", 2, "even")}
	if err := table.Check(); err == nil || !strings.Contains(err.Error(), "no later required pass checks it") {
		t.Errorf("a deferral nothing checks later: want an error, got %v", err)
	}
}
