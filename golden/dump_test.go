package golden

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDump checks testdata/dump/*.txtar: `-- main.cot --` plus one `-- PASS --` section per pass
// holding exactly what `cot build main.cot --dump-after=PASS` prints.
func TestDump(t *testing.T) {
	for _, c := range loadCases(t, "dump") {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dumpCase(t, c)
		})
	}
}

func dumpCase(t *testing.T, c *goldenCase) {
	var passes []string
	for _, f := range c.archive.Files {
		if !strings.HasSuffix(f.Name, ".cot") {
			passes = append(passes, f.Name)
		}
	}
	if len(passes) == 0 {
		t.Fatalf("%s: no pass sections", c.path)
	}
	dir := t.TempDir()
	c.writeInputs(t, dir)
	res := runCot(t, dir, "build", "main.cot", "--dump-after="+strings.Join(passes, ","), "-o", "main.wasm")
	if res.exit != 0 {
		t.Fatalf("cot build --dump-after: exit %d\n%s", res.exit, res.stderr)
	}
	got := splitDumps(res.stdout)
	for _, p := range passes {
		if _, ok := got[p]; !ok {
			t.Errorf("%s: cot printed no dump after %s", c.path, p)
		}
	}
	if t.Failed() {
		return
	}
	if *update {
		for _, p := range passes {
			c.setSection(p, got[p], false)
		}
		if err := c.write(); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(os.Stderr, "updated %s\n", c.path)
		return
	}
	for _, p := range passes {
		want, _ := c.section(p)
		if !bytes.Equal(want, got[p]) {
			mismatch(t, "TestDump", c, p, want, got[p])
		}
	}
}

// splitDumps splits --dump-after output at its ";; after PASS (in -> out)" headers, by pass.
func splitDumps(out []byte) map[string][]byte {
	dumps := map[string][]byte{}
	var pass string
	for _, line := range bytes.SplitAfter(out, []byte("\n")) {
		if rest, ok := bytes.CutPrefix(line, []byte(";; after ")); ok {
			pass = string(bytes.Fields(rest)[0])
		}
		if pass != "" {
			dumps[pass] = append(dumps[pass], line...)
		}
	}
	for p, d := range dumps {
		dumps[p] = toSection(d)
	}
	return dumps
}
