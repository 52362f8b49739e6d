package arm64

// Instruction selection of terminators and control-flow edges (part of select-instructions):
// branches, conditional branches, br_table switches and the block-argument moves on each edge.

import (
	"cot/ir/mir"
	"cot/ir/ssa"
)

// terminator lowers a block's terminator.
func (s *selector) terminator(t *ssa.Term) {
	switch t.Kind {
	case ssa.TermJump:
		s.edge(t.Succs[0])
	case ssa.TermBranch:
		then := s.edgeTarget(t.Succs[0])
		if s.bitBranch(t.Cond, then) {
			// tbz/tbnz (isel_bit_branch.go)
		} else if t.Cond == s.fused {
			if !s.zeroBranch(t.Cond, then) {
				c := s.compareFlags(t.Cond)
				s.emit(&mir.Instr{Op: mir.BCOND, Cond: c, Target: then})
			}
		} else {
			s.emit(&mir.Instr{Op: mir.CBNZ, W: mir.W, Rn: s.use(t.Cond), Target: then})
		}
		s.edge(t.Succs[1])
	case ssa.TermSwitch:
		s.lowerSwitch(t)
	case ssa.TermReturn:
		s.lowerReturn(t.Values)
	case ssa.TermUnreachable:
		s.emit(&mir.Instr{Op: mir.TRAP, Sym: "cot_trap_unreachable"})
	}
}

// edgeTarget returns the block to branch to for edge e: the target itself when e carries no
// arguments, else a new edge block doing the copies.
func (s *selector) edgeTarget(e ssa.Edge) int {
	if len(e.Args) == 0 {
		return e.To.ID
	}
	save := s.cur
	s.cur = s.newBlock()
	id := s.cur.ID
	s.edge(e)
	s.cur = save
	return id
}

// edge copies e's arguments into the target's parameter registers and jumps there.
func (s *selector) edge(e ssa.Edge) {
	params := map[*ssa.Value]bool{}
	for _, p := range e.To.Params {
		params[p] = true
	}
	srcs := make([]mir.Reg, len(e.Args))
	for i, a := range e.Args {
		p := e.To.Params[i]
		if a == p {
			srcs[i] = mir.NoReg
			continue
		}
		r := s.use(a)
		if params[a] {
			tmp := s.vreg(classOf(a.Type))
			s.mov(width(a.Type), tmp, r)
			r = tmp
		}
		srcs[i] = r
	}
	for i, r := range srcs {
		if r != mir.NoReg {
			p := e.To.Params[i]
			s.mov(width(p.Type), s.reg(p), r)
		}
	}
	s.emit(&mir.Instr{Op: mir.B, Target: e.To.ID})
}
