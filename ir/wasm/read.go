package wasm

import (
	"fmt"
	"strconv"
	"strings"
)

// Read parses the WAT text that Print writes back into a Module: the flat, index-based form
// with folded constant expressions. It is not a general WAT parser (no folded instructions in
// bodies, no symbolic references, no inline exports or imports).
func Read(text string) (m *Module, err error) {
	toks, err := tokenize(text)
	if err != nil {
		return nil, err
	}
	r := &watReader{toks: toks, m: &Module{}}
	defer func() {
		if x := recover(); x != nil {
			f, ok := x.(watError)
			if !ok {
				panic(x)
			}
			m, err = nil, f
		}
	}()
	r.module()
	return r.m, nil
}

// watError is a reader failure at a line of the text.
type watError struct {
	line int
	msg  string
}

func (e watError) Error() string { return fmt.Sprintf("wat: line %d: %s", e.line, e.msg) }

type token struct {
	text string // "(", ")", an atom, or a string literal with its quotes
	line int
}

func tokenize(s string) ([]token, error) {
	var toks []token
	line := 1
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\n':
			line++
			i++
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case strings.HasPrefix(s[i:], ";;"):
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case strings.HasPrefix(s[i:], "(;"):
			end := strings.Index(s[i:], ";)")
			if end < 0 {
				return nil, watError{line, "unterminated block comment"}
			}
			line += strings.Count(s[i:i+end], "\n")
			i += end + 2
		case c == '(' || c == ')':
			toks = append(toks, token{string(c), line})
			i++
		case c == '"':
			j := i + 1
			for j < len(s) && s[j] != '"' {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(s) {
				return nil, watError{line, "unterminated string"}
			}
			toks = append(toks, token{s[i : j+1], line})
			i = j + 1
		default:
			j := i
			for j < len(s) && !strings.ContainsRune(" \t\r\n()\"", rune(s[j])) && !strings.HasPrefix(s[j:], ";;") {
				j++
			}
			toks = append(toks, token{s[i:j], line})
			i = j
		}
	}
	return toks, nil
}

type watReader struct {
	toks []token
	pos  int
	m    *Module
}

func (r *watReader) failf(format string, args ...any) {
	line := 0
	if r.pos < len(r.toks) {
		line = r.toks[r.pos].line
	} else if len(r.toks) > 0 {
		line = r.toks[len(r.toks)-1].line
	}
	panic(watError{line, fmt.Sprintf(format, args...)})
}

func (r *watReader) peek() string {
	if r.pos < len(r.toks) {
		return r.toks[r.pos].text
	}
	return ""
}

// peek2 returns the keyword after an opening parenthesis, or "".
func (r *watReader) peekForm() string {
	if r.peek() == "(" && r.pos+1 < len(r.toks) {
		return r.toks[r.pos+1].text
	}
	return ""
}

func (r *watReader) next() string {
	if r.pos >= len(r.toks) {
		r.failf("unexpected end of text")
	}
	r.pos++
	return r.toks[r.pos-1].text
}

func (r *watReader) expect(s string) {
	if got := r.next(); got != s {
		r.pos--
		r.failf("expected %q, found %q", s, got)
	}
}

func (r *watReader) open(keyword string) {
	r.expect("(")
	r.expect(keyword)
}

func (r *watReader) u32() uint32 {
	t := r.next()
	v, err := strconv.ParseUint(strings.ReplaceAll(t, "_", ""), 0, 32)
	if err != nil {
		r.pos--
		r.failf("expected an unsigned 32-bit integer, found %q", t)
	}
	return uint32(v)
}

// optID reads an optional $id.
func (r *watReader) optID() string {
	if strings.HasPrefix(r.peek(), "$") {
		return r.next()[1:]
	}
	return ""
}

func (r *watReader) str() []byte {
	t := r.next()
	if len(t) < 2 || t[0] != '"' {
		r.pos--
		r.failf("expected a string, found %q", t)
	}
	b, err := unquoteWAT(t[1 : len(t)-1])
	if err != nil {
		r.pos--
		r.failf("%v", err)
	}
	return b
}

func unquoteWAT(s string) ([]byte, error) {
	var out []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		if i >= len(s) {
			return nil, fmt.Errorf("bad escape at end of string")
		}
		switch s[i] {
		case 'n':
			out = append(out, '\n')
		case 't':
			out = append(out, '\t')
		case 'r':
			out = append(out, '\r')
		case '"', '\'', '\\':
			out = append(out, s[i])
		default:
			if i+1 >= len(s) {
				return nil, fmt.Errorf("bad escape \\%c", s[i])
			}
			v, err := strconv.ParseUint(s[i:i+2], 16, 8)
			if err != nil {
				return nil, fmt.Errorf("bad escape \\%s", s[i:i+2])
			}
			out = append(out, byte(v))
			i++
		}
	}
	return out, nil
}

func (r *watReader) valType() ValType {
	t := r.next()
	for _, v := range []ValType{I32, I64, F32, F64, FuncRef, ExternRef} {
		if v.String() == t {
			return v
		}
	}
	r.pos--
	r.failf("expected a value type, found %q", t)
	return 0
}

// valTypes reads (param t*)* or (result t*)* groups with the given keyword.
func (r *watReader) valTypes(keyword string) []ValType {
	var ts []ValType
	for r.peekForm() == keyword {
		r.open(keyword)
		for r.peek() != ")" {
			ts = append(ts, r.valType())
		}
		r.expect(")")
	}
	return ts
}

func (r *watReader) limits() Limits {
	l := Limits{Min: r.u32()}
	if t := r.peek(); t != "" && t[0] >= '0' && t[0] <= '9' {
		l.Max, l.HasMax = r.u32(), true
	}
	return l
}

func (r *watReader) globalType() GlobalType {
	if r.peekForm() == "mut" {
		r.open("mut")
		t := r.valType()
		r.expect(")")
		return GlobalType{Type: t, Mutable: true}
	}
	return GlobalType{Type: r.valType()}
}
