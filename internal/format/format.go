// Package format is `cot fmt`: it prints a Cot source file in the one canonical layout
// (docs/decisions.md, "cot fmt"), comments kept.
//
// in -> out: Cot source text -> Cot source text with the same meaning.
//
// It prints the grammar's CST (every node has Pos and EndPos) and places the comments, which
// the lexer drops, by their source offsets (source.go). It is hand-written rather than built on
// a pretty-printing library because its rules keep the writer's line breaks (lists, blocks,
// operators) instead of fitting a width, and comments must land between any two tokens.
//
// Source checks its own output before returning it: the output must parse to the same CST
// (Canonical: positions and grouping parentheses aside) with the same comments, and format to
// itself (it is formatted again until it does, at most three more times); otherwise Source
// returns an *InternalError rather than a changed program.
package format

import (
	"bytes"
	"fmt"

	"cot/grammar"
)

// Source formats one file. A file that does not parse gives the parser's *src.UserError.
//
// The output is formatted again until it no longer changes (a comment that the first pass had
// to move, say onto a new line inside a one-line list, can change the layout the second pass
// chooses); each pass must keep the CST and the comments, and two passes normally suffice.
func Source(filename string, text []byte) ([]byte, error) {
	out, f, comments, err := format(filename, text)
	if err != nil {
		return nil, err
	}
	want := Canonical(f)
	for pass := 0; pass < maxPasses; pass++ {
		again, f2, got, err := format(filename, out)
		if err != nil {
			return nil, internalError(filename, "the formatted text does not parse: %v", err)
		}
		if Canonical(f2) != want {
			return nil, internalError(filename, "the formatted text parses differently")
		}
		if len(got) != len(comments) {
			return nil, internalError(filename, "%d comments became %d", len(comments), len(got))
		}
		for i := range got {
			if got[i] != comments[i] {
				return nil, internalError(filename, "comment %q became %q", comments[i], got[i])
			}
		}
		if bytes.Equal(again, out) {
			return out, nil
		}
		out = again
	}
	return nil, internalError(filename, "the layout does not settle after %d passes", maxPasses)
}

// bom is the UTF-8 byte-order mark.
const bom = "\xEF\xBB\xBF"

// maxPasses bounds the passes of Source after the first.
const maxPasses = 3

func internalError(file, format string, args ...any) error {
	return &InternalError{File: file, Msg: fmt.Sprintf(format, args...)}
}

// InternalError is a formatter bug caught by its own checks: the input is left alone.
type InternalError struct {
	File string
	Msg  string
}

func (e *InternalError) Error() string {
	return fmt.Sprintf("internal error: cannot format %s: %s (please report this bug)", e.File, e.Msg)
}

// format prints text once; it returns the output, the CST and the comments of text.
func format(filename string, text []byte) ([]byte, *grammar.File, []string, error) {
	f, err := grammar.Parse(filename, text)
	if err != nil {
		return nil, nil, nil, err
	}
	src, err := newSource(filename, text)
	if err != nil {
		return nil, nil, nil, err
	}
	p := &printer{src: src, safe: f.Safe, semiAt: -1}
	p.file(f)
	out := p.finish()
	if bytes.HasPrefix(text, []byte(bom)) {
		out = append([]byte(bom), out...) // kept: the file's encoding mark is not layout
	}
	comments := make([]string, len(src.comments))
	for i, c := range src.comments {
		comments[i] = c.text
	}
	return out, f, comments, nil
}
