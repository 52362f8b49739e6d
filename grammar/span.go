package grammar

import (
	"reflect"
	"sort"

	"github.com/alecthomas/participle/v2/lexer"
)

var positionType = reflect.TypeOf(lexer.Position{})

// nodeSpan returns the Pos and EndPos of any CST node.
func nodeSpan(n any) (pos, end lexer.Position) {
	v := reflect.ValueOf(n).Elem()
	pos = v.FieldByName("Pos").Interface().(lexer.Position)
	end = v.FieldByName("EndPos").Interface().(lexer.Position)
	return pos, end
}

// tightenEndPositions moves every EndPos from where participle leaves it (the start of the
// next token, possibly lines later) to just past the node's own last token, so a span
// [Pos, EndPos) covers exactly the node's text.
func tightenEndPositions(file *File, toks []lexer.Token) {
	Walk(file, func(n any) {
		v := reflect.ValueOf(n).Elem()
		pos := v.FieldByName("Pos").Interface().(lexer.Position)
		endField := v.FieldByName("EndPos")
		next := endField.Interface().(lexer.Position)
		// The last token that starts before the node's participle end.
		i := sort.Search(len(toks), func(i int) bool { return toks[i].Pos.Offset >= next.Offset }) - 1
		if i < 0 || toks[i].Pos.Offset < pos.Offset || toks[i].Type == lexer.EOF {
			return
		}
		last := toks[i]
		end := last.Pos
		end.Offset += len(last.Value)
		end.Column += len(last.Value)
		endField.Set(reflect.ValueOf(end))
	})
}
