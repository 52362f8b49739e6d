//go:build !cotref

package grammar

// Participle reads only the declarations; every brace group a hand-compiled rule consumes
// (function bodies, closure bodies, struct literals, block expressions) is handed to it as its
// opening brace alone, so participle's token copy (lexer.Upgrade) is a fraction of the file. The
// hand-compiled rules work on the whole token slice and map positions both ways.
//
// A group may be collapsed only if participle never steps inside it: only StructDecl,
// EnumDecl, UnionDecl, ImplDecl, TraitDecl and a top-level ErrorSet match a '{' themselves, and
// their brace follows their head. collapsible errs on the side of keeping a group.

import (
	"sort"

	"github.com/alecthomas/participle/v2/lexer"
)

// collapse returns the tokens participle sees and, for each, its index in toks.
func collapse(toks []lexer.Token) ([]lexer.Token, []int32) {
	partner, ok := matchBrackets(toks)
	if !ok {
		return toks, nil // unbalanced brackets: a syntax error, no shortcut
	}
	out := make([]lexer.Token, 0, len(toks)/8+16)
	full := make([]int32, 0, cap(out))
	for i := 0; i < len(toks); i++ {
		out = append(out, toks[i])
		full = append(full, int32(i))
		if toks[i].Value == "{" && collapsible(toks, i, partner) {
			i = int(partner[i])
		}
	}
	return out, full
}

// matchBrackets pairs every ( [ { (and string interpolation) with its closer: partner[i] is the
// index of the other bracket of the pair. ok is false when they do not nest.
func matchBrackets(toks []lexer.Token) (partner []int32, ok bool) {
	partner = make([]int32, len(toks))
	var open []int32
	for i, t := range toks {
		switch {
		case t.Type == TokStrHead || t.Value == "(" || t.Value == "[" || t.Value == "{":
			open = append(open, int32(i))
		case t.Type == TokStrTail || t.Value == ")" || t.Value == "]" || t.Value == "}":
			if len(open) == 0 || !closes(toks[open[len(open)-1]], t) {
				return nil, false
			}
			partner[open[len(open)-1]] = int32(i)
			partner[i] = open[len(open)-1]
			open = open[:len(open)-1]
		}
	}
	return partner, len(open) == 0
}

func closes(open, close lexer.Token) bool {
	switch open.Value {
	case "(":
		return close.Value == ")"
	case "[":
		return close.Value == "]"
	case "{":
		return close.Value == "}"
	}
	return close.Type == TokStrTail
}

// collapsible reports whether the brace at i is surely consumed by a hand-compiled rule. It
// scans back over the declaration head at the same depth (skipping bracket groups): a
// struct/enum/union/impl/trait keyword, or `error` right before the brace, means participle's
// own brace; reaching `=`, a `fn` that is not part of a type, `test`/`bench` or another
// declaration keyword first means an expression, a body or a block. A head longer than
// maxHeadScan tokens keeps its group.
func collapsible(toks []lexer.Token, i int, partner []int32) bool {
	if i > 0 && toks[i-1].Value == "error" && toks[i-1].Type == TokKeyword {
		return false
	}
	for j, n := i-1, 0; j >= 0 && n < maxHeadScan; j, n = j-1, n+1 {
		t := toks[j]
		if t.Type == TokStrTail || t.Value == ")" || t.Value == "]" || t.Value == "}" {
			j = int(partner[j]) // skip the group; the loop steps before its opener
			continue
		}
		if t.Type == TokStrHead || t.Value == "(" || t.Value == "[" || t.Value == "{" {
			return false // the start of the enclosing group
		}
		if t.Value == "=" || t.Value == ";" {
			return true
		}
		if t.Type != TokKeyword {
			continue
		}
		switch t.Value {
		case "struct", "enum", "union", "impl", "trait":
			return false
		case "test", "bench", "var", "let", "const", "type", "import", "extern":
			return true
		case "fn":
			if j == 0 || !typeContext(toks[j-1]) {
				return true
			}
		}
	}
	return false
}

// typeContext reports a token after which `fn` starts a function type.
func typeContext(t lexer.Token) bool {
	switch t.Value {
	case ":", "(", ",", "*", "?", "!", "[", "]", "->", "<":
		return t.Type == TokPunct
	}
	return false
}

const maxHeadScan = 64

// fullIndex maps an index in participle's tokens to one in the whole slice.
func (p *fparser) fullIndex(r int) int {
	if p.full == nil {
		return r
	}
	return int(p.full[r])
}

// reducedIndex maps an index in the whole slice to participle's: the first of its tokens at
// or after i (past a collapsed group when i is inside one).
func (p *fparser) reducedIndex(i int) int {
	if p.full == nil {
		return i
	}
	return sort.Search(len(p.full), func(r int) bool { return int(p.full[r]) >= i })
}
