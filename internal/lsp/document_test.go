package lsp

import (
	"testing"

	"go.lsp.dev/protocol"

	"cot/grammar"
)

// TestPositions converts between byte offsets and LSP positions (UTF-16 columns) on text with
// two-byte, three-byte and four-byte (surrogate pair) characters and an invalid byte.
func TestPositions(t *testing.T) {
	d := newDocument("file:///p/a.cot", 1, "aé€😀b\n\xffx\n")
	for _, tc := range []struct {
		off       int
		line, col uint32
	}{
		{0, 0, 0}, {1, 0, 1}, {3, 0, 2}, {6, 0, 3}, {10, 0, 5}, {11, 0, 6}, // a é € 😀(2 units) b \n
		{12, 1, 0}, {13, 1, 1}, {14, 1, 2}, {15, 2, 0},
	} {
		p := d.Position(tc.off)
		if p != (protocol.Position{Line: tc.line, Character: tc.col}) {
			t.Errorf("Position(%d) = %+v, want %d:%d", tc.off, p, tc.line, tc.col)
		}
		if off := d.Offset(p); off != tc.off {
			t.Errorf("Offset(%+v) = %d, want %d", p, off, tc.off)
		}
	}
	// Past the end of a line clamps to its end; past the last line to the end of the text.
	if off := d.Offset(protocol.Position{Line: 0, Character: 99}); off != 11 {
		t.Errorf("past the end of line 0: %d", off)
	}
	if off := d.Offset(protocol.Position{Line: 9, Character: 0}); off != len(d.Text) {
		t.Errorf("past the last line: %d", off)
	}
}

func TestURIs(t *testing.T) {
	for _, path := range []string{"/p/a.cot", "/p/with space/ü.cot"} {
		u := uriOf(path)
		if got := pathOf(u); got != path {
			t.Errorf("pathOf(uriOf(%q)) = %q (uri %s)", path, got, u)
		}
	}
	if got := pathOf("untitled:Untitled-1"); got != "untitled:Untitled-1" {
		t.Errorf("untitled: %q", got)
	}
}

// TestBuiltinDocs: the editor's table of builtins has exactly the grammar's, with its arities.
func TestBuiltinDocs(t *testing.T) {
	for name, arity := range grammar.Builtins {
		b, ok := builtinDocs[name]
		if !ok {
			t.Errorf("@%s has no entry in builtinDocs", name)
		} else if len(b.params) != arity || b.result == "" || b.doc == "" {
			t.Errorf("@%s: %d parameters (grammar: %d), result %q, doc %q", name, len(b.params), arity, b.result, b.doc)
		}
	}
	for name := range builtinDocs {
		if _, ok := grammar.Builtins[name]; !ok {
			t.Errorf("builtinDocs has @%s, which the grammar does not know", name)
		}
	}
}
