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
func isSafeFile(toks []lexer.Token) bool {
	return len(toks) > 0 && toks[0].Type == TokBuiltin && toks[0].Value == "@safe"
}

// markStructOpens retypes, in an `@safe` file, each "{" that opens a colon struct literal
// (`Point { x: 1, y }`, §4.13 rule 3) as TokStructOpen, so the grammar can tell it from a block.
//
// A "{" opens such a literal when it follows an uppercase name (or `Name(...)`), the next tokens
// are an identifier and one of `:` `,` `}`, and it is not part of a declaration head
// (`struct S {`, `impl S {`, `switch S {`, ...), a `fn` signature or a `for` header.
// Design decision: unlike the original, `for i in 0..N { total }` is not mis-parsed: the brace
// that ends a `for` header is always the loop body.
func markStructOpens(toks []lexer.Token) {
	var brackets []int // indices of open brackets
	var headers []int  // bracket depth at which a `fn`/`for` header started
	matchOf := map[int]int{}
	for i := range toks {
		t := toks[i]
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
			if !inHeader && len(headers) == 0 && opensColonLiteral(toks, i, matchOf) {
				toks[i].Type = TokStructOpen
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

func opensColonLiteral(toks []lexer.Token, i int, matchOf map[int]int) bool {
	if i+2 >= len(toks) || i == 0 || toks[i+1].Type != TokIdent {
		return false
	}
	if n := toks[i+2]; n.Type != TokPunct || (n.Value != ":" && n.Value != "," && n.Value != "}") {
		return false
	}
	name := i - 1
	if toks[name].Type == TokPunct && toks[name].Value == ")" {
		open, ok := matchOf[name]
		if !ok {
			return false
		}
		name = open - 1
	}
	if name < 0 || toks[name].Type != TokIdent || !isUpper(toks[name].Value[0]) {
		return false
	}
	if name > 0 && toks[name-1].Type == TokKeyword {
		switch toks[name-1].Value {
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
func markNewBrackets(toks []lexer.Token) {
	closeOf := map[int]int{}
	var open []int
	for i, t := range toks {
		if t.Type != TokPunct && t.Type != TokStructOpen {
			continue
		}
		switch t.Value {
		case "(", "[", "{":
			open = append(open, i)
		case ")", "]", "}":
			if n := len(open); n > 0 {
				closeOf[open[n-1]] = i
				open = open[:n-1]
			}
		}
	}
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Type != TokKeyword || toks[i].Value != "new" || (toks[i+1].Type != TokIdent && toks[i+1].Type != TokTypeKw) {
			continue
		}
		j := i + 2
		for groups := 0; groups < 2 && toks[j].Type == TokPunct && toks[j].Value == "("; groups++ {
			toks[j].Type = TokNewParen
			end, ok := closeOf[j]
			if !ok {
				return
			}
			j = end + 1
		}
		if t := toks[j]; t.Value == "{" && (t.Type == TokPunct || t.Type == TokStructOpen) {
			toks[j].Type = TokNewBrace
		}
	}
}
