package pipeline

import (
	"runtime/debug"
	"testing"
)

// TestLimitMemory checks that LimitMemory turns GOGC off under the limit and restores both.
func TestLimitMemory(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	gc, ml := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	defer debug.SetGCPercent(gc)
	restore := LimitMemory(1 << 30)
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("GOGC under the limit = %d, want off (-1)", got)
	}
	if got := debug.SetMemoryLimit(-1); got != 1<<30 {
		t.Errorf("memory limit = %d, want %d", got, 1<<30)
	}
	restore()
	if got := debug.SetGCPercent(-1); got != 100 {
		t.Errorf("GOGC after restore = %d, want 100", got)
	}
	if got := debug.SetMemoryLimit(-1); got != ml {
		t.Errorf("memory limit after restore = %d, want %d", got, ml)
	}

	t.Setenv("GOGC", "50") // the environment wins
	debug.SetGCPercent(100)
	LimitMemory(1 << 30)()
	if got := debug.SetGCPercent(-1); got != 100 {
		t.Errorf("with GOGC set, LimitMemory changed GOGC to %d", got)
	}
}

// TestGCPercent checks the pace followLive sets: the next collection when the heap reaches the
// budget, with at least a third of the live heap of garbage past it.
func TestGCPercent(t *testing.T) {
	for _, c := range []struct {
		limit, live, roots int64
		want               int
	}{
		{100, 40, 0, 150}, // room for 60 of garbage: the heap reaches 100
		{100, 10, 0, 200}, // at most 3 x live while the heap is small
		{100, 50, 0, 100},
		{100, 80, 0, 32}, // past three quarters of the budget: live/3 of garbage
		{100, 70, 0, 42},
		{100, 400, 0, 33},
		{1000, 990, 0, 33},
		{100, 20, 20, 200}, // the pacer multiplies live+roots: 80 of garbage, not 160
		{100, 0, 0, -1},    // nothing live: GOGC stays off until the limit
	} {
		if got := gcPercent(c.limit, c.live, c.roots); got != c.want {
			t.Errorf("gcPercent(%d, %d, %d) = %d, want %d", c.limit, c.live, c.roots, got, c.want)
		}
	}
}
