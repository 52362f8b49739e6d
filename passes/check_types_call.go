package passes

// Calls and print of check-types (see check_types.go).

import (
	"fmt"

	"cot/ir/ast"
	"cot/ir/types"
)

func (c *checker) call(e *ast.Call) ast.Expr {
	if m, ok := e.Callee.(*ast.Member); ok {
		return c.methodCall(e, m)
	}
	if in, ok := e.Callee.(*ast.Instance); ok {
		return c.genericCall(e, in) // check_types_generic.go
	}
	if mi, ok := e.Callee.(*ast.MethodInstance); ok {
		return c.genericMethodCall(e, mi) // check_types_generic_method.go
	}
	call := *e
	call.T = types.TInvalid
	ref, ok := e.Callee.(*ast.Ref)
	if !ok {
		return c.callValue(e) // check_types_closure.go
	}
	name := ref.Name.Name
	b := c.binder(ref.Name.ID)
	if b != nil && b.kind != "func" && c.named[ref.Name.ID] == nil {
		return c.callValue(e)
	}
	call.Args = nil
	if len(e.Args) > 0 {
		call.Args = make([]ast.Expr, 0, len(e.Args)) // an argument each, whichever way below
	}
	if g, generic := c.gen.decls[ref.Name.ID].(*ast.GenericFunc); generic {
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: `%s` is generic: call it with its type arguments, `%s(%s)(…)`", name, name, joinNames(g.TypeParams))
	}
	switch {
	case b == nil || b.kind != "func":
		if b != nil {
			c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: cannot call non-function `%s`", name)
		}
		for _, a := range e.Args {
			call.Args = append(call.Args, c.expr(a, nil))
		}
		return &call
	}
	sig := b.typ.(*types.Func)
	call.Callee = &ast.Ref{At: ref.At, Typed: ast.Typed{T: sig}, Name: ref.Name}
	call.T = sig.Result
	if len(e.Args) != len(sig.Params) {
		arityError(c.diags, e.Pos(), fmt.Sprintf("wrong number of arguments: `%s` takes %d, got %d", name, len(sig.Params), len(e.Args)), len(sig.Params), len(e.Args))
		for _, a := range e.Args {
			call.Args = append(call.Args, c.expr(a, nil))
		}
		return &call
	}
	for i, a := range e.Args {
		what := fmt.Sprintf("argument %d of `%s`", i+1, name)
		if x, ok := c.byRefArgument(ref.Name.ID, i, a, sig.Params[i], what); ok { // check_types_safe.go
			call.Args = append(call.Args, x)
			continue
		}
		call.Args = append(call.Args, c.assign(a, sig.Params[i], what))
	}
	return &call
}

func (c *checker) print(s *ast.Print) ast.Stmt {
	p := *s
	p.Args = nil
	if len(s.Args) != 1 {
		arityError(c.diags, s.Pos(), fmt.Sprintf("wrong number of arguments: `%s` takes 1, got %d", printName(s), len(s.Args)), 1, len(s.Args))
	}
	for _, a := range s.Args {
		if lit, ok := a.(*ast.StrLit); ok {
			p.Args = append(p.Args, &ast.StrLit{At: lit.At, Typed: ast.Typed{T: types.TString}, Value: lit.Value})
			continue
		}
		if in, ok := a.(*ast.Interp); ok {
			p.Args = append(p.Args, c.interpolation(in, printName(s)))
			continue
		}
		x := c.expr(a, nil)
		if t := x.Type(); !printable(t) && t != types.TInvalid {
			c.diags.Errorf(a.Pos(), codeTypeMismatch, "type mismatch: `%s` cannot print a value of type %v%s", printName(s), t, formatHint(t))
		}
		p.Args = append(p.Args, x)
	}
	return &p
}

func printName(s *ast.Print) string {
	name := map[int]string{1: "print", 2: "eprint"}[s.Fd]
	if s.Newline {
		name += "ln"
	}
	return name
}
