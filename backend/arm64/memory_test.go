package arm64

import "testing"

// TestMemoryBudget: 256 MiB for every module up to 16 MiB, then 16 bytes per module byte.
func TestMemoryBudget(t *testing.T) {
	for _, c := range []struct {
		n    int
		want int64
	}{{0, 256 << 20}, {1_827_396, 256 << 20}, {16 << 20, 256 << 20}, {30_830_300, 16 * 30_830_300}} {
		if got := MemoryBudget(c.n); got != c.want {
			t.Errorf("MemoryBudget(%d) = %d, want %d", c.n, got, c.want)
		}
	}
}
