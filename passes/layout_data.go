// Pass layout-data: constant-globals -> data-laid-out.
//
// Places the bytes of every string literal in the program's static data image, once per
// distinct literal, in order of first use, and replaces each literal address by its offset in
// the image (the image is loaded at ast.DataBase).
//
//	(str-addr "hi") ... (str-addr "hi")  =>  (data-addr 0) ... (data-addr 0)   with Data = "hi"

package passes

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
)

func layoutData(_ *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	data := append([]byte(nil), p.Data...)
	offsets := map[string]int64{}
	r := &ast.Rewriter{Share: true, Expr: func(r *ast.Rewriter, e ast.Expr) ast.Expr {
		s, ok := e.(*ast.StrAddr)
		if !ok {
			return defaultExpr(r, e)
		}
		off, seen := offsets[s.Value]
		if !seen {
			off = int64(len(data))
			offsets[s.Value] = off
			data = append(data, s.Value...)
		}
		return &ast.DataAddr{At: s.At, Typed: s.Typed, Offset: off}
	}}
	out := r.Program(p)
	out.Data = data
	return out, nil
}
