package format

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"cot/grammar"
)

// printer writes the formatted text. Line breaks, spaces and `;` are decided lazily: a
// construct asks for them, and they are written (or not) when the next token comes, so that
// comments can still be placed on the line they belong to.
type printer struct {
	src *source
	buf []byte

	indent     int
	pending    int  // line breaks asked for before the next token: 0, 1, or 2 (an empty line)
	blockStart bool // just after an opening brace: no empty line yet
	space      bool // a space before the next token
	next       int  // the first comment not yet printed

	// semiAt is where a `;` goes if the next token would otherwise continue the statement that
	// ended there (-1: no statement is open); semiBare marks a bare `return`, which any
	// following statement continues.
	semiAt    int
	semiBare  bool
	semiBrace bool // a `{` continues it: `new T` (its fields), or a name in an `@safe` file
	safe      bool // an `@safe` file

	trailing []int // buffer offsets of trailing `//` comments, aligned at the end

	lineCommentEnds bool // the current line ends with a `//` comment: nothing more goes on it
	hanging         bool // a trailing line comment broke the line: the next line, if it continues, is indented once more
	inlineComment   bool // the last thing printed is a block comment that starts a line code follows
}

// tok writes one token (or several that belong together), after the pending line breaks,
// space and `;`.
func (p *printer) tok(s string) {
	if s == "else" || s == "}" || s == ")" || s == "]" {
		p.hanging = false // `} // c` then `else`, or a closing bracket: no continuation
	}
	p.settleSemicolon(s)
	p.materialize()
	if p.space && s != ")" && s != "]" && s != "," || p.merges(s[0]) {
		p.buf = append(p.buf, ' ')
	}
	p.space = false
	p.buf = append(p.buf, s...)
	p.blockStart = false
	p.inlineComment = false
}

// merges reports whether the text so far and a token starting with b would lex differently if
// written without a space between them: two words, or two bytes of a two-byte operator (or of a
// comment opener). The `?` of `.?` is taken already: `x.?.f` stays as it is.
func (p *printer) merges(b byte) bool {
	n := len(p.buf)
	if n == 0 || n >= 2 && p.buf[n-2] == '.' && p.buf[n-1] == '?' {
		return false
	}
	a := p.buf[n-1]
	word := func(c byte) bool {
		return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	if word(a) && word(b) {
		return true
	}
	return strings.Contains(" << >> += -= *= /= %= &= |= ^= == != <= >= && || -> => ?? ?. .. .* .? // /* ", " "+string([]byte{a, b})+" ")
}

// sp asks for a space before the next token.
func (p *printer) sp() { p.space = true }

// br asks for n line breaks (2: with an empty line) before the next token.
func (p *printer) br(n int) {
	if n > p.pending {
		p.pending = n
	}
}

func (p *printer) materialize() {
	if p.pending == 0 {
		return
	}
	n := p.pending
	if p.blockStart || len(p.buf) == 0 {
		n = min(n, 1)
	}
	if len(p.buf) == 0 {
		n = 0
	}
	p.trimSpaces()
	for i := 0; i < n; i++ {
		p.buf = append(p.buf, '\n')
	}
	if n > 0 {
		indent := p.indent
		if p.hanging {
			indent++
		}
		p.buf = append(p.buf, strings.Repeat("    ", indent)...)
	}
	p.hanging = false
	p.pending = 0
	p.space = false
	p.lineCommentEnds = false
}

// trimSpaces removes spaces at the end of the buffer (never before a recorded position).
func (p *printer) trimSpaces() {
	for len(p.buf) > 0 && p.buf[len(p.buf)-1] == ' ' && len(p.buf) > p.semiAt {
		p.buf = p.buf[:len(p.buf)-1]
	}
}

// openStatement records that a statement that the next token could continue ends here: a bare
// `return` (bare), or one that ends with the expression last (nil after a type).
func (p *printer) openStatement(bare bool, last *grammar.Expr) {
	p.semiAt, p.semiBare = len(p.buf), bare
	p.semiBrace = p.safe || last != nil && endsWithBareNew(last)
}

// closeStatement forgets the open statement (a closing brace follows, or the file ends).
func (p *printer) closeStatement() { p.semiAt = -1 }

// settleSemicolon writes the `;` of the open statement if next would continue it: after a
// bare `return` any token but `}` and `else`; after an expression or a type a token that can
// continue one (a call, an index, a binary operator, an error union; a `{` in the cases of
// semiBrace).
func (p *printer) settleSemicolon(next string) {
	if p.semiAt < 0 {
		return
	}
	need := false
	switch {
	case next == ";": // the statement's own, printed by a one-line block
	case p.semiBare:
		need = next != "}" && next != "else"
	default:
		need = strings.IndexByte("([-&!.*", next[0]) >= 0 || next[0] == '{' && p.semiBrace
	}
	if need {
		at := p.semiAt
		p.buf = append(p.buf[:at], append([]byte{';'}, p.buf[at:]...)...)
		for i, t := range p.trailing {
			if t >= at {
				p.trailing[i]++
			}
		}
	}
	p.semiAt = -1
}

// at is called before printing the token that starts at source offset off: comments before it
// are printed first.
func (p *printer) at(off int) {
	for p.next < len(p.src.comments) && p.src.comments[p.next].start < off {
		p.comment(p.src.comments[p.next])
		p.next++
	}
}

// comment prints c: on the current line after the code when it followed code in the source,
// else on a line of its own (after an empty line if the source had one).
func (p *printer) comment(c comment) {
	lineEmpty := len(p.buf) == 0 || p.buf[len(p.buf)-1] == '\n'
	if c.ownLine || len(p.buf) == 0 || (lineEmpty && p.pending == 0) || p.lineCommentEnds {
		n := 1
		if c.blankBefore {
			n = 2
		}
		p.br(n)
		p.hanging = false // a comment on its own line is no continuation
		p.materialize()
	} else {
		// Trailing: stays on the line of the code before it.
		if last := p.buf[len(p.buf)-1]; c.line || last != '(' && last != '[' && last != ' ' {
			p.buf = append(p.buf, ' ')
		}
		if c.line {
			p.trailing = append(p.trailing, len(p.buf))
			// A line comment that breaks a line nothing else breaks (`var x = // c`): what
			// follows continues the line before, indented once more (materialize), unless it
			// is a new element (item) or a closing bracket (close).
			p.hanging = p.pending == 0
		}
	}
	p.space = false
	p.buf = append(p.buf, c.text...)
	p.blockStart = false
	p.lineCommentEnds = c.line
	p.inlineComment = false
	switch {
	case c.line:
		p.br(1)
	case c.newlineAfter:
		p.br(1)
	default:
		p.space = true
		p.inlineComment = c.ownLine
	}
}

// item starts a line-level element (declaration, statement, field, list element, arm) that
// begins at source offset off: its comments, then a line break, with an empty line if the source
// had one.
func (p *printer) item(off int) {
	p.at(off)
	p.hanging = false
	if p.inlineComment {
		return // `/* c */ x`: the element stays after the comment on its line
	}
	if p.src.blankBefore(off) {
		p.br(2)
	} else {
		p.br(1)
	}
}

// open writes an opening brace that starts an indented body.
func (p *printer) open(s string) {
	p.tok(s)
	p.indent++
	p.br(1)
	p.blockStart = true
}

// close ends an indented body with the closing bracket at source offset off: the body's last
// comments stay inside it.
func (p *printer) close(s string, off int) {
	p.at(off)
	p.hanging = false
	p.indent--
	p.closeStatement()
	p.pending = 1
	p.tok(s)
}

// finish prints the comments at the end of the file and returns the text, trailing comments
// aligned.
func (p *printer) finish() []byte {
	p.at(len(p.src.text) + 1)
	p.closeStatement()
	p.trimSpaces()
	if len(p.buf) > 0 {
		p.buf = append(p.buf, '\n')
	}
	return alignTrailing(p.buf, p.trailing)
}

// alignTrailing aligns the trailing `//` comments of consecutive lines (gofmt-style): a run is
// a sequence of adjacent lines that each end with a trailing comment and have the same
// indentation; each comment of a run starts one space after the longest code of the run.
func alignTrailing(buf []byte, at []int) []byte {
	if len(at) < 2 {
		return buf
	}
	type tc struct{ line, col, width, indent int }
	var cs []tc
	line, counted := 0, 0 // line is the number of line breaks in buf[:counted]
	for _, off := range at {
		line += bytes.Count(buf[counted:off], []byte("\n"))
		counted = off
		ls := bytes.LastIndexByte(buf[:off], '\n') + 1
		code := bytes.TrimRight(buf[ls:off], " ")
		indent := len(code) - len(bytes.TrimLeft(code, " "))
		cs = append(cs, tc{line, off, utf8.RuneCount(code), indent})
	}
	pad := make(map[int]int) // comment offset -> spaces to insert
	for i := 0; i < len(cs); {
		j := i + 1
		for j < len(cs) && cs[j].line == cs[j-1].line+1 && cs[j].indent == cs[i].indent {
			j++
		}
		width := 0
		for k := i; k < j; k++ {
			width = max(width, cs[k].width)
		}
		for k := i; k < j; k++ {
			pad[cs[k].col] = width - cs[k].width
		}
		i = j
	}
	var out []byte
	prev := 0
	for _, c := range cs {
		out = append(out, buf[prev:c.col]...)
		out = append(out, strings.Repeat(" ", pad[c.col])...)
		prev = c.col
	}
	return append(out, buf[prev:]...)
}

// span is the source extent of a list element.
type span struct{ pos, end int }

// list prints a bracketed, comma-separated list: on one line, or, when the source breaks a line
// between the brackets and the elements or between two elements, one element per line with a
// trailing comma. openEnd is the offset just past the opening bracket, closeAt the offset of the
// closing one; spaced puts spaces inside a one-line list (`{ a, b }`).
func (p *printer) list(open, close string, openEnd, closeAt int, spans []span, elem func(i int), spaced bool) {
	n := len(spans)
	if n == 0 {
		p.tok(open)
		p.at(closeAt)
		p.tok(close)
		return
	}
	if !p.multiLine(openEnd, closeAt, spans) {
		p.tok(open)
		if spaced {
			p.sp()
		}
		for i, s := range spans {
			if i > 0 {
				p.tok(",")
				p.sp()
			}
			p.at(s.pos)
			elem(i)
		}
		p.at(closeAt)
		if spaced {
			p.sp()
		}
		p.tok(close)
		return
	}
	p.open(open)
	for i, s := range spans {
		p.item(s.pos)
		elem(i)
		p.tok(",")
	}
	p.close(close, closeAt)
}

// multiLine reports whether the source breaks a line between a list's brackets and its
// elements or between two of its elements (not inside an element).
func (p *printer) multiLine(openEnd, closeAt int, spans []span) bool {
	n := len(spans)
	if p.src.newline(openEnd, spans[0].pos) || p.src.newline(spans[n-1].end, closeAt) {
		return true
	}
	for i := 1; i < n; i++ {
		if p.src.newline(spans[i-1].end, spans[i].pos) {
			return true
		}
	}
	return false
}

// endsWithBareNew reports whether e ends with `new T` or `new T(...)` without braces, which a
// following `{` would give fields.
func endsWithBareNew(e *grammar.Expr) bool {
	var u *grammar.UnaryExpr
	switch {
	case len(e.Rest) > 0:
		return endsWithBareNew(&grammar.Expr{Left: e.Rest[len(e.Rest)-1].Right})
	case len(e.Left.Rest) > 0:
		return endsWithBareNew(&grammar.Expr{Left: &grammar.OrExpr{Left: e.Left.Rest[len(e.Left.Rest)-1].Right}})
	}
	a := e.Left.Left
	if n := len(a.Rest); n > 0 {
		a = &grammar.AndExpr{Left: a.Rest[n-1].Right}
	}
	c := a.Left
	if n := len(c.Rest); n > 0 {
		c = &grammar.CmpExpr{Left: c.Rest[n-1].Right}
	}
	ad := c.Left
	if n := len(ad.Rest); n > 0 {
		ad = &grammar.AddExpr{Left: ad.Rest[n-1].Right}
	}
	m := ad.Left
	if n := len(m.Rest); n > 0 {
		u = m.Rest[n-1].Right
	} else {
		u = m.Left
	}
	pf := u.Operand
	return len(pf.Suffixes) == 0 && pf.Primary.New != nil && !pf.Primary.New.Braces
}
