package ssa

import "testing"

// TestBlockIndex: positions by id, through the map when ids repeat or are negative, and -1 for a
// block of another function (even one with the same id).
func TestBlockIndex(t *testing.T) {
	var x BlockIndex
	for _, ids := range [][]int{{0, 1, 2, 5}, {0, 3, 3}, {-1, 4}, {7, 1 << 20}} {
		f := &Func{}
		for _, id := range ids {
			f.Blocks = append(f.Blocks, &Block{ID: id})
		}
		x.Reset(f)
		for i, b := range f.Blocks {
			if got := x.Pos(b); got != i {
				t.Errorf("ids %v: block %d at %d, want %d", ids, b.ID, got, i)
			}
		}
		if got := x.Pos(&Block{ID: ids[0]}); got != -1 {
			t.Errorf("ids %v: another function's block found at %d", ids, got)
		}
	}
}
