package passes

// Optional captures of the parse pass (spec §5.1, §6.13): `if (opt) |v| A else B`, statement or
// expression, is spelled with the nodes every later pass knows, so no pass needs a capturing if:
//
//	if (E) |v| A else B  =>  (block (var opt.if E) (if (has-value opt.if) (block (const v (unwrap opt.if)) A...) B))
//
// The subject is evaluated once into `opt.if`, a name no program can spell; the capture is an
// immutable binding scoped to the then branch. check-types reports a subject that is not an
// optional (has-value wants one).

import (
	"bytes"

	"cot/ir/ast"
)

// optTemp is the name of the variable holding the subject of a capturing if.
const optTemp = "opt.if"

// captureOptional rewrites x (an if whose condition is the optional subject) into the capturing
// form and returns the block that must hold it: the caller appends x as its last statement (an if
// statement) or sets it as its value (an if expression).
func (c *cstConverter) captureOptional(x *ast.If, capture string, nameAt ast.At) *ast.Block {
	at := x.At
	tmp := func() ast.Expr { return &ast.Ref{At: at, Name: ast.Name{Name: optTemp}} }
	decl := &ast.VarDecl{At: at, Name: ast.Name{Name: optTemp}, Init: x.Cond}
	bind := &ast.VarDecl{At: nameAt, Name: ast.Name{Name: capture}, Const: true, Init: &ast.Unwrap{At: at, X: tmp()}}
	x.Cond = &ast.HasValue{At: at, X: tmp()}
	x.Then.Stmts = append([]ast.Stmt{bind}, x.Then.Stmts...)
	return &ast.Block{At: at, Stmts: []ast.Stmt{decl}}
}

// captureAt is the position of the name of a capture `|name|` written after byte offset off (so
// tools find the binding where it is written), or fallback.
func (c *cstConverter) captureAt(off int, name string, fallback ast.At) ast.At {
	text := c.file.Text
	for i := off; i >= 0 && i < len(text); i++ {
		if text[i] != '|' {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
			j++
		}
		if bytes.HasPrefix(text[j:], []byte(name)) { // no copy of the rest of the file
			return ast.At{P: c.file.PosAt(j)}
		}
		break
	}
	return fallback
}
