//go:build !cotref

package grammar

import (
	"os"
	"os/exec"
	"testing"
)

// TestReferenceBuild runs this package's tests in the reference build (`-tags cotref`), where
// participle interprets every struct tag and nothing is hand-compiled: the same parse results
// (TestParseResults), diagnostics and spec examples must come out, and the EBNF golden is
// checked there. With -update it rewrites grammar.ebnf from the reference parser.
func TestReferenceBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles and runs the package a second time")
	}
	args := []string{"test", "-tags", "cotref", "-count=1", "."}
	if *update {
		args = append(args, "-run", "^TestEBNFGolden$", "-args", "-update")
	}
	cmd := exec.Command("go", args...)
	cmd.Env = os.Environ()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %v: %v\n%s", args, err, out)
	}
}
