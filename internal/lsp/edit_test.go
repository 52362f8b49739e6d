package lsp

import (
	"reflect"
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"cot/internal/semindex"
	"cot/ir/src"
)

func labels(items []protocol.CompletionItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Label)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestCompletion(t *testing.T) {
	c, u := openProgram(t)
	complete := func(text string, line, col uint32) []protocol.CompletionItem {
		t.Helper()
		c.change(u, 2, text)
		var list protocol.CompletionList
		c.mustCall(protocol.MethodTextDocumentCompletion, &protocol.CompletionParams{TextDocumentPositionParams: at(u, line, col)}, &list)
		return list.Items
	}
	// After `@`, while the file does not parse: every builtin with its arity.
	items := complete(strings.Replace(program, "    return x\n}", "    @as\n    return x\n}", 1), 13, 7)
	if len(items) != len(sortedBuiltins()) {
		t.Errorf("after @: %d items, want %d", len(items), len(sortedBuiltins()))
	}
	for _, it := range items {
		if it.Label == "assert_eq" && (it.Detail != "@assert_eq(a, b) void" || it.Documentation != "assert a == b; strings compare by content (§10.1)") {
			t.Errorf("assert_eq: %+v", it)
		}
	}
	// Anywhere else: top-level names, the locals declared before the cursor in this function,
	// and keywords; not the parameters of another function.
	names := labels(complete(strings.Replace(program, "    return x\n}", "    ret\n    return x\n}", 1), 13, 7))
	for _, want := range []string{"add", "main", "total", "x", "i", "return", "while", "i64"} {
		if !contains(names, want) {
			t.Errorf("completion lacks %s: %v", want, names)
		}
	}
	for _, not := range []string{"a", "b", "assert"} {
		if contains(names, not) {
			t.Errorf("completion offers %s: %v", not, names)
		}
	}
	// After `.`: the members of the receiver's type. Nothing has members in the language the
	// front end compiles today (no structs), so the list is empty, and not the keyword list.
	if items := complete(strings.Replace(program, "    return x\n}", "    x.\n    return x\n}", 1), 13, 6); len(items) != 0 {
		t.Errorf("after x.: %v", labels(items))
	}
}

// TestMemberCompletion checks completion after `.` on an index that has a struct-typed
// declaration, as the front end will produce once it compiles structs: the local p shadows a
// global p without members; a member of a member gets nothing.
func TestMemberCompletion(t *testing.T) {
	c := initialized(t)
	text := "fn main() i64 {\n    var p = 1\n    p.\n    q.p.\n}\n"
	u := c.file("p.cot", text)
	c.open(u, text)
	path := pathOf(u)
	srv := c.srv
	srv.mu.Lock()
	srv.lastIndex[path] = &semindex.Index{Decls: []*semindex.Decl{
		{Name: "main", Kind: semindex.Function, Pos: src.Pos{File: path, Offset: 3, Line: 1, Col: 4}},
		{Name: "p", Kind: semindex.Global, Type: "i64", Pos: src.Pos{File: path, Offset: 40, Line: 5, Col: 1}},
		{Name: "p", Kind: semindex.Variable, Type: "Point", Pos: src.Pos{File: path, Offset: 24, Line: 2, Col: 9},
			Members: []semindex.Member{{Name: "x", Type: "i64"}, {Name: "y", Type: "i64"}}},
	}}
	srv.mu.Unlock()
	complete := func(line, col uint32) []protocol.CompletionItem {
		var list protocol.CompletionList
		c.mustCall(protocol.MethodTextDocumentCompletion, &protocol.CompletionParams{TextDocumentPositionParams: at(u, line, col)}, &list)
		return list.Items
	}
	if items := complete(2, 6); !reflect.DeepEqual(labels(items), []string{"x", "y"}) || items[0].Kind != protocol.CompletionItemKindField || items[0].Detail != "i64" {
		t.Errorf("after p.: %+v", items)
	}
	if items := complete(3, 8); len(items) != 0 {
		t.Errorf("after q.p.: %+v", items)
	}
}

func TestSignatureHelp(t *testing.T) {
	c, u := openProgram(t)
	help := func(text string, line, col uint32) *protocol.SignatureHelp {
		t.Helper()
		c.change(u, 2, text)
		var h *protocol.SignatureHelp
		c.mustCall(protocol.MethodTextDocumentSignatureHelp, &protocol.SignatureHelpParams{TextDocumentPositionParams: at(u, line, col)}, &h)
		return h
	}
	// Typing the second argument: the file does not parse, the signature comes from the last index.
	h := help(strings.Replace(program, "add(1, 2)", "add(1, (2 + 3), ", 1), 8, 27)
	if h == nil || len(h.Signatures) != 1 || h.Signatures[0].Label != "fn add(a: i64, b: i64) i64" || h.ActiveParameter != 2 ||
		len(h.Signatures[0].Parameters) != 2 || h.Signatures[0].Parameters[1].Label != "b: i64" {
		t.Errorf("in add(1, (2 + 3), |: %+v", h)
	}
	// Commas and brackets in comments do not count.
	h = help(strings.Replace(program, "add(1, 2)", "add(1 /* a, b) */, ", 1), 8, 31)
	if h == nil || h.ActiveParameter != 1 {
		t.Errorf("in add(1 /* a, b) */, |: %+v", h)
	}
	h = help(program, 8, 16) // add(|1, 2)
	if h == nil || h.ActiveParameter != 0 {
		t.Errorf("in add(|1, 2): %+v", h)
	}
	h = help(strings.Replace(program, "var x = add(1, 2)", "@assert_eq(x, ", 1), 8, 18)
	if h == nil || h.Signatures[0].Label != "@assert_eq(a, b) void" || h.Signatures[0].Parameters[1].Label != "b" || h.ActiveParameter != 1 {
		t.Errorf("in @assert_eq(x, |: %+v", h)
	}
	if h = help(program, 9, 8); h != nil {
		t.Errorf("outside a call: %+v", h)
	}
}

func TestRename(t *testing.T) {
	c, u := openProgram(t)
	var r *protocol.Range
	c.mustCall(protocol.MethodTextDocumentPrepareRename, &protocol.PrepareRenameParams{TextDocumentPositionParams: at(u, 9, 12)}, &r)
	if r == nil || *r != rng(9, 12, 9, 13) {
		t.Errorf("prepareRename on x: %+v", r)
	}
	r = nil
	c.mustCall(protocol.MethodTextDocumentPrepareRename, &protocol.PrepareRenameParams{TextDocumentPositionParams: at(u, 2, 0)}, &r)
	if r != nil {
		t.Errorf("prepareRename on a blank line: %+v", r)
	}
	var edit protocol.WorkspaceEdit
	c.mustCall(protocol.MethodTextDocumentRename, &protocol.RenameParams{TextDocumentPositionParams: at(u, 9, 12), NewName: "sum"}, &edit)
	want := map[protocol.DocumentURI][]protocol.TextEdit{u: {
		{Range: rng(13, 11, 13, 12), NewText: "sum"}, {Range: rng(9, 12, 9, 13), NewText: "sum"}, {Range: rng(8, 8, 8, 9), NewText: "sum"}}}
	if !reflect.DeepEqual(edit.Changes, want) {
		t.Errorf("rename x to sum: %+v\nwant %+v", edit.Changes, want)
	}
	for _, tc := range []struct {
		line, col uint32
		name, err string
	}{
		{9, 12, "while", "not an identifier"},
		{9, 12, "two words", "not an identifier"},
		{9, 12, "total", "would not mean the same"}, // the local would shadow the global (W003)
		{8, 13, "main", "would not mean the same"},  // two functions named main
		{2, 0, "y", "no name to rename"},
	} {
		err := c.call(protocol.MethodTextDocumentRename, &protocol.RenameParams{TextDocumentPositionParams: at(u, tc.line, tc.col), NewName: tc.name}, &edit)
		if err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("rename at %d:%d to %q: %v, want an error containing %q", tc.line, tc.col, tc.name, err, tc.err)
		}
	}
}

// TestRenameCapture: a `_` name may shadow without a lint warning, so only the count of uses
// tells that renaming x to _g would make `_g + x` read the local twice.
func TestRenameCapture(t *testing.T) {
	c := initialized(t)
	text := "var _g: i64 = 1\nfn main() i64 {\n    var x = 2\n    return _g + x\n}\n"
	u := c.file("m.cot", text)
	if d := c.open(u, text); len(d) != 0 {
		t.Fatalf("diagnostics: %+v", d)
	}
	var edit protocol.WorkspaceEdit
	err := c.call(protocol.MethodTextDocumentRename, &protocol.RenameParams{TextDocumentPositionParams: at(u, 2, 8), NewName: "_g"}, &edit)
	if err == nil || !strings.Contains(err.Error(), "would capture or be captured") {
		t.Errorf("rename x to _g: %v", err)
	}
}

func TestFormatting(t *testing.T) {
	c := initialized(t)
	messy := "\n\n// header comment\nfn add(a: i64,\n  b: i64) i64 {\n\treturn a + b   \n      }\n\n\n\nfn main() i64 {\n  /* a block\n     comment */\n        if (add(1, 2) == 3) { return 0 }  // trailing\n  var x = add(1,\n add(2,\n 3))\nreturn x\n}"
	want := "// header comment\nfn add(a: i64,\n    b: i64) i64 {\n    return a + b\n}\n\nfn main() i64 {\n    /* a block\n     comment */\n    if (add(1, 2) == 3) { return 0 }  // trailing\n    var x = add(1,\n        add(2,\n            3))\n    return x\n}\n"
	u := c.file("m.cot", messy)
	c.open(u, messy)
	format := func() ([]protocol.TextEdit, error) {
		var edits []protocol.TextEdit
		err := c.call(protocol.MethodTextDocumentFormatting, &protocol.DocumentFormattingParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}}, &edits)
		return edits, err
	}
	edits, err := format()
	if err != nil || len(edits) != 1 || edits[0].NewText != want || edits[0].Range != rng(0, 0, 18, 1) {
		t.Fatalf("formatting: %v %+v\nwant one edit to\n%s", err, edits, want)
	}
	c.change(u, 2, want)
	if edits, err := format(); err != nil || len(edits) != 0 {
		t.Errorf("formatting a formatted file: %v %+v", err, edits)
	}
	c.change(u, 3, "fn main() i64 {\n  return 0 /* open\n}\n")
	if _, err := format(); err == nil || !strings.Contains(err.Error(), "unterminated block comment") {
		t.Errorf("formatting a file that does not lex: %v", err)
	}
}
