package mir

// Liveness is the block-level liveness of virtual registers: In[i] and Out[i] list, sorted, the
// virtual registers live on entry to and exit from block index i. The sets are found one
// register at a time, by walking backwards from the blocks that use it before defining it to the
// blocks that define it (Appel's "liveness by path exploration"), so the cost follows the sizes
// of the live sets, not blocks × registers (a function of 100,000 blocks and 100,000 registers
// has small live sets but 10^10 bits), and no set is merged or rebuilt: a fixed-point iteration
// over sorted sets spent most of its time there. The sets share memory: callers must not modify
// them. A Liveness is reused by computing into it again (its tables are kept): the register
// allocator and coalesce-copies compute one per function on each worker.
type Liveness struct {
	In, Out [][]Reg
	// OutOnly, when set, makes Compute find only the live-out sets (In is left nil): the
	// register allocator reads no other.
	OutOnly bool

	// Tables kept between computations.
	used, killed    []int32 // per register: stamp of the last block that used / defined it
	gen, kill       pairs   // (register, block): used before any definition / defined in the block
	ins, outs       pairs   // (register, block) found live on entry / exit
	inMark, outMark []int32 // per block: stamp (register index+1) of the last register found live
	killMark        []int32 // per block: stamp of the last register it defines
	genAt, killAt   []int32 // per register: start of its blocks in gen.byReg / kill.byReg
	stack, counts   []int32
	inBuf, outBuf   []Reg
}

// pairs is a list of (register index, block index) pairs, and the same pairs' blocks grouped by
// register (byReg, indexed through an offsets table).
type pairs struct {
	list  []pair
	byReg []int32
}

type pair struct{ reg, block int32 }

func (p *pairs) add(r, b int32) {
	p.list = append(p.list, pair{r, b})
}

func (p *pairs) reset() {
	p.list = p.list[:0]
}

// ComputeLiveness solves liveness for f over its CFG g.
func ComputeLiveness(f *Func, g *CFG) *Liveness {
	lv := new(Liveness)
	lv.Compute(f, g, nil)
	return lv
}

// Compute solves liveness for f over its CFG g into lv, for the virtual registers want marks
// (by r - FirstVirtual; nil: all of them). The sets of earlier computations are overwritten.
func (lv *Liveness) Compute(f *Func, g *CFG, want []bool) {
	n := len(f.Blocks)
	nregs := lv.scanBlocks(f, want)
	lv.gen.group(nregs, &lv.genAt)
	lv.kill.group(nregs, &lv.killAt)
	lv.inMark = resize(lv.inMark, n)
	lv.outMark = resize(lv.outMark, n)
	lv.killMark = resize(lv.killMark, n)
	lv.ins.reset()
	lv.outs.reset()
	// Registers in increasing order: each block's sets come out sorted.
	for k := 0; k < nregs; k++ {
		gs, ge := lv.genAt[k], lv.genAt[k+1]
		if gs == ge {
			continue // never used: live nowhere
		}
		stamp := int32(k + 1)
		for _, b := range lv.kill.byReg[lv.killAt[k]:lv.killAt[k+1]] {
			lv.killMark[b] = stamp
		}
		stack := lv.stack[:0]
		for _, b := range lv.gen.byReg[gs:ge] {
			if lv.inMark[b] != stamp {
				lv.inMark[b] = stamp
				stack = append(stack, b)
			}
		}
		for len(stack) > 0 {
			b := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !lv.OutOnly {
				lv.ins.add(int32(k), b)
			}
			for _, p := range g.Preds[b] {
				if lv.outMark[p] == stamp {
					continue
				}
				lv.outMark[p] = stamp
				lv.outs.add(int32(k), int32(p))
				if lv.killMark[p] != stamp && lv.inMark[p] != stamp {
					lv.inMark[p] = stamp
					stack = append(stack, int32(p))
				}
			}
		}
		lv.stack = stack
	}
	if lv.OutOnly {
		lv.In = nil
	} else {
		lv.In, lv.inBuf = lv.ins.sets(n, lv.In, lv.inBuf, &lv.counts)
	}
	lv.Out, lv.outBuf = lv.outs.sets(n, lv.Out, lv.outBuf, &lv.counts)
}

// scanBlocks lists, per block, the registers used before any definition in it (gen) and the
// registers it defines (kill), and returns the number of register indexes seen.
func (lv *Liveness) scanBlocks(f *Func, want []bool) int {
	lv.gen.reset()
	lv.kill.reset()
	nregs := max(0, int(f.NextV-FirstVirtual))
	lv.used = resize(lv.used, nregs)
	lv.killed = resize(lv.killed, nregs)
	var buf OperandBuf
	for i, b := range f.Blocks {
		stamp := int32(i + 1)
		for _, in := range b.Instrs {
			d, u := in.DefsUsesIn(&buf)
			for _, r := range u {
				k, ok := wanted(r, want)
				if ok && k >= len(lv.used) {
					lv.growMarks(k + 1)
				}
				if ok && lv.killed[k] != stamp && lv.used[k] != stamp {
					lv.used[k] = stamp
					lv.gen.add(int32(k), int32(i))
				}
			}
			for _, r := range d {
				k, ok := wanted(r, want)
				if ok && k >= len(lv.used) {
					lv.growMarks(k + 1)
				}
				if ok && lv.killed[k] != stamp {
					lv.killed[k] = stamp
					lv.kill.add(int32(k), int32(i))
				}
			}
		}
	}
	return len(lv.used)
}

// wanted returns the index of r when it is a virtual register want marks (nil: any).
func wanted(r Reg, want []bool) (int, bool) {
	k := int(r - FirstVirtual)
	return k, k >= 0 && (want == nil || k < len(want) && want[k])
}

// growMarks lengthens the marks to n registers (a register above f.NextV).
func (lv *Liveness) growMarks(n int) {
	lv.used, lv.killed = grow(lv.used, n), grow(lv.killed, n)
}

// group fills p.byReg with the pairs' blocks grouped by register (in the order added) and at
// with each register's start in it (at[k]..at[k+1]).
func (p *pairs) group(nregs int, at *[]int32) {
	offs := resize(*at, nregs+1)
	for _, x := range p.list {
		offs[x.reg+1]++
	}
	for k := 0; k < nregs; k++ {
		offs[k+1] += offs[k]
	}
	p.byReg = grow(p.byReg[:0], len(p.list))
	for _, x := range p.list {
		p.byReg[offs[x.reg]] = x.block
		offs[x.reg]++
	}
	// Each offset was moved to the next register's start: shift back.
	copy(offs[1:], offs[:nregs])
	offs[0] = 0
	*at = offs
}

// sets groups the pairs by block into sets (reusing sets, buf and the counts table): the
// registers of each block in the order added.
func (p *pairs) sets(n int, sets [][]Reg, buf []Reg, countsBuf *[]int32) ([][]Reg, []Reg) {
	if cap(sets) < n {
		sets = make([][]Reg, n)
	}
	sets = sets[:n]
	next := resize(*countsBuf, n+1) // where the block's next register goes
	*countsBuf = next
	for _, x := range p.list {
		next[x.block+1]++
	}
	for b := 0; b < n; b++ {
		next[b+1] += next[b]
	}
	if cap(buf) < len(p.list) {
		buf = make([]Reg, len(p.list))
	}
	buf = buf[:len(p.list)]
	for _, x := range p.list {
		buf[next[x.block]] = FirstVirtual + Reg(x.reg)
		next[x.block]++
	}
	start := int32(0) // next[b] is now the end of block b's registers
	for b := 0; b < n; b++ {
		sets[b] = buf[start:next[b]:next[b]]
		start = next[b]
	}
	return sets, buf
}

// resize returns s with length n, all zero, reusing its memory.
func resize(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// grow returns s lengthened to n with zeros.
func grow(s []int32, n int) []int32 {
	if n <= len(s) {
		return s
	}
	return append(s, make([]int32, n-len(s))...)
}
