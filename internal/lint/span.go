package lint

import (
	"strings"

	"cot/ir/src"
)

// WithSpans is Check for a terminal: the front end positions a declaration at its keyword
// (`var tmp = 5` at `var`), so each warning and note gets the span of the name it is about,
// read back from the source in files, and the caret line underlines `tmp`, not `v`.
func WithSpans(ws []src.Diagnostic, files map[string]*src.File) []src.Diagnostic {
	for i := range ws {
		name := quoted(ws[i].Msg)
		ws[i].Pos, ws[i].End = nameSpan(files, ws[i].Pos, name)
		for j := range ws[i].Notes {
			n := &ws[i].Notes[j].Span
			n.Pos, n.End = nameSpan(files, n.Pos, name)
		}
	}
	return ws
}

// quoted returns the first `name` of a warning's message.
func quoted(msg string) string {
	_, rest, ok := strings.Cut(msg, "`")
	if !ok {
		return ""
	}
	name, _, _ := strings.Cut(rest, "`")
	return name
}

// nameSpan finds name as a whole word on pos's line at or after pos.
func nameSpan(files map[string]*src.File, pos src.Pos, name string) (src.Pos, src.Pos) {
	f := files[pos.File]
	if f == nil || name == "" || !pos.IsValid() || pos.Offset > len(f.Text) {
		return pos, src.Pos{}
	}
	t := f.Text
	for i := pos.Offset; i+len(name) <= len(t) && t[i] != '\n'; i++ {
		if string(t[i:i+len(name)]) == name && (i == 0 || !isWord(t[i-1])) && (i+len(name) == len(t) || !isWord(t[i+len(name)])) {
			return f.PosAt(i), f.PosAt(i + len(name))
		}
	}
	return pos, src.Pos{}
}

func isWord(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
