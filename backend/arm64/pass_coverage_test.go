package arm64

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestEveryOptimisationHasItsTests keeps docs/backend-tests.md's promise for passes to come:
// every pass from SSA or MIR to SSA or MIR has a single-pass txtar in testdata/passes, and every
// optional pass an asmcheck file that `;; needs:` it (TestAsmcheckNeedsItsPasses then proves
// that file fails without the pass).
func TestEveryOptimisationHasItsTests(t *testing.T) {
	txtars := map[string]int{}
	files, _ := filepath.Glob("testdata/passes/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		name, _, _ := strings.Cut(string(ar.Comment), "\n")
		txtars[strings.TrimSpace(name)]++
	}
	needed := map[string]bool{}
	wats, _ := filepath.Glob("testdata/asmcheck/*.wat")
	for _, file := range wats {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range needsRx.FindAllStringSubmatch(string(src), -1) {
			needed[m[1]] = true
		}
	}
	irFamily := func(f any) bool { return f == SSA || f == MIR }
	for _, p := range Table().Passes {
		if irFamily(p.In.Family) && irFamily(p.Out.Family) && txtars[p.Name] == 0 {
			t.Errorf("pass %s has no testdata/passes/*.txtar", p.Name)
		}
		if p.Disablable() && !needed[p.Name] {
			t.Errorf("optional pass %s: no testdata/asmcheck/*.wat says `;; needs: %s`", p.Name, p.Name)
		}
	}
}
