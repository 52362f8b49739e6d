package arm64

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"cot/ir/mir"
	"cot/ir/pipeline"
	"cot/ir/ssa"
)

// TestSinglePass runs testdata/passes/*.txtar: the comment's first line names one pass, `in` is its input in
// the SSA or MIR text form, `out` the expected output (rewritten by -update), and the optional
// `want` lists asmcheck-style expectations on the output, one a line: "regexp" must match a line,
// -"regexp" must match none. Input and output are verified against the pass's languages.
func TestSinglePass(t *testing.T) {
	files, _ := filepath.Glob("testdata/passes/*.txtar")
	if len(files) == 0 {
		t.Fatal("no testdata/passes")
	}
	passes := map[string]pipeline.Pass{}
	for _, p := range Table().Passes {
		passes[p.Name] = p
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sections := map[string]string{}
			for _, f := range ar.Files {
				sections[f.Name] = string(f.Data)
			}
			name, _, _ := strings.Cut(string(ar.Comment), "\n")
			pass, ok := passes[strings.TrimSpace(name)]
			if !ok {
				t.Fatalf("comment %q names no pass", ar.Comment)
			}
			var prog any
			if pass.In.Family == SSA {
				prog, err = ssa.Read(sections["in"])
			} else {
				prog, err = mir.Read(sections["in"])
			}
			if err != nil {
				t.Fatalf("reading in: %v", err)
			}
			if errs := pass.In.Family.Verify(pass.In, prog); len(errs) > 0 {
				t.Fatalf("in is not %s: %v", pass.In.Name, errs[0])
			}
			out, err := pass.Run(pipeline.NewCtx("arm64-linux"), prog)
			if err != nil {
				t.Fatal(err)
			}
			if errs := pass.Out.Family.Verify(pass.Out, out); len(errs) > 0 {
				t.Fatalf("out is not %s: %v", pass.Out.Name, errs[0])
			}
			var got strings.Builder
			pass.Out.Family.Print(&got, out, "")
			for _, line := range strings.Split(strings.TrimSpace(sections["want"]), "\n") {
				if line = strings.TrimSpace(line); line == "" {
					continue
				}
				negate := strings.HasPrefix(line, "-")
				pat, err := strconv.Unquote(strings.TrimPrefix(line, "-"))
				if err != nil {
					t.Fatalf("want line %q: %v", line, err)
				}
				matched := regexp.MustCompile(`(?m)` + pat).MatchString(got.String())
				if matched == negate {
					t.Errorf("want %s: output %s a line matching %q", line, map[bool]string{true: "has", false: "lacks"}[matched], pat)
				}
			}
			if *update {
				for i := range ar.Files {
					if ar.Files[i].Name == "out" {
						ar.Files[i].Data = []byte(got.String())
					}
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got.String() != sections["out"] {
				t.Errorf("output differs from out; accept with: go test ./backend/arm64 -run TestSinglePass -update\n%s",
					firstDiff(sections["out"], got.String()))
			}
		})
	}
}
