package grammar

// The lexer is hand-written (a participle lexer.Definition), not participle's stateful lexer:
// string interpolation needs a mode stack ("${" may contain braces and whole strings, themselves
// interpolated), and every lexical error must carry its own diagnostic code and exact position.
// The whole file is tokenised up front; the token slice is then handed to participle.

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
)

// Token types. Keywords and punctuation are matched by value in the grammar ("fn", "+=");
// these types only separate the classes.
const (
	TokIdent      lexer.TokenType = -(iota + 2) // foo, _x, Self
	TokKeyword                                  // fn, var, if, ... (§1.3, minus the type keywords)
	TokTypeKw                                   // i64, bool, string, ... (type keywords, §1.3)
	TokInt                                      // 123, 0x1F, 0o17, 0b101, 1_000
	TokFloat                                    // 1.5, 1., 1e9, 2.5E-3
	TokChar                                     // 'x', '\n'   (value keeps the quotes)
	TokString                                   // "text"      (value keeps the quotes)
	TokStrHead                                  // "text${     first segment of an interpolated string
	TokStrMid                                   // }text${     middle segment
	TokStrTail                                  // }text"      last segment
	TokBuiltin                                  // @name       (value keeps the @)
	TokPunct                                    // operators and punctuation (§1.5)
	TokStructOpen                               // "{" opening a safe-mode colon struct literal (§4.13)
	TokNewParen                                 // "(" right after `new T` or `new T(...)`
	TokNewBrace                                 // "{" right after `new T`, `new T(...)` or `new T(...)(...)`
	TokStrEnd                                   // zero-width end of an interpolated string, right after its StrTail
)

var tokenNames = map[string]lexer.TokenType{
	"EOF":        lexer.EOF,
	"Ident":      TokIdent,
	"Keyword":    TokKeyword,
	"TypeKw":     TokTypeKw,
	"Int":        TokInt,
	"Float":      TokFloat,
	"Char":       TokChar,
	"String":     TokString,
	"StrHead":    TokStrHead,
	"StrMid":     TokStrMid,
	"StrTail":    TokStrTail,
	"Builtin":    TokBuiltin,
	"Punct":      TokPunct,
	"StructOpen": TokStructOpen,
	"NewParen":   TokNewParen,
	"NewBrace":   TokNewBrace,
	"StrEnd":     TokStrEnd,
}

// Two-byte punctuation is tried before single bytes (longest match): << >> += -= *= /= %= &=
// |= ^= == != <= >= && || -> => ?? ?. .. .* .?
func isPunct2(a, b byte) bool {
	switch b {
	case '=':
		return strings.IndexByte("+-*/%&|^=!<>", a) >= 0
	case '<', '&', '|':
		return a == b
	case '>':
		return a == '>' || a == '-' || a == '='
	case '?':
		return a == '?' || a == '.'
	case '.':
		return a == '.' || a == '?'
	case '*':
		return a == '.'
	}
	return false
}

const puncts1 = "+-*/%&|^~!=<>?.()[]{},;:"

// lexError is a lexical error with its diagnostic code.
type lexError struct {
	pos  lexer.Position
	code string
	msg  string
}

func (e *lexError) Error() string { return fmt.Sprintf("%s: %s", e.pos, e.msg) }

// Definition is the participle lexer definition for Cot.
type Definition struct{}

var _ lexer.Definition = Definition{}
var _ lexer.BytesDefinition = Definition{}

// Symbols implements lexer.Definition.
func (Definition) Symbols() map[string]lexer.TokenType { return tokenNames }

// Lex implements lexer.Definition.
func (d Definition) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return d.LexBytes(filename, src)
}

// LexBytes implements lexer.BytesDefinition.
func (Definition) LexBytes(filename string, src []byte) (lexer.Lexer, error) {
	toks, err := Tokenize(filename, src)
	if err != nil {
		return nil, err
	}
	return &sliceLexer{toks: toks}, nil
}

type sliceLexer struct {
	toks []lexer.Token
	i    int
}

func (l *sliceLexer) Next() (lexer.Token, error) {
	t := l.toks[l.i]
	if l.i < len(l.toks)-1 {
		l.i++
	}
	return t, nil
}

// scanner state. modes is a stack: each entry is an open "${" and counts the "{" opened inside it.
// Token values are substrings of text (one copy of the source), so a token allocates nothing.
type scanner struct {
	file      string
	src       []byte
	text      string
	off       int
	line      int
	lineStart int // offset of the first byte of the current line
	toks      []token
	modes     []int
	sawNew    bool // a `new` keyword was seen (markNewBrackets)
}

// bom is the UTF-8 byte-order mark; the lexer skips it at the start of a file.
const bom = "\xEF\xBB\xBF"

// Tokenize splits src into tokens, ending with EOF. Comments and whitespace are dropped, and so
// is a UTF-8 byte-order mark at the start (offsets still count its bytes).
func Tokenize(filename string, src []byte) ([]lexer.Token, error) {
	l, err := tokenize(filename, src, false)
	if err != nil {
		return nil, err
	}
	return l.expand(), nil
}

// maxSource is the largest file the lexer takes: token offsets are 32-bit.
const maxSource = 1<<31 - 1

// tokenize is Tokenize; safe puts the file in safe mode without the `@safe` header (lexer_safe.go).
func tokenize(filename string, src []byte, safe bool) (*tokenList, error) {
	if len(src) > maxSource {
		return nil, &lexError{code: "E0100", msg: "file too large: more than 2 GiB"}
	}
	s := &scanner{file: filename, src: src, text: string(src), line: 1}
	s.toks = make([]token, 0, len(src)/3+16) // Cot averages 3.4-3.6 bytes a token
	if bytes.HasPrefix(src, []byte(bom)) {
		s.off = len(bom)
	}
	if err := s.run(); err != nil {
		return nil, err
	}
	s.emit(lexer.EOF, s.pos())
	l := &tokenList{file: filename, text: s.text, toks: s.toks}
	if safe || isSafeFile(l) {
		markStructOpens(l)
	}
	if s.sawNew {
		markNewBrackets(l)
	}
	return l, nil
}

func (s *scanner) pos() lexer.Position {
	return lexer.Position{Filename: s.file, Offset: s.off, Line: s.line, Column: s.off - s.lineStart + 1}
}

func (s *scanner) peek(k int) byte {
	if s.off+k < len(s.src) {
		return s.src[s.off+k]
	}
	return 0
}

// advance moves over n bytes of one line (tokens never span lines; skipSpace counts newlines).
func (s *scanner) advance(n int) { s.off = min(s.off+n, len(s.src)) }

// newlines accounts for the newlines in src[from:s.off].
func (s *scanner) newlines(from int) {
	for i := from; i < s.off; i++ {
		if s.src[i] == '\n' {
			s.line++
			s.lineStart = i + 1
		}
	}
}

func (s *scanner) errAt(p lexer.Position, code, format string, args ...any) error {
	return &lexError{pos: p, code: code, msg: fmt.Sprintf(format, args...)}
}

func (s *scanner) emit(t lexer.TokenType, start lexer.Position) {
	var cls uint8
	switch t {
	case TokIdent, TokTypeKw, TokInt, TokFloat, TokChar, TokString, TokStrHead, TokBuiltin:
		cls = clsPrimary // whatever the text (classOf)
	}
	s.toks = append(s.toks, token{off: int32(start.Offset), end: int32(s.off), line: int32(start.Line),
		col: int32(start.Column), typ: int8(t), cls: cls})
}

func (s *scanner) emitPunct(start lexer.Position) {
	s.emit(TokPunct, start)
	t := &s.toks[len(s.toks)-1]
	if s.off-start.Offset == 1 {
		t.nest, t.cls = punctNest[s.src[start.Offset]], punctClass[s.src[start.Offset]]
		return
	}
	v := s.text[start.Offset:s.off]
	if v == "->" || v == "??" {
		t.nest = nestGrow
	}
	t.cls = classOf(TokPunct, v)
}

// punctNest is the nest bits of each one-byte punctuation token.
var punctNest = func() (t [256]uint8) {
	for i := range len(puncts1) {
		t[puncts1[i]] = nestOf(puncts1[i : i+1])
	}
	return t
}()

// last is the token emitted last.
func (s *scanner) last() tokView {
	t := s.toks[len(s.toks)-1]
	return tokView{s.text[t.off:t.end], lexer.TokenType(t.typ)}
}

func isIdentStart(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool      { return c >= '0' && c <= '9' }
func isIdentChar(c byte) bool  { return isIdentStart(c) || isDigit(c) }

func (s *scanner) run() error {
	for {
		if err := s.skipSpace(); err != nil {
			return err
		}
		if s.off >= len(s.src) {
			if len(s.modes) > 0 {
				return s.errAt(s.pos(), "E0101", "unterminated string interpolation: missing `}` before end of file")
			}
			return nil
		}
		start := s.pos()
		c := s.src[s.off]
		switch {
		case isIdentStart(c):
			for s.off < len(s.src) && isIdentChar(s.src[s.off]) {
				s.off++
			}
			w := wordType(s.text[start.Offset:s.off])
			s.emit(w.typ, start)
			t := &s.toks[len(s.toks)-1]
			t.nest, t.cls = w.nest, w.cls
			s.sawNew = s.sawNew || w.word == "new"
		case isDigit(c):
			if err := s.number(start); err != nil {
				return err
			}
		case c == '"':
			s.advance(1)
			if err := s.stringBody(start, TokString, TokStrHead); err != nil {
				return err
			}
		case c == '\'':
			if err := s.char(start); err != nil {
				return err
			}
		case c == '@':
			s.advance(1)
			if !isIdentStart(s.peek(0)) {
				return s.errAt(start, "E0104", "expected a builtin name after `@`")
			}
			for s.off < len(s.src) && isIdentChar(s.src[s.off]) {
				s.advance(1)
			}
			name := s.text[start.Offset+1 : s.off]
			_, private := RuntimeBuiltins[name]
			if _, ok := Builtins[name]; !ok && !private && !(name == "safe" && len(s.toks) == 0) {
				return s.errAt(start, "E0107", "unknown builtin `@%s`", name)
			}
			s.emit(TokBuiltin, start)
		default:
			if err := s.punct(start); err != nil {
				return err
			}
		}
	}
}

// skipSpace skips whitespace and comments (§1.2; block comments do not nest).
func (s *scanner) skipSpace() error {
	for s.off < len(s.src) {
		c := s.src[s.off]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			s.off++
		case c == '\n':
			s.off++
			s.line++
			s.lineStart = s.off
		case c == '/' && s.peek(1) == '/':
			if end := bytes.IndexByte(s.src[s.off:], '\n'); end >= 0 {
				s.off += end
			} else {
				s.off = len(s.src)
			}
		case c == '/' && s.peek(1) == '*':
			start := s.pos()
			end := bytes.Index(s.src[s.off+2:], []byte("*/"))
			if end < 0 {
				return s.errAt(start, "E0105", "unterminated block comment: missing `*/`")
			}
			s.advance(end + 4)
			s.newlines(start.Offset)
		default:
			return nil
		}
	}
	return nil
}

func (s *scanner) punct(start lexer.Position) error {
	c := s.src[s.off]
	if len(s.modes) > 0 && (c == '{' || c == '}') {
		top := &s.modes[len(s.modes)-1]
		if c == '{' {
			*top++
		} else if *top == 0 {
			// End of an interpolated expression: resume the string.
			s.modes = s.modes[:len(s.modes)-1]
			s.advance(1)
			return s.stringBody(start, TokStrTail, TokStrMid)
		} else {
			*top--
		}
	}
	if s.off+1 < len(s.src) && isPunct2(c, s.src[s.off+1]) {
		s.advance(2)
		s.emitPunct(start)
		return nil
	}
	if strings.IndexByte(puncts1, c) >= 0 {
		s.advance(1)
		s.emitPunct(start)
		return nil
	}
	return s.errAt(start, "E0104", "unexpected character %s", describeByte(c))
}

func describeByte(c byte) string {
	if c > ' ' && c < 0x7f {
		return fmt.Sprintf("`%c`", c)
	}
	return fmt.Sprintf("0x%02X", c)
}

// stringBody scans string text after its opening delimiter up to the closing quote (emitting
// endType) or up to "${" (emitting interpType and entering an interpolated expression).
func (s *scanner) stringBody(start lexer.Position, endType, interpType lexer.TokenType) error {
	for {
		if s.off >= len(s.src) || s.src[s.off] == '\n' {
			return s.errAt(start, "E0101", "unterminated string literal: missing closing `\"`")
		}
		switch c := s.src[s.off]; {
		case c == '"':
			s.advance(1)
			s.emit(endType, start)
			if endType == TokStrTail {
				// The grammar's parts loop stops here: without this token an expression after
				// the string (`"${a}"` newline `x = 1`) would be read as one more part.
				s.emit(TokStrEnd, s.pos())
			}
			return nil
		case c == '$' && s.peek(1) == '{':
			s.advance(2)
			s.emit(interpType, start)
			s.modes = append(s.modes, 0)
			return nil
		case c == '\\':
			if err := s.escape(); err != nil {
				return err
			}
		default:
			s.advance(1)
		}
	}
}
