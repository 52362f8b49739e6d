package mir

// CFG is the control-flow graph of a function by block index (positions in Func.Blocks): the
// successors of a block are its branch targets and, when its last instruction is no terminator,
// the next block.
type CFG struct {
	Succs, Preds [][]int
}

// BuildCFG returns f's control-flow graph.
func BuildCFG(f *Func) *CFG {
	n := len(f.Blocks)
	index := make(map[int]int, n)
	for i, b := range f.Blocks {
		index[b.ID] = i
	}
	g := &CFG{Succs: make([][]int, n), Preds: make([][]int, n)}
	add := func(from, to int) {
		for _, s := range g.Succs[from] {
			if s == to {
				return
			}
		}
		g.Succs[from] = append(g.Succs[from], to)
		g.Preds[to] = append(g.Preds[to], from)
	}
	for i, b := range f.Blocks {
		ends := false
		for _, in := range b.Instrs {
			if in.Op.IsBranch() {
				add(i, index[in.Target])
			} else if in.Op == BRTABLE {
				for _, t := range in.Table {
					add(i, index[t])
				}
			}
			ends = in.Op.IsTerminator()
		}
		if !ends && i+1 < n {
			add(i, i+1)
		}
	}
	return g
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
