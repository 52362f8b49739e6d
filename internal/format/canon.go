package format

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"

	"cot/grammar"
)

// Canonical renders a CST as text that ignores what formatting may change: positions, and
// parentheses that only group one expression (an operator level with no operator, a prefix
// expression without prefix, a postfix expression without suffix and a one-element
// parenthesised expression stand for their single operand). Two files with the same canonical
// text have the same meaning; the formatter checks its output with it.
func Canonical(f *grammar.File) string {
	var b strings.Builder
	canon(&b, reflect.ValueOf(f))
	return b.String()
}

var positionType = reflect.TypeOf(lexer.Position{})

func canon(b *strings.Builder, v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		if inner, ok := collapse(v.Interface()); ok {
			canon(b, reflect.ValueOf(inner))
			return
		}
		canon(b, v.Elem())
	case reflect.Struct:
		t := v.Type()
		b.WriteString(t.Name() + "{")
		for i := 0; i < t.NumField(); i++ {
			f := v.Field(i)
			if t.Field(i).Type == positionType || f.IsZero() {
				continue
			}
			b.WriteString(t.Field(i).Name + ":")
			canon(b, f)
			b.WriteByte(' ')
		}
		b.WriteString("}")
	case reflect.Slice:
		b.WriteString("[")
		for i := 0; i < v.Len(); i++ {
			canon(b, v.Index(i))
			b.WriteByte(' ')
		}
		b.WriteString("]")
	default:
		fmt.Fprintf(b, "%q", fmt.Sprint(v.Interface()))
	}
}

// collapse returns the single operand a wrapper node stands for.
func collapse(n any) (any, bool) {
	switch n := n.(type) {
	case *grammar.Expr:
		return n.Left, len(n.Rest) == 0
	case *grammar.OrExpr:
		return n.Left, len(n.Rest) == 0
	case *grammar.AndExpr:
		return n.Left, len(n.Rest) == 0
	case *grammar.CmpExpr:
		return n.Left, len(n.Rest) == 0
	case *grammar.AddExpr:
		return n.Left, len(n.Rest) == 0
	case *grammar.MulExpr:
		return n.Left, len(n.Rest) == 0
	case *grammar.UnaryExpr:
		return n.Operand, len(n.Ops) == 0
	case *grammar.PostfixExpr:
		return n.Primary, len(n.Suffixes) == 0
	case *grammar.Primary:
		if n.Paren != nil && len(n.Paren.Elems) == 1 {
			return n.Paren.Elems[0], true
		}
	}
	return nil, false
}
