package grammar

// Literal scanning (§1.4): escapes, character literals and numbers.

import "github.com/alecthomas/participle/v2/lexer"

// escape checks one backslash escape (§1.4): any character may follow; \x needs two hex digits.
func (s *scanner) escape() error {
	p := s.pos()
	s.advance(1)
	if s.off >= len(s.src) || s.src[s.off] == '\n' {
		return nil // reported as an unterminated literal by the caller
	}
	if s.src[s.off] == 'x' {
		if !isHex(s.peek(1)) || !isHex(s.peek(2)) {
			return s.errAt(p, "E0106", "invalid escape: `\\x` must be followed by exactly two hex digits")
		}
		s.advance(3)
		return nil
	}
	s.advance(1)
	return nil
}

func isHex(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// char scans 'x' or '\c' (§1.4): exactly one byte or one escape.
func (s *scanner) char(start lexer.Position) error {
	s.advance(1)
	switch c := s.peek(0); {
	case s.off >= len(s.src) || c == '\n':
		return s.errAt(start, "E0102", "unterminated character literal: missing closing `'`")
	case c == '\'':
		return s.errAt(start, "E0102", "empty character literal")
	case c == '\\':
		if err := s.escape(); err != nil {
			return err
		}
	default:
		s.advance(1)
	}
	if s.peek(0) != '\'' || s.off >= len(s.src) {
		return s.errAt(start, "E0102", "character literal must hold exactly one byte or escape, and end with `'`")
	}
	s.advance(1)
	s.emit(TokChar, start)
	return nil
}

// number scans integer and float literals (§1.4).
func (s *scanner) number(start lexer.Position) error {
	afterDot := len(s.toks) > 0 && s.last().Type == TokPunct && s.last().Value == "."
	digits := func(ok func(byte) bool) int {
		n := 0
		for s.off < len(s.src) && (ok(s.src[s.off]) || s.src[s.off] == '_') {
			if s.src[s.off] != '_' {
				n++
			}
			s.advance(1)
		}
		return n
	}
	typ := TokInt
	if s.src[s.off] == '0' && (s.peek(1)|0x20 == 'x' || s.peek(1)|0x20 == 'o' || s.peek(1)|0x20 == 'b') {
		base := s.peek(1) | 0x20
		s.advance(2)
		ok := isHex
		if base == 'o' {
			ok = func(c byte) bool { return c >= '0' && c <= '7' }
		} else if base == 'b' {
			ok = func(c byte) bool { return c == '0' || c == '1' }
		}
		if digits(ok) == 0 {
			return s.errAt(start, "E0103", "invalid number literal: no digits after `0%c`", base)
		}
	} else {
		digits(isDigit)
		// A tuple index (t.0.1) never takes a fraction; `0..10` is a range.
		if !afterDot && s.peek(0) == '.' && s.peek(1) != '.' && !isIdentStart(s.peek(1)) {
			typ = TokFloat
			s.advance(1)
			digits(isDigit)
		}
		if !afterDot && (s.peek(0) == 'e' || s.peek(0) == 'E') {
			typ = TokFloat
			s.advance(1)
			if s.peek(0) == '+' || s.peek(0) == '-' {
				s.advance(1)
			}
			if digits(isDigit) == 0 {
				return s.errAt(start, "E0103", "invalid number literal: exponent has no digits")
			}
		}
	}
	if s.off < len(s.src) && isIdentChar(s.src[s.off]) {
		end := s.off
		for end < len(s.src) && isIdentChar(s.src[end]) {
			end++
		}
		return s.errAt(start, "E0103", "invalid number literal `%s`", s.src[start.Offset:end])
	}
	s.emit(typ, start)
	return nil
}
