package passes

import (
	"bytes"

	"cot/ir/ast"
	"cot/ir/src"
)

// rootStart is where a missing `fn main` is reported: the first word of the file of the
// program's first declaration (the root file), from line 1, column 1, as an empty file's error
// is at 1:1 — the error is about the whole file. A program read from its text form, whose file
// the diagnostics do not know, gets that declaration's position.
func rootStart(diags *src.Diagnostics, p *ast.Program) src.Span {
	if len(p.Decls) == 0 {
		return src.Span{}
	}
	first := p.Decls[0].Pos()
	f := diags.Files[first.File]
	if f == nil {
		return src.Span{Pos: first}
	}
	word := len(f.Text)
	if i := bytes.IndexAny(f.Text, " \t\r\n"); i >= 0 {
		word = i
	}
	return src.Span{Pos: f.PosAt(0), End: f.PosAt(word)}
}
