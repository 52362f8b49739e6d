package lsp

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"go.lsp.dev/protocol"

	"cot/internal/format"
)

// outsideArchive holds programs written from language.md alone, in the layouts of outside users
// (issue 11's acceptance; cmd/cot runs the command-line tools over them).
const outsideArchive = "../../cmd/cot/testdata/script/outside.txtar"

// outsideFiles writes every Cot file of the archive into c's project (keeping its directories,
// so the imports of the program of several files resolve) and returns them by name.
func outsideFiles(t *testing.T, c *testClient) map[string]string {
	a, err := txtar.ParseFile(outsideArchive)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range a.Files {
		if !strings.HasSuffix(f.Name, ".cot") {
			continue
		}
		if err := os.MkdirAll(filepath.Join(c.dir, filepath.Dir(f.Name)), 0o755); err != nil {
			t.Fatal(err)
		}
		c.file(f.Name, string(f.Data))
		files[f.Name] = string(f.Data)
	}
	if len(files) < 15 {
		t.Fatalf("only %d programs in %s", len(files), outsideArchive)
	}
	return files
}

// TestOutsidePrograms runs every feature over every name of the outside programs (the checks of
// TestCorpus: no request fails, definitions, references, renames, idempotent formatting).
func TestOutsidePrograms(t *testing.T) {
	c := initialized(t)
	c.srv.format = format.Source // what `cot lsp` formats with
	files := outsideFiles(t, c)
	exerciseAll(t, c, files)
	// The outline of every file that parses names each of its top-level functions.
	for name, text := range files {
		var syms []protocol.DocumentSymbol
		u := uriOf(filepath.Join(c.dir, name))
		c.mustCall(protocol.MethodTextDocumentDocumentSymbol, &protocol.DocumentSymbolParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}}, &syms)
		outline := map[string]bool{}
		for _, s := range syms {
			outline[s.Name] = true
		}
		for _, line := range strings.Split(text, "\n") {
			if fn, ok := strings.CutPrefix(line, "fn "); ok && len(syms) > 0 {
				if fname, _, _ := strings.Cut(fn, "("); !outline[strings.TrimSpace(fname)] {
					t.Errorf("%s: %s is not in the outline", name, fname)
				}
			}
		}
	}
}

// TestOutsideAnswers asks the questions an editor asks on bank.cot and checks the answers.
func TestOutsideAnswers(t *testing.T) {
	c := initialized(t)
	files := outsideFiles(t, c)
	text := files["bank.cot"]
	u := uriOf(filepath.Join(c.dir, "bank.cot"))
	if d := c.open(u, text); len(d) != 0 {
		t.Fatalf("bank.cot has diagnostics: %+v", d)
	}
	doc := newDocument(u, 0, text)
	pos := func(needle string, delta int) protocol.TextDocumentPositionParams {
		t.Helper()
		off := strings.Index(text, needle)
		if off < 0 {
			t.Fatalf("%q not in bank.cot", needle)
		}
		p := doc.Position(off + delta)
		return at(u, p.Line, p.Character)
	}
	var h *protocol.Hover
	c.mustCall(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: pos("var a = Account", 4)}, &h)
	if h == nil || !strings.Contains(h.Contents.Value, "a: Account") {
		t.Errorf("hover on a: %+v", h)
	}
	var defs []protocol.Location
	c.mustCall(protocol.MethodTextDocumentDefinition, &protocol.DefinitionParams{TextDocumentPositionParams: pos("transfer(&a", 0)}, &defs)
	if want := pos("fn transfer", 3).Position; len(defs) != 1 || defs[0].Range.Start != want {
		t.Errorf("definition of transfer: %+v, want %+v", defs, want)
	}
	var refs []protocol.Location
	c.mustCall(protocol.MethodTextDocumentReferences, &protocol.ReferenceParams{TextDocumentPositionParams: pos("balance: i64", 0),
		Context: protocol.ReferenceContext{IncludeDeclaration: true}}, &refs)
	if n := strings.Count(text, "balance"); len(refs) != n {
		t.Errorf("references of the field balance: %d, want %d: %+v", len(refs), n, refs)
	}
	var edit protocol.WorkspaceEdit
	c.mustCall(protocol.MethodTextDocumentRename, &protocol.RenameParams{TextDocumentPositionParams: pos("amount: i64) BankErr!i64 {\n\terrdefer", 0), NewName: "sum"}, &edit)
	if got := len(edit.Changes[u]); got != 3 {
		t.Errorf("renaming transfer's amount: %d edits, want 3: %+v", got, edit.Changes[u])
	}
	// hoverAndDefinition checks the hover and the definition of the name at use.
	hoverAndDefinition := func(use protocol.TextDocumentPositionParams, hover string, def protocol.Position) {
		t.Helper()
		var h *protocol.Hover
		c.mustCall(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: use}, &h)
		if h == nil || !strings.Contains(h.Contents.Value, hover) {
			t.Errorf("hover at %+v: %+v, want %q", use.Position, h, hover)
		}
		var defs []protocol.Location
		c.mustCall(protocol.MethodTextDocumentDefinition, &protocol.DefinitionParams{TextDocumentPositionParams: use}, &defs)
		if len(defs) != 1 || defs[0].Range.Start != def {
			t.Errorf("definition at %+v: %+v, want %+v", use.Position, defs, def)
		}
	}
	// A field: hover on a use, its definition, renaming it everywhere (declaration, literals, uses).
	hoverAndDefinition(pos("self.balance += amount", 5), "field balance: i64", pos("balance: i64", 0).Position)
	edit = protocol.WorkspaceEdit{}
	c.mustCall(protocol.MethodTextDocumentRename, &protocol.RenameParams{TextDocumentPositionParams: pos("a.balance", 2), NewName: "funds"}, &edit)
	if got, want := len(edit.Changes[u]), strings.Count(text, "balance"); got != want {
		t.Errorf("renaming the field balance: %d edits, want %d", got, want)
	}
	// A method: hover and definition on the name of a call.
	hoverAndDefinition(pos("from.withdraw(amount)", 6), "withdraw(", pos("fn withdraw", 3).Position)
	var sig *protocol.SignatureHelp
	c.mustCall(protocol.MethodTextDocumentSignatureHelp, &protocol.SignatureHelpParams{TextDocumentPositionParams: pos("transfer(&a, &b, 30)", 13)}, &sig)
	if sig == nil || len(sig.Signatures) != 1 || sig.Signatures[0].Label != "fn transfer(from: *Account, to: *Account, amount: i64) !i64" || sig.ActiveParameter != 1 {
		t.Errorf("signature help in transfer(&a, |&b: %+v", sig)
	}
	// Completion after `a.` while typing: the fields and methods of Account.
	typing := strings.Replace(text, "return bad + a.balance", "return bad + a.", 1)
	c.change(u, 2, typing)
	doc = newDocument(u, 0, typing)
	p := doc.Position(strings.Index(typing, "bad + a.") + len("bad + a."))
	var list protocol.CompletionList
	c.mustCall(protocol.MethodTextDocumentCompletion, &protocol.CompletionParams{TextDocumentPositionParams: at(u, p.Line, p.Character)}, &list)
	if got, want := labels(list.Items), []string{"balance", "deposit", "frozen", "id", "withdraw"}; !reflect.DeepEqual(sorted(got), want) {
		t.Errorf("completion after a.: %v, want %v", got, want)
	}
}

func sorted(xs []string) []string {
	out := append([]string(nil), xs...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// TestOutsideFieldShorthand renames a field that a safe-mode literal gives by shorthand
// (`Item { name, … }`): the shorthand becomes `label: name`, the variable keeps its name.
func TestOutsideFieldShorthand(t *testing.T) {
	c := initialized(t)
	text := outsideFiles(t, c)["inventory.cot"]
	u := uriOf(filepath.Join(c.dir, "inventory.cot"))
	if d := c.open(u, text); len(d) != 1 || d[0].Code != "W002" {
		t.Fatalf("inventory.cot: %+v, want its one warning", d)
	}
	doc := newDocument(u, 0, text)
	p := doc.Position(strings.Index(text, "name: string"))
	var edit protocol.WorkspaceEdit
	c.mustCall(protocol.MethodTextDocumentRename, &protocol.RenameParams{TextDocumentPositionParams: at(u, p.Line, p.Character), NewName: "label"}, &edit)
	var got []string
	for _, e := range edit.Changes[u] {
		got = append(got, e.NewText)
	}
	// The declaration, `.name` in find, `name: "apple"`, `name: "yoyo"`, the shorthand.
	want := []string{"label", "label", "label", "label", "label: name"}
	if !reflect.DeepEqual(sorted(got), want) {
		t.Errorf("renaming the field name: edits %q, want %q", got, want)
	}
}
