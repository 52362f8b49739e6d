package passes

// Statements of check-types (see check_types.go).

import (
	"fmt"

	"cot/ir/ast"
	"cot/ir/src"
	"cot/ir/types"
)

func (c *checker) block(b *ast.Block) *ast.Block {
	out := &ast.Block{At: b.At, Stmts: make([]ast.Stmt, 0, len(b.Stmts))} // a statement each
	for _, s := range b.Stmts {
		out.Stmts = append(out.Stmts, c.stmt(s))
	}
	return out
}

func (c *checker) cond(e ast.Expr) ast.Expr {
	return c.assign(e, types.TBool, "condition must be bool")
}

func (c *checker) stmt(s ast.Stmt) ast.Stmt {
	switch s := s.(type) {
	case *ast.Block:
		return c.block(s)
	case *ast.VarDecl:
		v := *s
		v.TypeX = nil
		v.Type, v.Init = c.declared(s.Pos(), s.Name.Name, s.TypeX, s.Type, s.Init)
		kind := map[bool]string{true: "const", false: "var"}[s.Const]
		c.binders[s.Name.ID] = &checkedBinder{kind: kind, typ: v.Type}
		if s.Const {
			c.recordConst(s.Name.ID, v.Init)
		}
		return &v
	case *ast.Assign:
		a := *s
		a.Target = c.target(s.Target)
		a.Value = c.assign(s.Value, a.Target.Type(), "assigned value")
		return &a
	case *ast.OpAssign:
		return c.opAssign(s)
	case *ast.ExprStmt:
		if a, ok := s.X.(*ast.Await); ok {
			return c.awaitStmt(s, a) // check_types_async.go
		}
		if isConstructorInit(s) {
			return c.constructorInit(s) // check_types_safe.go
		}
		return &ast.ExprStmt{At: s.At, X: c.expr(s.X, nil)}
	case *ast.If:
		return c.ifStmt(s) // check_types_comptime.go
	case *ast.CompileError:
		return c.compileError(s)
	case *ast.While:
		w := *s
		w.Cond = c.cond(s.Cond)
		w.Body = c.block(s.Body)
		if s.Step != nil {
			w.Step = c.stmt(s.Step)
		}
		return &w
	case *ast.ForRange:
		return c.forRange(s)
	case *ast.ForEach:
		return c.forEach(s)
	case *ast.Break, *ast.Continue:
		return s
	case *ast.Defer:
		return c.deferStmt(s)
	case *ast.Return:
		return c.ret(s)
	case *ast.Print:
		return c.print(s)
	case *ast.Switch:
		return c.switchStmt(s)
	}
	if b := c.builtinStmt(s); b != nil {
		return b
	}
	panic(fmt.Sprintf("check-types: unexpected statement %T", s))
}

// declared checks a variable or global declaration: its type is the annotation's, or the
// initializer's (an untyped literal's default type) when there is no annotation.
func (c *checker) declared(pos src.Pos, name string, x ast.TypeExpr, t types.Type, init ast.Expr) (types.Type, ast.Expr) {
	if x != nil || t != nil {
		t = c.valueType(pos, x, t)
		if init != nil {
			init = c.assign(init, t, "initializer of `"+name+"`")
		}
		return t, init
	}
	if init == nil {
		c.diags.Errorf(pos, codeTypeMismatch, "type mismatch: `%s` needs a type or an initializer", name)
		return types.TInvalid, nil
	}
	init = c.expr(init, nil)
	switch t = init.Type(); {
	case t == types.TVoid && (name == errTryTemp || name == errCatchTemp): // check_types_error.go
		c.diags.Errorf(init.Pos(), codeTypeMismatch, "type mismatch: %s wants an error union, found void", errorOperator(name))
		t = types.TInvalid
	case t == types.TVoid:
		c.diags.Errorf(init.Pos(), codeTypeMismatch, "type mismatch: `%s` is initialised with a void value", name)
		t = types.TInvalid
	case t != types.TInvalid && !supportedType(t):
		c.diags.Errorf(init.Pos(), codeNotSupported, "not yet supported: values of type %v", t)
		t = types.TInvalid
	}
	return t, init
}

// opAssign checks `target op= value` as `target = target op value` would be checked.
func (c *checker) opAssign(s *ast.OpAssign) ast.Stmt {
	a := *s
	a.Target = c.target(s.Target)
	t := a.Target.Type()
	if t == types.TInvalid {
		a.Value = c.expr(s.Value, nil)
		return &a
	}
	if t == types.TString && s.Op == "+" { // s += t concatenates (spec §6.5)
		a.Value = c.assign(s.Value, t, "operand of `+=`")
		return &a
	}
	if isPointer(t) && (s.Op == "+" || s.Op == "-") { // p += n moves p by n elements (§6.2)
		a.Value = c.indexValue(s.Value, "operand of `"+s.Op+"=`")
		return &a
	}
	if !types.IsInteger(t) && !(types.IsFloat(t) && floatOperator(s.Op)) {
		c.diags.Errorf(s.Pos(), codeTypeMismatch, "type mismatch: `%s=` on %v, expected an integer", s.Op, t)
		a.Value = c.expr(s.Value, nil)
		return &a
	}
	if s.Op == "<<" || s.Op == ">>" {
		a.Value = c.shiftCount(s.Value, t)
	} else {
		a.Value = c.assign(s.Value, t, "operand of `"+s.Op+"=`")
	}
	return &a
}

func (c *checker) forRange(s *ast.ForRange) ast.Stmt {
	f := *s
	f.Lo = c.assign(s.Lo, types.TI64, "range start")
	f.Hi = c.assign(s.Hi, types.TI64, "range end")
	c.binders[s.Var.ID] = &checkedBinder{kind: "var", typ: types.TI64}
	f.Body = c.block(s.Body)
	return &f
}

func (c *checker) ret(s *ast.Return) ast.Stmt {
	r := &ast.Return{At: s.At}
	if c.fn == nil { // a global's initializer: there is no function to return from
		c.diags.Errorf(s.Pos(), codeBreakOutside, "return outside of function: a global's initializer is not a function body")
		if s.Value != nil {
			r.Value = c.expr(s.Value, nil)
		}
		return r
	}
	if c.inDefer {
		c.diags.Errorf(s.Pos(), codeTypeMismatch, "type mismatch: %s inside a defer body (a deferred block runs to its end)", returnSpelling(s))
	}
	c.errorReturn(s) // check_types_error.go
	switch result := c.fn.Result; {
	case s.Value != nil && result == types.TVoid:
		r.Value = c.expr(s.Value, nil)
		c.mismatch(s.Value.Pos(), "returned value", types.TVoid, r.Value.Type())
	case s.Value != nil:
		r.Value = c.assign(s.Value, result, "returned value")
	case isVoidErrorUnion(result):
		r.Value = okVoid(s.At, result)
	case result != types.TVoid && result != types.TInvalid:
		c.diags.Errorf(s.Pos(), codeTypeMismatch, "type mismatch: return without a value in a function returning %v", result)
	}
	return r
}
