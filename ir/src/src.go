// Package src holds source positions, spans, the file table and diagnostics.
//
// A diagnostic prints as
//
//	file:line:col: error[E0001]: message
//	    source line
//	    ^
//
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

// Diagnostic is one positioned message for the user.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Code     string // E0301: every code is documented in internal/diagcodes/catalogue.md
	Msg      string
}

func (d Diagnostic) Error() string {
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

// Format renders every diagnostic, in source order, with its source line and a caret.
func (ds *Diagnostics) Format() string {
	list := append([]Diagnostic(nil), ds.List...)
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i].Pos, list[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Offset < b.Offset
	})
	var sb strings.Builder
	for _, d := range list {
		sb.WriteString(ds.FormatOne(d))
	}
	return sb.String()
}

// FormatOne renders one diagnostic with its source line and caret.
func (ds *Diagnostics) FormatOne(d Diagnostic) string {
	var sb strings.Builder
	sb.WriteString(d.Error())
	sb.WriteByte('\n')
	if f := ds.Files[d.Pos.File]; f != nil && d.Pos.IsValid() {
		line := f.Line(d.Pos.Line)
		sb.WriteString("    ")
		sb.WriteString(line)
		sb.WriteString("\n    ")
		// Keep tabs so the caret lines up under the column in a terminal.
		for i := 0; i < d.Pos.Col-1 && i < len(line); i++ {
			if line[i] == '\t' {
				sb.WriteByte('\t')
			} else {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString("^\n")
	}
	return sb.String()
}

// UserError is returned by a pass that reported user diagnostics; the driver prints Diags.Format().
type UserError struct{ Diags *Diagnostics }

func (e *UserError) Error() string { return e.Diags.Format() }
