package arm64

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"cot/ir/pipeline"
)

var needsRx = regexp.MustCompile(`(?m)^\s*;;\s*needs:\s*(\S+)\s*$`)

// TestAsmcheckNeedsItsPasses proves that asmcheck files test the optional passes they name: a
// file with a `;; needs: PASS` line must fail some of its checks when PASS is disabled (so the
// pattern is the pass's doing, not something instruction selection or the allocator already
// gives).
func TestAsmcheckNeedsItsPasses(t *testing.T) {
	if _, err := exec.LookPath("wat2wasm"); err != nil {
		t.Skip("wat2wasm not installed")
	}
	disablable := map[string]bool{}
	for _, p := range Table().Passes {
		disablable[p.Name] = p.Disablable()
	}
	files, _ := filepath.Glob("testdata/asmcheck/*.wat")
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range needsRx.FindAllStringSubmatch(string(src), -1) {
			pass := m[1]
			t.Run(filepath.Base(file)+"/without-"+pass, func(t *testing.T) {
				if !disablable[pass] {
					t.Fatalf("%s: needs %q, which is not an optional pass of the arm64 table", file, pass)
				}
				failures, err := runAsmchecks(t, file, &pipeline.Options{Disable: []string{pass}})
				if err != nil {
					t.Fatal(err)
				}
				if len(failures) == 0 {
					t.Errorf("%s: every check passes with %s disabled: they do not test it", file, pass)
				}
			})
		}
	}
}
