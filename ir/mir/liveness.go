package mir

import "sort"

// Liveness is the block-level liveness of virtual registers: In[i] and Out[i] list, sorted, the
// virtual registers live on entry to and exit from block index i. Sparse sets over a worklist:
// the cost follows the sizes of the live sets, not blocks × registers (a function of 100,000
// blocks and 100,000 registers has small live sets but 10^10 bits).
type Liveness struct {
	In, Out [][]Reg
}

// ComputeLiveness solves liveness for f over its CFG g.
func ComputeLiveness(f *Func, g *CFG) *Liveness {
	n := len(f.Blocks)
	gen, kill := make([][]Reg, n), make([]map[Reg]bool, n)
	for i, b := range f.Blocks {
		kill[i] = map[Reg]bool{}
		seen := map[Reg]bool{}
		for _, in := range b.Instrs {
			d, u := in.DefsUses()
			for _, r := range u {
				if r.IsVirtual() && !kill[i][r] && !seen[r] {
					seen[r] = true
					gen[i] = append(gen[i], r)
				}
			}
			for _, r := range d {
				if r.IsVirtual() {
					kill[i][r] = true
				}
			}
		}
		sortRegs(gen[i])
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
		var through []Reg // sorted, as out is
		for _, r := range out {
			if !kill[b][r] {
				through = append(through, r)
			}
		}
		in := union(gen[b], through)
		if len(in) != len(lv.In[b]) { // live-in sets only grow
			lv.In[b] = in
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

func sortRegs(rs []Reg) { sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] }) }

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
