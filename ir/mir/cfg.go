package mir

// CFG is the control-flow graph of a function by block index (positions in Func.Blocks): the
// successors of a block are its branch targets and, when its last instruction is no terminator,
// the next block.
type CFG struct {
	Succs, Preds [][]int
}

// BuildCFG returns f's control-flow graph. The lists share two arrays (one for the successors,
// one for the predecessors), and block ids are looked up in a slice when they are dense (they
// are, from translate on), not a map: the allocator and coalesce-copies build one per function.
func BuildCFG(f *Func) *CFG {
	n := len(f.Blocks)
	index := blockIndex(f)
	// The successors of each block, block after block in one array (block i's end at ends[i]).
	succ := make([]int, 0, n+n/2)
	ends := make([]int, n)
	npreds := make([]int, n+1) // predecessors of block i at npreds[i+1], then the start of its list
	add := func(first, to int) {
		for _, s := range succ[first:] {
			if s == to {
				return
			}
		}
		succ = append(succ, to)
		npreds[to+1]++
	}
	for i, b := range f.Blocks {
		first := len(succ)
		terminated := false
		for _, in := range b.Instrs {
			if in.Op.IsBranch() {
				add(first, index(in.Target))
			} else if in.Op == BRTABLE {
				for _, t := range in.Table {
					add(first, index(t))
				}
			}
			terminated = in.Op.IsTerminator()
		}
		if !terminated && i+1 < n {
			add(first, i+1)
		}
		ends[i] = len(succ)
	}
	g := &CFG{Succs: make([][]int, n), Preds: make([][]int, n)}
	for b := 0; b < n; b++ {
		npreds[b+1] += npreds[b]
	}
	pred := make([]int, len(succ))
	next := npreds[:n] // where block b's next predecessor goes
	first := 0
	// Predecessors in the order of the edges: block order, then successor order.
	for i := 0; i < n; i++ {
		g.Succs[i] = succ[first:ends[i]:ends[i]]
		for _, s := range g.Succs[i] {
			pred[next[s]] = i
			next[s]++
		}
		first = ends[i]
	}
	start := 0 // next[b] is now the end of block b's predecessors
	for b := 0; b < n; b++ {
		g.Preds[b] = pred[start:next[b]:next[b]]
		start = next[b]
	}
	return g
}

// blockIndex returns a function from block id to block index (0 for an id no block has, the
// zero value a map lookup gave).
func blockIndex(f *Func) func(id int) int {
	n, maxID, minID := len(f.Blocks), -1, 0
	for _, b := range f.Blocks {
		maxID, minID = max(maxID, b.ID), min(minID, b.ID)
	}
	if minID < 0 || maxID >= 4*n+64 {
		m := make(map[int]int, n)
		for i, b := range f.Blocks {
			m[b.ID] = i
		}
		return func(id int) int { return m[id] }
	}
	dense := make([]int32, maxID+1)
	for i, b := range f.Blocks {
		dense[b.ID] = int32(i)
	}
	return func(id int) int {
		if id < 0 || id >= len(dense) {
			return 0
		}
		return int(dense[id])
	}
}

// Postorder returns the blocks reachable from the entry (block 0) in depth-first postorder.
func (g *CFG) Postorder() []int {
	n := len(g.Succs)
	if n == 0 {
		return nil
	}
	seen := make([]bool, n)
	var order []int
	type frame struct{ b, next int }
	stack := []frame{{0, 0}}
	seen[0] = true
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if top.next < len(g.Succs[top.b]) {
			s := g.Succs[top.b][top.next]
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
	return order
}
