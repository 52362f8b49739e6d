package passes

// Safe mode in the parse pass (spec §1.6, §4.13; docs/decisions.md "safe mode"). A file is in
// safe mode when it starts with `@safe`, or when the project's cot.json says `"safe": true`
// (the driver puts SafeModeKey in the context; then every parsed file is, the standard library
// included). Rule 2 (implicit self) and rule 3 (colon struct literals) are parse's own
// (parse_struct.go, parse_generic.go, grammar); rule 1 (struct parameters become pointers) needs
// to know which names are structs, so each parameter type of a safe file is wrapped in a
// by-ref type expression that check-types resolves (check_types_safe.go).

import (
	"cot/grammar"
	"cot/ir/ast"
)

// Rule 4, constructor sugar: `new T(args)` allocates a T as `new T {}` does and calls its init
// method with the new pointer as self, then yields the pointer:
//
//	new T(a, b)  =>  { const new.obj = new T {}; new.obj.init(a, b); new.obj }
//
// check-types finds T_init (or the generic instance's) like any method call, checks the
// arguments' count and types, and reports an init that returns a value. Rule 5, annotation
// coercion: `var p: S = new S { … }` (or `new S(args)`) declares p a *S.

// SafeModeKey in pipeline.Ctx.Store (value true) puts every file of the compilation in safe
// mode: cot.json's `"safe": true`.
const SafeModeKey = "safe-mode"

// paramType converts a parameter's type: by-ref in a safe file.
func (c *cstConverter) paramType(t *grammar.Type) ast.TypeExpr {
	x := c.typ(t)
	if c.safe {
		return &ast.ByRefType{At: ast.At{P: x.Pos()}, Elem: x}
	}
	return x
}

// constructor converts `new T(args)` (lit is the empty literal of T).
func (c *cstConverter) constructor(n *grammar.NewExpr, lit *ast.StructLit, args []*grammar.Arg) ast.Expr {
	at := lit.At
	if !c.safe {
		c.diags.Errorf(at.P, codeTypeMismatch, "type mismatch: the constructor form `new %s(…)` is for @safe files (spec §4.13); write `new %s { … }`", n.Name, n.Name)
		return &ast.IntLit{At: at}
	}
	if n.Braces {
		c.diags.Errorf(at.P, codeTypeMismatch, "type mismatch: `new %s(…)` calls init; it takes no fields in braces", n.Name)
		return &ast.IntLit{At: at}
	}
	obj := func() ast.Expr { return &ast.Ref{At: at, Name: ast.Name{Name: "new.obj"}} }
	call := &ast.Call{At: at, Callee: &ast.Member{At: at, X: obj(), Name: "init"}}
	for _, a := range args {
		if a.Expr == nil {
			c.diags.Errorf(c.at(a.Pos).P, codeTypeMismatch, "type mismatch: the arguments of `new %s(…)` are values, not types", n.Name)
			return &ast.IntLit{At: at}
		}
		call.Args = append(call.Args, c.expr(a.Expr))
	}
	return &ast.Block{At: at, Stmts: []ast.Stmt{
		&ast.VarDecl{At: at, Name: ast.Name{Name: "new.obj"}, Const: true, Init: &ast.New{At: at, Lit: lit}},
		&ast.ExprStmt{At: at, X: call},
	}, Value: obj()}
}

// annotation applies rule 5 to a declaration's annotation x and initializer init.
func (c *cstConverter) annotation(x ast.TypeExpr, init ast.Expr) ast.TypeExpr {
	if !c.safe || x == nil || !isNew(init) {
		return x
	}
	if _, ptr := x.(*ast.PtrType); ptr {
		return x
	}
	return &ast.PtrType{At: ast.At{P: x.Pos()}, Elem: x}
}

// isNew reports whether e is `new T {…}` or the constructor form.
func isNew(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.New:
		return true
	case *ast.Block:
		if len(e.Stmts) == 2 {
			if d, ok := e.Stmts[0].(*ast.VarDecl); ok && d.Name.Name == "new.obj" {
				return true
			}
		}
	}
	return false
}
