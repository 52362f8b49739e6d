package format

// The source as the printer sees it: the token list (grammar.Tokenize) and the comments in the
// gaps between tokens. The grammar's lexer drops comments, but every byte between two tokens is
// whitespace or a comment, so scanning only those gaps finds every comment without re-lexing
// strings, characters or interpolations.

import (
	"bytes"
	"sort"

	"github.com/alecthomas/participle/v2/lexer"

	"cot/grammar"
)

// comment is one `// ...` or `/* ... */` of the source.
type comment struct {
	start, end   int    // byte offsets, end exclusive
	text         string // the comment, delimiters included, trailing spaces of a line comment removed
	line         bool   // a `//` comment (ends its line)
	ownLine      bool   // nothing but whitespace precedes it on its source line (or it starts the file)
	blankBefore  bool   // an empty line separates it from the previous token or comment
	newlineAfter bool   // a line break follows it before the next token or comment
}

// source holds the text, its tokens (EOF last) and its comments in order.
type source struct {
	text     []byte
	toks     []lexer.Token
	comments []comment
}

func newSource(filename string, text []byte) (*source, error) {
	toks, err := grammar.Tokenize(filename, text)
	if err != nil {
		return nil, err
	}
	s := &source{text: text, toks: toks}
	prevEnd := 0
	if bytes.HasPrefix(text, []byte(bom)) {
		prevEnd = 3
	}
	for i, t := range toks {
		s.scanGap(prevEnd, t.Pos.Offset, i == 0)
		prevEnd = t.Pos.Offset + len(t.Value)
	}
	return s, nil
}

// scanGap collects the comments of text[from:to], which holds only whitespace and comments.
// first is set for the gap before the first token.
func (s *source) scanGap(from, to int, first bool) {
	segStart := from
	for i := from; i < to; {
		switch {
		case s.text[i] == '/' && i+1 < to && s.text[i+1] == '/':
			end := i + bytes.IndexByte(append(s.text[i:to:to], '\n'), '\n')
			s.add(segStart, i, end, true, first)
			i, segStart, first = end, end, false
		case s.text[i] == '/' && i+1 < to && s.text[i+1] == '*':
			end := i + 2 + bytes.Index(s.text[i+2:to], []byte("*/")) + 2
			s.add(segStart, i, end, false, first)
			i, segStart, first = end, end, false
		default:
			i++
		}
	}
	if n := len(s.comments); n > 0 && s.comments[n-1].end == segStart && segStart != from {
		s.comments[n-1].newlineAfter = bytes.IndexByte(s.text[segStart:to], '\n') >= 0
	}
}

func (s *source) add(segStart, start, end int, line, first bool) {
	if n := len(s.comments); n > 0 && s.comments[n-1].end == segStart {
		s.comments[n-1].newlineAfter = bytes.IndexByte(s.text[segStart:start], '\n') >= 0
	}
	before := s.text[segStart:start]
	lineStart := bytes.LastIndexByte(s.text[:start], '\n') + 1
	text := string(s.text[start:end])
	if line {
		text = string(bytes.TrimRight([]byte(text), " \t\r"))
	}
	s.comments = append(s.comments, comment{
		start: start, end: end, text: text, line: line,
		ownLine:     first || len(bytes.TrimLeft(s.text[lineStart:start], " \t\r\xEF\xBB\xBF")) == 0,
		blankBefore: bytes.Count(before, []byte("\n")) >= 2,
	})
}

// tokAt returns the index of the first token starting at or after off.
func (s *source) tokAt(off int) int {
	return sort.Search(len(s.toks), func(i int) bool { return s.toks[i].Pos.Offset >= off })
}

// prevTokEnd returns the end offset of the last token that ends at or before off (0 if none).
func (s *source) prevTokEnd(off int) int {
	i := s.tokAt(off) - 1
	if i < 0 {
		return 0
	}
	return s.toks[i].Pos.Offset + len(s.toks[i].Value)
}

// closeAfter returns the offset of the closing bracket after a list whose last element ends
// at end: the next token, or the one after a trailing comma.
func (s *source) closeAfter(end int) int {
	i := s.tokAt(end)
	if i < len(s.toks) && s.toks[i].Value == "," {
		i++
	}
	if i >= len(s.toks) {
		return len(s.text)
	}
	return s.toks[i].Pos.Offset
}

// newline reports whether text[from:to] holds a line break.
func (s *source) newline(from, to int) bool {
	if from >= to {
		return false
	}
	return bytes.IndexByte(s.text[from:to], '\n') >= 0
}

// hasComment reports whether a comment starts in [from, to).
func (s *source) hasComment(from, to int) bool {
	i := sort.Search(len(s.comments), func(i int) bool { return s.comments[i].start >= from })
	return i < len(s.comments) && s.comments[i].start < to
}

// blankBefore reports whether an empty line precedes the token at off, counting only the text
// after the last comment before it (comments carry their own blankBefore).
func (s *source) blankBefore(off int) bool {
	from := s.prevTokEnd(off)
	i := sort.Search(len(s.comments), func(i int) bool { return s.comments[i].start >= off }) - 1
	if i >= 0 && s.comments[i].end > from {
		from = s.comments[i].end
	}
	if from > off {
		return false
	}
	return bytes.Count(s.text[from:off], []byte("\n")) >= 2
}
