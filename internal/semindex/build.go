package semindex

import (
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
		case *ast.Global:
			kind := Global
			if d.Const {
				kind = GlobalConst
			}
			b.declare(d.Name.ID, typed(d.Name.Name, kind, d.Type), d.Pos(), "")
		}
	}
	w := walker{b}
	for _, d := range prog.Decls {
		switch d := d.(type) {
		case *ast.Func:
			for _, p := range d.Params {
				b.declare(p.Name.ID, typed(p.Name.Name, Parameter, p.Type), p.Pos(), "")
			}
			w.stmt(d.Body)
		case *ast.Global:
			w.expr(d.Init)
		}
	}
	return b.finish()
}

func typed(name string, kind Kind, t *types.Type) *Decl {
	d := &Decl{Name: name, Kind: kind, Type: typeString(t)}
	if t != nil && t.Kind == types.Struct {
		for _, f := range t.Fields {
			d.Members = append(d.Members, Member{Name: f.Name, Type: typeString(f.Type)})
		}
	}
	return d
}

func typeString(t *types.Type) string {
	if t == nil || t == types.TInvalid {
		return "?"
	}
	return t.String()
}

type walker struct{ b *builder }

func (w walker) stmt(s ast.Stmt) {
	switch s := s.(type) {
	case nil:
	case *ast.Block:
		if s == nil {
			return
		}
		for _, st := range s.Stmts {
			w.stmt(st)
		}
	case *ast.VarDecl:
		w.expr(s.Init) // the initializer sees the outer binding of the name
		kind := Variable
		if s.Const {
			kind = Constant
		}
		w.b.declare(s.Name.ID, typed(s.Name.Name, kind, s.Type), s.Pos(), "")
	case *ast.Assign:
		w.expr(s.Target)
		w.expr(s.Value)
	case *ast.OpAssign:
		w.expr(s.Target)
		w.expr(s.Value)
	case *ast.ExprStmt:
		w.expr(s.X)
	case *ast.If:
		w.expr(s.Cond)
		w.stmt(s.Then)
		w.stmt(s.Else)
	case *ast.While:
		w.expr(s.Cond)
		w.stmt(s.Body)
		w.stmt(s.Step)
	case *ast.ForRange:
		w.expr(s.Lo)
		w.expr(s.Hi)
		w.b.declare(s.Var.ID, typed(s.Var.Name, LoopVariable, loopVarType(s)), s.Pos(), "for")
		w.stmt(s.Body)
	case *ast.Return:
		w.expr(s.Value)
	case *ast.Print:
		for _, a := range s.Args {
			w.expr(a)
		}
	case *ast.InitGlobal:
		w.expr(s.Value)
	}
}

// loopVarType is the type of a range loop's variable: its bounds' type (i64 in the slice).
func loopVarType(s *ast.ForRange) *types.Type {
	if s.Lo != nil && s.Lo.Type() != nil && s.Lo.Type() != types.TUntypedInt {
		return s.Lo.Type()
	}
	return types.TI64
}

func (w walker) expr(e ast.Expr) {
	switch e := e.(type) {
	case nil:
	case *ast.Ref:
		w.b.use(e.Name.ID, e.Name.Name, e.Pos())
	case *ast.Call:
		w.b.use(e.Func.ID, e.Func.Name, e.Pos())
		for _, a := range e.Args {
			w.expr(a)
		}
	case *ast.RuntimeCall:
		for _, a := range e.Args {
			w.expr(a)
		}
	case *ast.Unary:
		w.expr(e.X)
	case *ast.Binary:
		w.expr(e.X)
		w.expr(e.Y)
	case *ast.Logical:
		w.expr(e.X)
		w.expr(e.Y)
	case *ast.IfExpr:
		w.expr(e.Cond)
		w.expr(e.Then)
		w.expr(e.Else)
	}
}
