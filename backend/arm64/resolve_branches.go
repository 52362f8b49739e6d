// Pass resolve-branches: mir-final -> mir-final.
//
// Removes unconditional branches to the block that follows in layout order (fall through), then
// relaxes conditional branches whose target is beyond their ±1 MiB reach (b.cond, cbz, cbnz):
// the branch is inverted to skip over a new unconditional branch (±128 MiB) to the target. Every
// machine instruction is one 4-byte word, so offsets are exact.
//
//	.Lf_3: ... ; b .Lf_4 ; .Lf_4: ...   =>  .Lf_3: ... ; .Lf_4: ...
//	b.hi .Lf_900 (2 MiB away) ; rest    =>  b.ls .Lf_new ; b .Lf_900 ; .Lf_new: rest
package arm64

import (
	"cot/ir/mir"
	"cot/ir/pipeline"
)

var resolveBranchesPass = pipeline.Pass{
	Name: "resolve-branches",
	In:   LangMIRFinal,
	Out:  LangMIRFinal,
	Run: func(ctx *pipeline.Ctx, prog any) (any, error) {
		p := prog.(*mir.Program)
		for _, f := range p.Funcs {
			ctx.Func = f.Name
			removeFallthroughJumps(f)
			relaxBranches(f)
		}
		return p, nil
	},
	Required: true, // branches beyond their reach must be relaxed, or encoding fails
}

func removeFallthroughJumps(f *mir.Func) {
	for i, b := range f.Blocks {
		n := len(b.Instrs)
		if i+1 < len(f.Blocks) && n > 0 && b.Instrs[n-1].Op == mir.B && b.Instrs[n-1].Target == f.Blocks[i+1].ID {
			b.Instrs = b.Instrs[:n-1]
		}
	}
}

// condReach is the reach in bytes of a 19-bit conditional branch offset.
const condReach = 1 << 20

func relaxBranches(f *mir.Func) {
	next := 0
	for _, b := range f.Blocks {
		if b.ID >= next {
			next = b.ID + 1
		}
	}
	for changed := true; changed; {
		changed = false
		start := map[int]int64{}
		var pc int64
		for _, b := range f.Blocks {
			start[b.ID] = pc
			pc += 4 * int64(len(b.Instrs))
		}
		if pc < condReach {
			return
		}
		for bi := 0; bi < len(f.Blocks) && !changed; bi++ {
			b := f.Blocks[bi]
			for k, in := range b.Instrs {
				if in.Op != mir.BCOND && in.Op != mir.CBZ && in.Op != mir.CBNZ {
					continue
				}
				off := start[in.Target] - (start[b.ID] + 4*int64(k))
				if off > -condReach+64 && off < condReach-64 {
					continue
				}
				rest := &mir.Block{ID: next, Instrs: append([]*mir.Instr(nil), b.Instrs[k+1:]...)}
				next++
				inv := *in
				inv.Target = rest.ID
				switch in.Op {
				case mir.BCOND:
					inv.Cond = in.Cond.Invert()
				case mir.CBZ:
					inv.Op = mir.CBNZ
				case mir.CBNZ:
					inv.Op = mir.CBZ
				}
				b.Instrs = append(b.Instrs[:k:k], &inv, &mir.Instr{Op: mir.B, Target: in.Target})
				f.Blocks = append(f.Blocks[:bi+1], append([]*mir.Block{rest}, f.Blocks[bi+1:]...)...)
				changed = true
				break
			}
		}
	}
}
