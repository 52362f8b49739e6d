package mir

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// TestLivenessMatchesFixedPoint compares Compute with the textbook iteration to a fixed point
// (in = gen ∪ (out − kill), out = ∪ in of successors, over dense sets) on random functions:
// loops, unreachable blocks, registers used before any definition, and a register filter.
func TestLivenessMatchesFixedPoint(t *testing.T) {
	var lv Liveness // reused, as the allocator reuses it
	for seed := int64(0); seed < 300; seed++ {
		rng := rand.New(rand.NewSource(seed))
		f := randomFunc(rng)
		g := BuildCFG(f)
		var want []bool
		if seed%3 == 1 {
			want = make([]bool, f.NextV-FirstVirtual)
			for k := range want {
				want[k] = rng.Intn(2) == 0
			}
		}
		lv.OutOnly = seed%4 == 3
		lv.Compute(f, g, want)
		in, out := fixedPoint(f, g, want)
		if lv.OutOnly {
			if lv.In != nil {
				t.Fatalf("seed %d: In computed with OutOnly set", seed)
			}
			lv.In = in
		}
		for b := range f.Blocks {
			if !slices.Equal(lv.In[b], in[b]) || !slices.Equal(lv.Out[b], out[b]) {
				var text strings.Builder
				PrintFunc(&text, f)
				t.Fatalf("seed %d block %d: in %v out %v, want in %v out %v\n%s", seed, b,
					lv.In[b], lv.Out[b], in[b], out[b], text.String())
			}
		}
	}
}

// TestCFGMatchesEdgeByEdge compares BuildCFG with the lists built one edge at a time, in the
// order the analyses depend on (postorder, dominators), on the same random functions, some with
// sparse block ids.
func TestCFGMatchesEdgeByEdge(t *testing.T) {
	for seed := int64(0); seed < 300; seed++ {
		rng := rand.New(rand.NewSource(seed))
		f := randomFunc(rng)
		if seed%2 == 1 { // ids far apart: the map lookup
			for _, b := range f.Blocks {
				b.ID *= 1000
				for _, in := range b.Instrs {
					if in.Op.IsBranch() {
						in.Target *= 1000
					}
				}
			}
		}
		g := BuildCFG(f)
		index := map[int]int{}
		for i, b := range f.Blocks {
			index[b.ID] = i
		}
		succs, preds := make([][]int, len(f.Blocks)), make([][]int, len(f.Blocks))
		for i, b := range f.Blocks {
			ends := false
			for _, in := range b.Instrs {
				if in.Op.IsBranch() && !slices.Contains(succs[i], index[in.Target]) {
					succs[i] = append(succs[i], index[in.Target])
					preds[index[in.Target]] = append(preds[index[in.Target]], i)
				}
				ends = in.Op.IsTerminator()
			}
			if !ends && i+1 < len(f.Blocks) && !slices.Contains(succs[i], i+1) {
				succs[i] = append(succs[i], i+1)
				preds[i+1] = append(preds[i+1], i)
			}
		}
		for i := range f.Blocks {
			if !slices.Equal(g.Succs[i], succs[i]) || !slices.Equal(g.Preds[i], preds[i]) {
				t.Fatalf("seed %d block %d: succs %v preds %v, want %v %v", seed, i, g.Succs[i], g.Preds[i], succs[i], preds[i])
			}
		}
	}
}

// randomFunc makes a function of random blocks of adds over a few virtual registers, each
// block ending in a conditional branch, a jump or a return.
func randomFunc(rng *rand.Rand) *Func {
	f := &Func{Name: "f"}
	nregs := 1 + rng.Intn(12)
	for range nregs {
		f.NewVReg(Int)
	}
	reg := func() Reg { return FirstVirtual + Reg(rng.Intn(nregs)) }
	n := 1 + rng.Intn(10)
	for i := 0; i < n; i++ {
		b := &Block{ID: 10 + i}
		for range rng.Intn(5) {
			b.Instrs = append(b.Instrs, &Instr{Op: ADD, W: X, Rd: reg(), Rn: reg(), Rm: reg()})
		}
		switch rng.Intn(4) {
		case 0:
			b.Instrs = append(b.Instrs, &Instr{Op: RET, Uses: []Reg{reg()}})
		case 1:
			b.Instrs = append(b.Instrs, &Instr{Op: B, Target: 10 + rng.Intn(n)})
		default:
			b.Instrs = append(b.Instrs, &Instr{Op: CBZ, W: X, Rn: reg(), Target: 10 + rng.Intn(n)})
			if i == n-1 {
				b.Instrs = append(b.Instrs, &Instr{Op: B, Target: 10 + rng.Intn(n)})
			}
		}
		f.Blocks = append(f.Blocks, b)
	}
	return f
}

// fixedPoint is the reference: dense sets iterated until nothing changes.
func fixedPoint(f *Func, g *CFG, want []bool) (in, out [][]Reg) {
	n, nregs := len(f.Blocks), int(f.NextV-FirstVirtual)
	gen, kill := make([][]bool, n), make([][]bool, n)
	for i, b := range f.Blocks {
		gen[i], kill[i] = make([]bool, nregs), make([]bool, nregs)
		for _, ins := range b.Instrs {
			d, u := ins.DefsUses()
			for _, r := range u {
				if r.IsVirtual() && !kill[i][r-FirstVirtual] {
					gen[i][r-FirstVirtual] = true
				}
			}
			for _, r := range d {
				if r.IsVirtual() {
					kill[i][r-FirstVirtual] = true
				}
			}
		}
	}
	liveIn, liveOut := make([][]bool, n), make([][]bool, n)
	for i := range liveIn {
		liveIn[i], liveOut[i] = make([]bool, nregs), make([]bool, nregs)
	}
	for changed := true; changed; {
		changed = false
		for b := n - 1; b >= 0; b-- {
			for k := 0; k < nregs; k++ {
				o := false
				for _, s := range g.Succs[b] {
					o = o || liveIn[s][k]
				}
				i := gen[b][k] || o && !kill[b][k]
				if o != liveOut[b][k] || i != liveIn[b][k] {
					liveOut[b][k], liveIn[b][k], changed = o, i, true
				}
			}
		}
	}
	list := func(set []bool) []Reg {
		var rs []Reg
		for k, ok := range set {
			if ok && (want == nil || want[k]) {
				rs = append(rs, FirstVirtual+Reg(k))
			}
		}
		return rs
	}
	in, out = make([][]Reg, n), make([][]Reg, n)
	for b := range f.Blocks {
		in[b], out[b] = list(liveIn[b]), list(liveOut[b])
	}
	return in, out
}
