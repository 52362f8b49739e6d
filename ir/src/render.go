package src

import (
	"sort"
	"strings"
)

// Rendering of diagnostics (language.md §15, extended the way rustc shows them):
//
//	file:3:9: error[E0302]: redefined identifier `x`
//	    var x = 2
//	        ^ redefined here
//	file:2:9: note: first defined here
//	    var x = 1
//	        -
//	    = help: rename one of them
//
// A span on one line is underlined `^~~~` (its first column is the caret); a span running past
// its line is underlined to the line's end. Colour (bold red errors, yellow warnings, cyan notes,
// green help) only when the caller says the output is a terminal without NO_COLOR.

// MaxErrors is how many errors are printed per file; the rest are counted in one closing line.
const MaxErrors = 10

const (
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiCyan   = "\x1b[1;36m"
	ansiGreen  = "\x1b[1;32m"
	ansiReset  = "\x1b[0m"
)

// Format renders every diagnostic without colour, in source order.
func (ds *Diagnostics) Format() string { return ds.Render(false) }

// Render renders every diagnostic in source order, at most MaxErrors errors per file, with
// colour when colour is set.
func (ds *Diagnostics) Render(colour bool) string {
	list := append([]Diagnostic(nil), ds.List...)
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i].Pos, list[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Offset < b.Offset
	})
	var sb strings.Builder
	errors := map[string]int{}
	for _, d := range list {
		if d.Severity == Error {
			errors[d.Pos.File]++
			if errors[d.Pos.File] == MaxErrors+1 {
				sb.WriteString(paint(colour, ansiRed, "error") + ": too many errors in " + d.Pos.File + " (10), stopping\n")
			}
			if errors[d.Pos.File] > MaxErrors {
				continue
			}
		}
		sb.WriteString(ds.render(d, colour))
	}
	return sb.String()
}

// FormatOne renders one diagnostic without colour.
func (ds *Diagnostics) FormatOne(d Diagnostic) string { return ds.render(d, false) }

func (ds *Diagnostics) render(d Diagnostic, colour bool) string {
	var sb strings.Builder
	sev := d.Severity.String()
	if d.Code != "" {
		sev += "[" + d.Code + "]"
	}
	sevColour := map[Severity]string{Error: ansiRed, Warning: ansiYellow, Note: ansiCyan}[d.Severity]
	sb.WriteString(paint(colour, ansiBold, d.Pos.String()+":") + " " + paint(colour, sevColour, sev) + ": " + paint(colour, ansiBold, d.Msg) + "\n")
	ds.snippet(&sb, Span{d.Pos, d.End}, '^', d.Label, colour, sevColour)
	for _, n := range d.Notes {
		sb.WriteString(paint(colour, ansiBold, n.Span.Pos.String()+":") + " " + paint(colour, ansiCyan, "note") + ": " + n.Text + "\n")
		ds.snippet(&sb, n.Span, '-', "", colour, ansiCyan)
	}
	for _, h := range d.Help {
		sb.WriteString("    = " + paint(colour, ansiGreen, "help") + ": " + h + "\n")
	}
	return sb.String()
}

// snippet writes the source line of sp and its underline: mark at the first column, `~` (or
// mark again for a secondary `-`) across the rest of the span, then the label.
func (ds *Diagnostics) snippet(sb *strings.Builder, sp Span, mark byte, label string, colour bool, c string) {
	f := ds.Files[sp.Pos.File]
	if f == nil || !sp.Pos.IsValid() {
		return
	}
	line := f.Line(sp.Pos.Line)
	sb.WriteString("    ")
	sb.WriteString(line)
	sb.WriteString("\n    ")
	// Keep tabs so the underline lines up under the column in a terminal.
	start := sp.Pos.Col - 1
	for i := 0; i < start && i < len(line); i++ {
		if line[i] == '\t' {
			sb.WriteByte('\t')
		} else {
			sb.WriteByte(' ')
		}
	}
	width := 1
	switch {
	case !sp.End.IsValid() || sp.End.Offset <= sp.Pos.Offset:
	case sp.End.Line == sp.Pos.Line:
		width = sp.End.Col - sp.Pos.Col
	default:
		width = max(1, len(line)-start)
	}
	rest := byte('~')
	if mark == '-' {
		rest = '-'
	}
	under := string(mark) + strings.Repeat(string(rest), width-1)
	if label != "" {
		under += " " + label
	}
	sb.WriteString(paint(colour, c, under))
	sb.WriteByte('\n')
}

func paint(on bool, colour, s string) string {
	if !on {
		return s
	}
	return colour + s + ansiReset
}
