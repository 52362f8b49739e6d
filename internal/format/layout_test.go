package format

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"

	"cot/grammar"
)

// TestLayoutPerturbations re-lays out the layout cases and the repository's sources at random
// token boundaries (whitespace between two tokens never changes the tokens, and newlines mean
// nothing to the parser). Spaces alone must not change the output at all (the layout depends only
// on where the source breaks lines); spaces, line breaks and empty lines together must still
// format (Source checks the CST, the comments and that the layout settles).
func TestLayoutPerturbations(t *testing.T) {
	var inputs [][]byte
	for _, s := range repoSources(t) {
		inputs = append(inputs, s.text)
	}
	for _, text := range caseInputs(t) {
		inputs = append(inputs, text)
	}
	rng := rand.New(rand.NewSource(1))
	checked := 0
	for _, in := range inputs {
		want, err := Source("in.cot", in)
		if err != nil {
			continue // does not parse
		}
		toks, _ := grammar.Tokenize("in.cot", in)
		for round := 0; round < 4; round++ {
			spacesOnly := round%2 == 0
			var b bytes.Buffer
			prev := 0
			for _, tok := range toks[1:] {
				off := tok.Pos.Offset
				b.Write(in[prev:off])
				prev = off
				if rng.Intn(4) != 0 {
					continue
				}
				if spacesOnly {
					b.WriteString(strings.Repeat(" ", 1+rng.Intn(3)))
				} else {
					b.WriteString([]string{" ", "\n", "\n\n", "\n\t  ", "\r\n"}[rng.Intn(5)])
				}
			}
			b.Write(in[prev:])
			got, err := Source("in.cot", b.Bytes())
			switch {
			case err != nil:
				t.Errorf("%v\ninput:\n%s", err, b.Bytes())
			case spacesOnly && !bytes.Equal(got, want):
				t.Errorf("spaces changed the layout:\n%s\nwant:\n%s", got, want)
			}
			checked++
		}
	}
	t.Logf("%d variants of %d inputs", checked, len(inputs))
}
