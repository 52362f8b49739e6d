package lsp

import (
	"reflect"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

func openProgram(t *testing.T) (*testClient, protocol.DocumentURI) {
	c := initialized(t)
	u := c.file("main.cot", program)
	if d := c.open(u, program); len(d) != 0 {
		t.Fatalf("program has diagnostics: %+v", d)
	}
	return c, u
}

func TestHover(t *testing.T) {
	c, u := openProgram(t)
	for _, tc := range []struct {
		line, col uint32
		want      string
		rng       protocol.Range
		doc       string
	}{
		{8, 13, "fn add(a: i64, b: i64) i64", rng(8, 12, 8, 15), ""},                      // a call
		{3, 4, "fn add(a: i64, b: i64) i64", rng(3, 3, 3, 6), ""},                         // the declaration
		{8, 8, "variable x: i64", rng(8, 8, 8, 9), ""},                                    // a local, its binder
		{13, 12, "variable x: i64", rng(13, 11, 13, 12), ""},                              // cursor just past the name
		{9, 6, "global variable total: i64", rng(9, 4, 9, 9), "A program with a helper."}, // a global with the comment above it
		{4, 15, "parameter b: i64", rng(4, 15, 4, 16), ""},                                // a parameter
		{11, 17, "loop variable i: i64", rng(11, 17, 11, 18), ""},                         // a range loop variable
	} {
		var h *protocol.Hover
		c.mustCall(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: at(u, tc.line, tc.col)}, &h)
		if h == nil {
			t.Errorf("%d:%d: no hover", tc.line, tc.col)
			continue
		}
		want := "```cot\n" + tc.want + "\n```"
		if tc.doc != "" {
			want += "\n\n" + tc.doc
		}
		if h.Contents.Value != want || h.Contents.Kind != protocol.Markdown {
			t.Errorf("%d:%d: hover %q, want %q", tc.line, tc.col, h.Contents.Value, want)
		}
		if h.Range == nil || *h.Range != tc.rng {
			t.Errorf("%d:%d: range %+v, want %+v", tc.line, tc.col, h.Range, tc.rng)
		}
	}
	// On an operator or a literal: the expression's type.
	for _, tc := range []struct {
		line, col uint32
		rng       protocol.Range
	}{{4, 13, rng(4, 13, 4, 14)}, {8, 16, rng(8, 16, 8, 17)}, {10, 13, rng(10, 13, 10, 14)}} {
		var h *protocol.Hover
		c.mustCall(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: at(u, tc.line, tc.col)}, &h)
		if h == nil || h.Contents.Value != "```cot\ni64\n```" || *h.Range != tc.rng {
			t.Errorf("%d:%d: hover %+v", tc.line, tc.col, h)
		}
	}
	var h *protocol.Hover
	c.mustCall(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: at(u, 4, 22)}, &h)
	if h != nil {
		t.Errorf("hover in a comment: %+v", h)
	}
}

func TestHoverBuiltin(t *testing.T) {
	c := initialized(t)
	text := "fn main() i64 {\n    @assert(true)\n    return 0\n}\n"
	u := c.file("b.cot", text)
	c.open(u, text)
	var h *protocol.Hover
	c.mustCall(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: at(u, 1, 7)}, &h)
	if h == nil || h.Contents.Value != "```cot\n@assert(cond) void\n```\n\nfail the test, or trap outside tests, when cond is false (§10.1)" || *h.Range != rng(1, 4, 1, 11) {
		t.Errorf("hover on @assert: %+v", h)
	}
}

func TestDefinitionAndReferences(t *testing.T) {
	c, u := openProgram(t)
	var locs []protocol.Location
	c.mustCall(protocol.MethodTextDocumentDefinition, &protocol.DefinitionParams{TextDocumentPositionParams: at(u, 11, 9)}, &locs)
	if want := []protocol.Location{{URI: u, Range: rng(1, 4, 1, 9)}}; !reflect.DeepEqual(locs, want) {
		t.Errorf("definition of total: %+v, want %+v", locs, want)
	}
	locs = nil
	c.mustCall(protocol.MethodTextDocumentDefinition, &protocol.DefinitionParams{TextDocumentPositionParams: at(u, 2, 0)}, &locs)
	if len(locs) != 0 {
		t.Errorf("definition on a blank line: %+v", locs)
	}
	refs := func(includeDecl bool) []protocol.Range {
		var locs []protocol.Location
		c.mustCall(protocol.MethodTextDocumentReferences, &protocol.ReferenceParams{TextDocumentPositionParams: at(u, 1, 5),
			Context: protocol.ReferenceContext{IncludeDeclaration: includeDecl}}, &locs)
		var out []protocol.Range
		for _, l := range locs {
			if l.URI != u {
				t.Errorf("reference in %s", l.URI)
			}
			out = append(out, l.Range)
		}
		return out
	}
	if got, want := refs(true), []protocol.Range{rng(1, 4, 1, 9), rng(9, 4, 9, 9), rng(11, 8, 11, 13)}; !reflect.DeepEqual(got, want) {
		t.Errorf("references of total: %+v, want %+v", got, want)
	}
	if got, want := refs(false), []protocol.Range{rng(9, 4, 9, 9), rng(11, 8, 11, 13)}; !reflect.DeepEqual(got, want) {
		t.Errorf("references of total without its declaration: %+v, want %+v", got, want)
	}
}

func TestDocumentHighlight(t *testing.T) {
	c, u := openProgram(t)
	var hs []protocol.DocumentHighlight
	c.mustCall(protocol.MethodTextDocumentDocumentHighlight, &protocol.DocumentHighlightParams{TextDocumentPositionParams: at(u, 4, 11)}, &hs)
	want := []protocol.DocumentHighlight{{Range: rng(3, 7, 3, 8), Kind: protocol.DocumentHighlightKindText}, {Range: rng(4, 11, 4, 12), Kind: protocol.DocumentHighlightKindText}}
	if !reflect.DeepEqual(hs, want) {
		t.Errorf("highlights of a: %+v, want %+v", hs, want)
	}
}

// TestSemanticFeaturesAfterTypeError: a type error elsewhere does not stop hover and definition.
func TestSemanticFeaturesAfterTypeError(t *testing.T) {
	c := initialized(t)
	text := strings.Replace(program, "return x\n}", "return true\n}", 1)
	u := c.file("main.cot", text)
	if d := c.open(u, text); len(d) != 1 {
		t.Fatalf("want one type error: %+v", d)
	}
	var h *protocol.Hover
	c.mustCall(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: at(u, 8, 13)}, &h)
	if h == nil || !strings.Contains(h.Contents.Value, "fn add(a: i64, b: i64) i64") {
		t.Errorf("hover after a type error: %+v", h)
	}
	// A syntax error leaves no program: position features answer nothing rather than guess.
	broken := strings.Replace(program, "return a + b", "return a +", 1)
	if d := c.change(u, 2, broken); len(d) != 1 || d[0].Code != "E0100" {
		t.Fatalf("want a syntax error: %+v", d)
	}
	h = nil
	c.mustCall(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: at(u, 8, 13)}, &h)
	if h != nil {
		t.Errorf("hover in a file that does not parse: %+v", h)
	}
}

func TestDocumentSymbols(t *testing.T) {
	c := initialized(t)
	text := program + "\nstruct Point {\n    x: i64,\n    y: i64,\n}\nenum Color { Red, Green }\n"
	u := c.file("main.cot", text)
	c.open(u, text) // structs are not compiled yet; the outline comes from the syntax tree
	var syms []protocol.DocumentSymbol
	c.mustCall(protocol.MethodTextDocumentDocumentSymbol, &protocol.DocumentSymbolParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}}, &syms)
	var got []string
	var walk func(prefix string, ss []protocol.DocumentSymbol)
	walk = func(prefix string, ss []protocol.DocumentSymbol) {
		for _, s := range ss {
			got = append(got, prefix+s.Name+" "+s.Kind.String()+" "+s.Detail)
			walk(prefix+s.Name+".", s.Children)
		}
	}
	walk("", syms)
	want := []string{"total Variable i64", "add Function (a: i64, b: i64) i64", "main Function () i64",
		"Point Struct struct", "Point.x Field i64", "Point.y Field i64", "Color Enum enum", "Color.Red EnumMember ", "Color.Green EnumMember "}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("symbols:\n%q\nwant\n%q", got, want)
	}
	if syms[1].Range != rng(3, 0, 5, 1) || syms[1].SelectionRange != rng(3, 3, 3, 6) {
		t.Errorf("add: range %+v selection %+v", syms[1].Range, syms[1].SelectionRange)
	}
}
