package grammar

import (
	"cot/ir/src"

	"github.com/alecthomas/participle/v2/lexer"
)

// ParseEachSafe is ParseEach for a file in safe mode whether or not it starts with `@safe`: a
// project whose cot.json says `"safe": true` (§1.6).
func ParseEachSafe(filename string, text []byte, each func(safe bool, d *Decl)) error {
	var first lexer.Position
	return parseEach(filename, text, each, &first, true, true, src.MaxErrors)
}

// isSafeFile reports whether the file starts with the `@safe` header (§1.6).
func isSafeFile(l *tokenList) bool {
	return len(l.toks) > 0 && l.typeOf(0) == TokBuiltin && l.value(0) == "@safe"
}

// markStructOpens retypes, in an `@safe` file, each "{" that opens a colon struct literal
// (`Point { x: 1, y }`, §4.13 rule 3) as TokStructOpen, so the grammar can tell it from a block.
//
// A "{" opens such a literal when it follows an uppercase name (or `Name(...)`), the next tokens
// are an identifier and one of `:` `,` `}`, and it is not part of a declaration head
// (`struct S {`, `impl S {`, `switch S {`, ...), a `fn` signature or a `for` header.
// Design decision: unlike the original, `for i in 0..N { total }` is not mis-parsed: the brace
// that ends a `for` header is always the loop body.
func markStructOpens(l *tokenList) {
	var brackets []int // indices of open brackets
	var headers []int  // bracket depth at which a `fn`/`for` header started
	matchOf := map[int]int{}
	for i := range l.toks {
		t := l.view(i)
		switch {
		case t.Type == TokKeyword && (t.Value == "fn" || t.Value == "for"):
			headers = append(headers, len(brackets))
		case t.Type == TokPunct && (t.Value == ";" || t.Value == "=" || t.Value == ","):
			if n := len(headers); n > 0 && headers[n-1] == len(brackets) {
				headers = headers[:n-1]
			}
		case t.Type == TokPunct && t.Value == "{":
			inHeader := false
			if n := len(headers); n > 0 && headers[n-1] == len(brackets) {
				headers = headers[:n-1]
				inHeader = true
			}
			if !inHeader && len(headers) == 0 && opensColonLiteral(l, i, matchOf) {
				l.retype(i, TokStructOpen)
			}
			brackets = append(brackets, i)
		case t.Type == TokPunct && (t.Value == "(" || t.Value == "[") || t.Type == TokStrHead:
			brackets = append(brackets, i)
		case t.Type == TokPunct && (t.Value == ")" || t.Value == "]" || t.Value == "}") || t.Type == TokStrTail:
			if n := len(brackets); n > 0 {
				matchOf[i] = brackets[n-1]
				brackets = brackets[:n-1]
			}
			for n := len(headers); n > 0 && headers[n-1] > len(brackets); n = len(headers) {
				headers = headers[:n-1]
			}
		}
	}
}

func opensColonLiteral(l *tokenList, i int, matchOf map[int]int) bool {
	if i+2 >= len(l.toks) || i == 0 || l.typeOf(i+1) != TokIdent {
		return false
	}
	if n := l.view(i + 2); n.Type != TokPunct || (n.Value != ":" && n.Value != "," && n.Value != "}") {
		return false
	}
	name := i - 1
	if l.typeOf(name) == TokPunct && l.value(name) == ")" {
		open, ok := matchOf[name]
		if !ok {
			return false
		}
		name = open - 1
	}
	if name < 0 || l.typeOf(name) != TokIdent || !isUpper(l.value(name)[0]) {
		return false
	}
	if name > 0 && l.typeOf(name-1) == TokKeyword {
		switch l.value(name - 1) {
		case "struct", "union", "enum", "impl", "trait", "switch", "type", "for":
			return false
		}
	}
	return true
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// markNewBrackets retypes the brackets that belong to a `new` expression (§6.10, §4.13): up to
// two `(` groups right after `new T`, then a `{`. The parser then never re-reads them as a call
// or struct-literal suffix after a failed `new`, which would cost exponential time on broken,
// nested input.
func markNewBrackets(l *tokenList) {
	var partner []int32 // the closing bracket of each opening one, made at the first `new`
	for i := 0; i+2 < len(l.toks); i++ {
		if l.typeOf(i) != TokKeyword || l.value(i) != "new" || (l.typeOf(i+1) != TokIdent && l.typeOf(i+1) != TokTypeKw) {
			continue
		}
		if partner == nil {
			partner = closingBrackets(l)
		}
		j := i + 2
		for groups := 0; groups < 2 && l.typeOf(j) == TokPunct && l.value(j) == "("; groups++ {
			l.retype(j, TokNewParen)
			end := partner[j]
			if end < 0 {
				return
			}
			j = int(end) + 1
		}
		if t := l.view(j); t.Value == "{" && (t.Type == TokPunct || t.Type == TokStructOpen) {
			l.retype(j, TokNewBrace)
		}
	}
}

// closingBrackets maps the index of each ( [ { (punctuation or a safe-mode struct brace) to the
// index of the bracket that closes it, -1 for one left open.
func closingBrackets(l *tokenList) []int32 {
	partner := make([]int32, len(l.toks))
	var open []int32
	for i := range l.toks {
		partner[i] = -1
		if t := l.typeOf(i); t != TokPunct && t != TokStructOpen {
			continue
		}
		switch l.value(i) {
		case "(", "[", "{":
			open = append(open, int32(i))
		case ")", "]", "}":
			if n := len(open); n > 0 {
				partner[open[n-1]] = int32(i)
				open = open[:n-1]
			}
		}
	}
	return partner
}
