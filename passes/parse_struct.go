package passes

// Structs of the parse pass (see parse.go): struct declarations, impl blocks, struct literals
// and `.{}`.

import (
	"cot/grammar"
	"cot/ir/ast"
)

// structDecl converts `struct Name { field: T = default, ... }`.
func (c *cstConverter) structDecl(d *grammar.StructDecl) ast.Decl {
	s := &ast.StructDecl{At: c.at(d.Pos), Name: ast.Name{Name: d.Name}}
	for _, f := range d.Fields {
		var def ast.Expr
		if f.Default != nil {
			def = c.expr(f.Default)
		}
		s.FieldNames = append(s.FieldNames, f.Name)
		s.FieldTypes = append(s.FieldTypes, c.typ(f.Type))
		s.Defaults = append(s.Defaults, def)
	}
	if len(d.TypeParams) > 0 {
		return &ast.GenericStruct{StructDecl: *s, TypeParams: typeParams(d.TypeParams)}
	}
	return s
}

// impl converts `impl T { fn m(...) ... }`: each method is the function `T_m` (spec §4.9), which
// check-types finds by that name for `x.m(...)` and `T.m(...)`. In an `@safe` file a method whose
// first parameter is not `self` gets `self: *T` first (§4.13 rule 2).
func (c *cstConverter) impl(d *grammar.ImplDecl) []ast.Decl {
	if len(d.TypeParams) > 0 {
		out := c.genericImpl(d) // parse_generic.go
		if d.Trait != "" {
			out = append(out, c.traitImpl(d))
		}
		return out
	}
	var out []ast.Decl
	for _, m := range d.Methods {
		method := func(m *grammar.FnDecl) ast.Decl { return c.method(d, m) }
		if m.Async {
			out = append(out, c.splitAsync(m, method)...) // parse_async.go
		} else if decl := method(m); decl != nil {
			out = append(out, decl)
		}
	}
	if d.Trait != "" {
		out = append(out, c.traitImpl(d))
	}
	return out
}

// method converts the method m of the non-generic impl d: the function `Target_m`, with
// `self: *Target` prepended in a safe file when m has no `self` (§4.13 rule 2).
func (c *cstConverter) method(d *grammar.ImplDecl, m *grammar.FnDecl) ast.Decl {
	decl := c.fn(m)
	if g, ok := decl.(*ast.GenericFunc); ok { // a generic method `fn m(T)(self: *S, …)`
		g.Name.Name = d.Target + "_" + m.Name
		return g
	}
	f, ok := decl.(*ast.Func)
	if !ok {
		return nil
	}
	if c.safe && (len(f.Params) == 0 || f.Params[0].Name.Name != "self") {
		at := c.at(m.Pos)
		self := &ast.Param{At: at, Name: ast.Name{Name: "self"}, TypeX: &ast.PtrType{At: at, Elem: &ast.TypeName{At: at, Name: ast.Name{Name: d.Target}}}}
		f.Params = append([]*ast.Param{self}, f.Params...)
	}
	f.Name.Name = d.Target + "_" + m.Name
	return f
}

// structLit converts `T { .f = e, ... }` (and the colon form of safe files) whose type is x.
func (c *cstConverter) structLit(x ast.Expr, s *grammar.StructLit) ast.Expr {
	at := c.at(s.Pos)
	var lit *ast.StructLit
	switch x := x.(type) {
	case *ast.Ref:
		lit = &ast.StructLit{At: ast.AtOf(x.Pos()), TypeX: &ast.TypeName{At: x.At, Name: x.Name}}
	case *ast.Instance: // Pair(i64, bool) { … }
		lit = &ast.StructLit{At: x.At, TypeX: &ast.InstType{At: x.At, Name: x.Name, Args: x.Args}}
	default:
		c.unsupported(s.Pos, "struct literals of computed types")
		return &ast.IntLit{At: at}
	}
	for _, f := range s.Fields {
		var v ast.Expr
		if f.Value != nil {
			v = c.expr(f.Value)
		} else {
			v = &ast.Ref{At: c.at(f.Pos), Name: ast.Name{Name: f.Name}} // shorthand `name`
		}
		lit.Names, lit.Values = append(lit.Names, f.Name), append(lit.Values, v)
	}
	return lit
}

// index converts x[i] and x[lo:hi] (either bound may be omitted).
func (c *cstConverter) index(x ast.Expr, s *grammar.IndexSuffix) ast.Expr {
	at := c.at(s.Pos)
	opt := func(e *grammar.Expr) ast.Expr {
		if e == nil {
			return nil
		}
		return c.expr(e)
	}
	if !s.Slice {
		if s.Start == nil {
			c.diags.Errorf(at.Pos(), codeTypeMismatch, "type mismatch: an index needs a value")
			return x
		}
		return &ast.Index{At: at, X: x, I: c.expr(s.Start)}
	}
	return &ast.SliceExpr{At: at, X: x, Lo: opt(s.Start), Hi: opt(s.End)}
}

// appendCall converts `append(x, e)` (spec §6.8: a special call target, like len).
func (c *cstConverter) appendCall(e *grammar.PostfixExpr, call *grammar.CallSuffix) ast.Expr {
	at := c.at(e.Pos)
	if args, ok := c.argsOf(at, call, "append", 2); ok {
		return &ast.Append{At: at, X: args[0], Elem: args[1]}
	}
	return &ast.IntLit{At: at}
}

// argsOf converts the arguments of a call of the special target name, which takes n of them.
func (c *cstConverter) argsOf(at ast.At, call *grammar.CallSuffix, name string, n int) ([]ast.Expr, bool) {
	args := c.args(call)
	if len(args) != n {
		c.diags.Errorf(at.Pos(), codeTypeMismatch, "wrong number of arguments: `%s` takes %d, got %d", name, n, len(args))
		return nil, false
	}
	return args, true
}
