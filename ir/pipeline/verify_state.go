package pipeline

// Verifier state: under --verify=each the front end's program is verified whole after each of
// some thirty passes, most of which rewrite a few declarations and share the rest with their
// input (ast.Rewriter.Share). A family whose verifier can use that (Family.VerifyWith) gets a
// state of its own that lives as long as the context — one compilation — and is handed to
// every check of a program of the family, so that the check of a declaration it has already
// checked, unchanged, against the same rules is not repeated (verify/ast_incremental.go says
// when that is sound). The state belongs to the context, never to a package variable, so
// compilations side by side do not share it.

import "time"

// verify checks prog against l, through the family's VerifyWith and the context's state for the
// family when it has one. last says no later pass of the run has an output of l's family: the
// state is dropped after this check (it would only hold memory).
func (c *Ctx) verify(l *Lang, prog any, last bool) []error {
	f := l.Family
	if f.VerifyWith == nil {
		return f.Verify(l, prog)
	}
	if c.verifyStates == nil {
		c.verifyStates = map[*Family]*any{}
	}
	st := c.verifyStates[f]
	if st == nil {
		st = new(any)
		c.verifyStates[f] = st
	}
	errs := f.VerifyWith(st, l, prog, last)
	if last {
		delete(c.verifyStates, f)
	}
	return errs
}

// lastOfFamily reports whether no pass after pass i of t outputs a program of pass i's family.
func (t *Table) lastOfFamily(i int) bool {
	for _, p := range t.Passes[i+1:] {
		if p.Out.Family == t.Passes[i].Out.Family {
			return false
		}
	}
	return true
}

// addTiming adds d to the --time-passes row named name, one row per name (the verifier's time
// is one row per family, "(verify ast)", beside the passes').
func (o *Options) addTiming(name string, d time.Duration) {
	for i := range o.timings {
		if o.timings[i].name == name {
			o.timings[i].d += d
			return
		}
	}
	o.timings = append(o.timings, timing{name, d})
}
