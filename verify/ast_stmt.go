package verify

// Statement rules of the ast verifier (see the invariant list in ast.go).

import (
	"cot/ir/ast"
	"cot/ir/types"
)

func (v *astVerifier) stmt(s ast.Stmt) {
	v.kind(s)
	switch s := s.(type) {
	case *ast.Block:
		v.block(s)
	case *ast.VarDecl:
		v.binder(s.Name, s)
		v.needType(s, s.TypeX, s.Type)
		v.init(s, s.Type, s.Init)
		kind := "var"
		if s.Const {
			kind = "const"
		}
		v.declare(s.Name, &binderInfo{name: s.Name.Name, kind: kind, typ: s.Type})
	case *ast.Assign:
		v.assignable(s, s.Target)
		v.expr(s.Value, false)
		v.same(s, s.Target.Type(), s.Value.Type(), "assigned value type")
	case *ast.OpAssign:
		v.assignable(s, s.Target)
		v.expr(s.Value, false)
		if _, ptr := s.Target.Type().(*types.Pointer); ptr && (s.Op == "+" || s.Op == "-") {
			v.same(s, types.TI64, s.Value.Type(), "pointer step type") // p += n moves by n elements
			break
		}
		if !stringAppend(s) {
			v.arith(s, s.Op, s.Target.Type(), s.Value.Type())
		}
	case *ast.ExprStmt:
		v.expr(s.X, false)
	case *ast.Trap:
	case *ast.Exit:
		v.expr(s.Code, v.anf)
		v.same(s, types.TI64, s.Code.Type(), "exit status type")
	case *ast.Assert:
		v.cond(s, s.Cond)
	case *ast.AssertEq:
		v.expr(s.X, v.anf)
		v.expr(s.Y, v.anf)
		v.same(s, s.X.Type(), s.Y.Type(), "assert_eq operand types")
	case *ast.Switch:
		if s.HasValue() {
			v.errorf(s, "a switch with values as a statement")
		}
		v.switchParts(s)
	case *ast.If:
		if s.HasValue() {
			v.errorf(s, "an if with values as a statement")
		}
		v.cond(s, s.Cond)
		if s.Then == nil {
			v.errorf(s, "if without a then block")
		} else {
			v.block(s.Then)
		}
		switch e := s.Else.(type) {
		case nil:
		case *ast.Block, *ast.If:
			v.stmt(e)
		default:
			v.errorf(s, "else branch is a %s, want a block or an if", e.Kind())
		}
	case *ast.While:
		v.binder(s.Label, s)
		v.cond(s, s.Cond)
		v.loops = append(v.loops, s.Label.ID)
		if s.Body == nil {
			v.errorf(s, "loop without a body")
		} else {
			v.block(s.Body)
		}
		if s.Step != nil {
			v.stmt(s.Step)
		}
		v.loops = v.loops[:len(v.loops)-1]
	case *ast.ForRange:
		v.binder(s.Label, s)
		v.binder(s.Var, s)
		v.expr(s.Lo, false)
		v.expr(s.Hi, false)
		v.same(s, types.TI64, s.Lo.Type(), "range start type")
		v.same(s, types.TI64, s.Hi.Type(), "range end type")
		v.push()
		v.declare(s.Var, &binderInfo{name: s.Var.Name, kind: "var", typ: types.TI64})
		v.loops = append(v.loops, s.Label.ID)
		v.block(s.Body)
		v.loops = v.loops[:len(v.loops)-1]
		v.pop()
	case *ast.Break:
		v.loopRef(s, s.Label)
	case *ast.Continue:
		v.loopRef(s, s.Label)
	case *ast.Return:
		if s.Value != nil {
			v.expr(s.Value, false)
		}
		if v.typed && v.fn != nil {
			switch {
			case s.Value == nil && v.fn.Result != types.TVoid:
				v.errorf(s, "return without a value in a function returning %v", v.fn.Result)
			case s.Value != nil:
				v.same(s, v.fn.Result, s.Value.Type(), "returned value type")
			}
		}
	case *ast.InitGlobal:
		if v.fn == nil || v.fn.Export != "_start" {
			v.errorf(s, "init-global outside the entry function")
		}
		v.expr(s.Value, false)
		if b := v.lookup(s.Name, s); b != nil {
			if b.scope != 0 || (b.kind != "global" && b.kind != "const") {
				v.errorf(s, "init-global of %s, which is not a global", s.Name)
			}
			v.same(s, b.typ, s.Value.Type(), "initial value type")
		}
	case *ast.Print:
		if s.Fd != 1 && s.Fd != 2 {
			v.errorf(s, "print to file descriptor %d", s.Fd)
		}
		for _, a := range s.Args {
			v.expr(a, v.anf)
		}
		if v.typed && len(s.Args) != 1 {
			v.errorf(s, "print with %d arguments", len(s.Args))
		}
	case *ast.Store:
		v.store(s)
	case *ast.ForEach:
		v.forEach(s)
	case *ast.Defer:
		v.block(s.Body)
	default:
		if !v.structStmt(s) && !v.arcStmt(s) && !v.comptimeStmt(s) {
			v.errorf(s, "unknown statement %T", s)
		}
	}
}
