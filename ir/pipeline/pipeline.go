// Package pipeline is the one driver loop of cot: every pipeline (front end, AArch64 backend) is a
// Table of Passes run by Table.Run, which alone dumps, verifies, times, recovers and stops.
// Passes never print, time themselves or read flags.
package pipeline

import (
	"fmt"
	"io"
	"strings"

	"cot/ir/src"
)

// Family is an IR family (ast, wasm, ssa, mir): how its programs print and verify.
type Family struct {
	Name string
	// Print writes the deterministic text form of prog. A non-empty fn limits it to that function.
	Print func(w io.Writer, prog any, fn string)
	// Verify checks prog against the family invariants and against lang (allowed kinds, named
	// invariants). It returns every violation found, nil when prog is well-formed.
	Verify func(lang *Lang, prog any) []error
	// VerifyWith, when set, is Verify for a verifier that keeps what it learnt in one check for
	// the next check of the same compilation (verify_state.go): state is the family's, kept by
	// the context; last says no later check of the run will see it (the driver drops it after).
	// It must return exactly what Verify returns.
	VerifyWith func(state *any, lang *Lang, prog any, last bool) []error
	// Checks lists the named invariants Verify checks; a language of the family may declare only
	// these (Table.UncheckedInvariants).
	Checks []string
}

// Lang is one IR language, declared as a delta of its base: the node kinds it adds and removes and
// the named invariants it adds (e.g. "args-trivial", "no-free-vars").
type Lang struct {
	Name       string
	Family     *Family
	Base       *Lang
	Add        []string // node kinds allowed in addition to Base's
	Remove     []string // node kinds of Base no longer allowed
	Invariants []string // named invariants in addition to Base's
	Drop       []string // named invariants of Base that no longer hold
}

// Allows reports whether node kind k is part of the language.
func (l *Lang) Allows(k string) bool {
	for x := l; x != nil; x = x.Base {
		for _, r := range x.Remove {
			if r == k {
				return false
			}
		}
		for _, a := range x.Add {
			if a == k {
				return true
			}
		}
	}
	return false
}

// Has reports whether the named invariant holds in the language.
func (l *Lang) Has(inv string) bool {
	for x := l; x != nil; x = x.Base {
		for _, r := range x.Drop {
			if r == inv {
				return false
			}
		}
		for _, a := range x.Invariants {
			if a == inv {
				return true
			}
		}
	}
	return false
}

// AllInvariants lists the named invariants that hold in the language, from the root.
func (l *Lang) AllInvariants() []string {
	var out []string
	for x := l; x != nil; x = x.Base {
		for _, inv := range x.Invariants {
			if l.Has(inv) && !contains(out, inv) {
				out = append(out, inv)
			}
		}
	}
	return out
}

// Kinds lists the node kinds of the language, in declaration order from the root.
func (l *Lang) Kinds() []string {
	var chain []*Lang
	for x := l; x != nil; x = x.Base {
		chain = append([]*Lang{x}, chain...)
	}
	var out []string
	for _, x := range chain {
		for _, a := range x.Add {
			if l.Allows(a) && !contains(out, a) {
				out = append(out, a)
			}
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Pass is one small transformation from language In to language Out.
type Pass struct {
	Name    string
	In, Out *Lang
	// Required marks a pass the compilation cannot do without although it keeps its language (an
	// analysis that reports user errors, a rewrite later passes rely on). A pass that changes the
	// language is always required; only the others may be disabled (--disable-pass).
	Required bool
	// AfterErrors marks a checking pass that still runs when the passes before it reported user
	// errors — its input may then hold what those errors are about (unresolved names, invalid
	// types), which it must accept silently — so one run reports the errors of several analyses
	// (undefined names and type mismatches together). The driver stops after the last such pass
	// of an unbroken run of them.
	AfterErrors bool
	// Defers names invariants of Out that --verify=each checks after a later pass instead of this
	// one, in a streamed run: costly checks (a liveness analysis) of what the pass does not set
	// out to change. A streamed unit is checked for them after the next pass of the stream that
	// does not defer them, and Table.Check requires one of the same family to follow; the
	// pass-at-a-time runs of the debugging flags check everything after every pass.
	Defers []string
	// Run transforms prog. It reports user errors through ctx.Diags and returns a *src.UserError;
	// any other failure is a compiler bug and should panic.
	Run func(ctx *Ctx, prog any) (any, error)
}

// Disablable reports whether --disable-pass may skip p: an optional pass that keeps its language.
func (p Pass) Disablable() bool { return !p.Required && p.In == p.Out }

// Ctx is what a pass may know about the compilation besides its input.
type Ctx struct {
	Diags  *src.Diagnostics
	Target string // "wasm32" or "arm64-linux"
	// Func names the function being worked on, for internal-error reports (passes may set it).
	Func string
	// Store holds results shared between passes of one compilation (e.g. type tables), by key.
	Store map[string]any
	// ReadFile reads the source files a program imports (parse); nil reads them from the disk.
	// The language server sets it to read open documents from the editor.
	ReadFile func(name string) ([]byte, error)
	// Unit is the descriptor of the unit a streamed pass works on (Table.Stream), nil when the
	// pass sees the whole program.
	Unit any
	// unchanged is set by Unchanged (unchanged.go) during one pass.
	unchanged bool
	// verifyEach is set while a stream (stream.go) runs under --verify=each (VerifyEach).
	verifyEach bool
	// verifyStates holds each family's verifier state (verify_state.go).
	verifyStates map[*Family]*any
}

// VerifyEach reports whether the streamed passes' outputs are checked after each pass
// (Stream.VerifyUnit): the stream's Units, VerifyUnit and VerifyJoin see it.
func (c *Ctx) VerifyEach() bool { return c.verifyEach }

// NewCtx returns a context with an empty diagnostic list.
func NewCtx(target string) *Ctx {
	return &Ctx{Diags: &src.Diagnostics{}, Target: target, Store: map[string]any{}}
}

// Constraint says pass Before must run before pass After, and why.
type Constraint struct {
	Before, After string
	Why           string
}

// Table is one ordered pass pipeline.
type Table struct {
	Name        string
	Passes      []Pass
	Constraints []Constraint
	Stream      *Stream // passes that work on one function at a time, if any
}

// Check verifies the table: unique names, each pass's input language is the previous pass's
// output language, and every ordering constraint holds.
func (t *Table) Check() error {
	index := map[string]int{}
	var errs []string
	for i, p := range t.Passes {
		if _, dup := index[p.Name]; dup {
			errs = append(errs, "duplicate pass "+p.Name)
		}
		index[p.Name] = i
		if p.In == nil || p.Out == nil {
			errs = append(errs, "pass "+p.Name+" lacks a language")
			continue
		}
		if i > 0 && t.Passes[i-1].Out != p.In {
			errs = append(errs, fmt.Sprintf("pass %s takes %s but %s produces %s", p.Name, p.In.Name, t.Passes[i-1].Name, t.Passes[i-1].Out.Name))
		}
		for _, inv := range p.Defers {
			if !p.Out.Has(inv) {
				errs = append(errs, fmt.Sprintf("pass %s defers %s, which %s does not have", p.Name, inv, p.Out.Name))
			} else if !t.checkedLater(i, inv) {
				errs = append(errs, fmt.Sprintf("pass %s defers %s, but no later required pass checks it", p.Name, inv))
			}
		}
	}
	for _, c := range t.Constraints {
		b, okb := index[c.Before]
		a, oka := index[c.After]
		switch {
		case !okb || !oka:
			errs = append(errs, fmt.Sprintf("constraint %s < %s names an unknown pass", c.Before, c.After))
		case b >= a:
			errs = append(errs, fmt.Sprintf("%s must run before %s: %s", c.Before, c.After, c.Why))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("pass table %s: %s", t.Name, strings.Join(errs, "; "))
	}
	return nil
}

// checkedLater reports whether a required pass after pass i checks invariant inv (its output
// has it and it does not defer it) before the family changes.
func (t *Table) checkedLater(i int, inv string) bool {
	for _, p := range t.Passes[i+1:] {
		if p.Out.Family != t.Passes[i].Out.Family || !p.Out.Has(inv) {
			return false
		}
		if !p.Disablable() && !contains(p.Defers, inv) {
			return true
		}
	}
	return false
}

// UncheckedInvariants lists, as family/invariant, the named invariants that a language of the
// table declares but that its family's verifier does not check (Family.Checks).
func (t *Table) UncheckedInvariants() []string {
	var out []string
	for _, p := range t.Passes {
		for _, l := range []*Lang{p.In, p.Out} {
			for _, inv := range l.AllInvariants() {
				key := l.Family.Name + "/" + inv
				if !contains(l.Family.Checks, inv) && !contains(out, key) {
					out = append(out, key)
				}
			}
		}
	}
	return out
}

// Names lists the pass names of the table in order.
func (t *Table) Names() []string {
	var out []string
	for _, p := range t.Passes {
		out = append(out, p.Name)
	}
	return out
}

// List writes the --list-passes form: index, name, in -> out, and "(optional)" for the passes
// --disable-pass may skip.
func (t *Table) List(w io.Writer, first int) {
	for i, p := range t.Passes {
		opt := ""
		if p.Disablable() {
			opt = "  (optional)"
		}
		fmt.Fprintf(w, "%3d  %-34s %s -> %s%s\n", first+i, p.Name, p.In.Name, p.Out.Name, opt)
	}
}
