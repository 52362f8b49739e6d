// Pass select-instructions: ssa-opt -> mir-virtual.
//
// Chooses AArch64 instructions for every SSA value, one virtual register per value (block
// parameters included). A constant is folded into an immediate form where one fits; used as a
// register operand, it is materialised once at the top of the entry block, and the allocator
// keeps it in a register, rematerialises or reloads it. Traps are side exits: a conditional
// branch to a per-function trap block that calls the runtime's trap routine. Block arguments
// become copies in an edge block before the jump (through fresh temporaries when an argument is
// itself a parameter of the target, so the copies act in parallel).
//
//	v3:i32 = i32.add v1, v2      =>  add w%103, w%101, w%102
//	v4:i32 = i32.div_u v1, v2    =>  cbz w%102, .Lf_trap_div ; udiv w%104, w%101, w%102
//	branch v4, b1(v3), b2()      =>  cbnz w%104, .Lf_9 ; b .Lf_2   (.Lf_9: mov w%110, w%103 ; b .Lf_1)
//
// Design decision: a comparison that only feeds the branch ending its block becomes cmp + b.cond;
// other comparisons are materialised with cset. Every i32 register is kept zero-extended (32-bit
// instructions clear the upper half; values arriving from the ABI are extended on receipt), so a
// Wasm address is used as a 64-bit index directly.
package arm64

import (
	"cot/ir/mir"
	"cot/ir/pipeline"
	"cot/ir/ssa"
	"cot/ir/wasm"
)

var selectInstructionsPass = pipeline.Pass{
	Name: "select-instructions",
	In:   LangSSAOpt,
	Out:  LangMIRVirtual,
	Run: func(ctx *pipeline.Ctx, prog any) (any, error) {
		p := prog.(*ssa.Program)
		u := unitOf(ctx)
		var layout *moduleLayout
		if u != nil {
			layout = u.layout
		} else if p.Module != nil {
			layout = newModuleLayout(p.Module)
		} else { // a program read from its text form (single-pass tests): no module around it
			layout = newModuleLayout(&wasm.Module{})
		}
		out := &mir.Program{Data: layout}
		for _, f := range p.Funcs {
			ctx.Func = f.Name
			out.Funcs = append(out.Funcs, selectFunc(p, layout, f))
		}
		if u == nil || u.index < 0 { // the whole program, or the stream's unit of the backend's own functions
			out.Funcs = append(out.Funcs, moduleInitFunc(layout), moduleMainFunc(layout))
			out.Funcs = append(out.Funcs, helperFuncs()...)
		}
		return out, nil
	},
}

// selector holds the state of instruction selection for one function.
type selector struct {
	p      *ssa.Program
	layout *moduleLayout
	f      *ssa.Func
	mf     *mir.Func
	cur    *mir.Block
	regs   valueTable[mir.Reg] // by value id: its virtual register, 0 before it has one
	traps  map[string]*mir.Block
	nextID int
	uses   valueTable[int32] // by value id: the number of operands naming the value
	// fused is a comparison selected together with the branch that ends its block; tested is
	// the `and` it tests against zero, selected with it as a tst (isel_logic.go).
	fused, tested *ssa.Value
	// folded are the shifts of the current block taken as shifted operands (isel_shift.go).
	folded valueMarks
	// consts are the constants used as register operands, each materialised once at the top of
	// the entry block (constInstrs): the allocator keeps them in registers where it can and
	// rematerialises or reloads them where it cannot.
	consts      map[constKey]mir.Reg
	constInstrs []*mir.Instr
	// bases are the host addresses x28 + a of the current block's Wasm addresses a that
	// accesses with immediate offsets share (isel_mem.go, immediateAccess).
	bases valueMarks // marked: bases.reg holds the base
	// selFused are the comparisons of the current block selected with their select (isel_select.go).
	selFused valueMarks
	chunk    []mir.Instr // emit's instructions to come
	emitted  int         // instructions emitted so far
}

type constKey struct {
	t    ssa.Type
	bits uint64
}

func selectFunc(p *ssa.Program, layout *moduleLayout, f *ssa.Func) *mir.Func {
	// About a virtual register per value: the class map sized once, not grown step by step.
	n := 0
	for _, b := range f.Blocks {
		n += len(b.Params) + len(b.Instrs)
	}
	mf := &mir.Func{Name: f.Name, Class: make(map[mir.Reg]mir.Class, n)}
	s := &selector{p: p, layout: layout, f: f, mf: mf,
		regs: newValueTable[mir.Reg](f), traps: map[string]*mir.Block{},
		folded: newValueMarks(f), bases: newValueMarks(f), selFused: newValueMarks(f)}
	s.bases.reg = newValueTable[mir.Reg](f)
	for _, b := range f.Blocks {
		if b.ID >= s.nextID {
			s.nextID = b.ID + 1
		}
	}
	for _, b := range f.Blocks {
		mb := &mir.Block{ID: b.ID}
		s.mf.Blocks = append(s.mf.Blocks, mb)
		for _, p := range b.Params {
			*s.regs.at(p) = s.mf.NewVReg(classOf(p.Type))
		}
	}
	s.uses = newValueTable[int32](f)
	for _, b := range f.Blocks {
		for _, v := range b.Instrs {
			for _, a := range v.Args {
				*s.uses.at(a)++
			}
		}
		b.Term.EachUse(func(a *ssa.Value) { *s.uses.at(a)++ })
	}
	index := newValueTable[int32](f) // by value id: its index in its block's instructions
	for _, b := range f.Blocks {
		for i, v := range b.Instrs {
			*index.at(v) = int32(i)
		}
	}
	for _, b := range f.Blocks {
		s.coalesceJumpArgs(b, index)
	}
	for i, b := range f.Blocks {
		s.cur = s.mf.Blocks[i] // made above, in the same order
		if i == 0 {
			s.receiveParams(b)
		}
		s.fused = nil
		if n := len(b.Instrs); n > 0 && b.Term.Kind == ssa.TermBranch && b.Term.Cond == b.Instrs[n-1] &&
			s.useCount(b.Instrs[n-1]) == 1 && isComparison(b.Instrs[n-1]) {
			s.fused = b.Instrs[n-1]
		}
		s.tested = nil
		if s.fused != nil {
			s.tested = s.testedAnd(s.fused, b)
		} else {
			s.tested = s.branchedAnd(b)
		}
		s.foldShifts(b)
		s.foldProducts(b)
		s.bases.reset()
		s.fuseSelects(b)
		for _, v := range b.Instrs {
			if v != s.fused && v != s.tested && !s.folded.has(v) && !s.selFused.has(v) {
				s.value(v)
			}
		}
		s.terminator(&b.Term)
	}
	entry := s.mf.Blocks[0]
	entry.Instrs = append(s.constInstrs, entry.Instrs...)
	return s.mf
}

// coalesceJumpArgs lets a value computed in b for a parameter of the block b jumps to be
// computed directly into that parameter's register (the loop counter update of a loop latch
// becomes "sub w9, w9, #1" with no copy). This is safe when the value has no other use and the
// parameter is not read in b after the value is defined (edge arguments are read at the end).
// index holds each instruction's index in its block.
func (s *selector) coalesceJumpArgs(b *ssa.Block, index valueTable[int32]) {
	if b.Term.Kind != ssa.TermJump {
		return
	}
	e := b.Term.Succs[0]
	for i, a := range e.Args {
		p := e.To.Params[i]
		k := int(*index.at(a))
		inBlock := a.Block == b && a.Op != ssa.OpParam && k < len(b.Instrs) && b.Instrs[k] == a
		if !inBlock || a.Op == ssa.OpConst || a.Op == ssa.OpResult || s.useCount(a) != 1 || a.Type != p.Type {
			continue
		}
		if *s.regs.at(a) != 0 {
			continue
		}
		conflict := false
		for _, later := range b.Instrs[k+1:] {
			for _, x := range later.Args {
				conflict = conflict || x == p
			}
		}
		for j, x := range e.Args {
			conflict = conflict || j != i && x == p
		}
		if !conflict {
			*s.regs.at(a) = *s.regs.at(p)
		}
	}
}

func classOf(t ssa.Type) mir.Class {
	if t.IsFloat() {
		return mir.Float
	}
	return mir.Int
}

// width returns the register width of an SSA type.
func width(t ssa.Type) mir.Width {
	switch t {
	case ssa.I32:
		return mir.W
	case ssa.F32:
		return mir.S
	case ssa.F64:
		return mir.D
	}
	return mir.X
}

// emit appends a copy of in to the current block and returns the copy. The copies are carved out
// of chunks (one allocation per chunk, not per instruction; the caller's literal stays on its
// stack).
func (s *selector) emit(in *mir.Instr) *mir.Instr {
	if len(s.chunk) == 0 { // chunks grow with the function: as many as it has so far
		s.chunk = make([]mir.Instr, min(max(s.emitted, 8), maxInstrChunk))
	}
	s.emitted++
	c := &s.chunk[0]
	s.chunk = s.chunk[1:]
	*c = *in
	s.cur.Instrs = append(s.cur.Instrs, c)
	return c
}

// maxInstrChunk is the most instructions emit allocates at once.
const maxInstrChunk = 128

func (s *selector) newBlock() *mir.Block {
	b := &mir.Block{ID: s.nextID}
	s.nextID++
	s.mf.Blocks = append(s.mf.Blocks, b)
	return b
}

func (s *selector) vreg(c mir.Class) mir.Reg { return s.mf.NewVReg(c) }

// def returns the register of value v (allocating it on first sight).
func (s *selector) def(v *ssa.Value) mir.Reg {
	if r := *s.regs.at(v); r != 0 {
		return r
	}
	r := s.vreg(classOf(v.Type))
	*s.regs.at(v) = r
	return r
}

// reg returns the register of v, which has one (a block parameter's, given when selection starts).
func (s *selector) reg(v *ssa.Value) mir.Reg { return *s.regs.at(v) }

// useCount returns the number of operands that name v.
func (s *selector) useCount(v *ssa.Value) int { return int(*s.uses.at(v)) }

// use returns a register holding v; a constant is materialised once, in the entry block.
func (s *selector) use(v *ssa.Value) mir.Reg {
	if v.Op == ssa.OpConst {
		k := constKey{v.Type, uint64(v.Aux)}
		if r, ok := s.consts[k]; ok {
			return r
		}
		save := s.cur
		s.cur = &mir.Block{}
		r := s.constant(v.Type, uint64(v.Aux))
		s.constInstrs = append(s.constInstrs, s.cur.Instrs...)
		s.cur = save
		if s.consts == nil {
			s.consts = map[constKey]mir.Reg{}
		}
		s.consts[k] = r
		return r
	}
	// Blocks are not in dominance order, so a use may come first: def allocates either way.
	return s.def(v)
}

// trap returns the block of the function that calls trap routine sym.
func (s *selector) trap(sym string) int {
	if b, ok := s.traps[sym]; ok {
		return b.ID
	}
	b := s.newBlock()
	b.Instrs = []*mir.Instr{{Op: mir.TRAP, Sym: sym}}
	s.traps[sym] = b
	return b.ID
}

// trapIf branches to trap routine sym when cond holds (flags set by the previous instruction).
func (s *selector) trapIf(c mir.Cond, sym string) {
	s.emit(&mir.Instr{Op: mir.BCOND, Cond: c, Target: s.trap(sym)})
}

// mov copies a value. Integer copies move the whole x register (an i32's upper half is
// undefined anyway), so the allocator can drop copies between merged registers.
func (s *selector) mov(w mir.Width, dst, src mir.Reg) {
	if w == mir.S || w == mir.D {
		s.emit(&mir.Instr{Op: mir.FMOV, W: w, Rd: dst, Rn: src})
		return
	}
	s.emit(&mir.Instr{Op: mir.MOV, W: mir.X, Rd: dst, Rn: src})
}

// zext zero-extends the i32 in src into dst (mov wd, wn clears the upper half).
func (s *selector) zext(dst, src mir.Reg) {
	s.emit(&mir.Instr{Op: mir.MOV, W: mir.W, Rd: dst, Rn: src})
}

// cmpImm compares r with an unsigned constant.
func (s *selector) cmpImm(w mir.Width, r mir.Reg, k uint64) {
	if k <= 4095 {
		s.emit(&mir.Instr{Op: mir.CMPI, W: w, Rn: r, Imm: int64(k)})
		return
	}
	s.emit(&mir.Instr{Op: mir.CMP, W: w, Rn: r, Rm: s.intConst(w, k)})
}

// value selects instructions for one SSA value.
func (s *selector) value(v *ssa.Value) {
	switch v.Op {
	case ssa.OpConst:
		return // materialised at each use
	case ssa.OpCall, ssa.OpCallIndirect:
		s.lowerCall(v)
		return
	case ssa.OpResult:
		return // bound by lowerCall
	case ssa.OpGlobalGet:
		s.globalGet(v)
		return
	case ssa.OpGlobalSet:
		s.globalSet(v)
		return
	case ssa.OpSelect:
		s.lowerSelect(v)
		return
	}
	w := wasm.Op(v.Op)
	switch {
	case s.intOp(v, w), s.floatOp(v, w), s.convOp(v, w), s.memOp(v, w), s.tableOp(v, w):
		return
	}
	panic("select-instructions: no selection for " + v.Op.String())
}
