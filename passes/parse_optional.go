package passes

// Optional captures of the parse pass (spec §5.1, §6.13): `if (opt) |v| A else B`, statement or
// expression, and optional chaining `x?.f`, are spelled with the nodes every later pass knows, so
// no pass needs a capturing if:
//
//	if (E) |v| A else B  =>  (block (var opt.if E) (if (has-value opt.if) (block (const v (unwrap opt.if)) A...) B))
//
// The subject is evaluated once into `opt.if`, a name no program can spell; the capture is an
// immutable binding scoped to the then branch. check-types reports a subject that is not an
// optional (has-value wants one).

import (
	"bytes"

	"cot/grammar"
	"cot/ir/ast"
)

// optTemp is the name of the variable holding the subject of a capturing if, optChainTemp the
// one holding the operand of `?.`.
const (
	optTemp      = "opt.if"
	optChainTemp = "opt.chain"
)

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

// optChain spells x?.f (decisions.md #3: null when x is null, else x.?.f as an optional) with
// the nodes of a capturing if expression; check-types gives the if the optional type of its then
// branch (an optional field's own type: chains do not nest optionals).
//
//	x?.f  =>  (block (var opt.chain x) (value (if-expr (has-value opt.chain)
//	              (block (value (member (unwrap opt.chain) f))) (block (value (null))))))
//
// and x?.m(args) calls the method m in the then branch (optChainCall).
func (c *cstConverter) optChain(x ast.Expr, name string, at ast.At) ast.Expr {
	tmp := func() ast.Expr { return &ast.Ref{At: at, Name: ast.Name{Name: optChainTemp}} }
	decl := &ast.VarDecl{At: at, Name: ast.Name{Name: optChainTemp}, Init: x}
	member := &ast.Member{At: at, X: &ast.Unwrap{At: at, X: tmp()}, Name: name}
	choose := &ast.If{At: at, Cond: &ast.HasValue{At: at, X: tmp()}, Then: valueBlock(member), Else: valueBlock(&ast.NullLit{At: at})}
	return &ast.Block{At: at, Stmts: []ast.Stmt{decl}, Value: choose}
}

// optChainCall makes x, when it is x0?.m just spelled by optChain, the method call x0?.m(args):
// the call happens only when x0 holds a value, and its result is the chain's optional value.
func (c *cstConverter) optChainCall(x ast.Expr, call *grammar.CallSuffix) bool {
	b, ok := x.(*ast.Block)
	if !ok || len(b.Stmts) != 1 {
		return false
	}
	decl, isDecl := b.Stmts[0].(*ast.VarDecl)
	choose, isIf := b.Value.(*ast.If)
	if !isDecl || !isIf || decl.Name.Name != optChainTemp {
		return false
	}
	m, ok := choose.Then.Value.(*ast.Member)
	if !ok {
		return false
	}
	choose.Then.Value = &ast.Call{At: m.At, Callee: m, Args: c.args(call)}
	return true
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
			return ast.AtOf(c.file.PosAt(j))
		}
		break
	}
	return fallback
}
