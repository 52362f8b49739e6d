package verify

// Generic rules of the ast verifier (see the invariant list in ast.go; ir/ast/node_generic.go):
// a generic declaration's type parameters are type binders of a scope around it, which is then
// checked as the function or struct it is; an instance callee names a generic declaration and
// its type arguments are type expressions of the language. check-types removes them all (the
// typed languages do not allow their kinds).

import "cot/ir/ast"

// generic checks a generic function or struct declaration.
func (v *astVerifier) generic(d ast.Decl) {
	var params []ast.Name
	switch g := d.(type) {
	case *ast.GenericFunc:
		params = g.TypeParams
		if g.Owner.Name != "" {
			v.lookup(g.Owner, d)
		}
	case *ast.GenericStruct:
		params = g.TypeParams
	case *ast.TraitImpl:
		v.fn, v.where = nil, where{"impl", g.Trait}
		v.lookup(g.Trait, d)
		v.push()
		if inst, ok := g.Target.(*ast.InstType); ok { // `impl Trait for Box(T)`: T is a parameter
			for _, a := range inst.Args {
				if n, ok := a.(*ast.TypeName); ok && v.resolved {
					v.binder(n.Name, d)
					v.declare(n.Name, &binderInfo{name: n.Name.Name, kind: "type"})
				}
			}
		}
		v.needType(d, g.Target, nil)
		v.pop()
		return
	case *ast.TraitDecl:
		return
	}
	v.push()
	for _, p := range params {
		v.binder(p, d)
		v.declare(p, &binderInfo{name: p.Name, kind: "type"})
	}
	switch g := d.(type) {
	case *ast.GenericFunc:
		v.function(&g.Func)
	case *ast.GenericStruct:
		v.fn, v.where = nil, where{"struct", g.Name}
		for i, x := range g.FieldTypes {
			v.needType(d, x, nil)
			if g.Defaults[i] != nil {
				v.expr(g.Defaults[i], false)
			}
		}
	}
	v.pop()
}

// instance checks the callee of a generic call.
func (v *astVerifier) instance(e *ast.Instance) {
	v.kind(e)
	if b := v.lookup(e.Name, e); b != nil && b.kind != "generic" {
		v.errorf(e, "%s is not generic", e.Name)
	}
	for _, t := range e.Args {
		v.needType(e, t, nil)
	}
}

// methodInstance checks the callee of a generic method call: a receiver and type arguments.
func (v *astVerifier) methodInstance(e *ast.MethodInstance) {
	v.kind(e)
	v.expr(e.X, false)
	for _, t := range e.Args {
		v.needType(e, t, nil)
	}
}
