package grammar

import (
	"errors"
	"fmt"
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// describeParseError turns a participle error into a position and a human message of the form
// "expected `)`, found `{`". Participle describes what it expected as a fragment of EBNF; known
// rule names become words ("expression", "type") and Go type names never reach the user.
func describeParseError(err error, toks []lexer.Token) (lexer.Position, string) {
	var ute *participle.UnexpectedTokenError
	if errors.As(err, &ute) {
		found := describeToken(ute.Unexpected)
		want := describeExpected(expectedOf(ute))
		if want == "" && depthAt(toks, ute.Unexpected.Pos.Offset) == 0 {
			want = "declaration"
		}
		if want == "`)`" || want == "`]`" || want == "`}`" {
			if listOpen(toks, ute.Unexpected.Pos.Offset) {
				want = "`,` or " + want
			}
		}
		msg := "unexpected " + found
		if want != "" {
			msg = fmt.Sprintf("expected %s, found %s", want, found)
		}
		return ute.Unexpected.Pos, msg + hint(toks, ute.Unexpected.Pos.Offset)
	}
	var pe participle.Error
	if errors.As(err, &pe) {
		return pe.Position(), "syntax error: " + pe.Message()
	}
	return lexer.Position{}, "syntax error: " + err.Error()
}

// depthAt is the bracket depth just before the token at byte offset off.
func depthAt(toks []lexer.Token, off int) int {
	depth := 0
	for _, t := range toks {
		if t.Pos.Offset >= off {
			break
		}
		switch {
		case t.Type == TokStrHead || t.Type == TokStructOpen || t.Type == TokNewParen || t.Type == TokNewBrace:
			depth++
		case t.Type == TokStrTail:
			depth--
		case t.Type == TokPunct && (t.Value == "(" || t.Value == "[" || t.Value == "{"):
			depth++
		case t.Type == TokPunct && (t.Value == ")" || t.Value == "]" || t.Value == "}"):
			depth--
		}
	}
	return depth
}

// listOpen reports whether the innermost bracket open before offset off starts a
// comma-separated list: any ( or [, and the { of a struct, enum, union, error set or struct
// literal.
func listOpen(toks []lexer.Token, off int) bool {
	var open []int
	for i, t := range toks {
		if t.Pos.Offset >= off {
			break
		}
		switch {
		case t.Type == TokStructOpen || t.Type == TokNewParen || t.Type == TokNewBrace ||
			t.Type == TokPunct && (t.Value == "(" || t.Value == "[" || t.Value == "{"):
			open = append(open, i)
		case t.Type == TokPunct && (t.Value == ")" || t.Value == "]" || t.Value == "}") && len(open) > 0:
			open = open[:len(open)-1]
		}
	}
	if len(open) == 0 {
		return false
	}
	i := open[len(open)-1]
	if toks[i].Value != "{" || toks[i].Type == TokStructOpen || toks[i].Type == TokNewBrace {
		return true
	}
	if i+1 < len(toks) && toks[i+1].Value == "." && toks[i+1].Type == TokPunct {
		return true // { .field = ... }
	}
	for _, back := range []int{1, 2} {
		if i-back >= 0 && toks[i-back].Type == TokKeyword {
			switch toks[i-back].Value {
			case "struct", "enum", "union", "error":
				return true
			}
		}
	}
	// struct Name(T) { and enum Name: Backing {
	for j := i - 1; j >= 0 && j >= i-12; j-- {
		if toks[j].Type == TokKeyword {
			return toks[j].Value == "struct" || toks[j].Value == "enum"
		}
	}
	return false
}

// hint adds advice for mistakes that have a well-known fix.
func hint(toks []lexer.Token, off int) string {
	i := 0
	for i < len(toks) && toks[i].Pos.Offset < off {
		i++
	}
	if i >= 1 && i < len(toks) && toks[i].Type == TokStrHead && toks[i-1].Type == TokKeyword && (toks[i-1].Value == "test" || toks[i-1].Value == "bench") {
		return " (a test or bench name is a plain string literal, without `${}`)"
	}
	if i >= 2 && toks[i-2].Value == "switch" && toks[i-2].Type == TokKeyword {
		return " (a switch subject is a name, literal or parenthesised expression: write `switch (a.b) {`)"
	}
	return ""
}

// expectedOf extracts the "(expected X)" part of a participle message.
func expectedOf(ute *participle.UnexpectedTokenError) string {
	if ute.Expect != "" {
		return ute.Expect
	}
	msg := ute.Message()
	i := strings.Index(msg, " (expected ")
	if i < 0 || !strings.HasSuffix(msg, ")") {
		return ""
	}
	return msg[i+len(" (expected ") : len(msg)-1]
}

// ruleWords names grammar rules the way a user thinks of them.
var ruleWords = map[string]string{
	"Expr": "expression", "OrExpr": "expression", "AndExpr": "expression", "CmpExpr": "expression",
	"AddExpr": "expression", "MulExpr": "expression", "UnaryExpr": "expression",
	"PostfixExpr": "expression", "Primary": "expression", "Arg": "expression",
	"Type": "type", "NamedType": "type", "ErrorUnionType": "type", "ArrayType": "type",
	"TupleType": "type", "FuncType": "type",
	"Block": "`{`", "Stmt": "statement", "Decl": "declaration", "Param": "parameter",
	"Pattern": "switch pattern", "SwitchArm": "switch arm", "FieldInit": "field initializer",
	"Field": "struct field", "EnumVariant": "enum variant", "UnionVariant": "union variant",
	"FnDecl": "`fn`", "TraitMethod": "`fn`", "Constraint": "constraint `T: Trait`",
	"InterpPart": "expression", "StringLit": "string literal", "ErrorSet": "`error`",
	"<ident>": "identifier", "<string>": "string literal", "<int>": "integer literal",
	"<builtin>": "builtin", "<typekw>": "type", "<strmid>": "`}`", "<strtail>": "`}`",
	"<strend>": "expression",
}

// describeExpected renders participle's expectation (an EBNF fragment) for a user.
func describeExpected(exp string) string {
	exp = strings.TrimSpace(exp)
	if exp == "" {
		return ""
	}
	if w, ok := ruleWords[exp]; ok {
		return w
	}
	// A sequence or group: the first element is what was expected at this position.
	first := exp
	if strings.HasPrefix(first, "\"") {
		if end := strings.Index(first[1:], "\""); end >= 0 {
			return "`" + first[1:end+1] + "`"
		}
	}
	if i := strings.IndexAny(first, " |?*+()"); i > 0 {
		first = first[:i]
	}
	if w, ok := ruleWords[first]; ok {
		return w
	}
	return ""
}

// describeToken names a token for a diagnostic.
func describeToken(t lexer.Token) string {
	switch t.Type {
	case lexer.EOF:
		return "end of file"
	case TokIdent:
		return fmt.Sprintf("identifier `%s`", t.Value)
	case TokInt, TokFloat:
		return fmt.Sprintf("number `%s`", t.Value)
	case TokChar:
		return fmt.Sprintf("character literal %s", t.Value)
	case TokString, TokStrHead:
		return "string literal " + shorten(t.Value)
	case TokStrMid, TokStrTail:
		return "`}`"
	case TokStrEnd:
		return "end of string"
	case TokKeyword:
		return fmt.Sprintf("keyword `%s`", t.Value)
	}
	return "`" + t.Value + "`"
}

func shorten(s string) string {
	if len(s) > 24 {
		return s[:20] + "...\""
	}
	return s
}
