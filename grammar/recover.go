package grammar

import (
	"errors"

	"github.com/alecthomas/participle/v2/lexer"

	"cot/ir/src"
)

// Error recovery: the parser stops at the first syntax error of a declaration, but a file's
// other declarations are still checked, so one run reports every broken declaration (rustc
// style). After an error the parse resumes at the next top-level declaration: the source before
// it is blanked (every byte but newlines turned into a space, so positions stay exact) and
// parsed again. The first error is always the one a full parse reports; recovery only adds
// later ones, at most src.MaxErrors in all. A declaration starts at a declaration keyword at
// bracket depth 0 that does not continue the one before, or at any declaration keyword in the
// first column (where a bracket left open by the broken declaration would hide it).

// declStarts are the keywords that begin a top-level declaration.
var declStarts = map[string]bool{
	"fn": true, "const": true, "var": true, "struct": true, "enum": true, "union": true,
	"impl": true, "trait": true, "test": true, "bench": true, "import": true, "pub": true,
	"extern": true, "export": true, "type": true, "async": true,
}

// continuesDecl are tokens after which a declaration keyword is part of the same declaration
// (`const P = struct {`, `x: fn(i64) i64`, `pub fn`).
var continuesDecl = map[string]bool{
	"=": true, ":": true, ",": true, "(": true, "->": true, "!": true, "?": true, "*": true,
	"pub": true, "extern": true, "export": true, "async": true, "inline": true,
}

// nextDeclaration returns the byte offset of the first top-level declaration that starts after
// offset off, and false when there is none.
func nextDeclaration(toks []lexer.Token, off int) (int, bool) {
	depth := 0
	prev := ""
	for _, t := range toks {
		switch {
		case t.Type == TokStrHead || t.Type == TokStructOpen || t.Type == TokNewParen || t.Type == TokNewBrace:
			depth++
		case t.Type == TokStrTail:
			depth--
		case t.Type == TokPunct && (t.Value == "(" || t.Value == "[" || t.Value == "{"):
			depth++
		case t.Type == TokPunct && (t.Value == ")" || t.Value == "]" || t.Value == "}"):
			depth--
		case t.Type == TokKeyword && t.Pos.Offset > off && declStarts[t.Value] &&
			(depth <= 0 && !continuesDecl[prev] || t.Pos.Column == 1):
			return t.Pos.Offset, true
		}
		if t.Type != lexer.EOF {
			prev = t.Value
		}
	}
	return 0, false
}

// recoverErrors adds to diags the syntax errors of the declarations after the one that failed
// at offset off; budget is how many more errors may still be looked for.
func recoverErrors(filename string, text []byte, toks []lexer.Token, off int, diags *src.Diagnostics, budget int) {
	if budget <= 0 {
		return
	}
	start, ok := nextDeclaration(toks, off)
	if !ok {
		return
	}
	blanked := make([]byte, len(text))
	for i, c := range text {
		if i < start && c != '\n' {
			c = ' '
		}
		blanked[i] = c
	}
	_, err := parse(filename, blanked, budget)
	var ue *src.UserError
	if errors.As(err, &ue) {
		for _, d := range ue.Diags.List {
			diags.Report(d)
		}
	}
}
