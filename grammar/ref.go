//go:build cotref

package grammar

// The reference build (`go test -tags cotref ./grammar`): participle interprets every struct
// tag, and nothing is hand-compiled (fast.go).

import "github.com/alecthomas/participle/v2/lexer"

const handCompiled = false

type fparser struct{ checks []any }

func newFastParser([]lexer.Token, []int32) *fparser { return &fparser{} }

// collapse hands participle every token: it parses everything itself.
func collapse(toks []lexer.Token) ([]lexer.Token, []int32) { return toks, nil }

func (p *fparser) register(*lexer.PeekingLexer) func() { return func() {} }

func handBuilt(any) bool { return false }

func (p *fparser) reuseNodes() {}
