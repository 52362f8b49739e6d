package lsp

import (
	"sort"
	"unicode/utf16"
	"unicode/utf8"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"cot/ir/src"
)

// Document is one file as the editor has it: the text of its last didOpen/didChange, which wins
// over the file on disk for every analysis that reads the file.
type Document struct {
	URI     protocol.DocumentURI
	Path    string // the file name the front end sees (diagnostic positions carry it)
	Version int32
	Text    string
	// parsed is the last text of the document that parsed (none yet: nil). Other programs that
	// import the document read it while the document does not parse, so a file being typed in
	// does not blind its importers (workspace.go).
	parsed *string
	// lineStarts[i] is the byte offset of line i (0-based).
	lineStarts []int
}

func newDocument(u protocol.DocumentURI, version int32, text string) *Document {
	d := &Document{URI: u, Path: pathOf(u), Version: version}
	d.setText(text)
	return d
}

func (d *Document) setText(text string) {
	d.Text = text
	d.lineStarts = append(d.lineStarts[:0], 0)
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			d.lineStarts = append(d.lineStarts, i+1)
		}
	}
}

// pathOf is the file name of a file: URI, the module's name ("std/NAME.cot") for the copy of an
// std module (stdlib.go); other schemes keep the URI as their name.
func pathOf(u protocol.DocumentURI) string {
	if p, err := uri.Parse(string(u)); err == nil && len(u) > 7 && string(u[:7]) == "file://" {
		if name, ok := stdNameOf(p.Filename()); ok {
			return name
		}
		return p.Filename()
	}
	return string(u)
}

// uriOf is the inverse of pathOf.
func uriOf(path string) protocol.DocumentURI {
	if isStdName(path) {
		if p := stdPath(path); p != "" {
			path = p
		}
	}
	if len(path) > 0 && path[0] == '/' {
		return protocol.DocumentURI(uri.File(path))
	}
	return protocol.DocumentURI(path)
}

// Offset converts an LSP position (0-based line, UTF-16 column) to a byte offset, clamping
// positions past the end of a line to its end and past the last line to the end of the text.
func (d *Document) Offset(p protocol.Position) int {
	if int(p.Line) >= len(d.lineStarts) {
		return len(d.Text)
	}
	off := d.lineStarts[p.Line]
	for units := uint32(0); units < p.Character && off < len(d.Text) && d.Text[off] != '\n'; {
		r, size := utf8.DecodeRuneInString(d.Text[off:])
		units += uint32(utf16.RuneLen(r)) // an invalid byte decodes to U+FFFD: one unit
		off += size
	}
	return off
}

// Position converts a byte offset to an LSP position (UTF-16 column).
func (d *Document) Position(off int) protocol.Position {
	off = max(0, min(off, len(d.Text)))
	line := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > off }) - 1
	col := uint32(0)
	for i := d.lineStarts[line]; i < off; {
		r, size := utf8.DecodeRuneInString(d.Text[i:])
		col += uint32(utf16.RuneLen(r)) // an invalid byte decodes to U+FFFD: one unit
		i += size
	}
	return protocol.Position{Line: uint32(line), Character: col}
}

// Range converts the byte range [start, end) to an LSP range.
func (d *Document) Range(start, end int) protocol.Range {
	return protocol.Range{Start: d.Position(start), End: d.Position(end)}
}

// offsetOf converts a front-end position (1-based line, 1-based byte column) to a byte offset of
// this text. The front end's Offset is authoritative when it was computed on this same text;
// line and column are used otherwise, so positions survive a front end that fills only them.
func (d *Document) offsetOf(p src.Pos) int {
	if !p.IsValid() {
		return 0
	}
	if p.Line-1 < len(d.lineStarts) {
		off := d.lineStarts[p.Line-1] + p.Col - 1
		return max(0, min(off, len(d.Text)))
	}
	return len(d.Text)
}

// wordEnd returns the end of the token that starts at off: an identifier, a builtin name, a
// number, or else one character (nothing at the end of a line), so a diagnostic that has only a
// start position underlines the token it points at.
func (d *Document) wordEnd(off int) int {
	t := d.Text
	end := off
	if end < len(t) && t[end] == '@' {
		end++
	}
	for end < len(t) && isIdentByte(t[end]) {
		end++
	}
	if end == off && off < len(t) && t[off] != '\n' && t[off] != '\r' {
		_, size := utf8.DecodeRuneInString(t[off:])
		end += size
	}
	return end
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// identAt returns the identifier around byte offset off (the cursor may be just past its end)
// and its start, or "" when there is none.
func (d *Document) identAt(off int) (string, int) {
	t := d.Text
	start, end := off, off
	for start > 0 && isIdentByte(t[start-1]) {
		start--
	}
	for end < len(t) && isIdentByte(t[end]) {
		end++
	}
	if start == end || t[start] >= '0' && t[start] <= '9' {
		return "", off
	}
	return t[start:end], start
}
