package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"cot/std"
)

// The project of the cross-file tests: main.cot and other.cot import lib/util.cot, main.cot
// imports std/math too. other.cot stays on the disk, never opened.
const (
	projMain = `import "lib/util.cot"
import "std/math"

fn main() i64 {
    println(twice(limit))
    println(max(3, twice(2)))
    return 0
}
`
	projLib = `// The limit of everything.
const limit: i64 = 9

// twice doubles x.
fn twice(x: i64) i64 {
    return x * 2
}
`
	projOther = `import "lib/util.cot"

fn main() i64 {
    return twice(1)
}
`
)

// project writes the project into a fresh client's directory, names that directory the
// workspace, and returns the client and the URIs of main.cot, lib/util.cot and other.cot.
func project(t *testing.T) (c *testClient, mainURI, libURI, otherURI protocol.DocumentURI) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // where std modules are copied
	c = newTestClient(t)
	if err := os.MkdirAll(filepath.Join(c.dir, "lib"), 0o755); err != nil {
		t.Fatal(err)
	}
	var res protocol.InitializeResult
	c.mustCall(protocol.MethodInitialize, &protocol.InitializeParams{RootURI: uriOf(c.dir)}, &res)
	c.notify(protocol.MethodInitialized, &protocol.InitializedParams{})
	return c, c.file("main.cot", projMain), c.file("lib/util.cot", projLib), c.file("other.cot", projOther)
}

// TestLibraryFile: a file another file of the project imports needs no `main`; a file nobody
// imports does, until an import of it appears in another file (and again after it goes).
func TestLibraryFile(t *testing.T) {
	c, _, lib, _ := project(t)
	if d := c.open(lib, projLib); len(d) != 0 {
		t.Errorf("lib/util.cot, imported by main.cot, has diagnostics: %+v", d)
	}
	lone := c.file("lone.cot", "fn helper() i64 { return 1 }\n")
	if d := c.open(lone, "fn helper() i64 { return 1 }\n"); len(d) != 1 || d[0].Code != "E0301" || !strings.Contains(d[0].Message, "a program needs `fn main") {
		t.Errorf("lone.cot, imported by nobody: %+v", d)
	}
	// An unsaved buffer starts importing lone.cot: lone.cot is a library now.
	scratch := c.file("scratch.cot", "")
	c.open(scratch, "")
	c.change(scratch, 2, "import \"lone.cot\"\nfn main() i64 { return helper() }\n")
	if d := c.waitDiags(lone); len(d) != 0 {
		t.Errorf("lone.cot after scratch.cot imports it: %+v", d)
	}
	c.change(scratch, 3, "fn main() i64 { return 0 }\n")
	if d := c.waitDiags(lone); len(d) != 1 {
		t.Errorf("lone.cot after the import is gone: %+v", d)
	}
}

// TestImportedDiagnostics: the errors of an imported file that is not open are published on its
// own URI by its importer; and the importer's errors that come from the imported file's change
// appear when that file is edited.
func TestImportedDiagnostics(t *testing.T) {
	c, m, lib, _ := project(t)
	broken := strings.Replace(projLib, "x * 2", "x * nothing", 1)
	c.file("lib/util.cot", broken)
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{
		TextDocument: protocol.TextDocumentItem{URI: m, LanguageID: "cot", Version: 1, Text: projMain}})
	got := map[protocol.DocumentURI][]protocol.Diagnostic{}
	for len(got) < 2 {
		p := <-c.diags
		got[p.URI] = p.Diagnostics
	}
	if d := got[lib]; len(d) != 1 || d[0].Code != "E0301" || d[0].Range != rng(5, 15, 5, 22) {
		t.Errorf("lib/util.cot's diagnostics from main.cot: %+v", d)
	}
	if len(got[m]) != 0 {
		t.Errorf("main.cot: %+v", got[m])
	}
	// lib/util.cot opens and changes twice's signature: main.cot's calls are now wrong.
	c.open(lib, broken)
	<-c.diags // main.cot, analysed again
	c.change(lib, 2, strings.Replace(projLib, "fn twice(x: i64) i64", "fn twice(x: bool) i64", 1))
	d := c.waitDiags(m)
	if len(d) == 0 || d[0].Code != "E0300" {
		t.Errorf("main.cot after twice takes a bool: %+v", d)
	}
}

// TestAcrossFiles: hover, definition, references, rename and completion across the imports of a
// project, into the standard library too.
func TestAcrossFiles(t *testing.T) {
	c, m, lib, other := project(t)
	c.open(m, projMain)
	var h *protocol.Hover
	c.mustCall(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: at(m, 4, 14)}, &h)
	if h == nil || h.Contents.Value != "```cot\nfn twice(x: i64) i64\n```\n\ntwice doubles x." {
		t.Errorf("hover twice: %+v", h)
	}
	c.mustCall(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: at(m, 4, 20)}, &h)
	if h == nil || h.Contents.Value != "```cot\nglobal constant limit: i64\n```\n\nThe limit of everything." {
		t.Errorf("hover limit: %+v", h)
	}
	var locs []protocol.Location
	c.mustCall(protocol.MethodTextDocumentDefinition, &protocol.DefinitionParams{TextDocumentPositionParams: at(m, 4, 14)}, &locs)
	if len(locs) != 1 || locs[0].URI != lib || locs[0].Range != rng(4, 3, 4, 8) {
		t.Errorf("definition of twice: %+v", locs)
	}
	// Into std/math: a read-only copy of the module under the cache directory.
	c.mustCall(protocol.MethodTextDocumentDefinition, &protocol.DefinitionParams{TextDocumentPositionParams: at(m, 5, 13)}, &locs)
	if len(locs) != 1 {
		t.Fatalf("definition of max: %+v", locs)
	}
	stdFile := pathOf(locs[0].URI)
	copyPath := strings.TrimPrefix(string(locs[0].URI), "file://")
	want, _ := std.Read("math")
	text, err := os.ReadFile(copyPath)
	if stdFile != "std/math.cot" || !strings.HasPrefix(copyPath, os.Getenv("XDG_CACHE_HOME")+"/cot/std/") || err != nil || string(text) != string(want) {
		t.Fatalf("definition of max: %s (%s), %v", locs[0].URI, stdFile, err)
	}
	if fi, _ := os.Stat(copyPath); fi.Mode().Perm()&0o222 != 0 {
		t.Errorf("the copy of std/math is writable: %v", fi.Mode())
	}
	line := strings.Split(string(text), "\n")[locs[0].Range.Start.Line]
	if !strings.HasPrefix(line[locs[0].Range.Start.Character:], "max(") {
		t.Errorf("definition of max points at %q", line)
	}
	// The editor opens the copy: it is the module, a library, with hover of its own names.
	if d := c.open(locs[0].URI, string(text)); len(d) != 0 {
		t.Errorf("std/math opened: %+v", d)
	}
	c.mustCall(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: at(locs[0].URI, locs[0].Range.Start.Line, 4)}, &h)
	if h == nil || !strings.Contains(h.Contents.Value, "fn max(a: i64, b: i64) i64") {
		t.Errorf("hover in std/math: %+v", h)
	}

	// References of twice from its declaration: lib/util.cot, main.cot (twice) and other.cot,
	// which is not open.
	c.open(lib, projLib)
	<-c.diags // main.cot, analysed again
	c.mustCall(protocol.MethodTextDocumentReferences, &protocol.ReferenceParams{TextDocumentPositionParams: at(lib, 4, 5),
		Context: protocol.ReferenceContext{IncludeDeclaration: true}}, &locs)
	if got := locations(c.dir, locs); got != "lib/util.cot:4:3 main.cot:4:12 main.cot:5:19 other.cot:3:11" {
		t.Errorf("references of twice: %s", got)
	}

	var edit protocol.WorkspaceEdit
	c.mustCall(protocol.MethodTextDocumentRename, &protocol.RenameParams{TextDocumentPositionParams: at(m, 4, 14), NewName: "double"}, &edit)
	var files []string
	for u, edits := range edit.Changes {
		files = append(files, filepath.Base(string(u))+":"+strings.Repeat("*", len(edits)))
	}
	sort.Strings(files)
	if strings.Join(files, " ") != "main.cot:** other.cot:* util.cot:*" {
		t.Errorf("rename twice to double: %v", files)
	}
	if edit.Changes[other][0].Range != rng(3, 11, 3, 16) || edit.Changes[other][0].NewText != "double" {
		t.Errorf("rename in other.cot: %+v", edit.Changes[other])
	}
	// `max` would make main.cot's `max` ambiguous (std/math declares it too).
	if err := c.call(protocol.MethodTextDocumentRename, &protocol.RenameParams{TextDocumentPositionParams: at(lib, 4, 5), NewName: "max"}, &edit); err == nil || !strings.Contains(err.Error(), "would not mean the same") {
		t.Errorf("rename twice to max: %v", err)
	}
	if err := c.call(protocol.MethodTextDocumentRename, &protocol.RenameParams{TextDocumentPositionParams: at(m, 5, 13), NewName: "biggest"}, &edit); err == nil || !strings.Contains(err.Error(), "standard library") {
		t.Errorf("rename std's max: %v", err)
	}

	// Completion offers the imported names, with their signatures.
	var list protocol.CompletionList
	c.mustCall(protocol.MethodTextDocumentCompletion, &protocol.CompletionParams{TextDocumentPositionParams: at(m, 6, 4)}, &list)
	details := map[string]string{}
	for _, it := range list.Items {
		details[it.Label] = it.Detail
	}
	if details["twice"] != "fn twice(x: i64) i64" || details["limit"] != "global constant limit: i64" || details["clamp"] == "" {
		t.Errorf("completion in main.cot: twice %q, limit %q, clamp %q", details["twice"], details["limit"], details["clamp"])
	}
}

// locations renders locations as file:line:col (0-based), the file relative to the project.
func locations(dir string, locs []protocol.Location) string {
	var out []string
	for _, l := range locs {
		p := strings.TrimPrefix(pathOf(l.URI), dir+"/")
		out = append(out, fmt.Sprintf("%s:%d:%d", p, l.Range.Start.Line, l.Range.Start.Character))
	}
	return strings.Join(out, " ")
}
