package passes

// The host builtins of the parse pass (language.md §10, ast.HostBuiltins): @fd_write, @fd_read,
// @fd_close, @fd_seek, @time, @random, @memcpy, @alloc, @dealloc and @realloc, and the
// runtime's private @memory_size and @memory_grow, become ast.HostCall expressions.

import (
	"strings"

	"cot/grammar"
	"cot/ir/ast"
)

const codePrivateBuiltin = "E0332" // a builtin only the runtime may call

// hostBuiltin reports whether name (with its @) is a host builtin.
func hostBuiltin(name string) bool {
	_, ok := ast.HostBuiltins[strings.TrimPrefix(name, "@")]
	return ok
}

// hostCall converts a call of a host builtin.
func (c *cstConverter) hostCall(b *grammar.BuiltinCall) ast.Expr {
	at := c.at(b.Pos)
	name := strings.TrimPrefix(b.Name, "@")
	sig := ast.HostBuiltins[name]
	if sig.Private && !c.runtime {
		c.diags.Errorf(at.Pos(), codePrivateBuiltin, "`%s` is private to cot's runtime: a program cannot call it", b.Name)
		return &ast.IntLit{At: at}
	}
	args, ok := c.builtinArgs(b, sig.Args)
	if !ok {
		return &ast.IntLit{At: at}
	}
	return &ast.HostCall{At: at, Name: name, Args: args}
}
