package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"cot/ir/src"
)

// program is the document most tests open; line numbers below are 0-based, as in LSP.
const program = `// A program with a helper.
var total: i64 = 0

fn add(a: i64, b: i64) i64 {
    return a + b // the sum
}

fn main() i64 {
    var x = add(1, 2)
    total = x
    for i in 0..3 {
        total += i
    }
    return x
}
`

func TestLifecycle(t *testing.T) {
	c := newTestClient(t)
	var h *protocol.Hover
	if err := c.call(protocol.MethodTextDocumentHover, at("file:///x.cot", 0, 0), &h); errCode(err) != errServerNotInitialized {
		t.Errorf("hover before initialize: %v, want code %d", err, errServerNotInitialized)
	}
	var res protocol.InitializeResult
	c.mustCall(protocol.MethodInitialize, &protocol.InitializeParams{}, &res)
	if res.ServerInfo == nil || res.ServerInfo.Name != "cot" {
		t.Errorf("serverInfo = %+v", res.ServerInfo)
	}
	caps, _ := jsonRoundTrip(res.Capabilities)
	for _, want := range []string{`"hoverProvider":true`, `"definitionProvider":true`, `"referencesProvider":true`, `"documentHighlightProvider":true`,
		`"documentSymbolProvider":true`, `"workspaceSymbolProvider":true`, `"documentFormattingProvider":true`, `"renameProvider":{"prepareProvider":true}`,
		`"completionProvider":{"triggerCharacters":[".","@"]}`, `"signatureHelpProvider":{"triggerCharacters":["(",","]}`,
		`"textDocumentSync":{"change":1,"openClose":true}`} {
		if !strings.Contains(caps, want) {
			t.Errorf("capabilities lack %s: %s", want, caps)
		}
	}
	if err := c.call(protocol.MethodInitialize, &protocol.InitializeParams{}, &res); errCode(err) != jsonrpc2.InvalidRequest {
		t.Errorf("second initialize: %v", err)
	}
	if err := c.call("textDocument/unknownThing", struct{}{}, nil); errCode(err) != jsonrpc2.MethodNotFound {
		t.Errorf("unknown method: %v", err)
	}
	c.mustCall(protocol.MethodShutdown, nil, nil)
	if err := c.call(protocol.MethodTextDocumentHover, at("file:///x.cot", 0, 0), &h); errCode(err) != jsonrpc2.InvalidRequest {
		t.Errorf("hover after shutdown: %v", err)
	}
	c.notify(protocol.MethodExit, nil)
	c.conn.Notify(context.Background(), protocol.MethodExit, nil) // a second exit is harmless
	if code := <-c.exit; code != 0 {
		t.Errorf("exit after shutdown: status %d, want 0", code)
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c := initialized(t)
	c.notify(protocol.MethodExit, nil)
	if code := <-c.exit; code != 1 {
		t.Errorf("exit without shutdown: status %d, want 1", code)
	}
	c = initialized(t)
	c.conn.Close() // the editor hangs up
	if code := <-c.exit; code != 1 {
		t.Errorf("hang-up: status %d, want 1", code)
	}
}

func TestDiagnosticsOnOpenChangeClose(t *testing.T) {
	c := initialized(t)
	// The 😀 is two UTF-16 units and four bytes: the column must count units.
	bad := "fn main() i64 {\n    /* 😀 */ var y = nope + 1\n    return y\n}\n"
	u := c.file("bad.cot", bad)
	diags := c.open(u, bad)
	want := []protocol.Diagnostic{{Range: rng(1, 21, 1, 25), Severity: protocol.DiagnosticSeverityError, Code: "E0301",
		Source: "cot", Message: "undefined identifier `nope`"}}
	if !reflect.DeepEqual(diags, want) {
		t.Errorf("on open: %+v\nwant %+v", diags, want)
	}
	// Several errors of the checker, in source order.
	twoErrors := "fn main() i64 {\n    var b: bool = 1\n    return true\n}\n"
	diags = c.change(u, 2, twoErrors)
	if len(diags) != 2 || diags[0].Range.Start.Line != 1 || diags[1].Range.Start.Line != 2 {
		t.Errorf("on change: %+v", diags)
	}
	for _, d := range diags {
		if d.Code != "E0300" {
			t.Errorf("code %v, want E0300: %+v", d.Code, d)
		}
	}
	if diags = c.change(u, 3, program); len(diags) != 0 {
		t.Errorf("after the fix: %+v", diags)
	}
	// A program-wide error has no position: it goes at the start of the file.
	if diags = c.change(u, 4, "fn helper() i64 { return 1 }\n"); len(diags) != 1 || diags[0].Range != rng(0, 0, 0, 2) {
		t.Errorf("no main: %+v", diags)
	}
	c.notify(protocol.MethodTextDocumentDidClose, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}})
	if diags = c.waitDiags(u); len(diags) != 0 {
		t.Errorf("after close: %+v", diags)
	}
	var h *protocol.Hover
	if err := c.call(protocol.MethodTextDocumentHover, at(u, 0, 0), &h); errCode(err) != jsonrpc2.InvalidParams {
		t.Errorf("hover on a closed document: %v", err)
	}
}

// TestTwoFiles opens two files of one project: each has its own program and diagnostics, and a
// change to one leaves the other's alone.
func TestTwoFiles(t *testing.T) {
	c := initialized(t)
	main := c.file("main.cot", program)
	util := c.file("util.cot", "fn main() i64 { return twice(2) }\n")
	if d := c.open(main, program); len(d) != 0 {
		t.Errorf("main.cot: %+v", d)
	}
	if d := c.open(util, "fn main() i64 { return twice(2) }\n"); len(d) != 1 || d[0].Message != "undefined identifier `twice`" {
		t.Errorf("util.cot: %+v", d)
	}
	var locs []protocol.Location
	c.mustCall(protocol.MethodTextDocumentDefinition, at(main, 8, 13), &locs)
	if len(locs) != 1 || locs[0].URI != main || locs[0].Range != rng(3, 3, 3, 6) {
		t.Errorf("definition of add in main.cot: %+v", locs)
	}
	fixed := "fn twice(n: i64) i64 { return 2 * n }\nfn main() i64 { return twice(2) }\n"
	if d := c.change(util, 2, fixed); len(d) != 0 {
		t.Errorf("util.cot after the fix: %+v", d)
	}
	c.mustCall(protocol.MethodTextDocumentDefinition, at(util, 1, 24), &locs)
	if len(locs) != 1 || locs[0].URI != util || locs[0].Range != rng(0, 3, 0, 8) {
		t.Errorf("definition of twice in util.cot: %+v", locs)
	}
	// Workspace symbols span both programs.
	var syms []protocol.SymbolInformation
	c.mustCall(protocol.MethodWorkspaceSymbol, &protocol.WorkspaceSymbolParams{Query: "T"}, &syms)
	var got []string
	for _, s := range syms {
		got = append(got, fmt.Sprintf("%s %s %s:%d", s.Name, s.Kind, filepath.Base(string(s.Location.URI)), s.Location.Range.Start.Line))
	}
	if want := []string{"total Variable main.cot:1", "twice Function util.cot:0"}; !reflect.DeepEqual(got, want) {
		t.Errorf("workspace symbols matching T: %q, want %q", got, want)
	}
}

func jsonRoundTrip(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

// TestDiagnosticSpansNotesHelp maps a diagnostic with everything src.Diagnostic can carry: a
// span (not just a position), a note in the same file and help lines.
func TestDiagnosticSpansNotesHelp(t *testing.T) {
	text := "fn main() i64 {\n    var count = 1\n    var count = 2\n    return 0\n}\n"
	s := NewServer(FrontEnd{}, Layout, "test")
	d := newDocument(uriOf("/p/m.cot"), 1, text)
	s.docs[d.Path] = d
	f := src.NewFile(d.Path, []byte(text))
	diag := src.Diagnostic{Pos: f.PosAt(42), End: f.PosAt(47), Severity: src.Error, Code: "E0302",
		Msg: "redefined identifier `count`", Notes: []src.Related{{Span: src.Span{Pos: f.PosAt(24), End: f.PosAt(29)}, Text: "first defined here"}},
		Help: []string{"rename one of them"}}
	got := s.toLSPDiagnostic(&Analysis{Files: map[string]*src.File{d.Path: f}}, d, diag)
	want := protocol.Diagnostic{Range: rng(2, 8, 2, 13), Severity: protocol.DiagnosticSeverityError, Code: "E0302", Source: "cot",
		Message:            "redefined identifier `count`\nhelp: rename one of them",
		RelatedInformation: []protocol.DiagnosticRelatedInformation{{Location: protocol.Location{URI: d.URI, Range: rng(1, 8, 1, 13)}, Message: "first defined here"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// TestLintWarnings: a program without errors gets the warnings of `cot lint`; unused names are
// tagged unnecessary, which editors show faded.
func TestLintWarnings(t *testing.T) {
	c := initialized(t)
	text := "fn main() i64 {\n    var unused = 1\n    var x = 2\n    {\n        var x = 3\n        return x\n    }\n}\n"
	u := c.file("w.cot", text)
	got := c.open(u, text)
	var codes []string
	for _, d := range got {
		if d.Severity != protocol.DiagnosticSeverityWarning {
			t.Errorf("not a warning: %+v", d)
		}
		codes = append(codes, fmt.Sprintf("%d:%d %v %v", d.Range.Start.Line, d.Range.Start.Character, d.Code, d.Tags))
	}
	want := []string{"1:8 W001 [Unnecessary]", "2:8 W001 [Unnecessary]", "4:12 W003 []"}
	if !reflect.DeepEqual(codes, want) {
		t.Errorf("warnings %q, want %q\n%+v", codes, want, got)
	}
	// The note points at the shadowed declaration's name.
	if len(got) == 3 && (len(got[2].RelatedInformation) != 1 || got[2].RelatedInformation[0].Location.Range != rng(2, 8, 2, 9)) {
		t.Errorf("W003 note: %+v", got[2].RelatedInformation)
	}
}

// TestAllErrorsOfAFile: names and types are both checked in one analysis, as by `cot check`.
func TestAllErrorsOfAFile(t *testing.T) {
	c := initialized(t)
	text := "fn main() i64 {\n    var a: i64 = nope\n    return true\n}\n"
	u := c.file("e.cot", text)
	var got []string
	for _, d := range c.open(u, text) {
		got = append(got, fmt.Sprintf("%d %v", d.Range.Start.Line, d.Code))
	}
	if want := []string{"1 E0301", "2 E0300"}; !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics %q, want %q", got, want)
	}
}
