package grammar

import (
	"errors"
	"sync"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"cot/ir/src"
)

// lookahead is how many tokens a failed alternative may consume and still be backtracked: none.
// Like a hand-written recursive-descent parser, the grammar commits to an alternative as soon
// as it has consumed a token, so broken input is never re-parsed along another path (which is
// exponential in the nesting depth) and errors point at the real mistake. Where a choice
// needs more than one token (labels `outer: while`, generic parameters `fn f(T)(x: T)`, `E!T`,
// `[]T`, `.0` versus `.name`, `else if`, type arguments), a lookahead group `(?= ...)` decides
// before anything is consumed.
const lookahead = 0

// cotParser is participle's reading of the struct tags, built on first use: the reference build
// parses with it, the fast build only renders it (EBNF). Participle parsers are safe for
// concurrent use.
var cotParser = sync.OnceValue(func() *participle.Parser[File] {
	return participle.MustBuild[File](
		participle.Lexer(Definition{}),
		participle.UseLookahead(lookahead),
	)
})

// EBNF returns participle's EBNF rendering of the grammar (golden: grammar.ebnf).
func EBNF() string { return cotParser().String() }

// Parse parses one Cot source file. On failure it returns a *src.UserError whose diagnostics
// carry the codes listed in errors.md — the first syntax error, and those of the declarations
// after it (recover.go); it never panics.
func Parse(filename string, text []byte) (*File, error) {
	return parse(filename, text, src.MaxErrors)
}

// parse is Parse reporting at most budget syntax errors.
func parse(filename string, text []byte, budget int) (*File, error) {
	file := &File{}
	err := parseEach(filename, text, func(safe bool, d *Decl) {
		file.Safe = safe
		file.Decls = append(file.Decls, d)
	}, &file.Pos, false, false, budget)
	if err != nil {
		return nil, err
	}
	file.EndPos = file.Decls[len(file.Decls)-1].EndPos // the end of the file's last token
	return file, nil
}

// ParseEach parses a file one declaration at a time and hands each to each as soon as it is
// parsed and checked, with whether the file has the `@safe` header. The declaration and every
// node under it are valid only until each returns (the next declaration reuses their memory),
// so the whole concrete syntax tree is never held: each converts what it needs. On failure it
// returns what Parse would — the syntax error, or else every E0109/E0110 — and each is not
// called again after the first declaration with an error.
func ParseEach(filename string, text []byte, each func(safe bool, d *Decl)) error {
	var first lexer.Position
	return parseEach(filename, text, each, &first, true, false, src.MaxErrors)
}

// parseEach is ParseEach that also sets *first to the position of the file's first token and
// reports at most budget syntax errors.
// With dropped, the caller drops each declaration when each returns: the memory of its nodes
// is then reused for the next declaration.
// With forceSafe the file is in safe mode with or without the header (ParseEachSafe).
func parseEach(filename string, text []byte, each func(safe bool, d *Decl), first *lexer.Position, dropped, forceSafe bool, budget int) (err error) {
	diags := &src.Diagnostics{}
	sf := src.NewFile(filename, text)
	diags.AddFile(sf)
	fail := func(pos lexer.Position, code, format string, args ...any) error {
		diags.Errorf(sf.PosAt(pos.Offset), code, format, args...)
		return &src.UserError{Diags: diags}
	}
	defer func() {
		// Participle should never panic; if it does, report it at the start of the file rather
		// than crash the compiler (the fuzz test checks this never happens).
		if r := recover(); r != nil {
			diags = &src.Diagnostics{}
			diags.AddFile(sf)
			err = fail(lexer.Position{}, "E0100", "internal parser error: %v", r)
		}
	}()

	toks, lexErr := tokenize(filename, text, forceSafe)
	if lexErr != nil {
		var le *lexError
		if errors.As(lexErr, &le) {
			return fail(le.pos, le.code, "%s", le.msg)
		}
		return fail(lexer.Position{}, "E0100", "%s", lexErr.Error())
	}
	if pos, msg, ok := checkNesting(toks); !ok {
		return fail(pos, "E0108", "%s", msg)
	}
	fp, perr := newDeclReader(toks)
	if perr != nil {
		return fail(lexer.Position{}, "E0100", "%s", perr.Error())
	}

	*first = toks.pos(0)
	safe := isSafeFile(toks)
	if safe {
		fp.skipHeader()
	}
	safe = safe || forceSafe
	checks := &src.Diagnostics{} // E0109/E0110, reported only if the whole file parses
	decls := 0
	for !fp.atEOF() {
		d, perr := fp.next()
		if perr != nil {
			all := toks.expand()
			pos, msg := describeParseError(perr, all)
			diags.Errorf(sf.PosAt(pos.Offset), "E0100", "%s", msg)
			recoverErrors(filename, text, all, pos.Offset, diags, budget-1)
			return &src.UserError{Diags: diags}
		}
		decls++
		before := len(checks.List)
		validateDecl(d, fp.checks, func(pos lexer.Position, code, format string, args ...any) {
			checks.Errorf(sf.PosAt(pos.Offset), code, format, args...)
		})
		clear(fp.checks)
		fp.checks = fp.checks[:0]
		if len(checks.List) == before && !checks.HasErrors() {
			each(safe, d)
		}
		if dropped {
			fp.reuseNodes()
		}
	}
	if decls == 0 {
		// An empty file (or one of comments only) declares nothing, not even `main`: say so
		// where the declarations should start, at its end (1:1 for an empty file).
		return fail(toks.pos(len(toks.toks)-1), "E0100", "expected declaration, found end of file")
	}
	if checks.HasErrors() {
		diags.List = checks.List
		return &src.UserError{Diags: diags}
	}
	return nil
}

// Limits that keep the recursive-descent parser's stack bounded on hostile input.
const (
	maxBracketDepth = 256  // nested ( [ { and ${
	maxChainLength  = 2000 // recursion-introducing tokens between two statement-level resets
)

// checkNesting rejects inputs that would make the parser recurse too deeply (E0108).
func checkNesting(l *tokenList) (lexer.Position, string, bool) {
	depth, chain := 0, 0
	for i := range l.toks {
		t := &l.toks[i]
		switch lexer.TokenType(t.typ) {
		case TokStrHead:
			depth++
		case TokStrTail:
			depth--
		case TokStructOpen, TokNewParen, TokNewBrace:
			depth++
			chain = 0
		case TokPunct, TokKeyword:
			if t.nest&nestOpen != 0 {
				depth++
			} else if t.nest&nestClose != 0 {
				depth--
			}
			if t.nest&nestReset != 0 {
				chain = 0
			} else if t.nest&nestGrow != 0 {
				chain++
			}
		}
		if depth > maxBracketDepth {
			return l.pos(i), "nesting too deep: more than 256 levels of brackets", false
		}
		if chain > maxChainLength {
			return l.pos(i), "expression too deeply nested: split it into smaller statements", false
		}
	}
	return lexer.Position{}, "", true
}

// A token's nest bits: ( [ { open and ) ] } close a bracket; { } ; , = reset the chain of
// recursion-introducing tokens and * ? ! [ - ~ & not try await -> if else fn catch ?? new grow
// it. The scanner sets them (nestOf) as it makes punctuation and keyword tokens.
const (
	nestOpen uint8 = 1 << iota
	nestClose
	nestReset
	nestGrow
)

// nestOf is the nest bits of a punctuation or keyword token's text.
func nestOf(v string) uint8 {
	switch v {
	case "(":
		return nestOpen
	case "[":
		return nestOpen | nestGrow
	case "{":
		return nestOpen | nestReset
	case ")", "]":
		return nestClose
	case "}":
		return nestClose | nestReset
	case ";", ",", "=":
		return nestReset
	case "*", "?", "!", "-", "~", "&", "not", "try", "await", "->", "if", "else", "fn", "catch", "??",
		"new":
		return nestGrow
	}
	return 0
}
