package ssa

// BlockIndex finds the position of a block in its function's Blocks: by block id in a table when
// the ids are distinct, non-negative and not much larger than the number of blocks (as translate
// numbers them), else through a map. The passes and the verifier that look a block up for every
// edge of every function keep one and Reset it for the next function.
type BlockIndex struct {
	f     *Func
	byID  []int32 // position + 1 by block id, 0: none; empty when the map is used
	byPtr map[*Block]int
}

// Reset indexes the blocks of f, reusing x's memory.
func (x *BlockIndex) Reset(f *Func) {
	x.f = f
	maxID := -1
	for _, b := range f.Blocks {
		if b.ID < 0 {
			maxID = 1 << 30
			break
		}
		maxID = max(maxID, b.ID)
	}
	if maxID <= 4*len(f.Blocks)+64 {
		if cap(x.byID) < maxID+1 {
			x.byID = make([]int32, maxID+1)
		} else {
			x.byID = x.byID[:maxID+1]
			clear(x.byID)
		}
		distinct := true
		for i, b := range f.Blocks {
			distinct = distinct && x.byID[b.ID] == 0
			x.byID[b.ID] = int32(i + 1)
		}
		if distinct {
			return
		}
	}
	x.byID = x.byID[:0]
	if x.byPtr == nil || len(x.byPtr) > 4*len(f.Blocks)+64 {
		x.byPtr = make(map[*Block]int, len(f.Blocks)) // not a large function's map, cleared for a small one
	} else {
		clear(x.byPtr)
	}
	for i, b := range f.Blocks {
		x.byPtr[b] = i
	}
}

// Pos returns the position of b in the indexed function's Blocks, -1 when b is not one of them.
func (x *BlockIndex) Pos(b *Block) int {
	if len(x.byID) == 0 {
		if i, ok := x.byPtr[b]; ok {
			return i
		}
		return -1
	}
	if b.ID < 0 || b.ID >= len(x.byID) {
		return -1
	}
	if i := int(x.byID[b.ID]) - 1; i >= 0 && x.f.Blocks[i] == b {
		return i
	}
	return -1
}
