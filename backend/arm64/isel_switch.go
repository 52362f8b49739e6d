package arm64

// Instruction selection of br_table (part of select-instructions): with at least
// minTableCases cases, one bounds check sends an out-of-range index to the default and a jump
// table branches on the rest; fewer cases compare the index with each in turn.
//
//	switch v1, b1(), b2(), b3(), b4(), b5()  =>  cmp w%101, #4 ; b.hs .Lf_5
//	                                              br_table w%101 -> [.Lf_1, .Lf_2, .Lf_3, .Lf_4]
//	switch v1, b1(), b2()                    =>  cmp w%101, #0 ; b.eq .Lf_1 ; b .Lf_2
//
// Design decision: the threshold is where the table's fixed cost (cmp, b.hs, adr, ldrsw, add,
// br: six instructions for any case) beats the chain's average (two per case tried; half the
// cases on average plus the default's full chain).

import (
	"cot/ir/mir"
	"cot/ir/ssa"
)

// minTableCases is the fewest cases (the default not counted) that get a jump table.
const minTableCases = 4

// lowerSwitch branches to the successor the index selects; the last successor is the default.
func (s *selector) lowerSwitch(t *ssa.Term) {
	idx := s.use(t.Cond)
	n := len(t.Succs) - 1
	if n < minTableCases {
		for i := 0; i < n; i++ {
			target := s.edgeTarget(t.Succs[i])
			s.cmpImm(mir.W, idx, uint64(i))
			s.emit(&mir.Instr{Op: mir.BCOND, Cond: mir.EQ, Target: target})
		}
		s.edge(t.Succs[n])
		return
	}
	s.cmpImm(mir.W, idx, uint64(n))
	s.emit(&mir.Instr{Op: mir.BCOND, Cond: mir.HS, Target: s.edgeTarget(t.Succs[n])})
	table := make([]int, n)
	for i := range table {
		table[i] = s.edgeTarget(t.Succs[i])
	}
	s.emit(&mir.Instr{Op: mir.BRTABLE, W: mir.W, Rn: idx, Table: table})
}
