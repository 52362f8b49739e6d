package ssa

// Dominators of an SSA function (Cooper, Harvey and Kennedy's iterative algorithm over reverse
// postorder), shared by the optimisation passes.

// DomTree is the dominator tree of a function's reachable blocks.
type DomTree struct {
	Idom     map[*Block]*Block   // immediate dominator (nil for the entry)
	Children map[*Block][]*Block // dominator-tree children, in reverse postorder
	RPO      []*Block            // reachable blocks in reverse postorder
}

// Successors returns the blocks b's terminator may go to.
func (b *Block) Successors() []*Block {
	out := make([]*Block, 0, len(b.Term.Succs))
	for _, e := range b.Term.Succs {
		out = append(out, e.To)
	}
	return out
}

// ReversePostorder returns f's blocks reachable from the entry in reverse postorder.
func (f *Func) ReversePostorder() []*Block {
	if len(f.Blocks) == 0 {
		return nil
	}
	seen := map[*Block]bool{f.Blocks[0]: true}
	var post []*Block
	type frame struct {
		b    *Block
		next int
	}
	stack := []frame{{f.Blocks[0], 0}}
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if top.next < len(top.b.Term.Succs) {
			s := top.b.Term.Succs[top.next].To
			top.next++
			if !seen[s] {
				seen[s] = true
				stack = append(stack, frame{s, 0})
			}
			continue
		}
		post = append(post, top.b)
		stack = stack[:len(stack)-1]
	}
	for i, j := 0, len(post)-1; i < j; i, j = i+1, j-1 {
		post[i], post[j] = post[j], post[i]
	}
	return post
}

// Dominators computes f's dominator tree.
func Dominators(f *Func) *DomTree {
	rpo := f.ReversePostorder()
	t := &DomTree{Idom: map[*Block]*Block{}, Children: map[*Block][]*Block{}, RPO: rpo}
	if len(rpo) == 0 {
		return t
	}
	num := make(map[*Block]int, len(rpo))
	for i, b := range rpo {
		num[b] = i
	}
	preds := map[*Block][]*Block{}
	for _, b := range rpo {
		for _, e := range b.Term.Succs {
			preds[e.To] = append(preds[e.To], b)
		}
	}
	idom := make([]int, len(rpo))
	for i := range idom {
		idom[i] = -1
	}
	idom[0] = 0
	intersect := func(a, b int) int {
		for a != b {
			for a > b {
				a = idom[a]
			}
			for b > a {
				b = idom[b]
			}
		}
		return a
	}
	for changed := true; changed; {
		changed = false
		for i := 1; i < len(rpo); i++ {
			nd := -1
			for _, p := range preds[rpo[i]] {
				k := num[p]
				if idom[k] < 0 {
					continue
				}
				if nd < 0 {
					nd = k
				} else {
					nd = intersect(k, nd)
				}
			}
			if nd != idom[i] {
				idom[i] = nd
				changed = true
			}
		}
	}
	for i := 1; i < len(rpo); i++ {
		d := rpo[idom[i]]
		t.Idom[rpo[i]] = d
		t.Children[d] = append(t.Children[d], rpo[i])
	}
	return t
}
