package arm64

import "cot/ir/mir"

// rewriteAllocated replaces virtual registers by their physical registers, and spilled ones by
// scratch registers loaded (or rematerialised) before the instruction and stored after it; the
// definition of a rematerialised constant disappears. Within a block a scratch register that
// still holds a slot's value (stored or loaded by an earlier instruction, not overwritten since)
// serves the next use of that slot without a load. A copy into or out of a spilled register is
// the store or load itself, a copy between registers spilled to the same slot disappears, and a
// copy of a rematerialised constant materialises it in the destination.
func rewriteAllocated(f *mir.Func, assign *assignment) {
	slotOff := func(slot int64) int64 { return f.OutArgs + 8*slot }
	r := &rewriter{f: f, assign: assign, slotOff: slotOff}
	for _, b := range f.Blocks {
		r.out, r.holds = make([]*mir.Instr, 0, len(b.Instrs)+len(b.Instrs)/4), [6]bool{}
		for _, in := range b.Instrs {
			r.instr(in)
		}
		b.Instrs = r.out
	}
	f.Class = nil
	f.NextV = 0
}

// rewriter rewrites one block at a time.
type rewriter struct {
	f       *mir.Func
	assign  *assignment
	slotOff func(int64) int64
	out     []*mir.Instr
	// per scratch register (scratchRegs order): whether it holds a slot's value, and the
	// slot's offset
	holds [6]bool
	held  [6]int64
	buf   mir.OperandBuf
}

// scratchRegs are the spill scratch registers, integer then float: the order in which a slot's
// holder is looked for.
var scratchRegs = [6]mir.Reg{intScratch[0], intScratch[1], intScratch[2], floatScratch[0], floatScratch[1], floatScratch[2]}

// scratchIndex returns x's index in scratchRegs, or -1.
func scratchIndex(x mir.Reg) int {
	for i, s := range scratchRegs {
		if s == x {
			return i
		}
	}
	return -1
}

// hold records that scratch register x holds the slot at off.
func (r *rewriter) hold(x mir.Reg, off int64) {
	i := scratchIndex(x)
	r.holds[i], r.held[i] = true, off
}

// holder returns a scratch register holding the slot at off.
func (r *rewriter) holder(off int64) (mir.Reg, bool) {
	for i, x := range scratchRegs {
		if r.holds[i] && r.held[i] == off {
			return x, true
		}
	}
	return mir.NoReg, false
}

// forget drops what the scratch registers know of the slot at off (it is being overwritten).
func (r *rewriter) forget(off int64) {
	for i := range scratchRegs {
		if r.holds[i] && r.held[i] == off {
			r.holds[i] = false
		}
	}
}

func (r *rewriter) emit(ins ...*mir.Instr) {
	for _, in := range ins {
		r.out = append(r.out, in)
		if in.Op.IsCall() {
			r.holds = [6]bool{}
		}
		defs, _ := in.DefsUsesIn(&r.buf)
		for _, d := range defs {
			if i := scratchIndex(d); i >= 0 {
				r.holds[i] = false
			}
		}
	}
}

// regMap maps the virtual registers of one instruction to physical ones (a handful: a list, in
// an array that stays on the stack; more spill to a slice).
type regMap struct {
	n     int
	pairs [8]struct{ from, to mir.Reg }
	more  []struct{ from, to mir.Reg }
}

func (m *regMap) get(v mir.Reg) (mir.Reg, bool) {
	for _, p := range m.pairs[:m.n] {
		if p.from == v {
			return p.to, true
		}
	}
	for _, p := range m.more {
		if p.from == v {
			return p.to, true
		}
	}
	return mir.NoReg, false
}

func (m *regMap) set(v, x mir.Reg) {
	for i := range m.pairs[:m.n] {
		if m.pairs[i].from == v {
			m.pairs[i].to = x
			return
		}
	}
	for i := range m.more {
		if m.more[i].from == v {
			m.more[i].to = x
			return
		}
	}
	if m.n < len(m.pairs) {
		m.pairs[m.n] = struct{ from, to mir.Reg }{v, x}
		m.n++
		return
	}
	m.more = append(m.more, struct{ from, to mir.Reg }{v, x})
}

// isCopy reports whether in copies a register of one class to another of the same class
// (a 32-bit mov is not a copy: it zero-extends).
func isCopy(f *mir.Func, in *mir.Instr) bool {
	return in.Op == mir.MOV && in.W == mir.X || in.Op == mir.FMOV && f.ClassOf(in.Rd) == f.ClassOf(in.Rn)
}

// copySpilled rewrites a copy whose source or destination is spilled as one load or store,
// reporting whether it did.
func (r *rewriter) copySpilled(in *mir.Instr) bool {
	if !isCopy(r.f, in) || !in.Rn.IsVirtual() {
		return false
	}
	dst, src := r.assign.at(in.Rd), r.assign.at(in.Rn)
	if !in.Rd.IsVirtual() { // an argument register: a constant is materialised in it directly
		dst = location{reg: in.Rd}
		if src.remat == nil {
			return false
		}
	}
	if src.remat != nil && dst.reg != mir.NoReg { // the constant goes straight where it is copied
		c := *src.remat
		c.Rd = dst.reg
		r.emit(&c)
		return true
	}
	if dst.remat != nil || src.remat != nil || dst.reg != mir.NoReg && src.reg != mir.NoReg {
		return false
	}
	c := r.f.Class[in.Rd]
	switch {
	case dst.reg == mir.NoReg && src.reg == mir.NoReg && dst.slot == src.slot:
		// the value is already where it goes
	case dst.reg == mir.NoReg && src.reg != mir.NoReg:
		off := r.slotOff(dst.slot)
		r.forget(off)
		r.emitSlot(mir.STR, c, src.reg, off)
	case dst.reg != mir.NoReg && src.reg == mir.NoReg:
		off := r.slotOff(src.slot)
		if h, ok := r.holder(off); ok {
			r.emit(&mir.Instr{Op: in.Op, W: in.W, Rd: dst.reg, Rn: h})
		} else {
			r.emitSlot(mir.LDR, c, dst.reg, off)
		}
	default:
		return false
	}
	return true
}

func (r *rewriter) instr(in *mir.Instr) {
	if r.copySpilled(in) {
		return
	}
	var opBuf mir.OperandBuf // not r.buf: emit reuses that
	defs, uses := in.DefsUsesIn(&opBuf)
	var m regMap
	var taken [6]bool // by scratchRegs index
	scratch := func(v mir.Reg) mir.Reg {
		if x, ok := m.get(v); ok {
			return x
		}
		pool := intScratch
		if r.f.Class[v] == mir.Float {
			pool = floatScratch
		}
		for _, x := range pool {
			if i := scratchIndex(x); !taken[i] {
				taken[i] = true
				m.set(v, x)
				return x
			}
		}
		panic("allocate-registers: out of scratch registers")
	}
	for _, u := range uses {
		if !u.IsVirtual() {
			continue
		}
		loc := r.assign.at(u)
		_, done := m.get(u)
		switch {
		case loc.reg != mir.NoReg:
			m.set(u, loc.reg)
		case done:
		case loc.remat != nil:
			c := *loc.remat
			c.Rd = scratch(u)
			r.emit(&c)
		default:
			off := r.slotOff(loc.slot)
			if h, ok := r.holder(off); ok && !taken[scratchIndex(h)] {
				m.set(u, h)
				taken[scratchIndex(h)] = true
				continue
			}
			x := scratch(u)
			r.emitSlot(mir.LDR, r.f.Class[u], x, off)
			r.hold(x, off)
		}
	}
	// An instruction reads its operands before it writes its result, so a spilled result may
	// take any scratch register: three per class cover any instruction (at most three register
	// operands are read), whatever is spilled.
	taken = [6]bool{}
	type store struct {
		reg mir.Reg
		off int64
	}
	var stores []store
	for _, d := range defs {
		if !d.IsVirtual() {
			continue
		}
		if loc := r.assign.at(d); loc.reg != mir.NoReg {
			m.set(d, loc.reg)
		} else if loc.remat != nil {
			return // rematerialised at each use
		} else {
			stores = append(stores, store{scratch(d), r.slotOff(loc.slot)})
		}
	}
	copied := isCopy(r.f, in)
	rewrite(in, &m)
	// A copy the allocator made redundant (a 32-bit mov is kept: it zero-extends).
	if !copied || in.Rd != in.Rn {
		r.emit(in)
	}
	for _, st := range stores {
		r.forget(st.off)
		class := mir.Int
		if st.reg.IsFloat() {
			class = mir.Float
		}
		r.emitSlot(mir.STR, class, st.reg, st.off)
		r.hold(st.reg, st.off)
	}
}

// slotAccess loads or stores a whole 8-byte slot at sp+off, through x16/x17 when the offset
// does not fit the scaled immediate.
func slotAccess(op mir.Op, c mir.Class, r mir.Reg, off int64) []*mir.Instr {
	if in, ok := nearSlotAccess(op, c, r, off); ok {
		return []*mir.Instr{in}
	}
	w := mir.X
	if c == mir.Float {
		w = mir.D
	}
	out := []*mir.Instr{{Op: mir.ADDI, W: mir.X, Rd: mir.X16, Rn: mir.SP, Imm: 0}}
	out = append(out, constInto(mir.X17, uint64(off))...)
	out = append(out, &mir.Instr{Op: mir.ADD, W: mir.X, Rd: mir.X16, Rn: mir.X16, Rm: mir.X17},
		&mir.Instr{Op: op, W: w, Rd: r, Rn: mir.X16, Imm: 0})
	return out
}

// nearSlotAccess returns the one instruction that loads or stores the slot at sp+off, ok false
// when the offset does not fit the scaled immediate.
func nearSlotAccess(op mir.Op, c mir.Class, r mir.Reg, off int64) (*mir.Instr, bool) {
	if off/8 >= 4096 {
		return nil, false
	}
	w := mir.X
	if c == mir.Float {
		w = mir.D
	}
	return &mir.Instr{Op: op, W: w, Rd: r, Rn: mir.SP, Imm: off}, true
}

// emitSlot emits the load or store of the slot at sp+off (without a list for the usual one
// instruction).
func (r *rewriter) emitSlot(op mir.Op, c mir.Class, reg mir.Reg, off int64) {
	if in, ok := nearSlotAccess(op, c, reg, off); ok {
		r.emit(in)
		return
	}
	r.emit(slotAccess(op, c, reg, off)...)
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
func rewrite(in *mir.Instr, m *regMap) {
	for _, p := range [...]*mir.Reg{&in.Rd, &in.Rn, &in.Rm, &in.Ra} {
		if r, ok := m.get(*p); ok {
			*p = r
		}
	}
}
