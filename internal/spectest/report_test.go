package spectest

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestBaselineRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "baseline.txt")
	b := &Baseline{Executor: "native", Files: map[string]Counts{"i32": {374, 83, 0}, "data": {0, 22, 14}}}
	if err := WriteBaseline(path, b); err != nil {
		t.Fatal(err)
	}
	got, err := ReadBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, b) {
		t.Errorf("read %+v, wrote %+v", got, b)
	}
	if got.Total() != 374+83+22+14 {
		t.Errorf("total %d", got.Total())
	}
}

func TestCountsBelow(t *testing.T) {
	base := Counts{10, 5, 2}
	if w := (Counts{10, 5, 2}).Below(base); len(w) != 0 {
		t.Errorf("equal counts reported below: %v", w)
	}
	if w := (Counts{11, 6, 3}).Below(base); len(w) != 0 {
		t.Errorf("better counts reported below: %v", w)
	}
	w := (Counts{9, 5, 1}).Below(base)
	if len(w) != 2 || !strings.HasPrefix(w[0], "exec 9 < 10") || !strings.HasPrefix(w[1], "link 1 < 2") {
		t.Errorf("below: %v", w)
	}
}
