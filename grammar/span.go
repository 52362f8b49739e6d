package grammar

import (
	"reflect"
	"sort"

	"github.com/alecthomas/participle/v2/lexer"
)

// Every CST struct starts with the fields Pos and EndPos, in that order
// (TestEveryNodeHasPositions checks it), so spans are read by index.
const posField, endPosField = 0, 1

// nodeSpan returns the Pos and EndPos of any CST node.
func nodeSpan(n any) (pos, end lexer.Position) {
	v := reflect.ValueOf(n).Elem()
	return *v.Field(posField).Addr().Interface().(*lexer.Position), *v.Field(endPosField).Addr().Interface().(*lexer.Position)
}

// tightenEndPositions moves every EndPos from where participle leaves it (the start of the
// next token, possibly lines later) to just past the node's own last token, so a span
// [Pos, EndPos) covers exactly the node's text. Hand-built subtrees (handBuilt) are tight
// already and are not entered.
func tightenEndPositions(file *File, toks []lexer.Token) {
	walkUntil(reflect.ValueOf(file), handBuilt, func(n any) {
		v := reflect.ValueOf(n).Elem()
		pos := *v.Field(posField).Addr().Interface().(*lexer.Position)
		endPtr := v.Field(endPosField).Addr().Interface().(*lexer.Position)
		next := *endPtr
		// The last token that starts before the node's participle end.
		i := sort.Search(len(toks), func(i int) bool { return toks[i].Pos.Offset >= next.Offset }) - 1
		if i < 0 || toks[i].Pos.Offset < pos.Offset || toks[i].Type == lexer.EOF {
			return
		}
		last := toks[i]
		end := last.Pos
		end.Offset += len(last.Value)
		end.Column += len(last.Value)
		*endPtr = end
	})
}
