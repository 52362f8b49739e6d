package passes

// The target builtins of the parse pass (language.md §10): @target_os(), @target_arch() and
// @target() are compile-time constants, so parse, the first pass that sees both the call and the
// compilation's target (pipeline.Ctx.Target), folds each to a string literal; every later pass,
// const evaluation included, sees only the literal. The wasm32 target is WASI preview 1, so it
// names itself "wasi" / "wasm32" / "wasm32-wasi" (docs/decisions.md).
//
//	@target_os()    =>  "wasi"    (wasm32)   "linux"   (arm64-linux)
//	@target_arch()  =>  "wasm32"             "arm64"
//	@target()       =>  "wasm32-wasi"        "arm64-linux"

import (
	"strings"

	"cot/grammar"
	"cot/ir/ast"
)

var targetBuiltins = map[string]bool{"@target_os": true, "@target_arch": true, "@target": true}

// targetNames gives each target's os, arch and full name.
var targetNames = map[string][3]string{
	"wasm32":      {"wasi", "wasm32", "wasm32-wasi"},
	"arm64-linux": {"linux", "arm64", "arm64-linux"},
}

// targetBuiltin folds a call of a target builtin to its string.
func (c *cstConverter) targetBuiltin(b *grammar.BuiltinCall) ast.Expr {
	at := c.at(b.Pos)
	if _, ok := c.builtinArgs(b, 0); !ok {
		return &ast.StrLit{At: at}
	}
	names, ok := targetNames[c.target]
	if !ok { // a context without a target (a pass test): the default target's names
		names = targetNames["wasm32"]
	}
	i := map[string]int{"target_os": 0, "target_arch": 1, "target": 2}[strings.TrimPrefix(b.Name, "@")]
	return &ast.StrLit{At: at, Value: names[i]}
}
