package passes

// Heap objects and ARC: every golden/testdata/run/{arc,deinit}_*.txtar, read from there, run by
// the reference interpreter after every pass from insert-arc on (ir/ast/interp_arc.go: new,
// retain, release with destructors and field releases) and compared with the compiled Wasm, and
// dumped after every pass and read back. The typed languages before insert-arc leave the counts
// implicit (the meaning insert-arc gives them), which the interpreter does not model.

import (
	"path/filepath"
	"strings"
	"testing"
)

func arcCases() []e2eCase {
	var cases []e2eCase
	for _, glob := range []string{"arc_*.txtar", "deinit_*.txtar"} {
		m, _ := filepath.Glob("../golden/testdata/run/" + glob)
		for _, file := range m {
			cases = append(cases, goldenCase(file, strings.TrimSuffix(filepath.Base(file), ".txtar")))
		}
	}
	return cases
}

func TestEveryPassKeepsMeaningArc(t *testing.T) {
	cases := arcCases()
	if len(cases) < 4 {
		t.Fatalf("%d arc goldens", len(cases))
	}
	for _, c := range cases {
		checkEveryPass(t, c, nil, "insert-arc")
	}
}

func TestArcDumpsReadBack(t *testing.T) {
	for _, c := range arcCases() {
		t.Run(c.name, func(t *testing.T) { checkDumpsReadBack(t, c.src, nil) })
	}
}
