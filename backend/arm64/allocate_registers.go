// Pass allocate-registers: mir-virtual -> mir-allocated.
//
// Gives every virtual register its own 8-byte stack slot and rewrites each instruction to load
// its virtual operands into scratch registers just before it and to store its virtual result just
// after it. Scratch registers are caller-saved and never carry a value from one instruction to
// the next, so no value is live in a register across a call, and the argument registers
// (x0..x7, v0..v7) set up before a call are never disturbed.
//
//	add w%103, w%101, w%102  =>  ldr x9, [sp, #8] ; ldr x10, [sp, #16] ; add w9, w9, w10 ; str x9, [sp, #24]
//
// Design decision: correctness first. A slot per virtual register is the simplest allocation
// that is obviously right; a linear-scan allocator can replace this pass without changing the
// languages around it.
package arm64

import (
	"cot/ir/mir"
	"cot/ir/pipeline"
)

var allocateRegistersPass = pipeline.Pass{
	Name: "allocate-registers",
	In:   LangMIRVirtual,
	Out:  LangMIRAlloc,
	Run: func(ctx *pipeline.Ctx, prog any) (any, error) {
		p := prog.(*mir.Program)
		for _, f := range p.Funcs {
			ctx.Func = f.Name
			allocateBySlots(f)
		}
		return p, nil
	},
}

// Scratch registers for operands, in order of use.
var (
	intScratch   = []mir.Reg{9, 10, 11, 12}
	floatScratch = []mir.Reg{mir.V(16), mir.V(17), mir.V(18), mir.V(19)}
)

func allocateBySlots(f *mir.Func) {
	if f.NextV > mir.FirstVirtual {
		f.Slots = int64(f.NextV - mir.FirstVirtual)
	}
	slotOff := func(r mir.Reg) int64 { return f.OutArgs + 8*int64(r-mir.FirstVirtual) }
	for _, b := range f.Blocks {
		var out []*mir.Instr
		for _, in := range b.Instrs {
			defs, uses := in.DefsUses()
			assigned := map[mir.Reg]mir.Reg{}
			ni, nf := 0, 0
			scratch := func(v mir.Reg) mir.Reg {
				if r, ok := assigned[v]; ok {
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
				assigned[v] = r
				return r
			}
			for _, u := range uses {
				if u.IsVirtual() {
					if _, done := assigned[u]; !done {
						out = append(out, slotAccess(mir.LDR, f.Class[u], scratch(u), slotOff(u))...)
					}
				}
			}
			var stores []*mir.Instr
			for _, d := range defs {
				if d.IsVirtual() {
					stores = append(stores, slotAccess(mir.STR, f.Class[d], scratch(d), slotOff(d))...)
				}
			}
			rewrite(in, assigned)
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

// rewrite replaces virtual registers of in by their scratch registers.
func rewrite(in *mir.Instr, m map[mir.Reg]mir.Reg) {
	for _, p := range []*mir.Reg{&in.Rd, &in.Rn, &in.Rm, &in.Ra} {
		if r, ok := m[*p]; ok {
			*p = r
		}
	}
}
