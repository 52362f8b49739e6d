package grammar

import (
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite grammar.ebnf from the parser")

// TestEBNFGolden keeps grammar.ebnf equal to participle's rendering of the grammar, so every
// grammar change shows up in review. `go test ./grammar -update` rewrites it. Both builds render
// the same tags (the fast build parses with hand-compiled rules, never with participle).
func TestEBNFGolden(t *testing.T) {
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
