package passes

import (
	"math/rand"
	"testing"
)

// TestGapsAgainstBruteForce checks gaps, which decides whether a switch covers an integer type,
// against a value-by-value count over a small domain, for random sets of ranges.
func TestGapsAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 2000; round++ {
		var spans []span
		covered := make([]bool, 256)
		for n := rng.Intn(6); n > 0; n-- {
			lo := uint64(rng.Intn(256))
			hi := lo + uint64(rng.Intn(80))
			if hi > 255 {
				hi = 255
			}
			spans = append(spans, span{lo, hi})
			for v := lo; v <= hi; v++ {
				covered[v] = true
			}
		}
		var want []span
		for v := 0; v < 256; v++ {
			switch {
			case covered[v]:
			case len(want) > 0 && want[len(want)-1].hi == uint64(v-1):
				want[len(want)-1].hi = uint64(v)
			default:
				want = append(want, span{uint64(v), uint64(v)})
			}
		}
		got := gaps(spans, span{0, 255})
		if len(got) != len(want) {
			t.Fatalf("spans %v: gaps %v, want %v", spans, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("spans %v: gaps %v, want %v", spans, got, want)
			}
		}
	}
}

// TestGapsAtTheTopOfU64 covers ranges ending at the largest value (no overflow past it).
func TestGapsAtTheTopOfU64(t *testing.T) {
	top := ^uint64(0)
	if g := gaps([]span{{0, top}}, span{0, top}); len(g) != 0 {
		t.Errorf("full range: gaps %v", g)
	}
	if g := gaps([]span{{top - 1, top}, {0, 5}}, span{0, top}); len(g) != 1 || g[0] != (span{6, top - 2}) {
		t.Errorf("gaps %v, want [{6 %d}]", g, top-2)
	}
	// i64 patterns 0..1 (held as bits ^ 1<<63) leave the negative values and 2 and up.
	g := gapsText(gaps([]span{{1 << 63, 1<<63 + 1}}, span{0, top}), true)
	if len(g) != 2 || g[0] != "-9223372036854775808..-1" || g[1] != "2..9223372036854775807" {
		t.Errorf("signed gaps %q", g)
	}
}
