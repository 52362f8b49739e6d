package lsp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/src"
)

// fakeImports is a one-pass front end that follows `import "F"` lines (from the disk, relative
// to the importing file) and reports every line `bad` of every file it read: what the real
// front end will do once it compiles imports, so the workspace model can be tested now.
func fakeImports() FrontEnd {
	run := func(ctx *pipeline.Ctx, prog any) (any, error) {
		var visit func(f *src.File)
		visit = func(f *src.File) {
			ctx.Diags.AddFile(f)
			for i, line := range strings.Split(string(f.Text), "\n") {
				if line == "bad" {
					ctx.Diags.Errorf(src.Pos{File: f.Name, Line: i + 1, Col: 1}, "E0001", "bad line")
				}
				if name, ok := strings.CutPrefix(line, "import "); ok {
					path := filepath.Join(filepath.Dir(f.Name), strings.Trim(name, `"`))
					text, _ := os.ReadFile(path)
					visit(src.NewFile(path, text))
				}
			}
		}
		visit(prog.(*src.File))
		return &ast.Program{}, nil
	}
	table := &pipeline.Table{Name: "fake", Passes: []pipeline.Pass{{Name: "check-imports", In: pipeline.LangSource, Out: ast.LangSrc, Run: run}}}
	return FrontEnd{Table: func() *pipeline.Table { return table }, LastCheck: "check-imports"}
}

// TestImportedFiles: a root's program includes the files it imports; their diagnostics are
// published by the root while they are not open, and by themselves once they are; a change to
// an imported open file re-analyses its importers.
func TestImportedFiles(t *testing.T) {
	c := newTestClientWith(t, fakeImports())
	var res protocol.InitializeResult
	c.mustCall(protocol.MethodInitialize, &protocol.InitializeParams{}, &res)
	lib := c.file("lib.cot", "bad\n")
	root := c.file("main.cot", "import \"lib.cot\"\nok\n")
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{
		TextDocument: protocol.TextDocumentItem{URI: root, Version: 1, Text: "import \"lib.cot\"\nok\n"}})
	got := map[protocol.DocumentURI]int{}
	for len(got) < 2 {
		p := <-c.diags
		got[p.URI] = len(p.Diagnostics)
	}
	if got[root] != 0 || got[lib] != 1 {
		t.Errorf("root open: %v", got)
	}
	// lib.cot opens: from now on it publishes its own diagnostics, and only it does.
	if d := c.open(lib, "bad\nbad\n"); len(d) != 2 {
		t.Errorf("lib.cot open: %+v", d)
	}
	// main.cot reads lib.cot: analysed again, it publishes for itself only.
	if p := <-c.diags; p.URI != root {
		t.Errorf("after lib.cot opened, %s published from main.cot's program", p.URI)
	}
	c.srv.mu.Lock()
	analysed := c.srv.analyses[pathOf(root)]
	c.srv.mu.Unlock()
	c.notify(protocol.MethodTextDocumentDidChange, &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: lib}, Version: 2},
		ContentChanges: []protocol.TextDocumentContentChangeEvent{{Text: "ok\n"}}})
	var order []string
	for len(order) < 2 {
		p := <-c.diags
		order = append(order, filepath.Base(string(p.URI)))
	}
	if strings.Join(order, " ") != "lib.cot main.cot" {
		t.Errorf("after a change to lib.cot, published %v; want lib.cot (its own) then main.cot (its importer)", order)
	}
	c.srv.mu.Lock()
	reanalysed := c.srv.analyses[pathOf(root)] != analysed
	c.srv.mu.Unlock()
	if !reanalysed {
		t.Errorf("main.cot was not analysed again after lib.cot changed")
	}
}
