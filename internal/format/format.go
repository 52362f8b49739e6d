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
// itself; otherwise it returns an error rather than a changed program.
package format

import (
	"bytes"
	"fmt"

	"cot/grammar"
)

// Source formats one file. A file that does not parse gives the parser's *src.UserError.
func Source(filename string, text []byte) ([]byte, error) {
	out, f, err := format(filename, text)
	if err != nil {
		return nil, err
	}
	if err := verify(filename, text, f, out); err != nil {
		return nil, err
	}
	return out, nil
}

// InternalError is a formatter bug caught by its own checks: the input is left alone.
type InternalError struct {
	File string
	Msg  string
}

func (e *InternalError) Error() string {
	return fmt.Sprintf("internal error: cannot format %s: %s (please report this bug)", e.File, e.Msg)
}

func format(filename string, text []byte) ([]byte, *grammar.File, error) {
	f, err := grammar.Parse(filename, text)
	if err != nil {
		return nil, nil, err
	}
	src, err := newSource(filename, text)
	if err != nil {
		return nil, nil, err
	}
	p := &printer{src: src, safe: f.Safe, semiAt: -1}
	p.file(f)
	return p.finish(), f, nil
}

// verify checks that out means what text means, keeps its comments and is formatted.
func verify(filename string, text []byte, f *grammar.File, out []byte) error {
	bad := func(format string, args ...any) error {
		return &InternalError{File: filename, Msg: fmt.Sprintf(format, args...)}
	}
	again, f2, err := format(filename, out)
	if err != nil {
		return bad("the formatted text does not parse: %v", err)
	}
	if Canonical(f) != Canonical(f2) {
		return bad("the formatted text parses differently")
	}
	s1, _ := newSource(filename, text)
	s2, _ := newSource(filename, out)
	if len(s1.comments) != len(s2.comments) {
		return bad("%d comments became %d", len(s1.comments), len(s2.comments))
	}
	for i := range s1.comments {
		if s1.comments[i].text != s2.comments[i].text {
			return bad("comment %q became %q", s1.comments[i].text, s2.comments[i].text)
		}
	}
	if !bytes.Equal(again, out) {
		return bad("formatting the output again changes it")
	}
	return nil
}
