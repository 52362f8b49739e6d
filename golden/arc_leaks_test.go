package golden

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"cot/ir/pipeline"
	"cot/ir/src"
	"cot/passes"
	"cot/runner"
)

// leaksDeliberately is the marker a run case writes in its description when its program keeps
// ARC objects alive at exit on purpose (in a global, in an uncounted place).
const leaksDeliberately = "arc: leaks deliberately"

var arcLeakLine = regexp.MustCompile(`arc: (\d+) live object\(s\) at exit`)

// TestRunGoldensLeakNoObjects proves ARC leak-free on the run goldens (decisions.md #21): every
// case of testdata/run is compiled with lower-arc's report at exit (passes.ArcLeakReportKey)
// and run on wazero; when main returns, no ARC object may be alive, unless the case says it
// leaks deliberately — and then it must leak, so the marker stays true. (A program that traps or
// calls @exit never reaches the report.)
func TestRunGoldensLeakNoObjects(t *testing.T) {
	for _, c := range loadCases(t, "run") {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			c.writeInputs(t, dir)
			path := filepath.Join(dir, "main.cot")
			text, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			ctx := pipeline.NewCtx("wasm32")
			ctx.Store[passes.ArcLeakReportKey] = true
			if project, ok := c.section("cot.json"); ok && strings.Contains(string(project), `"safe": true`) {
				ctx.Store[passes.SafeModeKey] = true // the driver's reading of cot.json (cmd/cot/project.go)
			}
			f := src.NewFile(path, text)
			ctx.Diags.AddFile(f)
			out, err := passes.Table().Run(ctx, f, &pipeline.Options{})
			if err != nil {
				t.Fatalf("compile: %v", err)
			}
			stdin, _ := c.section("stdin")
			run, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			res, err := runner.RunWazero(run, out.([]byte), runner.Config{Dir: dir, Stdin: bytes.NewReader(stdin)})
			if err != nil {
				t.Fatalf("run: %v", err)
			}
			leak := arcLeakLine.FindSubmatch(res.Stderr)
			deliberate := strings.Contains(string(c.archive.Comment), leaksDeliberately)
			switch {
			case leak != nil && !deliberate:
				t.Errorf("%s: %s live ARC object(s) when main returned; a case that leaks on purpose says %q", c.path, leak[1], leaksDeliberately)
			case leak == nil && deliberate && res.Trap == "" && res.ExitCode == 0:
				t.Errorf("%s: says %q but leaves no object alive", c.path, leaksDeliberately)
			}
		})
	}
}
