package format

import (
	"flag"
	"testing"

	"cot/grammar"
)

var everyToken = flag.Bool("every-token", false, "TestCommentsAnywhere tries every token, not every fifth, and the repository's sources too")

// TestCommentsAnywhere puts a comment before every fifth token of the layout cases (with
// -every-token: every token, and the repository's Cot sources too), a block comment and a line comment, each hugging the token or after a
// space, and formats each variant: Source must succeed, which means the output keeps the CST
// and every comment and settles.
func TestCommentsAnywhere(t *testing.T) {
	step := 5
	if *everyToken {
		step = 1
	}
	inputs := map[string]string{}
	for name, text := range caseInputs(t) {
		inputs[name] = string(text)
	}
	if *everyToken {
		for _, s := range repoSources(t) {
			inputs[s.name] = string(s.text)
		}
	}
	for name, text := range inputs {
		toks, err := grammar.Tokenize(name, []byte(text))
		if err != nil {
			continue // a lexical-error test case
		}
		failures := 0
		for i, tok := range toks {
			if i%step != 0 {
				continue
			}
			for _, c := range []string{"/* c */", "// c\n"} {
				off := tok.Pos.Offset
				variant := text[:off] + c + text[off:]
				if i/step%2 == 1 {
					variant = text[:off] + " " + c + text[off:] // after a space: trailing rather than hugging
				}
				if _, err := grammar.Parse(name, []byte(variant)); err != nil {
					continue // a line comment cannot go inside a string interpolation's text
				}
				if _, err := Source(name, []byte(variant)); err != nil && failures < 5 {
					failures++
					t.Errorf("%s, %q before token %d (%q): %v", name, c, i, tok.Value, err)
				}
			}
		}
	}
}
