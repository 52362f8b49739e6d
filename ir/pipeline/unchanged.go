package pipeline

// Unchanged verification: under --verify=each a streamed unit's program is verified after every
// pass, but a pass that reports it left its input exactly as it found it (Ctx.Unchanged) hands on
// a program that was already verified — if that check asked for exactly what this one asks for
// (the same named invariants and node kinds: a verifier is a function of the program and of
// those), checking again cannot find anything new, and Run skips it. Most functions of a large
// module go through several optional passes untouched (icepack: optimize-constants leaves 98%
// of its functions as they are, eliminate-bounds-checks 100%, remove-redundant-masks 90%).

// Unchanged reports that the running pass returns its input program exactly as it found it
// (same values, same order, nothing rewritten). A pass must only call it when that is certain.
func (c *Ctx) Unchanged() { c.unchanged = true }

// ReportedUnchanged reports whether the running pass has called Unchanged (for tests of passes).
func (c *Ctx) ReportedUnchanged() bool { return c.unchanged }

// verifyPlan says what a streamed run verifies after each pass: want[k] is the language pass k's
// output is checked against, same[j][k] whether want[j] and want[k] ask for the same checks.
type verifyPlan struct {
	want []*Lang
	same [][]bool
}

func newVerifyPlan(passes []Pass) *verifyPlan {
	pl := &verifyPlan{want: make([]*Lang, len(passes)), same: make([][]bool, len(passes))}
	for k, p := range passes {
		pl.want[k] = deferring(p, k == len(passes)-1)
	}
	for j := range passes {
		pl.same[j] = make([]bool, len(passes))
		for k := range passes {
			pl.same[j][k] = sameChecks(pl.want[j], pl.want[k])
		}
	}
	return pl
}

// skip reports whether the check after pass k can be skipped: the pass reported its input
// unchanged and the input was last verified (after pass verified, -1 for none) with the same
// checks.
func (pl *verifyPlan) skip(ctx *Ctx, verified, k int) bool {
	return ctx.unchanged && verified >= 0 && pl.same[verified][k]
}

// sameChecks reports whether a and b are of one family and have the same named invariants and
// node kinds.
func sameChecks(a, b *Lang) bool {
	if a.Family != b.Family {
		return false
	}
	ai, bi := a.AllInvariants(), b.AllInvariants()
	ak, bk := a.Kinds(), b.Kinds()
	return len(ai) == len(bi) && len(ak) == len(bk) && subset(ai, b.Has) && subset(ak, b.Allows)
}

func subset(xs []string, in func(string) bool) bool {
	for _, x := range xs {
		if !in(x) {
			return false
		}
	}
	return true
}
