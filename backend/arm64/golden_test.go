package arm64

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"cot/ir/pipeline"
)

var update = flag.Bool("update", false, "rewrite the golden dumps in testdata")

// goldenPasses are the passes whose dumps are kept as goldens.
var goldenPasses = []string{"translate", "remove-dead-values", "select-instructions", "resolve-branches"}

// TestGoldenDumps compiles testdata/*.wat and compares the --dump-after text of a few passes
// with testdata/NAME.golden. go test ./backend/arm64 -run TestGoldenDumps -update rewrites them.
func TestGoldenDumps(t *testing.T) {
	needTools(t)
	files, _ := filepath.Glob("testdata/*.wat")
	if len(files) == 0 {
		t.Fatal("no testdata")
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var dump strings.Builder
		opts := &pipeline.Options{DumpAfter: goldenPasses, Out: &dump}
		if _, err := CompileModule(watToWasm(t, string(src)), opts); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		golden := strings.TrimSuffix(file, ".wat") + ".golden"
		if *update {
			if err := os.WriteFile(golden, []byte(dump.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if dump.String() != string(want) {
			t.Errorf("%s: dumps differ from %s; accept with: go test ./backend/arm64 -run TestGoldenDumps -update\n%s",
				file, golden, firstDiff(string(want), dump.String()))
		}
	}
}

// firstDiff shows the first differing line.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n-" + w + "\n+" + g
		}
	}
	return ""
}
