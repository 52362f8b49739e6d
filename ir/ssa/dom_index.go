package ssa

import "slices"

// DominatorTreeByIndex returns the reachable blocks of f in reverse postorder and the
// dominator-tree children of each, all by position in f.Blocks: Dominators' algorithm over
// slices, for passes that run on every function (its maps cost more than such a pass's work).
func DominatorTreeByIndex(f *Func) (order []int, kids [][]int) {
	n := len(f.Blocks)
	maxID := 0
	for _, b := range f.Blocks {
		maxID = max(maxID, b.ID)
	}
	pos := make([]int, maxID+1)
	for i, b := range f.Blocks {
		pos[b.ID] = i
	}
	seen := make([]bool, n)
	type frame struct{ b, next int }
	stack := []frame{{0, 0}}
	seen[0] = true
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if succs := f.Blocks[top.b].Term.Succs; top.next < len(succs) {
			s := pos[succs[top.next].To.ID]
			top.next++
			if !seen[s] {
				seen[s] = true
				stack = append(stack, frame{s, 0})
			}
			continue
		}
		order = append(order, top.b)
		stack = stack[:len(stack)-1]
	}
	slices.Reverse(order)
	rpo := make([]int, n)
	for i, b := range order {
		rpo[b] = i
	}
	preds := make([][]int, n)
	for _, b := range order {
		for _, e := range f.Blocks[b].Term.Succs {
			preds[pos[e.To.ID]] = append(preds[pos[e.To.ID]], b)
		}
	}
	idom := make([]int, n)
	for i := range idom {
		idom[i] = -1
	}
	idom[order[0]] = order[0]
	for changed := true; changed; {
		changed = false
		for _, b := range order[1:] {
			nd := -1
			for _, p := range preds[b] {
				if idom[p] < 0 {
					continue
				}
				if nd < 0 {
					nd = p
					continue
				}
				for x, y := p, nd; ; {
					for rpo[x] > rpo[y] {
						x = idom[x]
					}
					for rpo[y] > rpo[x] {
						y = idom[y]
					}
					if x == y {
						nd = x
						break
					}
				}
			}
			if nd >= 0 && idom[b] != nd {
				idom[b] = nd
				changed = true
			}
		}
	}
	kids = make([][]int, n)
	for _, b := range order[1:] {
		kids[idom[b]] = append(kids[idom[b]], b)
	}
	return order, kids
}
