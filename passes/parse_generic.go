package passes

// Generics of the parse pass (see parse.go), spec §4.11: `fn f(T)(…)` and `struct Pair(A, B)`
// become generic declarations, each method of `impl Pair(A, B)` a generic function `Pair_m`
// over the impl's parameters (owned by Pair, so `p.m()` finds it), `Pair(i64, bool)` in a type
// position an instance type, and `f(i64)(x)` / `Pair(i64, bool) { … }` an instance callee or
// literal type.
//
// Design decision: `name(A, B)` followed by `(args)` or `{ … }` is an instance when every one
// of A, B reads as a type (a name, a type such as `*T`, a tuple of names, or `G(…)` of such):
// the grammar cannot tell a type from a value, and resolve-names reports a name that is not
// generic there.

import (
	"github.com/alecthomas/participle/v2/lexer"

	"cot/grammar"
	"cot/ir/ast"
)

// typeParams makes the binders of a type parameter list (resolve-names gives them IDs).
func typeParams(names []string) []ast.Name {
	out := make([]ast.Name, len(names))
	for i, n := range names {
		out[i] = ast.Name{Name: n}
	}
	return out
}

// genericFn converts `fn name(T…)(params) Ret { body }`.
func (c *cstConverter) genericFn(fd *grammar.FnDecl, params []string, owner string) ast.Decl {
	plain := *fd
	plain.TypeParams, plain.Where = nil, nil
	f, ok := c.fn(&plain).(*ast.Func)
	if !ok {
		return nil
	}
	g := &ast.GenericFunc{Func: *f, TypeParams: typeParams(params)}
	g.Owner.Name = owner
	for _, w := range fd.Where {
		g.Bounds = append(g.Bounds, ast.Bound{Param: ast.Name{Name: w.Param}, Trait: ast.Name{Name: w.Trait}})
	}
	return g
}

// genericImpl converts `impl Name(A, B) { fn m(…) … }`: each method is the generic function
// `Name_m` over A, B.
func (c *cstConverter) genericImpl(d *grammar.ImplDecl) []ast.Decl {
	var out []ast.Decl
	for _, m := range d.Methods {
		method := func(m *grammar.FnDecl) ast.Decl { return c.genericMethod(d, m) }
		if m.Async {
			out = append(out, c.splitAsync(m, method)...) // parse_async.go
		} else if g := method(m); g != nil {
			out = append(out, g)
		}
	}
	return out
}

// genericMethod converts the method m of the generic impl d: the generic function `Name_m`
// over the impl's type parameters and then m's own.
func (c *cstConverter) genericMethod(d *grammar.ImplDecl, m *grammar.FnDecl) ast.Decl {
	params := append(append([]string{}, d.TypeParams...), m.TypeParams...)
	g, ok := c.genericFn(m, params, d.Target).(*ast.GenericFunc)
	if !ok {
		return nil
	}
	g.OwnParams = len(m.TypeParams)
	if c.safe && (len(g.Params) == 0 || g.Params[0].Name.Name != "self") {
		at := c.at(m.Pos)
		self := &ast.InstType{At: at, Name: ast.Name{Name: d.Target}, Args: typeNames(at, d.TypeParams)}
		g.Params = append([]*ast.Param{{At: at, Name: ast.Name{Name: "self"}, TypeX: &ast.PtrType{At: at, Elem: self}}}, g.Params...)
	}
	g.Name.Name = d.Target + "_" + m.Name
	return g
}

// instance converts the `name(A, B)` that starts `name(A, B)(args)` or `name(A, B) { … }`
// when A, B read as types (see the design decision above), or returns nil.
func (c *cstConverter) instance(e *grammar.PostfixExpr) ast.Expr {
	s := e.Suffixes
	if e.Primary.Ident == nil || len(s) < 2 || s[0].Call == nil || s[1].Call == nil && s[1].StructLit == nil {
		return nil
	}
	args, ok := c.typeArgs(s[0].Call)
	if !ok {
		return nil
	}
	return &ast.Instance{At: c.at(e.Pos), Name: ast.Name{Name: *e.Primary.Ident}, Args: args}
}

// methodInstance converts the `x.m(A, B)` that starts `x.m(A, B)(args)` (the suffixes from
// the first call on) when A, B read as types, or returns nil.
func (c *cstConverter) methodInstance(x ast.Expr, s []*grammar.Suffix) *ast.MethodInstance {
	m, ok := x.(*ast.Member)
	if !ok || len(s) < 2 || s[1].Call == nil {
		return nil
	}
	args, ok := c.typeArgs(s[0].Call)
	if !ok {
		return nil
	}
	return &ast.MethodInstance{At: m.At, X: m.X, Name: m.Name, Args: args}
}

// typeArgs converts the arguments of a call suffix as types, if each reads as one.
func (c *cstConverter) typeArgs(call *grammar.CallSuffix) ([]ast.TypeExpr, bool) {
	if len(call.Args) == 0 {
		return nil, false
	}
	var out []ast.TypeExpr
	for _, a := range call.Args {
		t, ok := c.typeArgOf(a)
		if !ok {
			return nil, false
		}
		out = append(out, t)
	}
	return out, true
}

// typeArgOf converts one argument as a type, if it reads as one.
func (c *cstConverter) typeArgOf(a *grammar.Arg) (ast.TypeExpr, bool) {
	if a.Type != nil {
		return c.typ(a.Type), true
	}
	if p := primaryOf(a.Expr); p != nil && p.Ident != nil {
		return &ast.TypeName{At: c.at(a.Pos), Name: ast.Name{Name: *p.Ident}}, true
	}
	if tupleOfNames(a.Expr) != nil {
		return c.tupleTypeArg(a.Expr), true
	}
	if pf := postfixOf(a.Expr); pf != nil {
		return c.postfixType(a.Pos, pf)
	}
	if u := unaryOf(a.Expr); u != nil && len(u.Ops) == 1 && u.Ops[0] == "!" { // !T reads as `not T`
		if payload, ok := c.postfixType(a.Pos, u.Operand); ok {
			return &ast.ErrorUnionType{At: c.at(a.Pos), Payload: payload}, true
		}
	}
	return nil, false
}

// postfixType converts a postfix expression that reads as a type: a name, or G(A, B) of such.
func (c *cstConverter) postfixType(pos lexer.Position, pf *grammar.PostfixExpr) (ast.TypeExpr, bool) {
	if pf.Primary.Ident == nil {
		return nil, false
	}
	switch {
	case len(pf.Suffixes) == 0:
		return &ast.TypeName{At: c.at(pos), Name: ast.Name{Name: *pf.Primary.Ident}}, true
	case len(pf.Suffixes) == 1 && pf.Suffixes[0].Call != nil:
		if args, ok := c.typeArgs(pf.Suffixes[0].Call); ok { // G(A, B)
			return &ast.InstType{At: c.at(pos), Name: ast.Name{Name: *pf.Primary.Ident}, Args: args}, true
		}
	}
	return nil, false
}

// postfixOf returns the postfix expression an expression consists of (no operators), or nil.
func postfixOf(e *grammar.Expr) *grammar.PostfixExpr {
	if u := unaryOf(e); u != nil && len(u.Ops) == 0 {
		return u.Operand
	}
	return nil
}

// unaryOf returns the unary expression an expression consists of (no binary operators), or nil.
func unaryOf(e *grammar.Expr) *grammar.UnaryExpr {
	if len(e.Rest) > 0 || len(e.Left.Rest) > 0 {
		return nil
	}
	a := e.Left.Left
	if len(a.Rest) > 0 || len(a.Left.Rest) > 0 || len(a.Left.Left.Rest) > 0 || len(a.Left.Left.Left.Rest) > 0 {
		return nil
	}
	return a.Left.Left.Left.Left
}

// traitDecl converts `trait Name { fn m(…) … }` (spec §4.10): the method names.
func (c *cstConverter) traitDecl(d *grammar.TraitDecl) ast.Decl {
	t := &ast.TraitDecl{At: c.at(d.Pos), Name: ast.Name{Name: d.Name}, Methods: []string{}}
	for _, m := range d.Methods {
		t.Methods = append(t.Methods, m.Name)
	}
	return t
}

// traitImpl records `impl Trait for Target` (its methods are converted as a plain impl's).
func (c *cstConverter) traitImpl(d *grammar.ImplDecl) ast.Decl {
	at := c.at(d.Pos)
	var target ast.TypeExpr = &ast.TypeName{At: at, Name: ast.Name{Name: d.Target}}
	if len(d.TypeParams) > 0 { // `impl Trait for Box(T)`: T binds a type parameter (resolve-names)
		target = &ast.InstType{At: at, Name: ast.Name{Name: d.Target}, Args: typeNames(at, d.TypeParams)}
	}
	t := &ast.TraitImpl{At: at, Trait: ast.Name{Name: d.Trait}, Target: target, Methods: []string{}}
	for _, m := range d.Methods {
		t.Methods = append(t.Methods, m.Name)
	}
	return t
}

// typeNames makes the type names of a list of type parameters.
func typeNames(at ast.At, names []string) []ast.TypeExpr {
	var out []ast.TypeExpr
	for _, p := range names {
		out = append(out, &ast.TypeName{At: at, Name: ast.Name{Name: p}})
	}
	return out
}
