package pipeline

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"cot/ir/src"
)

// VerifyMode says when the verifier runs.
type VerifyMode int

const (
	VerifyEach VerifyMode = iota // after every pass (the default)
	VerifyEnd                    // after the last pass only
	VerifyOff                    // never
)

// ParseVerifyMode parses the --verify flag value.
func ParseVerifyMode(s string) (VerifyMode, error) {
	switch s {
	case "", "each":
		return VerifyEach, nil
	case "end":
		return VerifyEnd, nil
	case "off":
		return VerifyOff, nil
	}
	return 0, fmt.Errorf("unknown --verify mode %q (valid: each, end, off)", s)
}

// Options are the debugging controls of the driver (design.md §5).
type Options struct {
	DumpAfter  []string // pass names, globs ("lower-*"), or "all"
	DumpBefore []string
	DumpFunc   string // limit dumps to one function
	DumpDir    string // write NN-pass.txt files instead of to Out
	StopAfter  string
	Disable    []string // optional passes to skip (names or globs)
	Verify     VerifyMode
	TimePasses bool
	HTMLFunc   string    // --dump-html: record this function after every pass for WriteHTML
	Out        io.Writer // dumps and timings; os.Stderr when nil

	// dumpIndex numbers dump files across the tables of one compilation.
	dumpIndex   int
	timings     []timing
	htmlColumns []htmlColumn
}

type timing struct {
	name string
	d    time.Duration
}

// ErrStopped is returned by Run when --stop-after named a pass of the table.
var ErrStopped = errors.New("stopped")

// CheckNames verifies that every pass name mentioned in opts exists in one of the tables; the
// error lists the valid names.
func (o *Options) CheckNames(tables ...*Table) error {
	var valid []string
	for _, t := range tables {
		valid = append(valid, t.Names()...)
	}
	check := func(flag, name string) error {
		if name == "all" && flag != "--stop-after" {
			return nil
		}
		for _, v := range valid {
			if ok, _ := filepath.Match(name, v); ok || v == name {
				return nil
			}
		}
		return fmt.Errorf("%s: unknown pass %q; valid passes: %s", flag, name, strings.Join(valid, ", "))
	}
	for _, n := range o.DumpAfter {
		if err := check("--dump-after", n); err != nil {
			return err
		}
	}
	for _, n := range o.DumpBefore {
		if err := check("--dump-before", n); err != nil {
			return err
		}
	}
	for _, n := range o.Disable {
		if err := check("--disable-pass", n); err != nil {
			return err
		}
		for _, t := range tables {
			for _, p := range t.Passes {
				if matches([]string{n}, p.Name) && !p.Disablable() {
					return fmt.Errorf("--disable-pass: pass %q is required (%s); only optional passes may be disabled: %s",
						p.Name, requiredWhy(p), strings.Join(optional(tables), ", "))
				}
			}
		}
	}
	if o.StopAfter != "" {
		return check("--stop-after", o.StopAfter)
	}
	return nil
}

func requiredWhy(p Pass) string {
	if p.In != p.Out {
		return fmt.Sprintf("it turns %s into %s", p.In.Name, p.Out.Name)
	}
	return "marked Required"
}

// optional lists the passes that may be disabled.
func optional(tables []*Table) []string {
	var out []string
	for _, t := range tables {
		for _, p := range t.Passes {
			if p.Disablable() {
				out = append(out, p.Name)
			}
		}
	}
	if len(out) == 0 {
		return []string{"(none)"}
	}
	return out
}

func matches(list []string, name string) bool {
	for _, n := range list {
		if n == "all" || n == name {
			return true
		}
		if ok, _ := filepath.Match(n, name); ok {
			return true
		}
	}
	return false
}

// InternalError is a compiler bug caught by the driver: a panic in a pass, or a verifier failure.
type InternalError struct {
	Pass  string
	Func  string
	Msg   string
	Stack string
	IR    string
}

func (e *InternalError) Error() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "internal error in pass %s", e.Pass)
	if e.Func != "" {
		fmt.Fprintf(&sb, " while compiling %s", e.Func)
	}
	fmt.Fprintf(&sb, ": %s\n", e.Msg)
	if e.IR != "" {
		sb.WriteString(";; IR:\n")
		sb.WriteString(e.IR)
	}
	if e.Stack != "" && os.Getenv("COT_STACK") != "" {
		sb.WriteString(e.Stack)
	}
	return sb.String()
}

// Run runs the table's passes over prog under opts. It returns the last program, ErrStopped
// (with the program) when --stop-after hit, a *src.UserError for user diagnostics, or an
// *InternalError for compiler bugs.
func (t *Table) Run(ctx *Ctx, prog any, opts *Options) (out any, err error) {
	w := opts.Out
	if w == nil {
		w = os.Stderr
	}
	var pending *src.UserError // errors of earlier passes, while AfterErrors passes go on checking
	sFirst, sLast, streamed := t.streamRange(opts)
	for i, p := range t.Passes {
		if streamed && i == sFirst && pending == nil {
			next, err := t.runStream(ctx, prog, enabled(t.Passes[sFirst:sLast+1], opts), opts)
			if err != nil {
				return nil, err
			}
			prog = next
			if opts.Verify == VerifyEnd && sLast == len(t.Passes)-1 {
				if errs := t.Passes[sLast].Out.Family.Verify(t.Passes[sLast].Out, prog); len(errs) > 0 {
					return nil, verifyError(t.Passes[sLast], prog, errs)
				}
			}
			continue
		}
		streamed = streamed && i != sFirst // earlier errors: the passes run one at a time
		if streamed && i > sFirst && i <= sLast {
			continue // run by runStream at sFirst
		}
		if p.Disablable() && matches(opts.Disable, p.Name) {
			continue
		}
		if pending != nil && !p.AfterErrors {
			return nil, pending
		}
		if matches(opts.DumpBefore, p.Name) && pending == nil {
			if err := opts.dump(w, "before", p, prog); err != nil {
				return nil, err
			}
		}
		start := time.Now()
		next, err := runOne(ctx, p, prog)
		if opts.TimePasses {
			opts.timings = append(opts.timings, timing{p.Name, time.Since(start)})
		}
		var ue *src.UserError
		switch {
		case errors.As(err, &ue) && next != nil:
			pending, prog = ue, next
			continue
		case err != nil && pending != nil:
			// Checking input that earlier errors left broken: the user's errors are what counts,
			// including any this pass found before it gave up.
			return nil, pending
		case err != nil:
			return nil, err
		case pending != nil:
			prog = next
			continue
		}
		prog = next
		last := i == len(t.Passes)-1
		if opts.Verify == VerifyEach || (opts.Verify == VerifyEnd && (last || opts.StopAfter == p.Name)) {
			vstart := time.Now()
			errs := ctx.verify(p.Out, prog, t.lastOfFamily(i))
			if opts.TimePasses {
				opts.addTiming("(verify "+p.Out.Family.Name+")", time.Since(vstart))
			}
			if len(errs) > 0 {
				return nil, verifyError(p, prog, errs)
			}
		}
		if opts.HTMLFunc != "" {
			opts.recordHTML(p, prog)
		}
		if matches(opts.DumpAfter, p.Name) {
			if err := opts.dump(w, "after", p, prog); err != nil {
				return nil, err
			}
		}
		if opts.StopAfter == p.Name {
			return prog, ErrStopped
		}
	}
	if pending != nil {
		return nil, pending
	}
	return prog, nil
}

func runOne(ctx *Ctx, p Pass, prog any) (out any, err error) {
	ctx.Func = ""
	defer func() {
		if r := recover(); r != nil {
			var ir strings.Builder
			p.In.Family.Print(&ir, prog, ctx.Func)
			err = &InternalError{Pass: p.Name, Func: ctx.Func, Msg: fmt.Sprint(r), Stack: string(debug.Stack()), IR: ir.String()}
		}
	}()
	out, err = p.Run(ctx, prog)
	if err == nil && ctx.Diags.HasErrors() {
		err = &src.UserError{Diags: ctx.Diags}
	}
	return out, err
}

func verifyError(p Pass, prog any, errs []error) error {
	var sb strings.Builder
	fmt.Fprintf(&sb, "verify after %s (%s -> %s): %d error", p.Name, p.In.Name, p.Out.Name, len(errs))
	if len(errs) != 1 {
		sb.WriteString("s")
	}
	for _, e := range errs {
		sb.WriteString("\n  ")
		sb.WriteString(e.Error())
	}
	var ir strings.Builder
	p.Out.Family.Print(&ir, prog, "")
	return &InternalError{Pass: p.Name, Msg: sb.String(), IR: ir.String()}
}

func (o *Options) dump(w io.Writer, when string, p Pass, prog any) error {
	var sb strings.Builder
	fmt.Fprintf(&sb, ";; %s %s (%s -> %s)\n", when, p.Name, p.In.Name, p.Out.Name)
	lang := p.Out
	if when == "before" {
		lang = p.In
	}
	lang.Family.Print(&sb, prog, o.DumpFunc)
	if o.DumpDir == "" {
		_, err := io.WriteString(w, sb.String())
		return err
	}
	o.dumpIndex++
	if err := os.MkdirAll(o.DumpDir, 0o755); err != nil {
		return err
	}
	name := fmt.Sprintf("%02d-%s%s.txt", o.dumpIndex, map[string]string{"before": "before-", "after": ""}[when], p.Name)
	return os.WriteFile(filepath.Join(o.DumpDir, name), []byte(sb.String()), 0o644)
}

// WriteTimings prints the --time-passes table: the passes, slowest first, each with its share of
// the passes' total; then the driver's verification, one row per family, each with its cost as a
// share of the passes' total (it is not a pass: --verify=off drops it); then the whole.
func (o *Options) WriteTimings(w io.Writer) {
	if !o.TimePasses {
		return
	}
	var passes, checks []timing
	var passTotal, checkTotal time.Duration
	for _, t := range o.timings {
		if strings.HasPrefix(t.name, "(verify ") {
			checks, checkTotal = append(checks, t), checkTotal+t.d
		} else {
			passes, passTotal = append(passes, t), passTotal+t.d
		}
	}
	share := func(d time.Duration) float64 {
		if passTotal == 0 {
			return 0
		}
		return 100 * float64(d) / float64(passTotal)
	}
	rows := func(list []timing) {
		sort.SliceStable(list, func(i, j int) bool { return list[i].d > list[j].d })
		for _, t := range list {
			fmt.Fprintf(w, "%-34s %12s %5.1f%%\n", t.name, t.d.Round(time.Microsecond), share(t.d))
		}
	}
	fmt.Fprintf(w, "%-34s %12s %6s\n", "pass", "time", "%")
	rows(passes)
	fmt.Fprintf(w, "%-34s %12s\n", "total", passTotal.Round(time.Microsecond))
	if len(checks) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%-34s %12s %6s\n", "verification", "time", "+%")
	rows(checks)
	fmt.Fprintf(w, "%-34s %12s\n", "total with verification", (passTotal + checkTotal).Round(time.Microsecond))
}
