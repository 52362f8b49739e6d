package passes

// Anonymous functions of the parse pass (see parse.go): `fn (params) [Ret] { body }` (§6.16)
// becomes a fn-lit with no captures yet (resolve-names finds them).

import (
	"cot/grammar"
	"cot/ir/ast"
	"cot/ir/types"
)

func (c *cstConverter) closure(cl *grammar.Closure) ast.Expr {
	f := &ast.FuncLit{At: c.at(cl.Pos), Result: types.TVoid, Body: c.block(cl.Body)}
	if cl.Ret != nil {
		f.Result, f.ResultX = nil, c.typ(cl.Ret)
	}
	for _, p := range cl.Params {
		f.Params = append(f.Params, &ast.Param{At: c.at(p.Pos), Name: ast.Name{Name: p.Name}, TypeX: c.typ(p.Type)})
	}
	return f
}
