package grammar

import (
	"reflect"

	"github.com/alecthomas/participle/v2/lexer"
)

// nodeSpan returns the Pos and EndPos of any CST node.
func nodeSpan(n any) (pos, end lexer.Position) {
	v := reflect.ValueOf(n).Elem()
	pos = v.FieldByName("Pos").Interface().(lexer.Position)
	end = v.FieldByName("EndPos").Interface().(lexer.Position)
	return pos, end
}
