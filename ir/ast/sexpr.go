package ast

import (
	"fmt"
	"strconv"
	"strings"
)

// sx is one S-expression: an atom (symbol or quoted string) or a list. Statement and declaration
// lists set stmt so the renderer puts their statement children on lines of their own.
type sx struct {
	atom   string
	quoted bool
	list   []*sx
	isList bool
	stmt   bool
	// ann is the composite type annotating an atom that ends in ':' (x#3:(ptr i64)); atom types
	// stay inside the atom's text (x#3:i64).
	ann *sx
}

func atom(s string) *sx         { return &sx{atom: s} }
func quoted(s string) *sx       { return &sx{atom: s, quoted: true} }
func list(items ...*sx) *sx     { return &sx{list: items, isList: true} }
func stmtList(items ...*sx) *sx { return &sx{list: items, isList: true, stmt: true} }

func (s *sx) render(sb *strings.Builder, indent int) {
	if !s.isList {
		if s.quoted {
			sb.WriteString(strconv.Quote(s.atom))
		} else {
			sb.WriteString(s.atom)
		}
		if s.ann != nil {
			s.ann.render(sb, indent)
		}
		return
	}
	sb.WriteByte('(')
	for i, c := range s.list {
		if c.isList && c.stmt && s.stmt {
			sb.WriteByte('\n')
			sb.WriteString(strings.Repeat("  ", indent+1))
			c.render(sb, indent+1)
			continue
		}
		if i > 0 {
			sb.WriteByte(' ')
		}
		c.render(sb, indent)
	}
	sb.WriteByte(')')
}

// parseSx reads every S-expression of text.
func parseSx(text string) ([]*sx, error) {
	p := &sxParser{text: text}
	var out []*sx
	for {
		p.skip()
		if p.pos >= len(p.text) {
			return out, nil
		}
		s, err := p.next()
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
}

type sxParser struct {
	text string
	pos  int
}

// skip passes whitespace and ;-comments (dumps start with a ";; after P" line).
func (p *sxParser) skip() {
	for p.pos < len(p.text) {
		c := p.text[p.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			p.pos++
		case c == ';':
			for p.pos < len(p.text) && p.text[p.pos] != '\n' {
				p.pos++
			}
		default:
			return
		}
	}
}

func (p *sxParser) errorf(format string, args ...any) error {
	line := 1 + strings.Count(p.text[:p.pos], "\n")
	return fmt.Errorf("ast text line %d: %s", line, fmt.Sprintf(format, args...))
}

func (p *sxParser) next() (*sx, error) {
	p.skip()
	if p.pos >= len(p.text) {
		return nil, p.errorf("unexpected end of text")
	}
	switch c := p.text[p.pos]; c {
	case '(':
		p.pos++
		l := list()
		for {
			p.skip()
			if p.pos >= len(p.text) {
				return nil, p.errorf("missing )")
			}
			if p.text[p.pos] == ')' {
				p.pos++
				return l, nil
			}
			item, err := p.next()
			if err != nil {
				return nil, err
			}
			l.list = append(l.list, item)
		}
	case ')':
		return nil, p.errorf("unexpected )")
	case '"':
		start := p.pos
		p.pos++
		for p.pos < len(p.text) && p.text[p.pos] != '"' {
			if p.text[p.pos] == '\\' {
				p.pos++
			}
			p.pos++
		}
		if p.pos >= len(p.text) {
			return nil, p.errorf("unterminated string")
		}
		p.pos++
		s, err := strconv.Unquote(p.text[start:p.pos])
		if err != nil {
			return nil, p.errorf("bad string %s: %v", p.text[start:p.pos], err)
		}
		return quoted(s), nil
	}
	start := p.pos
	for p.pos < len(p.text) && !strings.ContainsRune(" \t\r\n()\";", rune(p.text[p.pos])) {
		p.pos++
	}
	a := atom(p.text[start:p.pos])
	if strings.HasSuffix(a.atom, ":") && p.pos < len(p.text) && p.text[p.pos] == '(' {
		ann, err := p.next()
		if err != nil {
			return nil, err
		}
		a.ann = ann
	}
	return a, nil
}
