package semindex

import (
	"github.com/alecthomas/participle/v2/lexer"

	"cot/grammar"
	"cot/ir/ast"
	"cot/ir/src"
	"cot/ir/types"
)

// Build indexes a program after check-types (or a best-effort program after a failed
// check-types: names without a binder ID and expressions without a type are skipped).
//
// This file is the only one that reads ir/ast and ir/types.
func Build(prog *ast.Program, files map[string]*src.File) *Index {
	b := newBuilder(files)
	// Top-level names first: bodies may use any of them, in any order.
	for _, d := range prog.Decls {
		switch d := d.(type) {
		case *ast.Func:
			fd := &Decl{Name: d.Name.Name, Kind: Function, Type: typeString(d.Result)}
			for _, p := range d.Params {
				fd.Params = append(fd.Params, Param{Name: p.Name.Name, Type: typeString(p.Type)})
			}
			b.declare(d.Name.ID, fd, d.Pos(), "")
			if short := methodName(d); b.decls[d.Name.ID] == nil && short != "" {
				fd.Name = short // `fn withdraw` of `impl Account` is the function Account_withdraw
				b.declare(d.Name.ID, fd, d.Pos(), "")
			}
		case *ast.Global:
			kind := Global
			if d.Const {
				kind = GlobalConst
			}
			b.declare(d.Name.ID, typed(d.Name.Name, kind, d.Type), d.Pos(), "")
		}
	}
	for _, d := range prog.Decls {
		ast.Inspect(d, b.visit)
	}
	b.fields(prog) // fields.go
	ix := b.finish()
	addMethods(ix, prog) // methods.go
	return ix
}

// visit records the binders and references of one node; top-level names are already declared.
func (b *builder) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.Param:
		b.declare(n.Name.ID, typed(n.Name.Name, Parameter, n.Type), n.Pos(), "")
	case *ast.VarDecl:
		kind := Variable
		if n.Const {
			kind = Constant
		}
		if b.written(n.Pos(), n.Name.Name) {
			b.declare(n.Name.ID, typed(n.Name.Name, kind, n.Type), n.Pos(), "")
		}
	case *ast.ForRange:
		b.declare(n.Var.ID, typed(n.Var.Name, LoopVariable, loopVarType(n)), n.Pos(), "for")
	case *ast.Ref: // variables, and the callee of a direct call
		b.use(n.Name.ID, n.Name.Name, n.Pos())
	case *ast.FuncRef: // a function used as a value
		b.use(n.Name.ID, n.Name.Name, n.Pos())
	case *ast.If:
		if n.HasValue() && n.Type() != nil {
			b.expr(n.Pos(), typeString(n.Type()), func(tok lexer.Token) bool { return tok.Value == "if" })
		}
	case *ast.Convert, *ast.IntLit, *ast.FloatLit, *ast.BoolLit, *ast.StrLit, *ast.Unary, *ast.Binary, *ast.Logical:
		e := n.(ast.Expr)
		if t := e.Type(); t != nil {
			b.expr(n.Pos(), typeString(t), func(tok lexer.Token) bool { return tokenFits(e, tok) })
		}
	}
	return true
}

// tokenFits reports whether tok is the token expression e starts at: its literal, its operator,
// or `if`.
func tokenFits(e ast.Expr, tok lexer.Token) bool {
	switch e := e.(type) {
	case *ast.Convert:
		return tokenFits(e.X, tok)
	case *ast.IntLit:
		return tok.Type == grammar.TokInt
	case *ast.FloatLit:
		return tok.Type == grammar.TokFloat || tok.Type == grammar.TokInt // `var x: f64 = 1`
	case *ast.BoolLit:
		return tok.Value == "true" || tok.Value == "false"
	case *ast.StrLit:
		return tok.Type == grammar.TokString || tok.Type == grammar.TokStrHead
	}
	return tok.Type == grammar.TokPunct || tok.Value == "and" || tok.Value == "or" || tok.Value == "not"
}

func typed(name string, kind Kind, t types.Type) *Decl {
	d := &Decl{Name: name, Kind: kind, Type: typeString(t)}
	if st, ok := types.Underlying(t).(*types.Struct); ok && t != nil {
		for _, f := range st.Fields {
			d.Members = append(d.Members, Member{Name: f.Name, Type: typeString(f.Type)})
		}
	}
	return d
}

func typeString(t types.Type) string {
	if t == nil || t == types.Type(types.TInvalid) {
		return "?"
	}
	return t.String()
}

// loopVarType is the type of a range loop's variable: its bounds' type, i64 for literals.
func loopVarType(s *ast.ForRange) types.Type {
	if s.Lo != nil && s.Lo.Type() != nil && !types.IsUntyped(s.Lo.Type()) {
		return s.Lo.Type()
	}
	return types.TI64
}
