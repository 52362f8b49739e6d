package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"go.lsp.dev/protocol"
)

// corpus returns every Cot program of the repository: examples, error tests, run cases.
func corpus(t *testing.T) map[string]string {
	files := map[string]string{}
	for _, pattern := range []string{"../../examples/*.cot", "../../golden/testdata/errors/*.cot"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			files[filepath.Base(p)] = string(b)
		}
	}
	archives, _ := filepath.Glob("../../golden/testdata/run/*.txtar")
	for _, p := range archives {
		a, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Files {
			// A program of several files needs its imports next to it: only single files here.
			if f.Name == "main.cot" && len(a.Files) > 0 && !importsFiles(f.Data) {
				files[strings.TrimSuffix(filepath.Base(p), ".txtar")+"_"+f.Name] = string(f.Data)
			}
		}
	}
	if len(files) < 20 {
		t.Fatalf("only %d corpus files", len(files))
	}
	return files
}

func importsFiles(text []byte) bool { return strings.Contains(string(text), "import \"") }

// TestCorpus runs every feature over every program of the repository: no request fails; every
// name's definition is a declaration of that name whose references include the name; renaming
// any declaration to a fresh name gives a program with the same diagnostics; formatting is
// idempotent and keeps the diagnostics.
func TestCorpus(t *testing.T) { exerciseAll(t, initialized(t), corpus(t)) }

// exerciseAll opens each of files (name -> text) in c's project and runs every feature over it
// (TestCorpus).
func exerciseAll(t *testing.T, c *testClient, files map[string]string) {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	version := int32(1)
	for _, name := range names {
		text := files[name]
		u := c.file(name, text)
		diags := c.open(u, text)
		select {
		case m := <-c.shown:
			t.Errorf("%s: server showed %q", name, m.Message)
		default:
		}
		d := newDocument(u, 0, text)
		renamed := map[string]bool{}
		for off := 0; off < len(text); off++ {
			if !isIdentByte(text[off]) || off > 0 && isIdentByte(text[off-1]) || text[off] >= '0' && text[off] <= '9' {
				continue
			}
			word, _ := d.identAt(off)
			pos := at(u, d.Position(off).Line, d.Position(off).Character)
			var h *protocol.Hover
			c.mustCall(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: pos}, &h)
			var defs []protocol.Location
			c.mustCall(protocol.MethodTextDocumentDefinition, &protocol.DefinitionParams{TextDocumentPositionParams: pos}, &defs)
			if len(defs) == 0 {
				continue
			}
			def := defs[0]
			if def.URI != u && inStdlib(def.URI) {
				continue // declared in the standard library: not renamed (std.go refuses), not in this document
			}
			dtext, ddoc := text, d
			if def.URI != u { // declared in another file of the program (an import)
				name, _ := filepath.Rel(c.dir, pathOf(def.URI))
				dtext = files[filepath.ToSlash(name)]
				ddoc = newDocument(def.URI, 0, dtext)
			}
			if got := dtext[ddoc.Offset(def.Range.Start):ddoc.Offset(def.Range.End)]; got != word {
				t.Errorf("%s:%d:%d: %s defined as %q", name, pos.Position.Line+1, pos.Position.Character+1, word, got)
			}
			var refs []protocol.Location
			c.mustCall(protocol.MethodTextDocumentReferences, &protocol.ReferenceParams{TextDocumentPositionParams: pos,
				Context: protocol.ReferenceContext{IncludeDeclaration: true}}, &refs)
			found := false
			for _, r := range refs {
				found = found || r.Range.Start == pos.Position
			}
			if !found {
				t.Errorf("%s:%d:%d: %s is not among the references of its declaration", name, pos.Position.Line+1, pos.Position.Character+1, word)
			}
			key := fmt.Sprint(def.Range.Start)
			if renamed[key] {
				continue
			}
			renamed[key] = true
			var edit protocol.WorkspaceEdit
			err := c.call(protocol.MethodTextDocumentRename, &protocol.RenameParams{TextDocumentPositionParams: pos, NewName: "fresh_name_" + word}, &edit)
			if word == "main" {
				if err == nil || !strings.Contains(err.Error(), "entry point") {
					t.Errorf("%s: renaming main: %v", name, err)
				}
				continue
			}
			if err != nil && (strings.Contains(err.Error(), "renaming a method is not supported yet") || strings.Contains(err.Error(), "cannot rename `self`")) {
				continue
			}
			if err != nil && (strings.Contains(text, "async fn") || strings.Contains(text, "comptime") || strings.Contains(text, "@target")) &&
				(strings.Contains(err.Error(), "would not mean the same") || strings.Contains(err.Error(), "would capture")) {
				// Known gap (docs/decisions.md, "cot lsp" known gaps): the parameters of an async
				// fn are declared twice (its body and its wrapper) and a folded constant's uses
				// are not all indexed, so these renames are refused — never done wrongly.
				continue
			}
			if err != nil && len(diags) > 0 && strings.Contains(err.Error(), "would not mean the same") {
				// A program with type errors may index fewer uses than it has (a call the checker
				// rejected keeps no typed arguments): the rename is refused, never done wrongly.
				continue
			}
			if err != nil {
				t.Errorf("%s:%d:%d: rename %s: %v", name, pos.Position.Line+1, pos.Position.Character+1, word, err)
			} else if n := editCount(edit); n != len(refs) {
				t.Errorf("%s: rename %s: %d edits for %d references", name, word, n, len(refs))
			}
		}
		var edits []protocol.TextEdit
		err := c.call(protocol.MethodTextDocumentFormatting, &protocol.DocumentFormattingParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}}, &edits)
		if err != nil {
			if !strings.Contains(err.Error(), "cannot format") {
				t.Errorf("%s: formatting: %v", name, err)
			}
			continue
		}
		if len(edits) == 0 {
			continue
		}
		formatted := edits[0].NewText
		version++
		if after := c.change(u, version, formatted); len(after) != len(diags) {
			t.Errorf("%s: %d diagnostics after formatting, %d before", name, len(after), len(diags))
		}
		edits = nil
		c.mustCall(protocol.MethodTextDocumentFormatting, &protocol.DocumentFormattingParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}}, &edits)
		if len(edits) != 0 {
			t.Errorf("%s: formatting is not idempotent:\n%s", name, edits[0].NewText)
		}
	}
}

// inStdlib reports whether uri names a module of the standard library.
func inStdlib(uri protocol.DocumentURI) bool {
	return strings.Contains(string(uri), "std/") || string(uri) == ""
}

// editCount is the number of text edits of a workspace edit, over all its files.
func editCount(e protocol.WorkspaceEdit) int {
	n := 0
	for _, edits := range e.Changes {
		n += len(edits)
	}
	return n
}
