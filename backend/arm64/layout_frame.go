// Pass layout-frame: mir-allocated -> mir-final.
//
// Adds the prologue and epilogue. The prologue checks the new stack pointer against the stack
// limit (x26) before touching memory, saves x29/x30, sets the frame pointer, reserves the
// outgoing-argument area, the spill slots and the save area, and saves the callee-saved
// registers the allocator used (in pairs, stp/ldp); every ret restores them first. A leaf function (no calls) whose
// frame is at most leafFrameMax bytes skips the stack-limit check: the runtime keeps 64 KiB of
// stack below the limit (docs/arm64-abi.md), and a leaf cannot descend further. A leaf without
// spill slots, callee-saved registers or stack arguments gets no prologue or epilogue at all (x30 stays intact:
// it calls nothing but trap routines, which never return).
//
//	f: <body> ; ret  =>  f: sub x16, sp, #N ; cmp x16, x26 ; b.lo stack-trap ;
//	                        stp x29, x30, [sp, #-16]! ; mov x29, sp ; sub sp, sp, #N-16 ; <body> ;
//	                        mov sp, x29 ; ldp x29, x30, [sp], #16 ; ret
//
// Frame (high to low): incoming stack arguments at x29+16, saved x29/x30 at x29, callee-saved
// registers, spill slots, outgoing arguments at sp.
package arm64

import (
	"cot/ir/mir"
	"cot/ir/pipeline"
)

var layoutFramePass = pipeline.Pass{
	Name: "layout-frame",
	In:   LangMIRAlloc,
	Out:  LangMIRFinal,
	// The clobber check (a liveness analysis of every function with calls) runs after
	// resolve-branches, the last MIR pass, not after this one (Pass.Defers).
	Defers: []string{"no-clobber-across-call"},
	Run: func(ctx *pipeline.Ctx, prog any) (any, error) {
		p := prog.(*mir.Program)
		for _, f := range p.Funcs {
			ctx.Func = f.Name
			layoutFrame(f)
		}
		return p, nil
	},
}

func layoutFrame(f *mir.Func) {
	saveOff := func(k int) int64 { return f.OutArgs + 8*(f.Slots+int64(k)) }
	body := (saveOff(len(f.Saved)) + 15) &^ 15
	total := body + 16
	trap := 0
	for _, b := range f.Blocks {
		if b.ID >= trap {
			trap = b.ID + 1
		}
	}
	leaf := isLeaf(f)
	if leaf && body == 0 && !readsFrame(f) {
		return // no calls, no slots, no callee-saved registers, no stack arguments: no frame
	}
	var pro []*mir.Instr
	checked := total > leafFrameMax || !leaf
	switch {
	case !checked:
	case total <= 4095:
		pro = append(pro, &mir.Instr{Op: mir.SUBI, W: mir.X, Rd: mir.X16, Rn: mir.SP, Imm: total})
	default:
		pro = append(pro, &mir.Instr{Op: mir.ADDI, W: mir.X, Rd: mir.X16, Rn: mir.SP, Imm: 0})
		pro = append(pro, constInto(mir.X17, uint64(total))...)
		pro = append(pro, &mir.Instr{Op: mir.SUB, W: mir.X, Rd: mir.X16, Rn: mir.X16, Rm: mir.X17})
	}
	if checked {
		pro = append(pro,
			&mir.Instr{Op: mir.CMP, W: mir.X, Rn: mir.X16, Rm: mir.StackLim},
			&mir.Instr{Op: mir.BCOND, Cond: mir.LO, Target: trap})
	}
	pro = append(pro,
		&mir.Instr{Op: mir.STPPRE, W: mir.X, Rd: mir.FP, Rn: mir.LR, Imm: -16},
		&mir.Instr{Op: mir.ADDI, W: mir.X, Rd: mir.FP, Rn: mir.SP, Imm: 0})
	switch {
	case body == 0:
	case body <= 4095:
		pro = append(pro, &mir.Instr{Op: mir.SUBI, W: mir.X, Rd: mir.SP, Rn: mir.SP, Imm: body})
	default:
		pro = append(pro, constInto(mir.X17, uint64(body))...)
		pro = append(pro, &mir.Instr{Op: mir.SUB, W: mir.X, Rd: mir.X16, Rn: mir.FP, Rm: mir.X17},
			&mir.Instr{Op: mir.ADDI, W: mir.X, Rd: mir.SP, Rn: mir.X16, Imm: 0})
	}
	pro = append(pro, saveRestore(f, mir.STR, saveOff)...)
	entry := f.Blocks[0]
	entry.Instrs = append(pro, entry.Instrs...)
	for _, b := range f.Blocks {
		rets := 0
		for _, in := range b.Instrs {
			if in.Op == mir.RET {
				rets++
			}
		}
		if rets == 0 { // the usual block: nothing to add
			continue
		}
		out := make([]*mir.Instr, 0, len(b.Instrs)+rets*(2+len(f.Saved)))
		for _, in := range b.Instrs {
			if in.Op == mir.RET {
				out = append(out, saveRestore(f, mir.LDR, saveOff)...)
				out = append(out,
					&mir.Instr{Op: mir.ADDI, W: mir.X, Rd: mir.SP, Rn: mir.FP, Imm: 0},
					&mir.Instr{Op: mir.LDPPOST, W: mir.X, Rd: mir.FP, Rn: mir.LR, Imm: 16})
			}
			out = append(out, in)
		}
		b.Instrs = out
	}
	if checked {
		f.Blocks = append(f.Blocks, &mir.Block{ID: trap, Instrs: []*mir.Instr{{Op: mir.TRAP, Sym: "cot_trap_stack_exhausted"}}})
	}
}

// saveRestore stores (op STR) or loads (LDR) the callee-saved registers f uses, two of one class
// at a time with stp/ldp where the pair offset reaches.
func saveRestore(f *mir.Func, op mir.Op, saveOff func(int) int64) []*mir.Instr {
	pair := mir.LDP
	if op == mir.STR {
		pair = mir.STP
	}
	var out []*mir.Instr
	for k := 0; k < len(f.Saved); k++ {
		r := f.Saved[k]
		if k+1 < len(f.Saved) && f.ClassOf(f.Saved[k+1]) == f.ClassOf(r) && saveOff(k) <= 504 {
			w := mir.X
			if r.IsFloat() {
				w = mir.D
			}
			out = append(out, &mir.Instr{Op: pair, W: w, Rd: r, Rn: f.Saved[k+1], Imm: saveOff(k)})
			k++
			continue
		}
		out = append(out, slotAccess(op, f.ClassOf(r), r, saveOff(k))...)
	}
	return out
}

// leafFrameMax is the largest frame of a leaf function that skips the stack-limit check: far
// below the 64 KiB the runtime keeps under the limit for trap handlers.
const leafFrameMax = 4096

// readsFrame reports whether f addresses its frame through x29 or sp: incoming stack arguments
// and results returned in the caller's frame are at x29+16, which needs the frame pointer.
func readsFrame(f *mir.Func) bool {
	for _, b := range f.Blocks {
		for _, in := range b.Instrs {
			for _, r := range []mir.Reg{in.Rd, in.Rn, in.Rm, in.Ra} {
				if r == mir.FP || r == mir.SP {
					return true
				}
			}
		}
	}
	return false
}

// isLeaf reports whether f calls no function (trap routines never return, so they do not count).
func isLeaf(f *mir.Func) bool {
	for _, b := range f.Blocks {
		for _, in := range b.Instrs {
			if in.Op.IsCall() {
				return false
			}
		}
	}
	return true
}
