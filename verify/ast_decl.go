package verify

// Declaration rules of the ast verifier (see the invariant list in ast.go).

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// walkDecl checks one declaration, everything in it.
func (v *astVerifier) walkDecl(d ast.Decl) {
	v.kind(d)
	switch d := d.(type) {
	case *ast.Func:
		v.function(d)
		if v.arcOwned {
			v.arcOwnership(d) // ast_arc.go
		}
	case *ast.GenericFunc, *ast.GenericStruct, *ast.TraitDecl, *ast.TraitImpl:
		v.generic(d) // ast_generic.go
	case *ast.EnumDecl:
		v.fn, v.where = nil, where{"enum", d.Name}
		v.needType(d, d.BackingX, types.TI32)
		for _, x := range d.Values {
			if x != nil {
				v.expr(x, false)
			}
		}
	case *ast.UnionDecl:
		v.fn, v.where = nil, where{"union", d.Name}
		for _, x := range d.PayloadX {
			if x != nil { // a unit variant
				v.needType(d, x, types.TVoid)
			}
		}
	case *ast.AliasDecl:
		v.fn, v.where = nil, where{"type", d.Name}
		v.needType(d, d.TypeX, types.TVoid)
	case *ast.StructDecl:
		v.fn, v.where = nil, where{"struct", d.Name}
		for i, x := range d.FieldTypes {
			v.needType(d, x, types.TVoid)
			if d.Defaults[i] != nil {
				v.expr(d.Defaults[i], false)
			}
		}
	case *ast.Global:
		v.fn, v.where = nil, where{"global", d.Name}
		v.needType(d, d.TypeX, d.Type)
		v.init(d, d.Type, d.Init)
		if v.constGlobals && !ast.IsConstInit(d.Init) {
			v.errorf(d, "globals-constant: initializer is not a constant")
		}
	}
}
