package grammar

import "github.com/alecthomas/participle/v2/lexer"

// token is one token as the scanner makes it and the parser reads it: 20 bytes where a
// lexer.Token is 64, and free of pointers, so the garbage collector never scans the token slice
// (about one token for every 3.5 bytes of source). Its text is src[off:end] (tokenList.text).
type token struct {
	off, end  int32
	line, col int32 // 1-based, columns in bytes
	typ       int8  // a lexer.TokenType
	nest      uint8 // what a punctuation or keyword token does to the nesting (nestOpen...)
	cls       uint8 // the token's class for the expression rules (token_class.go)
}

// tokenList is a tokenised file.
type tokenList struct {
	file string
	text string
	toks []token
}

// tokView is what the parser reads of a token: its text and type.
type tokView struct {
	Value string
	Type  lexer.TokenType
}

func (l *tokenList) view(i int) tokView {
	t := &l.toks[i]
	return tokView{l.text[t.off:t.end], lexer.TokenType(t.typ)}
}

func (l *tokenList) value(i int) string { t := &l.toks[i]; return l.text[t.off:t.end] }

func (l *tokenList) typeOf(i int) lexer.TokenType { return lexer.TokenType(l.toks[i].typ) }

func (l *tokenList) retype(i int, t lexer.TokenType) { l.toks[i].typ = int8(t) }

// pos is the position of token i.
func (l *tokenList) pos(i int) lexer.Position {
	t := &l.toks[i]
	return lexer.Position{Filename: l.file, Offset: int(t.off), Line: int(t.line), Column: int(t.col)}
}

// endPos is the position just past token i.
func (l *tokenList) endPos(i int) lexer.Position {
	t := &l.toks[i]
	n := int(t.end - t.off)
	return lexer.Position{Filename: l.file, Offset: int(t.end), Line: int(t.line), Column: int(t.col) + n}
}

// lexToken is token i as participle's lexer.Token.
func (l *tokenList) lexToken(i int) lexer.Token {
	return lexer.Token{Type: l.typeOf(i), Value: l.value(i), Pos: l.pos(i)}
}

// expand returns every token as a lexer.Token (the exported Tokenize, participle in the
// reference build, and the diagnostics of a file that does not parse).
func (l *tokenList) expand() []lexer.Token {
	out := make([]lexer.Token, len(l.toks))
	for i := range l.toks {
		out[i] = l.lexToken(i)
	}
	return out
}
