package pipeline

import (
	"errors"
	"strings"
	"testing"
)

// TestVerifyWithKeepsOneStatePerCompilation: under --verify=each a family with VerifyWith is
// checked after every pass through it, with one state for the whole run of a context (each
// check sees what the one before it left) and a fresh state for another context; its errors
// are the pass's verification errors, as Verify's are.
func TestVerifyWithKeepsOneStatePerCompilation(t *testing.T) {
	family := *evenFamily
	var states []*any
	lasts := 0
	family.VerifyWith = func(state *any, l *Lang, prog any, last bool) []error {
		if last {
			lasts++
		}
		states = append(states, state)
		n, _ := (*state).(int)
		*state = n + 1 // checks of this state so far
		return evenFamily.Verify(l, prog)
	}
	lang := &Lang{Name: "even-ints", Family: &family, Invariants: []string{"even"}}
	add := func(name string, n int) Pass {
		return Pass{Name: name, In: lang, Out: lang, Required: true,
			Run: func(_ *Ctx, prog any) (any, error) { return prog.(int) + n, nil }}
	}
	table := &Table{Name: "t", Passes: []Pass{add("a", 2), add("b", 2), add("c", 2)}}
	for range 2 {
		if _, err := table.Run(NewCtx(""), 0, &Options{}); err != nil {
			t.Fatal(err)
		}
	}
	if len(states) != 6 || states[0] != states[2] || states[3] != states[5] || states[0] == states[3] || *states[0] != 3 || lasts != 2 {
		t.Errorf("want 3 checks with one state per run and a state per run, the last marked last; got %d checks, %d last", len(states), lasts)
	}
	var out strings.Builder
	opts := &Options{TimePasses: true}
	if _, err := table.Run(NewCtx(""), 0, opts); err != nil {
		t.Fatal(err)
	}
	opts.WriteTimings(&out)
	if n := strings.Count(out.String(), "(verify ints)"); n != 1 {
		t.Errorf("--time-passes: want one row for the verifier, got %d:\n%s", n, out.String())
	}
	table.Passes = append(table.Passes, add("d", 1))
	_, err := table.Run(NewCtx(""), 0, &Options{})
	var ie *InternalError
	if !errors.As(err, &ie) || ie.Pass != "d" || !strings.Contains(ie.Msg, "7 is odd") {
		t.Errorf("want the odd value reported after d, got %v", err)
	}
}
