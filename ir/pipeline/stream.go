package pipeline

// Streamed passes: a table may declare (Table.Stream) that a run of its passes works on one
// function at a time. Table.Run then hands every unit (a function, or whatever the table calls
// one) through all of those passes before the next, on GOMAXPROCS workers, and keeps only each
// unit's output — so the compilation's memory is a few functions' IR plus the outputs, not the
// whole program's IR at every stage, and its wall time divides by the cores.
//
// The result does not depend on the number of workers or on their timing: each unit's passes see
// the shared input program (read only), the unit's descriptor and their own output; the outputs
// are joined in unit order; of several failing units, the first in unit order is reported (every
// unit before it has run by then: a worker skips only units after the first failure found so
// far). Units are handed out costliest first when the stream says what a unit costs.
//
// Debugging flags that need the whole program between two streamed passes (--dump-before/-after,
// --stop-after, --dump-html naming a streamed pass) make Run take the passes one at a time over the
// whole program instead, as a table without a Stream does; the output is the same.

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"cot/ir/src"
)

// Stream names the streamed passes of a table, First to Last (inclusive), and how the program
// before First divides into units and the units' outputs join into the program after Last.
type Stream struct {
	First, Last string
	// Start holds the whole-program preparation of streamed passes, by pass name (the module a
	// lowering declares before any body is lowered, say): each runs on prog, the input of First,
	// in table order before Units, and is timed as its pass's work. What they make goes in
	// ctx.Store for Units and the units.
	Start map[string]func(ctx *Ctx, prog any)
	// Units returns the descriptors of the units of prog, the input of First. Each pass of the
	// stream is run on that same prog for every unit, with Ctx.Unit set to the unit's descriptor;
	// later passes get the unit's output of the pass before. Units may put results shared by all
	// units (read only from then on) in ctx.Store.
	Units func(ctx *Ctx, prog any) []any
	// Join returns the output of Last for the whole program from prog (the input of First) and
	// the units' outputs of Last, in unit order.
	Join func(ctx *Ctx, prog any, outs []any) (any, error)
	// Cost, when set, estimates the work of a unit (any unit: its size in bytes, say). Workers
	// take the costliest units first, so that a large unit does not start last and leave the
	// other workers idle while it runs; outputs are joined in unit order all the same.
	Cost func(unit any) int
	// VerifyWhole says the units' outputs are not programs the passes' verifiers check (a
	// function whose references reach the rest of the program): under --verify=each the passes
	// run one at a time over the whole program instead, as the debugging flags make them.
	VerifyWhole bool
	// VerifyUnit, when set, checks a unit's output (out) of the stream's pass named pass against
	// lang under --verify=each, in place of the family's verifier of whole programs; with
	// VerifyJoin, the two make every check the verifiers make of the whole programs. Units sees
	// ctx.VerifyEach to prepare what the checks need of the rest of the program.
	VerifyUnit func(ctx *Ctx, pass string, lang *Lang, out any) []error
	// VerifyJoin makes the checks of the whole program no unit's can, once every unit has run
	// without error, before Join: it returns the pass whose output fails them (its name, and the
	// program to show with the errors) and the errors.
	VerifyJoin func(ctx *Ctx, prog any, outs []any) (pass string, shown any, errs []error)
}

// Workers is the number of units a streamed run compiles at once; 0 means GOMAXPROCS.
var Workers = 0

// streamRange returns the indices of the first and last passes of the table's stream, or ok
// false when it has none or when opts need the whole program between streamed passes.
func (t *Table) streamRange(opts *Options) (first, last int, ok bool) {
	if t.Stream == nil {
		return 0, 0, false
	}
	first, last = -1, -1
	for i, p := range t.Passes {
		if p.Name == t.Stream.First {
			first = i
		}
		if p.Name == t.Stream.Last {
			last = i
		}
	}
	if first < 0 || last < first {
		return 0, 0, false
	}
	for _, p := range t.Passes[first : last+1] {
		if matches(opts.DumpBefore, p.Name) || matches(opts.DumpAfter, p.Name) || opts.StopAfter == p.Name {
			return 0, 0, false
		}
	}
	if opts.HTMLFunc != "" || (t.Stream.VerifyWhole && t.Stream.VerifyUnit == nil && opts.Verify == VerifyEach) {
		return 0, 0, false
	}
	return first, last, true
}

// runStream runs passes (the stream's, in table order) over every unit of prog and joins them.
func (t *Table) runStream(ctx *Ctx, prog any, passes []Pass, opts *Options) (any, error) {
	ctx.verifyEach = opts.Verify == VerifyEach
	// spent[k] is pass k's time, spent[len(passes)+k] that of the checks of its outputs, and
	// the last the join's checks (Stream.VerifyJoin, the output's).
	spent := make([]time.Duration, 2*len(passes)+1)
	for k, p := range passes {
		if f := t.Stream.Start[p.Name]; f != nil {
			start := time.Now()
			f(ctx, prog)
			spent[k] += time.Since(start)
		}
	}
	start := time.Now()
	units := t.Stream.Units(ctx, prog)
	order := handOutOrder(units, t.Stream.Cost)
	outs := make([]any, len(units))
	errs := make([]error, len(units))
	spent[0] += time.Since(start) // dividing the program is the first pass's work, joining the last's
	var mu sync.Mutex
	var next, failed atomic.Int64
	failed.Store(int64(len(units)))
	plan := newVerifyPlan(passes)
	workers := Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	for w := 0; w < workers && w < len(units); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			local := make([]time.Duration, len(spent))
			for {
				k := next.Add(1) - 1
				if k >= int64(len(units)) {
					break
				}
				i := order[k]
				if i > failed.Load() {
					continue // a unit after a failed one: its result cannot matter
				}
				uctx := &Ctx{Diags: &src.Diagnostics{}, Target: ctx.Target, Store: ctx.Store, Unit: units[i], verifyEach: ctx.verifyEach}
				outs[i], errs[i] = runUnit(uctx, prog, passes, opts, local, plan, t.Stream.VerifyUnit)
				if errs[i] != nil {
					for {
						f := failed.Load()
						if i >= f || failed.CompareAndSwap(f, i) {
							break
						}
					}
				}
			}
			mu.Lock()
			for k, d := range local {
				spent[k] += d
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	var out any
	var err error
	if f := failed.Load(); f < int64(len(units)) {
		err = errs[f]
	} else {
		vstart := time.Now()
		err = t.verifyJoin(ctx, prog, outs, passes)
		spent[2*len(passes)] += time.Since(vstart)
		if err == nil {
			start = time.Now()
			out, err = t.Stream.Join(ctx, prog, outs)
			spent[len(passes)-1] += time.Since(start)
		}
	}
	if err == nil && ctx.verifyEach && t.Stream.VerifyUnit != nil {
		vstart := time.Now()
		last := passes[len(passes)-1]
		errs := last.Out.Family.Verify(last.Out, out)
		spent[2*len(passes)] += time.Since(vstart)
		if len(errs) > 0 {
			return nil, verifyError(last, out, errs)
		}
	}
	if opts.TimePasses {
		for k, p := range passes {
			opts.timings = append(opts.timings, timing{p.Name, spent[k]})
		}
		for k, p := range passes {
			if d := spent[len(passes)+k]; d > 0 {
				opts.addTiming("(verify "+p.Out.Family.Name+")", d)
			}
		}
		if d := spent[2*len(passes)]; d > 0 && ctx.verifyEach {
			opts.addTiming("(verify stream join)", d)
		}
	}
	return out, err
}

// verifyJoin makes the stream's checks of the whole program (Stream.VerifyJoin) under
// --verify=each.
func (t *Table) verifyJoin(ctx *Ctx, prog any, outs []any, passes []Pass) error {
	if !ctx.verifyEach || t.Stream.VerifyJoin == nil {
		return nil
	}
	name, shown, errs := t.Stream.VerifyJoin(ctx, prog, outs)
	if len(errs) == 0 {
		return nil
	}
	for _, p := range passes {
		if p.Name == name {
			return verifyError(p, shown, errs)
		}
	}
	panic("pipeline: the stream's join check names pass " + name + ", which is not among the streamed passes")
}

// handOutOrder returns the unit indices in the order workers take them: costliest first (ties
// in unit order) when cost is set, else unit order. Every unit before a failing one (in unit
// order) still runs, whatever the order: a worker skips only units after the first failure
// found so far, and that index only decreases.
func handOutOrder(units []any, cost func(any) int) []int64 {
	order := make([]int64, len(units))
	for i := range order {
		order[i] = int64(i)
	}
	if cost == nil {
		return order
	}
	costs := make([]int, len(units))
	for i, u := range units {
		costs[i] = cost(u)
	}
	slices.SortStableFunc(order, func(a, b int64) int { return costs[b] - costs[a] })
	return order
}

// runUnit runs the passes on one unit, verifying after each under --verify=each (but after a pass
// that left an already verified program unchanged: plan.skip), and adds the time of each pass to
// spent.
func runUnit(ctx *Ctx, prog any, passes []Pass, opts *Options, spent []time.Duration, plan *verifyPlan,
	verifyUnit func(*Ctx, string, *Lang, any) []error) (any, error) {
	verified := -1 // the pass after which the unit's program was last verified
	for k, p := range passes {
		ctx.unchanged = false
		start := time.Now()
		next, err := runOne(ctx, p, prog)
		spent[k] += time.Since(start)
		start = time.Now()
		if err != nil { // a user error too: a streamed pass reports no errors for later passes to add to
			return nil, err
		}
		prog = next
		if opts.Verify == VerifyEach && !plan.skip(ctx, verified, k) {
			var errs []error
			if verifyUnit != nil {
				errs = verifyUnit(ctx, p.Name, plan.want[k], prog)
			} else {
				errs = p.Out.Family.Verify(plan.want[k], prog)
			}
			if len(errs) > 0 {
				return nil, verifyError(p, prog, errs)
			}
			verified = k
			spent[len(passes)+k] += time.Since(start)
		}
	}
	return prog, nil
}

// deferring returns the language to verify p's output against in a streamed run: p.Out less
// the invariants p defers (Pass.Defers), unless p is the stream's last pass.
func deferring(p Pass, last bool) *Lang {
	if len(p.Defers) == 0 || last {
		return p.Out
	}
	return &Lang{Name: p.Out.Name, Family: p.Out.Family, Base: p.Out, Drop: p.Defers}
}

// enabled lists the passes from first to last that opts do not disable.
func enabled(passes []Pass, opts *Options) []Pass {
	var out []Pass
	for _, p := range passes {
		if !(p.Disablable() && matches(opts.Disable, p.Name)) {
			out = append(out, p)
		}
	}
	return out
}
