package mir

import "slices"

// Liveness is the block-level liveness of virtual registers: In[i] and Out[i] list, sorted, the
// virtual registers live on entry to and exit from block index i. Sparse sets over a worklist:
// the cost follows the sizes of the live sets, not blocks × registers (a function of 100,000
// blocks and 100,000 registers has small live sets but 10^10 bits). The sets may share memory
// with each other: callers must not modify them.
type Liveness struct {
	In, Out [][]Reg
}

// ComputeLiveness solves liveness for f over its CFG g.
func ComputeLiveness(f *Func, g *CFG) *Liveness {
	n := len(f.Blocks)
	// gen: registers used before any definition in the block; kill: registers the block defines;
	// both sorted. Marks are per virtual register, the index+1 of the last block that saw it, so
	// one array serves every block (allocate-registers and the verifier run this on every
	// function after several passes: no map per block).
	gen, kill := make([][]Reg, n), make([][]Reg, n)
	var used, killed []int32
	var buf OperandBuf
	for i, b := range f.Blocks {
		stamp := int32(i + 1)
		for _, in := range b.Instrs {
			d, u := in.DefsUsesIn(&buf)
			for _, r := range u {
				if r.IsVirtual() {
					k := int(r - FirstVirtual)
					used, killed = growMarks(used, k), growMarks(killed, k)
					if killed[k] != stamp && used[k] != stamp {
						used[k] = stamp
						gen[i] = append(gen[i], r)
					}
				}
			}
			for _, r := range d {
				if r.IsVirtual() {
					k := int(r - FirstVirtual)
					used, killed = growMarks(used, k), growMarks(killed, k)
					if killed[k] != stamp {
						killed[k] = stamp
						kill[i] = append(kill[i], r)
					}
				}
			}
		}
		slices.Sort(gen[i])
		slices.Sort(kill[i])
	}
	lv := &Liveness{In: make([][]Reg, n), Out: make([][]Reg, n)}
	copy(lv.In, gen)
	// Postorder first (successors before predecessors), then whatever changes.
	work := g.Postorder()
	queued := make([]bool, n)
	for _, b := range work {
		queued[b] = true
	}
	for i := 0; i < n; i++ { // unreachable blocks too: their liveness is still well defined
		if !queued[i] {
			work = append(work, i)
			queued[i] = true
		}
	}
	for k := 0; k < len(work); k++ {
		b := work[k]
		queued[b] = false
		var out []Reg
		for _, s := range g.Succs[b] {
			out = union(out, lv.In[s])
		}
		lv.Out[b] = out
		// Live-in sets only grow: gen ∪ (out − kill) is built only when it is larger.
		if size, _ := liveIn(gen[b], out, kill[b], false); size != len(lv.In[b]) {
			_, lv.In[b] = liveIn(gen[b], out, kill[b], true)
			for _, p := range g.Preds[b] {
				if !queued[p] {
					queued[p] = true
					work = append(work, p)
				}
			}
		}
	}
	return lv
}

// growMarks makes marks long enough to index k.
func growMarks(marks []int32, k int) []int32 {
	if k < len(marks) {
		return marks
	}
	return append(marks, make([]int32, k+1-len(marks)+len(marks)/2)...)
}

// liveIn returns the size of gen ∪ (out − kill), all three sorted, and when build is set the
// set itself (counting first spares building a set that is no larger than the one it would
// replace).
func liveIn(gen, out, kill []Reg, build bool) (int, []Reg) {
	var in []Reg
	if build {
		in = make([]Reg, 0, len(gen)+len(out))
	}
	size := 0
	emit := func(r Reg) {
		size++
		if build {
			in = append(in, r)
		}
	}
	i, j, k := 0, 0, 0
	for i < len(gen) || j < len(out) {
		if j < len(out) {
			for k < len(kill) && kill[k] < out[j] {
				k++
			}
			if k < len(kill) && kill[k] == out[j] {
				j++ // defined in the block: live in only if gen has it
				continue
			}
		}
		switch {
		case j == len(out) || i < len(gen) && gen[i] < out[j]:
			emit(gen[i])
			i++
		case i == len(gen) || out[j] < gen[i]:
			emit(out[j])
			j++
		default:
			emit(gen[i])
			i++
			j++
		}
	}
	return size, in
}

// union merges two sorted sets.
func union(a, b []Reg) []Reg {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	out := make([]Reg, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}
