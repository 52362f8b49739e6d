package mir

// Dominators and natural loops of a machine function (Cooper, Harvey and Kennedy's iterative
// algorithm over reverse postorder), for the register allocator's spill weights.

// Dominators returns the immediate dominator of every block index (-1 for the entry and for
// unreachable blocks).
func (g *CFG) Dominators() []int {
	n := len(g.Succs)
	idom := make([]int, n)
	for i := range idom {
		idom[i] = -1
	}
	post := g.Postorder()
	if len(post) == 0 {
		return idom
	}
	rank := make([]int, n) // postorder number
	for i := range rank {
		rank[i] = -1
	}
	for i, b := range post {
		rank[b] = i
	}
	idom[0] = 0
	intersect := func(a, b int) int {
		for a != b {
			for rank[a] < rank[b] {
				a = idom[a]
			}
			for rank[b] < rank[a] {
				b = idom[b]
			}
		}
		return a
	}
	for changed := true; changed; {
		changed = false
		for i := len(post) - 1; i >= 0; i-- {
			b := post[i]
			if b == 0 {
				continue
			}
			nd := -1
			for _, p := range g.Preds[b] {
				if rank[p] < 0 || idom[p] < 0 {
					continue
				}
				if nd < 0 {
					nd = p
				} else {
					nd = intersect(p, nd)
				}
			}
			if nd != idom[b] {
				idom[b] = nd
				changed = true
			}
		}
	}
	idom[0] = -1
	return idom
}

// LoopDepth returns the number of natural loops containing each block index: a back edge is an
// edge to a block that dominates its source; the loop of header h is h and the blocks that reach
// one of its back edges' sources without passing through h.
func (g *CFG) LoopDepth() []int {
	n := len(g.Succs)
	idom := g.Dominators()
	// Pre/post numbers of the dominator tree answer "a dominates b" in constant time.
	children := make([][]int, n)
	for b, d := range idom {
		if d >= 0 {
			children[d] = append(children[d], b)
		}
	}
	pre, post := make([]int, n), make([]int, n)
	clock := 0
	type frame struct{ b, next int }
	stack := []frame{{0, 0}}
	pre[0] = clock
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if top.next < len(children[top.b]) {
			c := children[top.b][top.next]
			top.next++
			clock++
			pre[c] = clock
			stack = append(stack, frame{c, 0})
			continue
		}
		clock++
		post[top.b] = clock
		stack = stack[:len(stack)-1]
	}
	reachable := func(b int) bool { return b == 0 || idom[b] >= 0 }
	dominates := func(a, b int) bool { return pre[a] <= pre[b] && post[b] <= post[a] }
	latches := make([][]int, n)
	for src := range g.Succs {
		if !reachable(src) {
			continue
		}
		for _, h := range g.Succs[src] {
			if dominates(h, src) {
				latches[h] = append(latches[h], src)
			}
		}
	}
	depth := make([]int, n)
	mark := make([]int, n) // header+1 of the last loop that marked the block
	for h, srcs := range latches {
		if len(srcs) == 0 {
			continue
		}
		mark[h] = h + 1
		depth[h]++
		work := append([]int(nil), srcs...)
		for len(work) > 0 {
			b := work[len(work)-1]
			work = work[:len(work)-1]
			if mark[b] == h+1 {
				continue
			}
			mark[b] = h + 1
			depth[b]++
			work = append(work, g.Preds[b]...)
		}
	}
	return depth
}
