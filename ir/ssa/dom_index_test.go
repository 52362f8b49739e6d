package ssa

import (
	"slices"
	"testing"
)

// TestDominatorTreeByIndexAgreesWithDominators checks the slice-based tree against Dominators on
// a function with a loop, a diamond and an unreachable block.
func TestDominatorTreeByIndexAgreesWithDominators(t *testing.T) {
	p, err := Read(`func f index=0 (i32) -> (i32)
b0(v0:i32):
  jump b1(v0)
b1(v1:i32):
  branch v1, b2(), b3()
b2():
  jump b4()
b3():
  jump b4()
b4():
  branch v1, b1(v1), b5()
b5():
  return v1
b6():
  jump b5()
`)
	if err != nil {
		t.Fatal(err)
	}
	f := p.Funcs[0]
	order, kids := DominatorTreeByIndex(f)
	dom := Dominators(f)
	var want []int
	for _, b := range dom.RPO {
		want = append(want, slices.Index(f.Blocks, b))
	}
	if !slices.Equal(order, want) {
		t.Errorf("order %v, want %v", order, want)
	}
	for i, b := range f.Blocks {
		var w []int
		for _, c := range dom.Children[b] {
			w = append(w, slices.Index(f.Blocks, c))
		}
		if !slices.Equal(kids[i], w) {
			t.Errorf("children of b%d: %v, want %v", b.ID, kids[i], w)
		}
	}
}
