package passes

// Safe mode in the parse pass (spec §1.6, §4.13; docs/decisions.md "safe mode"). A file is in
// safe mode when it starts with `@safe`, or when the project's cot.json says `"safe": true`
// (the driver puts SafeModeKey in the context; then every parsed file is, the standard library
// included). Rule 2 (implicit self) and rule 3 (colon struct literals) are parse's own
// (parse_struct.go, parse_generic.go, grammar); rule 1 (struct parameters become pointers) needs
// to know which names are structs, so each parameter type of a safe file is wrapped in a
// by-ref type expression that check-types resolves (check_types_safe.go).

import (
	"cot/grammar"
	"cot/ir/ast"
)

// SafeModeKey in pipeline.Ctx.Store (value true) puts every file of the compilation in safe
// mode: cot.json's `"safe": true`.
const SafeModeKey = "safe-mode"

// paramType converts a parameter's type: by-ref in a safe file.
func (c *cstConverter) paramType(t *grammar.Type) ast.TypeExpr {
	x := c.typ(t)
	if c.safe {
		return &ast.ByRefType{At: ast.At{P: x.Pos()}, Elem: x}
	}
	return x
}
