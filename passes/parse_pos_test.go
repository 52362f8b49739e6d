package passes

import (
	"testing"

	"cot/grammar"
	"cot/grammar/progen"
	"cot/ir/src"
)

// TestLexerPositionsMatchFile checks that every token's line and column, as the lexer counts
// them, are those src.File gives its offset: the parse pass takes them as they are.
func TestLexerPositionsMatchFile(t *testing.T) {
	inputs := map[string]string{
		"bom, tabs, CRLF": "\uFEFFfn main() i64 {\r\n\tvar s = \"a\\tb\"\r\n  /* a\nblock */ return 0 }\r\n",
		"interpolation":   "fn f() void {\n    var s = \"x ${ 1 +\n 2 } y ${\"z\"}\"\n}\n",
		"generated":       string(progen.Program(64<<10, progen.ParseOnly)),
	}
	for name, text := range inputs {
		toks, err := grammar.Tokenize("t.cot", []byte(text))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		f := src.NewFile("t.cot", []byte(text))
		for _, tok := range toks {
			want := f.PosAt(tok.Pos.Offset)
			if tok.Pos.Line != want.Line || tok.Pos.Column != want.Col {
				t.Fatalf("%s: token %q at offset %d: lexer %d:%d, file %d:%d", name, tok.Value,
					tok.Pos.Offset, tok.Pos.Line, tok.Pos.Column, want.Line, want.Col)
			}
		}
	}
}
