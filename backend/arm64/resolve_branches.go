// Pass resolve-branches: mir-final -> mir-final.
//
// Removes unconditional branches to the block that follows in layout order (fall through), then
// relaxes conditional branches whose target may be beyond their reach (±1 MiB for b.cond, cbz,
// cbnz; ±32 KiB for tbz, tbnz):
// the branch is inverted to skip over a new unconditional branch (±128 MiB) to the target. Every
// machine instruction is one 4-byte word (a jump table: four and one per entry), so offsets are exact.
//
//	.Lf_3: ... ; b .Lf_4 ; .Lf_4: ...   =>  .Lf_3: ... ; .Lf_4: ...
//	b.hi .Lf_900 (2 MiB away) ; rest    =>  b.ls .Lf_new ; b .Lf_900 ; .Lf_new: rest
//
// Linear time: one sweep decides every relaxation before any is made. Each relaxation adds one
// word, so a branch whose distance plus one word per conditional branch of the function still
// fits its reach fits after all relaxations; the others are relaxed (a few more than strictly
// necessary in a function near the limit, never one too few).
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
		changed := false
		for _, f := range p.Funcs {
			ctx.Func = f.Name
			changed = removeFallthroughJumps(f) || changed
			changed = relaxBranches(f) || changed
		}
		if !changed {
			ctx.Unchanged()
		}
		return p, nil
	},
	Required: true, // branches beyond their reach must be relaxed, or encoding fails
}

// removeFallthroughJumps reports whether it removed any jump.
func removeFallthroughJumps(f *mir.Func) (changed bool) {
	for i, b := range f.Blocks {
		n := len(b.Instrs)
		if i+1 < len(f.Blocks) && n > 0 && b.Instrs[n-1].Op == mir.B && b.Instrs[n-1].Target == f.Blocks[i+1].ID {
			b.Instrs = b.Instrs[:n-1]
			changed = true
		}
	}
	return changed
}

// condReach is the reach in bytes of a 19-bit conditional branch offset, testReach that of
// tbz/tbnz's 14-bit offset.
const (
	condReach = 1 << 20
	testReach = 1 << 15
)

func isCondBranch(op mir.Op) bool {
	return op == mir.BCOND || op == mir.CBZ || op == mir.CBNZ || op == mir.TBZ || op == mir.TBNZ
}

// reachOf returns the reach in bytes of conditional branch op.
func reachOf(op mir.Op) int64 {
	if op == mir.TBZ || op == mir.TBNZ {
		return testReach
	}
	return condReach
}

// blockBytes is the size of b's code (a jump table's entries included).
func blockBytes(b *mir.Block) int64 {
	n := int64(len(b.Instrs))
	if n > 0 && b.Instrs[n-1].Op == mir.BRTABLE {
		n += tableWords(len(b.Instrs[n-1].Table)) - 1
	}
	return 4 * n
}

// relaxBranches reports whether it relaxed any branch (else f is as it was).
func relaxBranches(f *mir.Func) bool {
	var pc, conds int64
	reach := int64(condReach)
	next := 0
	for _, b := range f.Blocks {
		pc += blockBytes(b)
		next = max(next, b.ID+1)
		for _, in := range b.Instrs {
			if isCondBranch(in.Op) {
				conds++
				reach = min(reach, reachOf(in.Op))
			}
		}
	}
	slack := 4 * conds // the most all relaxations together can add between two points
	if pc+slack < reach {
		return false // the usual case: every branch of the function reaches every block
	}
	start := make(map[int]int64, len(f.Blocks))
	pc = 0
	for _, b := range f.Blocks {
		start[b.ID] = pc
		pc += blockBytes(b)
	}
	blocks := make([]*mir.Block, 0, len(f.Blocks))
	for _, b := range f.Blocks {
		cur := &mir.Block{ID: b.ID, Instrs: make([]*mir.Instr, 0, len(b.Instrs))}
		for k, in := range b.Instrs {
			if !isCondBranch(in.Op) {
				cur.Instrs = append(cur.Instrs, in)
				continue
			}
			off := start[in.Target] - (start[b.ID] + 4*int64(k))
			if off < 0 {
				off = -off
			}
			if off+slack < reachOf(in.Op) {
				cur.Instrs = append(cur.Instrs, in)
				continue
			}
			inv := *in
			inv.Target = next
			invertBranch(&inv)
			cur.Instrs = append(cur.Instrs, &inv, &mir.Instr{Op: mir.B, Target: in.Target})
			blocks = append(blocks, cur)
			cur = &mir.Block{ID: next}
			next++
		}
		blocks = append(blocks, cur)
	}
	f.Blocks = blocks
	return true
}
