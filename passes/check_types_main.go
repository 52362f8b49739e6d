package passes

import (
	"bytes"

	"cot/ir/ast"
	"cot/ir/src"
)

// rootStart is where a missing `fn main` is reported: the first word of the root file, from
// line 1, column 1, as an empty file's error is at 1:1 — the error is about the whole file. The
// root is the file of the program's last declaration: parse emits the files of an import tree
// depth first, the root's declarations last. A program read from its text form, whose file the
// diagnostics do not know, gets that declaration's position.
func rootStart(diags *src.Diagnostics, p *ast.Program) src.Span {
	if len(p.Decls) == 0 {
		return src.Span{}
	}
	last := p.Decls[len(p.Decls)-1].Pos()
	f := diags.Files[last.File]
	if f == nil {
		return src.Span{Pos: last}
	}
	word := len(f.Text)
	if i := bytes.IndexAny(f.Text, " \t\r\n"); i >= 0 {
		word = i
	}
	return src.Span{Pos: f.PosAt(0), End: f.PosAt(word)}
}
