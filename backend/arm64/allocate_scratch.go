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
	"slices"

	"cot/ir/mir"
)

// scratchRetrySpills is the most spilled intervals of a class for which a second allocation is
// tried.
const scratchRetrySpills = 3

// allocate assigns every virtual register of f a location (see the pass header and above).
func allocate(f *mir.Func) map[mir.Reg]location {
	assign := linearScan(f)
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
	retry := linearScanWith(f, extra)
	again := spillsByClass(f, retry)
	took := false
	for c := range extra {
		if again[c] > 0 {
			continue
		}
		took = true
		for r, loc := range retry {
			if f.Class[r] == c {
				assign[r] = loc
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
func renumberSlots(assign map[mir.Reg]location) int64 {
	var spilled []mir.Reg
	for r, loc := range assign {
		if loc.reg == mir.NoReg && loc.remat == nil {
			spilled = append(spilled, r)
		}
	}
	slices.Sort(spilled) // map order would number the slots differently from run to run
	number := map[int64]int64{}
	for _, r := range spilled {
		loc := assign[r]
		n, ok := number[loc.slot]
		if !ok {
			n = int64(len(number))
			number[loc.slot] = n
		}
		loc.slot = n
		assign[r] = loc
	}
	return int64(len(number))
}

// spillsByClass counts the virtual registers assign puts in no register, by class.
func spillsByClass(f *mir.Func, assign map[mir.Reg]location) map[mir.Class]int {
	n := map[mir.Class]int{}
	for r, loc := range assign {
		if loc.reg == mir.NoReg {
			n[f.Class[r]]++
		}
	}
	return n
}

// savedRegs lists the callee-saved registers assign uses, in pool order.
func savedRegs(assign map[mir.Reg]location) []mir.Reg {
	used := map[mir.Reg]bool{}
	for _, loc := range assign {
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
