// Package src holds source positions, spans, the file table and diagnostics.
//
// A diagnostic prints as
//
//	file:line:col: error[E0301]: message
//	    source line
//	    ^~~~ label
//
// with notes and help lines after it (render.go).
// Every user-facing error of cot goes through this package so its shape never varies.
package src

import (
	"fmt"
	"sort"
	"strings"
)

// File is one source file: its name and bytes.
type File struct {
	Name string
	Text []byte
	// lineStarts[i] is the byte offset of line i+1.
	lineStarts []int
}

// NewFile registers the text of a source file.
func NewFile(name string, text []byte) *File {
	f := &File{Name: name, Text: text}
	f.lineStarts = append(f.lineStarts, 0)
	for i, c := range text {
		if c == '\n' {
			f.lineStarts = append(f.lineStarts, i+1)
		}
	}
	return f
}

// Pos is a position in a file: 1-based line and column (column counts bytes), and the byte offset.
type Pos struct {
	File   string
	Offset int
	Line   int
	Col    int
}

// IsValid reports whether the position was set.
func (p Pos) IsValid() bool { return p.Line > 0 }

func (p Pos) String() string {
	if !p.IsValid() {
		return p.File + ":?"
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Span is a half-open range [Pos, End).
type Span struct {
	Pos, End Pos
}

// PosAt returns the position of byte offset off in f.
func (f *File) PosAt(off int) Pos {
	if off < 0 {
		off = 0
	}
	if off > len(f.Text) {
		off = len(f.Text)
	}
	i := sort.Search(len(f.lineStarts), func(i int) bool { return f.lineStarts[i] > off }) - 1
	return Pos{File: f.Name, Offset: off, Line: i + 1, Col: off - f.lineStarts[i] + 1}
}

// Line returns the text of 1-based line n without its newline.
func (f *File) Line(n int) string {
	if n < 1 || n > len(f.lineStarts) {
		return ""
	}
	start := f.lineStarts[n-1]
	end := len(f.Text)
	if n < len(f.lineStarts) {
		end = f.lineStarts[n] - 1
	}
	return strings.TrimRight(string(f.Text[start:end]), "\r")
}

// Severity of a diagnostic.
type Severity int

const (
	Error Severity = iota
	Warning
	Note
)

func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Note:
		return "note"
	}
	return "error"
}

// Diagnostic is one positioned message for the user. Pos alone gives a caret; with End (on the
// same line) the whole span is underlined. Label is printed after the underline, Notes point at
// other places (`first defined here`), Help lines suggest a fix (`did you mean `count`?`).
type Diagnostic struct {
	Pos      Pos
	End      Pos // exclusive; zero when the diagnostic has only a position
	Severity Severity
	Code     string // E0301: every code is documented in internal/diagcodes/catalogue.md
	Msg      string
	Label    string
	Notes    []Related
	Help     []string
}

// Related is a secondary label: another place the diagnostic is about.
type Related struct {
	Span Span
	Text string
}

func (d Diagnostic) Error() string {
	if d.Code == "" {
		return fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, d.Msg)
	}
	return fmt.Sprintf("%s: %s[%s]: %s", d.Pos, d.Severity, d.Code, d.Msg)
}

// Diagnostics collects diagnostics across the files of one compilation.
type Diagnostics struct {
	Files map[string]*File
	List  []Diagnostic
}

// AddFile registers f so diagnostics in it can print their source line.
func (ds *Diagnostics) AddFile(f *File) {
	if ds.Files == nil {
		ds.Files = map[string]*File{}
	}
	ds.Files[f.Name] = f
}

// Report records a diagnostic built by the caller (spans, labels, notes, help).
func (ds *Diagnostics) Report(d Diagnostic) {
	ds.List = append(ds.List, d)
}

// Errorf records an error at pos.
func (ds *Diagnostics) Errorf(pos Pos, code, format string, args ...any) {
	ds.List = append(ds.List, Diagnostic{Pos: pos, Severity: Error, Code: code, Msg: fmt.Sprintf(format, args...)})
}

// HasErrors reports whether any error was recorded.
func (ds *Diagnostics) HasErrors() bool {
	for _, d := range ds.List {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// UserError is returned by a pass that reported user diagnostics; the driver prints Diags.Format().
type UserError struct{ Diags *Diagnostics }

func (e *UserError) Error() string { return e.Diags.Format() }
