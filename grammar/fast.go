//go:build !cotref

package grammar

// Every rule of the grammar is compiled by hand from its struct tags into the recursive-descent
// functions of fast_*.go: declarations (fast_decl*.go), statements, expressions and types.
// Participle parses nothing in this build; it interprets every tag itself in the reference build
// (`go test -tags cotref`, ref.go), which TestParseResults holds to the same results,
// diagnostics included. The struct tags stay the grammar's definition (grammar.ebnf is
// participle's rendering of them).
//
// Each function mirrors participle's semantics under UseLookahead(0) exactly: a rule returns
// noMatch (nothing consumed), match, or fail; a failure that consumed a token commits (it
// propagates), one that did not is swallowed by optional and repeated groups; a sequence whose
// later element does not match fails with "expected <that element>"; an alternation that
// matches nothing fails with the error of its last failing alternative. The Expect strings are
// participle's EBNF of the element that failed (only the first element is read, errors.go).

import (
	"github.com/alecthomas/participle/v2/lexer"
)

// handCompiled reports that the hot rules are hand-compiled (the fast build).
const handCompiled = true

type res uint8

const (
	noMatch res = iota
	match
	fail
)

// Expect strings: participle's rendering of the element a failed sequence wanted.
const (
	expNone    = "(" // a group: errors.go turns it into no expectation ("unexpected X")
	expIdent   = "<ident>"
	expInt     = "<int>"
	expPostfix = "PostfixExpr"
	expString  = "<string>"
)

// fparser is the state of one Parse call.
type fparser struct {
	tokenList
	i         int
	errTok    int
	errExpect string
	checks    []any
	nodes     nodeSlabs
	slabs     []reuser // every slab of nodes, once ParseEach has reused them
}

// newDeclReader returns the parser ParseEach reads declarations with (next, fast_decl.go).
func newDeclReader(toks *tokenList) (*fparser, error) {
	return &fparser{tokenList: *toks}, nil
}

// atEOF reports whether every declaration has been read.
func (p *fparser) atEOF() bool { return p.typeOf(p.i) == lexer.EOF }

// skipHeader steps over the `@safe` header.
func (p *fparser) skipHeader() { p.i++ }

// Token tests.

func (p *fparser) tok() tokView { return p.view(p.i) }

// at returns the token k places ahead (EOF past the end).
func (p *fparser) at(k int) tokView {
	if p.i+k >= len(p.toks) {
		return p.view(len(p.toks) - 1)
	}
	return p.view(p.i + k)
}

// lit reports whether the current token is the literal v (any token type, like a participle
// literal without a type; the EOF token's text is empty).
func (p *fparser) lit(v string) bool { return p.value(p.i) == v }

// accept consumes the literal v if it is next.
func (p *fparser) accept(v string) bool {
	if p.lit(v) {
		p.i++
		return true
	}
	return false
}

func (p *fparser) isType(t lexer.TokenType) bool { return p.typeOf(p.i) == t }

// isName reports an Ident or TypeKw token.
func (p *fparser) isName() bool { t := p.typeOf(p.i); return t == TokIdent || t == TokTypeKw }

// failAt records a failure at the current token expecting exp.
func (p *fparser) failAt(exp string) res {
	p.errTok, p.errExpect = p.i, exp
	return fail
}

// expect consumes literal v, or fails expecting it (a later element of a sequence).
func (p *fparser) expect(v, exp string) res {
	if p.accept(v) {
		return match
	}
	return p.failAt(exp)
}

// need turns the result of a later sequence element into the sequence's: noMatch becomes a
// failure expecting exp.
func (p *fparser) need(r res, exp string) res {
	if r == noMatch {
		return p.failAt(exp)
	}
	return r
}

// committed reports whether a failed optional element consumed tokens (then the failure
// propagates); otherwise the position is restored and the group matches empty.
func (p *fparser) committed(r res, start int) bool {
	if r == fail && p.i > start {
		return true
	}
	p.i = start
	return false
}

// end is the end of the last consumed token.
func (p *fparser) end() lexer.Position { return p.endPos(p.i - 1) }

// trailingComma is the lookahead (?! ',' ( ')' | '}' | ']' )): a trailing comma ends the list.
func (p *fparser) trailingComma() bool {
	if !p.lit(",") {
		return false
	}
	v := p.at(1).Value
	return v == ")" || v == "}" || v == "]"
}

// list parses `( @@ ( (?! ',' ( ')' | '}' | ']' )) ',' @@ )* ','? )? close` after its opening
// bracket (a trailing comma only after an element); item names the element for the "expected"
// message.
func (p *fparser) list(item string, close string, parse func() res) res {
	start := p.i
	r := parse()
	if r == match {
		return p.listRest(item, close, parse)
	}
	if p.committed(r, start) {
		return fail
	}
	return p.expect(close, quoted(close))
}

// quoted is participle's rendering of a closing bracket literal (without building a string).
func quoted(close string) string {
	switch close {
	case ")":
		return `")"`
	case "]":
		return `"]"`
	case "}":
		return `"}"`
	}
	return `"` + close + `"`
}

// listRest parses `( (?! ',' ( ')' | '}' | ']' )) ',' @@ )* ','? close` after a first element.
func (p *fparser) listRest(item string, close string, parse func() res) res {
	for !p.trailingComma() && p.lit(",") {
		p.i++
		if r := p.need(parse(), item); r != match {
			return r
		}
	}
	p.accept(",")
	return p.expect(close, quoted(close))
}

// braced parses `'{' @@* '}'`: item is parsed until it does not match; a failure that consumed
// tokens commits.
func (p *fparser) braced(item func() res) res {
	if r := p.expect("{", `"{"`); r != match {
		return r
	}
	for {
		start := p.i
		r := item()
		if r == match {
			continue
		}
		if p.committed(r, start) {
			return fail
		}
		return p.expect("}", `"}"`)
	}
}

// pipeCapture parses `( '|' @Ident '|' )?`.
func (p *fparser) pipeCapture(dst *string) res {
	if !p.accept("|") {
		return match
	}
	if !p.isType(TokIdent) {
		return p.failAt(expIdent)
	}
	*dst = p.value(p.i)
	p.i++
	return p.expect("|", `"|"`)
}

// str returns a pointer (from a slab) to the current token's value and consumes the token.
func (p *fparser) str() *string {
	s := p.nodes.strs.alloc()
	*s = p.value(p.i)
	p.i++
	return s
}
