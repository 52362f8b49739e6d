package grammar

import (
	"reflect"

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

// setEndPos sets the EndPos of any CST node.
func setEndPos(n any, end lexer.Position) {
	*reflect.ValueOf(n).Elem().Field(endPosField).Addr().Interface().(*lexer.Position) = end
}
