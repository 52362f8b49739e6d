package verify

// dominators computes immediate dominators (Cooper, Harvey, Kennedy) over reachable blocks, by
// block position in f.Blocks (a verification runs after every pass: slices, not maps), and
// numbers the dominator tree in preorder so that dominates is a comparison.
func (v *ssaVerifier) dominators() {
	f := v.f
	n := len(f.Blocks)
	order := v.order[:0] // reverse postorder, of block positions
	v.seen = reuse(v.seen, n)
	seen := v.seen
	var dfs func(b int)
	dfs = func(b int) {
		seen[b] = true
		for _, e := range f.Blocks[b].Term.Succs {
			if s := v.blocks.Pos(e.To); s >= 0 && !seen[s] {
				dfs(s)
			}
		}
		order = append(order, b)
	}
	dfs(0)
	for i, j := 0, len(order)-1; i < j; i, j = i+1, j-1 {
		order[i], order[j] = order[j], order[i]
	}
	v.order = order
	v.rpo = reuse(v.rpo, n)
	rpo := v.rpo
	for i, b := range order {
		rpo[b] = i
	}
	v.preds = reuseLists(v.preds, n)
	preds := v.preds
	for _, b := range order {
		for _, e := range f.Blocks[b].Term.Succs {
			if s := v.blocks.Pos(e.To); s >= 0 {
				preds[s] = append(preds[s], b)
			}
		}
	}
	v.idom = reuse(v.idom, n)
	for i := range v.idom {
		v.idom[i] = -1 // unreachable
	}
	v.idom[order[0]] = order[0]
	intersect := func(a, b int) int {
		for a != b {
			for rpo[a] > rpo[b] {
				a = v.idom[a]
			}
			for rpo[b] > rpo[a] {
				b = v.idom[b]
			}
		}
		return a
	}
	for changed := true; changed; {
		changed = false
		for _, b := range order[1:] {
			nd := -1
			for _, p := range preds[b] {
				if v.idom[p] < 0 {
					continue
				}
				if nd < 0 {
					nd = p
				} else {
					nd = intersect(p, nd)
				}
			}
			if nd >= 0 && v.idom[b] != nd {
				v.idom[b] = nd
				changed = true
			}
		}
	}
	// Preorder interval of each block in the dominator tree: a dominates b when b's interval
	// lies inside a's.
	v.kids = reuseLists(v.kids, n)
	kids := v.kids
	for _, b := range order[1:] {
		kids[v.idom[b]] = append(kids[v.idom[b]], b)
	}
	v.enter, v.exit = reuse(v.enter, n), reuse(v.exit, n)
	clock := 0
	var number func(b int)
	number = func(b int) {
		v.enter[b] = clock
		clock++
		for _, k := range kids[b] {
			number(k)
		}
		v.exit[b] = clock
	}
	number(order[0])
}

// dominates reports whether the block at position ai dominates the one at bi (unreachable
// blocks are dominated by everything).
func (v *ssaVerifier) dominates(ai, bi int) bool {
	if v.idom[bi] < 0 {
		return true
	}
	if v.idom[ai] < 0 {
		return false
	}
	return v.enter[ai] <= v.enter[bi] && v.exit[bi] <= v.exit[ai]
}
