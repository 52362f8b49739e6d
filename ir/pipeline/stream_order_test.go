package pipeline

import (
	"slices"
	"testing"
)

// TestHandOutOrder: costliest units first, ties in unit order; unit order without a cost.
func TestHandOutOrder(t *testing.T) {
	units := []any{3, 9, 1, 9, 0, 5}
	got := handOutOrder(units, func(u any) int { return u.(int) })
	if want := []int64{1, 3, 5, 0, 2, 4}; !slices.Equal(got, want) {
		t.Errorf("with costs: %v, want %v", got, want)
	}
	if got, want := handOutOrder(units, nil), []int64{0, 1, 2, 3, 4, 5}; !slices.Equal(got, want) {
		t.Errorf("without: %v, want %v", got, want)
	}
}
