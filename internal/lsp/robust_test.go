package lsp

import (
	"math/rand"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"go.lsp.dev/protocol"
)

// TestUnsavedBuffersImportEachOther: two buffers that exist only in the editor import each other
// (a cycle, harmless): each sees the other's names, from the other's unsaved text.
func TestUnsavedBuffersImportEachOther(t *testing.T) {
	c := initialized(t)
	a := uriOf(filepath.Join(c.dir, "new", "a.cot")) // neither file nor directory exists
	b := uriOf(filepath.Join(c.dir, "new", "b.cot"))
	aText := "import \"b.cot\"\nfn main() i64 { return fromB() }\nfn fromA() i64 { return 1 }\n"
	bText := "import \"a.cot\"\nfn fromB() i64 { return fromA() + 1 }\n"
	if d := c.open(a, aText); len(d) != 1 || d[0].Code != "E0330" {
		t.Errorf("a.cot before b.cot is open: %+v", d)
	}
	if d := c.open(b, bText); len(d) != 0 {
		t.Errorf("b.cot: %+v", d)
	}
	if d := c.waitDiags(a); len(d) != 0 {
		t.Errorf("a.cot once b.cot is open: %+v", d)
	}
	var locs []protocol.Location
	c.mustCall(protocol.MethodTextDocumentDefinition, &protocol.DefinitionParams{TextDocumentPositionParams: at(b, 1, 26)}, &locs)
	if len(locs) != 1 || locs[0].URI != a || locs[0].Range != rng(2, 3, 2, 8) {
		t.Errorf("definition of fromA from b.cot: %+v", locs)
	}
}

// TestOutsideAnyProject: a file in no workspace folder and under no cot.json is its own project;
// an import the server must not read (a FIFO would block it) is a diagnostic.
func TestOutsideAnyProject(t *testing.T) {
	c := initialized(t) // no workspace folder
	fifo := filepath.Join(c.dir, "fifo.cot")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFO:", err)
	}
	u := c.file("alone.cot", "")
	text := "import \"fifo.cot\"\nimport \"std/math\"\nfn main() i64 { return abs(-1) }\n"
	d := c.open(u, text)
	if len(d) != 1 || d[0].Code != "E0330" || !strings.Contains(d[0].Message, "is not a regular file") {
		t.Errorf("import of a FIFO: %+v", d)
	}
	if d := c.change(u, 2, text[len("import \"fifo.cot\"\n"):]); len(d) != 0 {
		t.Errorf("without the FIFO: %+v", d)
	}
}

// TestChangeDuringRequests: requests and changes sent without waiting for the answers are
// handled in the order sent; every request gets an answer, none an internal error.
func TestChangeDuringRequests(t *testing.T) {
	c, m, _, _ := project(t)
	c.open(m, projMain)
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for v := int32(2); v < 40; v++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var locs []protocol.Location
			errs <- c.call(protocol.MethodTextDocumentReferences, &protocol.ReferenceParams{TextDocumentPositionParams: at(m, 4, 14),
				Context: protocol.ReferenceContext{IncludeDeclaration: true}}, &locs)
		}()
		text := projMain
		if v%2 == 0 {
			text = strings.Replace(text, "twice(limit)", "twice(limit", 1) // mid-typing: no parse
		}
		c.notify(protocol.MethodTextDocumentDidChange, &protocol.DidChangeTextDocumentParams{
			TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: m}, Version: v},
			ContentChanges: []protocol.TextDocumentContentChangeEvent{{Text: text}}})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("references during changes: %v", err)
		}
	}
	// The last change (version 39, which parses) wins.
	var h *protocol.Hover
	c.mustCall(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: at(m, 4, 14)}, &h)
	if h == nil || !strings.Contains(h.Contents.Value, "fn twice") {
		t.Errorf("hover after the changes: %+v", h)
	}
	select {
	case m := <-c.shown:
		t.Errorf("server showed %q", m.Message)
	default:
	}
}

// TestRandomEditsAcrossFiles edits the files of a project at random, import lines included
// (cycles, missing files, directories, std modules), and sends every request at random positions
// of both open files after each edit: no internal error, no message shown.
func TestRandomEditsAcrossFiles(t *testing.T) {
	c, m, lib, _ := project(t)
	fragments := []string{"", "(", ")", "{", "}", ".", "@", ",", "x.", "var ", "fn f(", "\"", "/*", "\n",
		"import \"lib/util.cot\"\n", "import \"../main.cot\"\n", "import \"main.cot\"\n", "import \"std/math\"\n",
		"import \"nope.cot\"\n", "import \"lib\"\n", "fn main() i64 { return 0 }\n", "twice", "limit", "max("}
	texts := map[protocol.DocumentURI]string{m: projMain, lib: projLib}
	uris := []protocol.DocumentURI{m, lib}
	for _, u := range uris {
		c.open(u, texts[u])
	}
	rnd := rand.New(rand.NewSource(1))
	steps := 300
	if testing.Short() {
		steps = 40
	}
	for v := int32(2); v < int32(2+steps); v++ {
		u := uris[rnd.Intn(len(uris))]
		text := texts[u]
		i := rnd.Intn(len(text) + 1)
		j := min(len(text), i+rnd.Intn(6))
		text = text[:i] + fragments[rnd.Intn(len(fragments))] + text[j:]
		texts[u] = text
		c.notify(protocol.MethodTextDocumentDidChange, &protocol.DidChangeTextDocumentParams{
			TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: v},
			ContentChanges: []protocol.TextDocumentContentChangeEvent{{Text: text}}})
		for _, target := range uris {
			d := newDocument(target, v, texts[target])
			p := d.Position(rnd.Intn(len(d.Text) + 1))
			for method, params := range requestsAt(at(target, p.Line, p.Character)) {
				var result any
				if err := c.call(method, params, &result); err != nil && strings.Contains(err.Error(), "internal error") {
					t.Errorf("v%d %s at %s %v: %v\nmain.cot:\n%s\nlib/util.cot:\n%s", v, method, target, p, err, texts[m], texts[lib])
				}
			}
		}
		for len(c.diags) > 0 { // the client blocks when its buffer is full
			<-c.diags
		}
		select {
		case msg := <-c.shown:
			t.Errorf("v%d: server showed %q\nmain.cot:\n%s\nlib/util.cot:\n%s", v, msg.Message, texts[m], texts[lib])
		default:
		}
	}
}

// requestsAt is every request about a position, with its parameters.
func requestsAt(pos protocol.TextDocumentPositionParams) map[string]any {
	doc := pos.TextDocument
	return map[string]any{
		protocol.MethodTextDocumentHover:             &protocol.HoverParams{TextDocumentPositionParams: pos},
		protocol.MethodTextDocumentDefinition:        &protocol.DefinitionParams{TextDocumentPositionParams: pos},
		protocol.MethodTextDocumentReferences:        &protocol.ReferenceParams{TextDocumentPositionParams: pos},
		protocol.MethodTextDocumentDocumentHighlight: &protocol.DocumentHighlightParams{TextDocumentPositionParams: pos},
		protocol.MethodTextDocumentCompletion:        &protocol.CompletionParams{TextDocumentPositionParams: pos},
		protocol.MethodTextDocumentSignatureHelp:     &protocol.SignatureHelpParams{TextDocumentPositionParams: pos},
		protocol.MethodTextDocumentPrepareRename:     &protocol.PrepareRenameParams{TextDocumentPositionParams: pos},
		protocol.MethodTextDocumentRename:            &protocol.RenameParams{TextDocumentPositionParams: pos, NewName: "renamed"},
		protocol.MethodTextDocumentDocumentSymbol:    &protocol.DocumentSymbolParams{TextDocument: doc},
		protocol.MethodTextDocumentFormatting:        &protocol.DocumentFormattingParams{TextDocument: doc},
	}
}

// TestImportBeingTyped: while an imported open file does not parse (the user is typing in it),
// its importers read it as it last parsed: hover and definition keep working there, the file
// itself reports its syntax error, and a rename that would edit it waits for it to parse.
func TestImportBeingTyped(t *testing.T) {
	c, m, lib, _ := project(t)
	c.open(m, projMain)
	c.open(lib, projLib)
	<-c.diags // main.cot, analysed again
	typing := strings.Replace(projLib, "return x * 2", "return x * (2", 1)
	if d := c.change(lib, 2, typing); len(d) != 1 || d[0].Code != "E0100" {
		t.Errorf("lib/util.cot mid-typing: %+v", d)
	}
	if d := c.waitDiags(m); len(d) != 0 {
		t.Errorf("main.cot while lib/util.cot does not parse: %+v", d)
	}
	var h *protocol.Hover
	c.mustCall(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: at(m, 4, 14)}, &h)
	if h == nil || !strings.Contains(h.Contents.Value, "fn twice(x: i64) i64") {
		t.Errorf("hover twice while lib/util.cot does not parse: %+v", h)
	}
	var locs []protocol.Location
	c.mustCall(protocol.MethodTextDocumentDefinition, &protocol.DefinitionParams{TextDocumentPositionParams: at(m, 4, 14)}, &locs)
	if len(locs) != 1 || locs[0].URI != lib {
		t.Errorf("definition of twice while lib/util.cot does not parse: %+v", locs)
	}
	var edit protocol.WorkspaceEdit
	if err := c.call(protocol.MethodTextDocumentRename, &protocol.RenameParams{TextDocumentPositionParams: at(m, 4, 14), NewName: "double"}, &edit); err == nil || !strings.Contains(err.Error(), "does not parse") {
		t.Errorf("rename while lib/util.cot does not parse: %v", err)
	}
	// Typed on: it parses again, with twice taking a bool; main.cot sees it.
	c.change(lib, 3, strings.Replace(projLib, "fn twice(x: i64) i64", "fn twice(x: bool) i64", 1))
	if d := c.waitDiags(m); len(d) == 0 || d[0].Code != "E0300" {
		t.Errorf("main.cot once lib/util.cot parses again: %+v", d)
	}
}

// TestUntitledBuffer: a buffer never saved has a URI that is not a file (VS Code's untitled:);
// it is a program of its own, imports std modules and answers requests.
func TestUntitledBuffer(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	c := initialized(t)
	u := protocol.DocumentURI("untitled:Untitled-1")
	text := "import \"std/math\"\nfn main() i64 { return abs(-2) + nope }\n"
	if d := c.open(u, text); len(d) != 1 || d[0].Code != "E0301" {
		t.Errorf("untitled buffer: %+v", d)
	}
	var locs []protocol.Location
	c.mustCall(protocol.MethodTextDocumentDefinition, &protocol.DefinitionParams{TextDocumentPositionParams: at(u, 1, 25)}, &locs)
	if len(locs) != 1 || !strings.HasSuffix(string(locs[0].URI), "/math.cot") {
		t.Errorf("definition of abs from an untitled buffer: %+v", locs)
	}
}
