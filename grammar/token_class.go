package grammar

import "github.com/alecthomas/participle/v2/lexer"

// A token's class (token.cls), found once by the scanner so that the expression rules test a
// byte where they compared strings at every precedence level: whether it starts a Primary,
// whether it is a prefix operator, and which binary operator level it belongs to. The class
// depends only on the token's text, and on its type where the grammar asks for one (keywords
// that start a Primary, comparison, additive and multiplicative punctuation); the brackets that
// markStructOpens and markNewBrackets retype keep it.
const (
	clsPrimary uint8 = 1 << 0 // starts one of Primary's alternatives
	clsUnary   uint8 = 1 << 1 // `-` `!` `not` `~` `&` `try` `await`
	clsOpShift       = 2      // the binary level: cls >> clsOpShift
)

// Binary operator levels, lowest precedence first.
const (
	opNone     uint8 = iota
	opFallback       // `??` `catch`
	opOr             // `or` `||`
	opAnd            // `and` `&&`
	opCmp            // `==` `!=` `<=` `>=` `<` `>` (punctuation)
	opAdd            // `+` `-` `|` `^` (punctuation)
	opMul            // `*` `/` `%` `&` `<<` `>>` (punctuation)
)

// classOf is the class of a token of type t and text v.
func classOf(t lexer.TokenType, v string) uint8 {
	var c uint8
	if startsPrimary(t, v) {
		c |= clsPrimary
	}
	if isUnaryOp(v) {
		c |= clsUnary
	}
	return c | binaryLevel(t, v)<<clsOpShift
}

func startsPrimary(t lexer.TokenType, v string) bool {
	switch t {
	case TokIdent, TokTypeKw, TokInt, TokFloat, TokChar, TokString, TokStrHead, TokBuiltin:
		return true
	}
	switch v {
	case "true", "false", "null", "undefined", "error", "fn", "new", "if", "switch", "comptime":
		return t == TokKeyword
	case ".", "(", "[", "{":
		return true
	}
	return false
}

func isUnaryOp(v string) bool {
	switch v {
	case "-", "!", "not", "~", "&", "try", "await":
		return true
	}
	return false
}

func binaryLevel(t lexer.TokenType, v string) uint8 {
	switch v {
	case "??", "catch":
		return opFallback
	case "or", "||":
		return opOr
	case "and", "&&":
		return opAnd
	}
	if t != TokPunct {
		return opNone
	}
	switch v {
	case "==", "!=", "<=", ">=", "<", ">":
		return opCmp
	case "+", "-", "|", "^":
		return opAdd
	case "*", "/", "%", "&", "<<", ">>":
		return opMul
	}
	return opNone
}

// punctClass is the class of each one-byte punctuation token.
var punctClass = func() (t [256]uint8) {
	for i := range len(puncts1) {
		t[puncts1[i]] = classOf(TokPunct, puncts1[i:i+1])
	}
	return t
}()
