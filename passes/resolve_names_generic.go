package passes

// Generics of resolve-names (see resolve_names.go), spec §4.11: the type parameters of a
// generic declaration are binders of a scope around it, and types (so `T` resolves in its
// types and body); an instance type `Pair(i64, bool)` must name a generic struct and an
// instance callee `f(i64)` a generic function; the owner of a generic impl's method is the
// generic struct it names.
//
//	(generic-fn (T) - (func f ((x T)) T …))  =>  (generic-fn (T#8) - (func f#3 ((x#9 T#8)) T#8 …))

import (
	"cot/ir/ast"
	"cot/ir/src"
)

// genericDecl resolves a generic declaration, or returns nil for another declaration.
func (rs *resolver) genericDecl(r *ast.Rewriter, d ast.Decl, name ast.Name) ast.Decl {
	switch d := d.(type) {
	case *ast.GenericFunc:
		c := *d
		rs.push()
		c.TypeParams = rs.declareTypeParams(d.Pos(), d.TypeParams)
		c.Bounds = nil
		for _, b := range d.Bounds {
			c.Bounds = append(c.Bounds, ast.Bound{Param: rs.lookup(d.Pos(), b.Param.Name), Trait: rs.trait(d.Pos(), b.Trait.Name)})
		}
		if d.Owner.Name != "" {
			c.Owner = rs.lookup(d.Pos(), d.Owner.Name)
			owner, ok := rs.generics[c.Owner.ID].(*ast.GenericStruct)
			switch impl := len(d.TypeParams) - d.OwnParams; {
			case !ok && c.Owner.ID != 0:
				rs.diags.Errorf(d.Pos(), codeTypeMismatch, "type mismatch: `impl %s(…)` names no generic struct", d.Owner.Name)
			case ok && impl != len(owner.TypeParams):
				rs.diags.Errorf(d.Pos(), codeTypeMismatch, "wrong number of arguments: `%s` takes %d type argument%s, `impl %s(…)` gives %d", d.Owner.Name, len(owner.TypeParams), plural(len(owner.TypeParams)), d.Owner.Name, impl)
			}
		}
		c.Func = *rs.function(r, &d.Func, name)
		rs.pop()
		return &c
	case *ast.GenericStruct:
		c := *d
		rs.push()
		c.TypeParams = rs.declareTypeParams(d.Pos(), d.TypeParams)
		c.StructDecl = *r.DefaultDecl(&d.StructDecl).(*ast.StructDecl)
		rs.pop()
		c.StructDecl.Name = name
		return &c
	case *ast.TraitDecl:
		c := *d
		c.Name = name
		return &c
	case *ast.TraitImpl:
		c := *d
		c.Trait = rs.trait(d.Pos(), d.Trait.Name)
		if inst, ok := d.Target.(*ast.InstType); ok { // `impl Trait for Box(T)`: T is a parameter
			rs.push()
			for _, a := range inst.Args {
				n := a.(*ast.TypeName).Name
				rs.types[rs.declare(d.Pos(), n.Name).ID] = true
			}
			c.Target = r.RewriteType(d.Target)
			rs.pop()
			return &c
		}
		c.Target = r.RewriteType(d.Target)
		return &c
	}
	return nil
}

// trait resolves the name of a trait.
func (rs *resolver) trait(pos src.Pos, name string) ast.Name {
	n := rs.lookup(pos, name)
	if _, ok := rs.generics[n.ID].(*ast.TraitDecl); !ok && n.ID != 0 {
		rs.diags.Errorf(pos, codeTypeMismatch, "type mismatch: `%s` is not a trait", name)
	}
	return n
}

func (rs *resolver) declareTypeParams(pos src.Pos, names []ast.Name) []ast.Name {
	out := make([]ast.Name, len(names))
	for i, n := range names {
		out[i] = rs.declare(pos, n.Name)
		rs.types[out[i].ID] = true
	}
	return out
}

// instType resolves `Name(Args…)` in a type position.
func (rs *resolver) instType(r *ast.Rewriter, t *ast.InstType) ast.TypeExpr {
	c := *t
	if rs.predeclaredFuture(t) { // resolve_names_async.go
		c.Args = resolveTypes(r, t.Args)
		return &c
	}
	c.Name = rs.lookup(t.Pos(), t.Name.Name)
	if _, ok := rs.generics[c.Name.ID].(*ast.GenericStruct); !ok && c.Name.ID != 0 {
		rs.diags.Errorf(t.Pos(), codeTypeMismatch, "type mismatch: `%s` is not a generic struct, so it takes no type arguments", t.Name.Name)
	}
	c.Args = resolveTypes(r, t.Args)
	return &c
}

// instance resolves the callee `f(Args…)` of a generic call (or the type of a generic literal).
func (rs *resolver) instance(r *ast.Rewriter, e *ast.Instance) ast.Expr {
	c := *e
	c.Name = rs.lookup(e.Pos(), e.Name.Name)
	if call := rs.valueCall(&c); call != nil { // resolve_names_closure.go
		return call
	}
	if _, trait := rs.generics[c.Name.ID].(*ast.TraitDecl); (rs.generics[c.Name.ID] == nil || trait) && c.Name.ID != 0 {
		rs.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: `%s` is not generic, so it takes no type arguments", e.Name.Name)
	}
	c.Args = resolveTypes(r, e.Args)
	return &c
}

// methodInstance resolves the callee `x.m(A…)` of a generic method call; when a bare name among
// A… is a value, not a type, it is the call `x.m(a…)` whose result is called.
func (rs *resolver) methodInstance(r *ast.Rewriter, e *ast.MethodInstance) ast.Expr {
	var values []ast.Expr
	isValue := false
	for _, a := range e.Args {
		n, ok := a.(*ast.TypeName)
		if !ok {
			values = nil
			break
		}
		values = append(values, &ast.Ref{At: n.At, Name: ast.Name{Name: n.Name.Name}})
		b, found := rs.peek(n.Name.Name)
		isValue = isValue || found && !rs.types[b.ID]
	}
	if isValue && values != nil { // the call of what x.m(a) returns (check-types: a call-value)
		return r.RewriteExpr(&ast.Call{At: e.At, Callee: &ast.Member{At: e.At, X: e.X, Name: e.Name}, Args: values})
	}
	c := *e
	c.X = r.RewriteExpr(e.X)
	c.Args = resolveTypes(r, e.Args)
	return &c
}

// peek finds a name in the scopes without reporting it when it is missing.
func (rs *resolver) peek(name string) (ast.Name, bool) {
	for i := len(rs.scopes) - 1; i >= 0; i-- {
		if n, ok := rs.inScope(i, name); ok {
			return n, true
		}
	}
	return ast.Name{}, false
}

func resolveTypes(r *ast.Rewriter, ts []ast.TypeExpr) []ast.TypeExpr {
	out := make([]ast.TypeExpr, len(ts))
	for i, t := range ts {
		out[i] = r.RewriteType(t)
	}
	return out
}

// bareGeneric reports a generic struct named without its type arguments.
func (rs *resolver) bareGeneric(pos src.Pos, n ast.Name) bool {
	g, ok := rs.generics[n.ID].(*ast.GenericStruct)
	if ok {
		rs.diags.Errorf(pos, codeTypeMismatch, "type mismatch: `%s` is generic: write its type arguments, `%s(%s)`", n.Name, n.Name, joinNames(g.TypeParams))
	}
	return ok
}

func joinNames(ns []ast.Name) string {
	out := ""
	for i, n := range ns {
		if i > 0 {
			out += ", "
		}
		out += n.Name
	}
	return out
}
