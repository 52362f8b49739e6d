package passes

// Strings of parse (see parse.go; ir/ast/node_string.go): the special calls len(x) and
// __string_make(p, n) (spec §6.8) and the builtins @string, @ptrOf and @lenOf (spec §10).
// (Indexing and slicing are parse_struct.go's, for every indexable type.)

import (
	"github.com/alecthomas/participle/v2/lexer"

	"cot/grammar"
	"cot/ir/ast"
)

// stringBuiltins are the string builtins of spec §10 with their arity.
var stringBuiltins = map[string]int{"@string": 2, "@ptrOf": 1, "@lenOf": 1}

// stringBuiltin converts @string(p, n), @ptrOf(s) or @lenOf(s).
func (c *cstConverter) stringBuiltin(b *grammar.BuiltinCall) ast.Expr {
	at := c.at(b.Pos)
	args, ok := c.builtinArgs(b, stringBuiltins[b.Name])
	if !ok {
		return &ast.IntLit{At: at}
	}
	switch b.Name {
	case "@string":
		return &ast.StrMake{At: at, Ptr: args[0], Len: args[1]}
	case "@ptrOf":
		return &ast.StrPtr{At: at, X: args[0]}
	}
	return &ast.StrLen{At: at, X: args[0]}
}

// stringCalls are the special call targets of spec §6.8 that parse_string.go converts: len(x)
// and __string_make(p, n), the internal alias of @string.
var stringCalls = map[string]bool{"len": true, "__string_make": true}

// stringCall converts len(x), of a string, an array or a slice (check-types tells), or
// __string_make(p, n), with their numbers of arguments.
func (c *cstConverter) stringCall(e *grammar.PostfixExpr, call *grammar.CallSuffix) ast.Expr {
	at := c.at(e.Pos)
	name := *e.Primary.Ident
	args := c.args(call)
	want := map[string]int{"len": 1, "__string_make": 2}[name]
	if len(args) != want {
		c.diags.Errorf(at.Pos(), codeTypeMismatch, "wrong number of arguments: `%s` takes %d, got %d", name, want, len(args))
		return &ast.IntLit{At: at}
	}
	if name == "__string_make" {
		return &ast.StrMake{At: at, Ptr: args[0], Len: args[1]}
	}
	return &ast.Len{At: at, X: args[0]}
}

// interpolation converts "text ${e} text ..." into its parts: the text segments (empty ones
// dropped) and the embedded expressions, in order.
func (c *cstConverter) interpolation(s *grammar.StringLit) ast.Expr {
	x := &ast.Interp{At: c.at(s.Pos)}
	text := func(pos lexer.Position, raw string) {
		if v := grammar.Unquote(raw); v != "" {
			x.Parts = append(x.Parts, &ast.StrLit{At: c.at(pos), Value: v})
		}
	}
	text(s.Pos, *s.Head)
	for _, p := range s.Parts {
		x.Parts = append(x.Parts, c.expr(p.Expr))
		text(p.EndPos, p.Text)
	}
	return x
}
