package arm64

// Scratch registers as allocatable registers (part of allocate-registers): x13..x15 and
// v29..v31 are kept for spill code, which a function that spills nothing of a class never
// emits. A function whose first allocation spills a few intervals of a class (at most
// scratchRetrySpills, so that three more registers may hold them all) is allocated again with
// that class's scratch registers in its caller-saved pool; when nothing of the class is spilled
// then, that class's assignment is taken from the second allocation. Register classes are
// allocated independently, so the two assignments combine by class.
//
//	longest_match (zlib): limit and nice_match in stack slots, one reload per chain step
//	  =>  both in x13/x14, no slots used by int values

import (
	"iter"

	"cot/ir/mir"
)

// scratchRetrySpills is the most spilled intervals of a class for which a second allocation is
// tried.
const scratchRetrySpills = 3

// allocate assigns every virtual register of f a location (see the pass header and above).
func allocate(f *mir.Func) *assignment {
	w := getLiveWork()
	defer w.put()
	ivs, fixed := scanIntervals(w, f)
	assign := linearScanWith(f, ivs, fixed, nil)
	spilled := spillsByClass(f, assign)
	extra := map[mir.Class][]mir.Reg{}
	if n := spilled[mir.Int]; n > 0 && n <= scratchRetrySpills {
		extra[mir.Int] = intScratch
	}
	if n := spilled[mir.Float]; n > 0 && n <= scratchRetrySpills {
		extra[mir.Float] = floatScratch
	}
	if len(extra) == 0 {
		return assign
	}
	slots, saved := f.Slots, f.Saved
	for _, iv := range ivs { // the same intervals, scanned again from their starts
		iv.cur = 0
	}
	retry := linearScanWith(f, ivs, fixed, extra)
	again := spillsByClass(f, retry)
	took := false
	for c := range extra {
		if again[c] > 0 {
			continue
		}
		took = true
		for r, loc := range retry.all() {
			if f.Class[r] == c {
				assign.put(r, loc)
			}
		}
	}
	f.Slots, f.Saved = slots, saved
	if took {
		f.Saved = savedRegs(assign)
		f.Slots = renumberSlots(assign)
	}
	return assign
}

// renumberSlots numbers the slots still used from 0 (a class taken from the retry leaves the
// first allocation's slots of its values unused) and returns how many there are; values that
// shared a slot still share one.
func renumberSlots(assign *assignment) int64 {
	number := map[int64]int64{}
	for r, loc := range assign.all() { // in register order, so the numbering is deterministic
		if loc.reg != mir.NoReg || loc.remat != nil {
			continue
		}
		n, ok := number[loc.slot]
		if !ok {
			n = int64(len(number))
			number[loc.slot] = n
		}
		loc.slot = n
		assign.put(r, loc)
	}
	return int64(len(number))
}

// spillsByClass counts the virtual registers assign puts in no register, by class.
func spillsByClass(f *mir.Func, assign *assignment) map[mir.Class]int {
	n := map[mir.Class]int{}
	for r, loc := range assign.all() {
		if loc.reg == mir.NoReg {
			n[f.Class[r]]++
		}
	}
	return n
}

// savedRegs lists the callee-saved registers assign uses, in pool order.
func savedRegs(assign *assignment) []mir.Reg {
	used := map[mir.Reg]bool{}
	for _, loc := range assign.all() {
		used[loc.reg] = true
	}
	var out []mir.Reg
	for _, pool := range [][]mir.Reg{intCalleeSaved, floatCalleeSaved} {
		for _, r := range pool {
			if used[r] {
				out = append(out, r)
			}
		}
	}
	return out
}

// all yields every virtual register that has a location, with it, in register order.
func (a *assignment) all() iter.Seq2[mir.Reg, location] {
	return func(yield func(mir.Reg, location) bool) {
		for k, ok := range a.set {
			if ok && !yield(mir.FirstVirtual+mir.Reg(k), a.locs[k]) {
				return
			}
		}
	}
}
