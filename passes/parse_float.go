package passes

// Floats of the parse pass (see parse.go): float literals keep their text (check-types rounds
// them to their type), and the float builtins @sqrt @floor @ceil @trunc @round @abs (one value)
// and @fmin @fmax (two values) become float-op nodes.

import (
	"strings"

	"cot/grammar"
	"cot/ir/ast"
)

// floatLit converts a float literal token (`1.5`, `1.`, `1e9`, `2_000.5`).
func (c *cstConverter) floatLit(p *grammar.Primary) ast.Expr {
	return &ast.FloatLit{At: c.at(p.Pos), Text: strings.ReplaceAll(*p.Float, "_", "")}
}

// isFloatBuiltin reports whether name (with its @) is a float builtin.
func isFloatBuiltin(name string) bool {
	_, ok := ast.FloatOps[strings.TrimPrefix(name, "@")]
	return ok
}

// floatBuiltin converts a call of a float builtin.
func (c *cstConverter) floatBuiltin(b *grammar.BuiltinCall) ast.Expr {
	op := strings.TrimPrefix(b.Name, "@")
	n := ast.FloatOps[op]
	at := c.at(b.Pos)
	args, ok := c.builtinArgs(b, n)
	if !ok {
		return &ast.FloatLit{At: at, Text: "0"}
	}
	return &ast.FloatOp{At: at, Op: op, Args: args}
}
