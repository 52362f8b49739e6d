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
// family when it has one.
func (c *Ctx) verify(l *Lang, prog any) []error {
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
	return f.VerifyWith(st, l, prog)
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
