// Pass lower-enums: no-arc -> no-enums.
//
// Gives every expression and binder of an enum type its enum's backing integer type (an enum
// value is its integer, spec §4.5), and of the error type i64 (an error value is its number,
// spec §7), and drops the conversions that become identities. The enum
// types stay declared in the program's types section. A struct or union holding an enum (a field
// or payload of enum type, an array of them, a pointer to such a struct…) is replaced there by a
// twin of the same name and ID with those types lowered, and every type that mentions it refers
// to the twin.
//
//	(var c#4 Color#1 2:Color#1)                  =>  (var c#4 i32 2:i32)
//	(convert:i64 c#4:Color#1) (backing i32)      =>  (convert:i64 c#4:i32)
//	(convert:i32 c#4:Color#1)                    =>  c#4:i32
//	18446744073709551612:Level#3 (i8, value -4)  =>  (neg:i8 4:i8)
//	(struct Pix#2 (c Color#1))                   =>  (struct Pix#2 (c i32))
//	(const e#5 error (error-lit:error X 0))      =>  (const e#5 i64 (error-lit:i64 X 0))

package passes

import (
	"slices"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

// backing returns t with every enum type in it replaced by its backing type (a function's
// signature included), for a program without enum-holding structs (lower-unions' payloads).
func backing(t types.Type) types.Type { return (&enumLowering{}).backing(t) }

// enumLowering maps types to their enum-free form: a struct that holds an enum (in a field, at
// any depth, or behind a pointer to such a struct) is replaced by its twin, a struct of the same
// name and ID whose field types are mapped the same way.
type enumLowering struct {
	twins map[*types.Named]*types.Named
}

func (l *enumLowering) backing(t types.Type) types.Type {
	if t == types.TError {
		return types.TI64 // an error value is its number (spec §7)
	}
	if x, ok := t.(*types.Named); ok {
		if e, ok := x.Underlying().(*types.Enum); ok {
			return e.Backing
		}
		if tw := l.twins[x]; tw != nil {
			return tw
		}
		return t
	}
	return types.MapParts(t, l.backing)
}

// newEnumLowering finds the structs and unions of the types section that hold enums and makes
// their twins; it returns the types section with the twins in their place.
func newEnumLowering(section []*types.Named) (*enumLowering, []*types.Named) {
	l := &enumLowering{twins: map[*types.Named]*types.Named{}}
	holds := func(t types.Type) bool {
		return types.Mentions(t, func(t types.Type) bool {
			n, ok := t.(*types.Named)
			return t == types.TError || ok && (isEnum(n) || l.twins[n] != nil)
		})
	}
	for changed := true; changed; { // a type holds an enum once a part does, to a fixed point
		changed = false
		for _, n := range section {
			if l.twins[n] == nil && slices.ContainsFunc(parts(n), holds) {
				l.twins[n], changed = types.NewNamed(n.Name, n.ID), true
			}
		}
	}
	if len(l.twins) == 0 {
		return l, section
	}
	out := make([]*types.Named, len(section))
	for i, n := range section {
		out[i] = n
		tw := l.twins[n]
		if tw == nil {
			continue
		}
		switch u := n.Underlying().(type) {
		case *types.Struct:
			var fields []*types.Field
			for _, f := range u.Fields {
				fields = append(fields, &types.Field{Name: f.Name, Type: l.backing(f.Type)})
			}
			tw.SetUnderlying(&types.Struct{Fields: fields})
		case *types.Union:
			var vs []types.UnionVariant
			for _, v := range u.Variants {
				if v.Payload != nil {
					v.Payload = l.backing(v.Payload)
				}
				vs = append(vs, v)
			}
			tw.SetUnderlying(&types.Union{Variants: vs})
		}
		out[i] = tw
	}
	return l, out
}

// parts returns the field types of a struct or the payload types of a union, nil for another
// named type.
func parts(n *types.Named) []types.Type {
	var out []types.Type
	switch u := n.Underlying().(type) {
	case *types.Struct:
		for _, f := range u.Fields {
			out = append(out, f.Type)
		}
	case *types.Union:
		for _, v := range u.Variants {
			if v.Payload != nil {
				out = append(out, v.Payload)
			}
		}
	}
	return out
}

func lowerEnums(_ *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	l, section := newEnumLowering(p.Types)
	backing := l.backing
	// A sharing rewrite: a node that came back as it was is copied before it is changed.
	r := &ast.Rewriter{Share: true}
	r.Expr = func(r *ast.Rewriter, e ast.Expr) ast.Expr {
		x := defaultExpr(r, e)
		if lit, ok := x.(*ast.IntLit); ok && isEnum(lit.T) && int64(lit.Value) < 0 && types.IsSigned(backing(lit.T)) {
			// A negative enum constant holds its value's bits; as an integer it is a negated literal.
			t := ast.Typed{T: backing(lit.T)}
			return &ast.Unary{At: lit.At, Typed: t, Op: "neg", X: &ast.IntLit{At: lit.At, Typed: t, Value: uint64(-int64(lit.Value))}}
		}
		if t := x.Type(); t != nil && !types.Identical(backing(t), t) {
			if x == e {
				x = ast.Clone(x)
			}
			x.(interface{ SetType(types.Type) }).SetType(backing(t))
		}
		if cv, ok := x.(*ast.Convert); ok && types.Identical(cv.X.Type(), cv.T) {
			return cv.X
		}
		return x
	}
	r.Stmt = func(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
		out := r.DefaultStmt(s)
		switch v := out.(type) {
		case *ast.VarDecl:
			if t := backing(v.Type); !types.Identical(t, v.Type) {
				if out == s {
					v = ast.Clone(v)
					out = v
				}
				v.Type = t
			}
		case *ast.Block: // a branch of an if or switch expression
			if t := backing(v.T); !types.Identical(t, v.T) {
				if out == s {
					v = ast.Clone(v)
					out = v
				}
				v.T = t
			}
		case *ast.If: // the else-if of an if expression, visited as a statement
			if v.T != nil && !types.Identical(backing(v.T), v.T) {
				if out == s {
					v = ast.Clone(v)
					out = v
				}
				v.T = backing(v.T)
			}
		}
		return []ast.Stmt{out}
	}
	r.Decl = func(r *ast.Rewriter, d ast.Decl) []ast.Decl {
		out := r.DefaultDecl(d)
		switch f := out.(type) {
		case *ast.Func:
			if out == d {
				f = ast.Clone(f)
				out = f
			}
			f.Result = backing(f.Result)
			params := f.Params
			for i, p := range params {
				if t := backing(p.Type); !types.Identical(t, p.Type) {
					if &params[0] == &f.Params[0] { // still the input's list
						f.Params = append([]*ast.Param(nil), params...)
					}
					c := *p
					c.Type = t
					f.Params[i] = &c
				}
			}
		case *ast.Global:
			if t := backing(f.Type); !types.Identical(t, f.Type) {
				if out == d {
					f = ast.Clone(f)
					out = f
				}
				f.Type = t
			}
		}
		return []ast.Decl{out}
	}
	out := r.Program(p)
	if len(l.twins) > 0 {
		if out == p {
			cp := *p
			out = &cp
		}
		out.Types = section
	}
	return out, nil
}
