package grammar

import (
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite grammar.ebnf from the parser")

// TestEBNFGolden keeps grammar.ebnf equal to participle's rendering of the grammar, so every
// grammar change shows up in review. `go test ./grammar -update` rewrites it. It runs in the
// reference build (TestReferenceBuild), where participle sees every rule's tags; the fast build
// hands it Block, Expr and Type as opaque hand-compiled rules.
func TestEBNFGolden(t *testing.T) {
	if handCompiled {
		t.Skip("the EBNF is checked by the reference build: see TestReferenceBuild")
	}
	got := EBNF() + "\n"
	if *update {
		if err := os.WriteFile("grammar.ebnf", []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile("grammar.ebnf")
	if err != nil {
		t.Fatalf("%v (run `go test ./grammar -update` to create it)", err)
	}
	if string(want) != got {
		t.Errorf("grammar.ebnf is stale: run `go test ./grammar -update` and review the diff")
	}
}
