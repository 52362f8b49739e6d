package arm64

import "cot/ir/mir"

// rewriteAllocated replaces virtual registers by their physical registers, and spilled ones by
// scratch registers loaded (or rematerialised) before the instruction and stored after it; the
// definition of a rematerialised constant disappears.
func rewriteAllocated(f *mir.Func, assign map[mir.Reg]location) {
	slotOff := func(slot int64) int64 { return f.OutArgs + 8*slot }
	for _, b := range f.Blocks {
		var out []*mir.Instr
		for _, in := range b.Instrs {
			defs, uses := in.DefsUses()
			m := map[mir.Reg]mir.Reg{}
			ni, nf := 0, 0
			scratch := func(v mir.Reg) mir.Reg {
				if r, ok := m[v]; ok {
					return r
				}
				var r mir.Reg
				if f.Class[v] == mir.Float {
					r = floatScratch[nf]
					nf++
				} else {
					r = intScratch[ni]
					ni++
				}
				m[v] = r
				return r
			}
			for _, u := range uses {
				if !u.IsVirtual() {
					continue
				}
				loc := assign[u]
				_, done := m[u]
				switch {
				case loc.reg != mir.NoReg:
					m[u] = loc.reg
				case done:
				case loc.remat != nil:
					c := *loc.remat
					c.Rd = scratch(u)
					out = append(out, &c)
				default:
					out = append(out, slotAccess(mir.LDR, f.Class[u], scratch(u), slotOff(loc.slot))...)
				}
			}
			// An instruction reads its operands before it writes its result, so a spilled result
			// reuses the scratch registers from the first: three per class cover any instruction
			// (at most three register operands are read), whatever is spilled.
			ni, nf = 0, 0
			var stores []*mir.Instr
			remat := false
			for _, d := range defs {
				if !d.IsVirtual() {
					continue
				}
				if loc := assign[d]; loc.reg != mir.NoReg {
					m[d] = loc.reg
				} else if loc.remat != nil {
					remat = true
				} else {
					stores = append(stores, slotAccess(mir.STR, f.Class[d], scratch(d), slotOff(loc.slot))...)
				}
			}
			if remat {
				continue // rematerialised at each use
			}
			rewrite(in, m)
			// A copy the allocator made redundant (a 32-bit mov is kept: it zero-extends).
			if in.Rd == in.Rn && len(stores) == 0 && (in.Op == mir.MOV && in.W == mir.X ||
				in.Op == mir.FMOV && in.Rd.IsFloat() && in.Rn.IsFloat()) {
				continue
			}
			out = append(out, in)
			out = append(out, stores...)
		}
		b.Instrs = out
	}
	f.Class = nil
	f.NextV = 0
}

// slotAccess loads or stores a whole 8-byte slot at sp+off, through x16/x17 when the offset
// does not fit the scaled immediate.
func slotAccess(op mir.Op, c mir.Class, r mir.Reg, off int64) []*mir.Instr {
	w := mir.X
	if c == mir.Float {
		w = mir.D
	}
	if off/8 < 4096 {
		return []*mir.Instr{{Op: op, W: w, Rd: r, Rn: mir.SP, Imm: off}}
	}
	out := []*mir.Instr{{Op: mir.ADDI, W: mir.X, Rd: mir.X16, Rn: mir.SP, Imm: 0}}
	out = append(out, constInto(mir.X17, uint64(off))...)
	out = append(out, &mir.Instr{Op: mir.ADD, W: mir.X, Rd: mir.X16, Rn: mir.X16, Rm: mir.X17},
		&mir.Instr{Op: op, W: w, Rd: r, Rn: mir.X16, Imm: 0})
	return out
}

// constInto materialises a 64-bit constant in physical register r.
func constInto(r mir.Reg, v uint64) []*mir.Instr {
	out := []*mir.Instr{{Op: mir.MOVZ, W: mir.X, Rd: r, Imm: int64(v & 0xFFFF)}}
	for i := 1; i < 4; i++ {
		if c := (v >> (16 * i)) & 0xFFFF; c != 0 {
			out = append(out, &mir.Instr{Op: mir.MOVK, W: mir.X, Rd: r, Imm: int64(c) | int64(i)<<16})
		}
	}
	return out
}

// rewrite replaces registers of in through m.
func rewrite(in *mir.Instr, m map[mir.Reg]mir.Reg) {
	for _, p := range []*mir.Reg{&in.Rd, &in.Rn, &in.Rm, &in.Ra} {
		if r, ok := m[*p]; ok {
			*p = r
		}
	}
}
