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
// one of its back edges' sources without passing through h. The dominator tree's children and
// the back edges are lists in shared arrays (the allocator and coalesce-copies ask this of every
// function).
func (g *CFG) LoopDepth() []int {
	n := len(g.Succs)
	if n == 0 {
		return nil
	}
	idom := g.Dominators()
	// Children of each block in the dominator tree: block b's at child[at[b]:at[b+1]].
	at := make([]int32, n+1)
	for b, d := range idom {
		if d >= 0 && d != b {
			at[d+1]++
		}
	}
	for b := 0; b < n; b++ {
		at[b+1] += at[b]
	}
	child := make([]int32, at[n])
	next := make([]int32, n)
	copy(next, at[:n])
	for b, d := range idom {
		if d >= 0 && d != b {
			child[next[d]] = int32(b)
			next[d]++
		}
	}
	// Pre/post numbers of the dominator tree answer "a dominates b" in constant time.
	pre, post := make([]int32, n), make([]int32, n)
	clock := int32(0)
	type frame struct{ b, next int32 }
	stack := []frame{{0, at[0]}}
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if top.next < at[top.b+1] {
			c := child[top.next]
			top.next++
			clock++
			pre[c] = clock
			stack = append(stack, frame{c, at[c]})
			continue
		}
		clock++
		post[top.b] = clock
		stack = stack[:len(stack)-1]
	}
	reachable := func(b int) bool { return b == 0 || idom[b] >= 0 }
	dominates := func(a, b int) bool { return pre[a] <= pre[b] && post[b] <= post[a] }
	depth := make([]int, n)
	mark := next // header+1 of the last loop that marked the block
	clear(mark)
	var work []int
	// Headers in order; each loop is marked from all its back edges' sources at once.
	for h := 0; h < n; h++ {
		work = work[:0]
		for _, src := range g.Preds[h] {
			if reachable(src) && dominates(h, src) {
				work = append(work, src)
			}
		}
		if len(work) == 0 {
			continue
		}
		stamp := int32(h + 1)
		mark[h] = stamp
		depth[h]++
		for len(work) > 0 {
			b := work[len(work)-1]
			work = work[:len(work)-1]
			if mark[b] == stamp {
				continue
			}
			mark[b] = stamp
			depth[b]++
			work = append(work, g.Preds[b]...)
		}
	}
	return depth
}
