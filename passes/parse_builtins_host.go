package passes

// The host builtins of the parse pass (language.md §10): @fd_write, @fd_read, @fd_close,
// @fd_seek, @time and @random become ast.HostCall expressions.

import (
	"strings"

	"cot/grammar"
	"cot/ir/ast"
)

// hostBuiltin reports whether name (with its @) is a host builtin.
func hostBuiltin(name string) bool {
	_, ok := ast.HostBuiltins[strings.TrimPrefix(name, "@")]
	return ok
}

// hostCall converts a call of a host builtin.
func (c *cstConverter) hostCall(b *grammar.BuiltinCall) ast.Expr {
	at := c.at(b.Pos)
	name := strings.TrimPrefix(b.Name, "@")
	args, ok := c.builtinArgs(b, ast.HostBuiltins[name])
	if !ok {
		return &ast.IntLit{At: at}
	}
	return &ast.HostCall{At: at, Name: name, Args: args}
}
