//go:build cotref

package grammar

// The reference build (`go test -tags cotref ./grammar`): participle interprets every struct
// tag, and nothing is hand-compiled (fast.go).

import (
	"sort"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

const handCompiled = false

// declParser parses one top-level declaration (ParseEach runs it once per declaration).
var declParser = func() *participle.Parser[Decl] {
	p, err := participle.ParserForProduction[Decl](cotParser())
	if err != nil {
		panic(err)
	}
	return p
}()

// fparser reads the declarations of a file with participle.
type fparser struct {
	toks   []lexer.Token
	peeker *lexer.PeekingLexer
	checks []any
}

func newDeclReader(l *tokenList) (*fparser, error) {
	toks := l.expand()
	peeker, err := lexer.Upgrade(&sliceLexer{toks: toks})
	if err != nil {
		return nil, err
	}
	return &fparser{toks: toks, peeker: peeker}, nil
}

func (p *fparser) atEOF() bool { return p.peeker.Peek().EOF() }

func (p *fparser) skipHeader() { p.peeker.Next() }

// next parses the declaration at the cursor with participle's Decl rule.
func (p *fparser) next() (*Decl, error) {
	start := p.peeker.Cursor()
	d, err := declParser.ParseFromLexer(p.peeker, participle.AllowTrailing(true))
	if err != nil {
		if p.peeker.Cursor() == start {
			// No declaration starts here: what participle says of a token after a file's
			// last declaration.
			err = &participle.UnexpectedTokenError{Unexpected: *p.peeker.Peek()}
		}
		return nil, err
	}
	tightenEndPositions(d, p.toks)
	return d, nil
}

func (p *fparser) reuseNodes() {}

// tightenEndPositions moves every EndPos from where participle leaves it (the start of the
// next token, possibly lines later) to just past the node's own last token, so a span
// [Pos, EndPos) covers exactly the node's text.
func tightenEndPositions(node any, toks []lexer.Token) {
	Walk(node, func(n any) {
		pos, next := nodeSpan(n)
		// The last token that starts before the node's participle end.
		i := sort.Search(len(toks), func(i int) bool { return toks[i].Pos.Offset >= next.Offset }) - 1
		if i < 0 || toks[i].Pos.Offset < pos.Offset || toks[i].Type == lexer.EOF {
			return
		}
		last := toks[i]
		end := last.Pos
		end.Offset += len(last.Value)
		end.Column += len(last.Value)
		setEndPos(n, end)
	})
}
