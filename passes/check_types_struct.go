package passes

// Structs of check-types (see check_types.go), spec §4.4, §4.9, §6.9 and decisions.md #13: each
// struct declaration becomes a *types.Named of the types section (all declared before any is
// completed, so fields may name any struct, `*Self` included); a literal lists every field in
// declaration order, an omitted one taking its default (checked once, as a global initializer
// would be) or the value of `.{}` for its type; `.{}` is the literal of its context's type with
// every field omitted, so defaults apply at every level, array and tuple elements included (a
// variable without an initializer, or with `undefined`, is all zero bytes); `x.f` reads a field, through one pointer level made an explicit deref.
//
//	(struct-lit P#2 (y 2))   =>  (struct-lit:P#2 - (x (zero:i64)) (y 2:i64))
//	(member p#5 x)           =>  (field:i64 (deref:P#2 p#5:(ptr P#2)) x)

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// declareStructs declares every struct of p, then completes each.
func (c *checker) declareStructs(p *ast.Program) []*types.Named {
	var out []*types.Named
	var decls []*ast.StructDecl
	for _, d := range p.Decls {
		if s, ok := d.(*ast.StructDecl); ok {
			n := types.NewNamed(s.Name.Name, s.Name.ID)
			c.named[s.Name.ID] = n
			out, decls = append(out, n), append(decls, s)
		}
	}
	for i, d := range decls {
		st := &types.Struct{}
		seen := map[string]bool{}
		for j, name := range d.FieldNames {
			if seen[name] {
				c.diags.Errorf(d.FieldTypes[j].Pos(), codeRedefined, "redefined identifier `%s.%s`", d.Name.Name, name)
			}
			seen[name] = true
			// Checked below, once every struct is complete.
			st.Fields = append(st.Fields, &types.Field{Name: name, Type: c.typeOf(d.FieldTypes[j])})
		}
		out[i].SetUnderlying(st)
		c.structDecls[out[i]] = d
		c.structOrder = append(c.structOrder, out[i])
	}
	for i, d := range decls {
		for j, f := range out[i].Underlying().(*types.Struct).Fields {
			f.Type = c.valueType(d.FieldTypes[j].Pos(), nil, f.Type)
		}
	}
	for i, n := range out {
		if types.ContainsItself(n) {
			c.diags.Errorf(decls[i].Pos(), codeTypeMismatch, "type mismatch: struct `%s` contains itself (use a pointer, `*%s`)", n.Name, n.Name)
			for _, f := range n.Underlying().(*types.Struct).Fields {
				f.Type = types.TInvalid // no layout is ever computed for it
			}
		}
	}
	return out
}

// checkStructDefaults checks every field default once, in no function.
func (c *checker) checkStructDefaults() {
	for _, n := range c.structOrder {
		c.fieldDefaults(n, c.structDecls[n])
	}
}

// fieldDefaults returns the checked defaults of n's fields (nil: none), checking them on first use.
func (c *checker) fieldDefaults(n *types.Named, d *ast.StructDecl) []ast.Expr {
	if defs, ok := c.defaults[n]; ok {
		return defs
	}
	defs := make([]ast.Expr, len(d.Defaults))
	c.defaults[n] = defs
	fn := c.fn
	c.fn = nil
	for i, x := range d.Defaults {
		if x != nil {
			defs[i] = c.assign(x, n.Underlying().(*types.Struct).Fields[i].Type, "default of `"+n.Name+"."+d.FieldNames[i]+"`")
		}
	}
	c.fn = fn
	return defs
}

// structLit checks `T { .f = e, ... }`, or a literal of the expected type want.
func (c *checker) structLit(e *ast.StructLit, want types.Type) ast.Expr {
	t := want
	if e.TypeX != nil {
		t = c.typeOf(e.TypeX)
	}
	n, _ := t.(*types.Named)
	st := ast.StructOf(t)
	bad := &ast.StructLit{At: e.At, Typed: ast.Typed{T: types.TInvalid}}
	if t == types.TInvalid {
		return bad
	}
	if st == nil || n == nil {
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: a struct literal of type %v, which is not a struct", t)
		return bad
	}
	given := map[string]ast.Expr{}
	for i, name := range e.Names {
		f, _ := st.Field(name)
		switch {
		case f == nil:
			c.unknownField(e.Values[i].Pos(), st, n.Name, name) // check_types_mismatch.go
			c.expr(e.Values[i], nil)
		case given[name] != nil:
			c.diags.Errorf(e.Values[i].Pos(), codeRedefined, "redefined identifier `%s.%s`: the field is given twice", n.Name, name)
		default:
			given[name] = c.assign(e.Values[i], f.Type, "field `"+name+"`")
		}
	}
	pre := c.inWrittenOrder(e.Names, given, st)
	defs := c.fieldDefaults(n, c.structDecls[n])
	out := &ast.StructLit{At: e.At, Typed: ast.Typed{T: t}}
	for i, f := range st.Fields {
		v := given[f.Name]
		switch {
		case v != nil:
		case defs != nil && defs[i] != nil:
			v = ast.DeepClone(defs[i])
		default: // the value of `.{}`: a struct field gets its own defaults
			v = c.zero(&ast.Zero{At: e.At}, f.Type)
		}
		out.Names, out.Values = append(out.Names, f.Name), append(out.Values, v)
	}
	if pre != nil {
		return &ast.Block{At: e.At, Typed: out.Typed, Stmts: pre, Value: out}
	}
	return out
}

// inWrittenOrder keeps the evaluation order of a literal whose fields are written out of
// declaration order (`P { .y = f(), .x = g() }` calls f first, as arguments run left to right,
// §6.8): each given value that is not a constant moves into a temporary, in written order, and
// given refers to the temporary instead. It returns the temporaries' declarations, nil when the
// literal's own order is already the written one.
func (c *checker) inWrittenOrder(written []string, given map[string]ast.Expr, st *types.Struct) []ast.Stmt {
	last, ordered := -1, true
	for _, name := range written {
		if _, i := st.Field(name); i >= 0 {
			ordered = ordered && i > last
			last = i
		}
	}
	if ordered {
		return nil
	}
	var pre []ast.Stmt
	for _, name := range written {
		v := given[name]
		if v == nil || isConstant(v) {
			continue
		}
		tmp := ast.Name{Name: "lit." + name, ID: c.ids.Next()} // a dot: never a name the user wrote
		c.binders[tmp.ID] = &checkedBinder{kind: "const", typ: v.Type()}
		pre = append(pre, &ast.VarDecl{At: ast.AtOf(v.Pos()), Name: tmp, Const: true, Type: v.Type(), Init: v})
		given[name] = &ast.Ref{At: ast.AtOf(v.Pos()), Typed: ast.Typed{T: v.Type()}, Name: tmp}
	}
	return pre
}

// isConstant reports whether e is a literal, whose evaluation nothing can observe.
func isConstant(e ast.Expr) bool {
	switch e.(type) {
	case *ast.IntLit, *ast.FloatLit, *ast.BoolLit, *ast.StrLit, *ast.NullLit, *ast.Zero:
		return true
	}
	return false
}

// zero checks `.{}`: the zero value of the expected type (a struct's defaults honoured).
func (c *checker) zero(e *ast.Zero, want types.Type) ast.Expr {
	switch {
	case want == nil || types.IsUntyped(want) || want == types.TVoid:
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: `.{}` needs a type from its context (write `var x: T = .{}`)")
		return &ast.Zero{At: e.At, Typed: ast.Typed{T: types.TInvalid}}
	case ast.StructOf(want) != nil:
		return c.structLit(&ast.StructLit{At: e.At}, want)
	case c.hasDefaults(want):
		return c.defaultsOf(e.At, want)
	}
	return &ast.Zero{At: e.At, Typed: ast.Typed{T: want}}
}

// hasDefaults reports whether the value of `.{}` for t is not all zero bytes: t is or holds (in
// fields, array elements, tuple elements) a struct with a field default.
func (c *checker) hasDefaults(t types.Type) bool {
	switch t := t.(type) {
	case *types.Array:
		return t.Len > 0 && c.hasDefaults(t.Elem)
	case *types.Tuple:
		for _, e := range t.Elems {
			if c.hasDefaults(e) {
				return true
			}
		}
	case *types.Named:
		st := ast.StructOf(t)
		if st == nil {
			return false
		}
		for i, f := range st.Fields {
			if d := c.structDecls[t]; d != nil && d.Defaults[i] != nil || c.hasDefaults(f.Type) {
				return true
			}
		}
	}
	return false
}

// defaultsOf is `.{}` of an array or tuple type t that holds defaults (hasDefaults): a tuple
// literal of each element's `.{}`, or an array filled with its element's by a loop.
func (c *checker) defaultsOf(at ast.At, t types.Type) ast.Expr {
	if tu, ok := t.(*types.Tuple); ok {
		lit := &ast.TupleLit{At: at, Typed: ast.Typed{T: t}}
		for _, e := range tu.Elems {
			lit.Elems = append(lit.Elems, c.zero(&ast.Zero{At: at}, e))
		}
		return lit
	}
	arr := t.(*types.Array)
	tmp, i := ast.Name{Name: "zero.arr", ID: c.ids.Next()}, ast.Name{Name: "zero.i", ID: c.ids.Next()}
	c.binders[tmp.ID] = &checkedBinder{kind: "var", typ: t}
	c.binders[i.ID] = &checkedBinder{kind: "var", typ: types.TI64}
	ref := func(n ast.Name, t types.Type) ast.Expr { return &ast.Ref{At: at, Typed: ast.Typed{T: t}, Name: n} }
	i64 := func(v int64) ast.Expr { return &ast.IntLit{At: at, Typed: ast.Typed{T: types.TI64}, Value: uint64(v)} }
	elem := &ast.Index{At: at, Typed: ast.Typed{T: arr.Elem}, X: ref(tmp, t), I: ref(i, types.TI64)}
	fill := &ast.Assign{At: at, Target: elem, Value: c.zero(&ast.Zero{At: at}, arr.Elem)}
	loop := &ast.ForRange{At: at, Label: ast.Name{Name: "_", ID: c.ids.Next()}, Var: i, Lo: i64(0), Hi: i64(arr.Len),
		Body: &ast.Block{At: at, Stmts: []ast.Stmt{fill}}}
	return &ast.Block{At: at, Typed: ast.Typed{T: t}, Stmts: []ast.Stmt{&ast.VarDecl{At: at, Name: tmp, Type: t}, loop}, Value: ref(tmp, t)}
}

// field checks x.name as a field read of a struct value or of a pointer to one.
func (c *checker) field(e *ast.Member) ast.Expr {
	x := c.expr(e.X, nil)
	bad := &ast.Field{At: e.At, X: x, Name: e.Name, Index: -1, Typed: ast.Typed{T: types.TInvalid}}
	t := x.Type()
	if p, ok := t.(*types.Pointer); ok && unionOf(p.Elem) != nil {
		x = &ast.Deref{At: e.At, Typed: ast.Typed{T: p.Elem}, X: x}
		t = p.Elem
	}
	if u := unionOf(t); u != nil {
		return c.unionField(e, x, u) // check_types_union.go
	}
	if p, ok := t.(*types.Pointer); ok && (ast.StructOf(p.Elem) != nil || isTuple(p.Elem) || e.Name == "len" && (ast.ElemType(p.Elem) != nil || p.Elem == types.TString)) {
		x = &ast.Deref{At: e.At, Typed: ast.Typed{T: p.Elem}, X: x}
		t = p.Elem
	}
	if t == types.TString && e.Name == "len" { // through a pointer: a string value is stringMember's
		return &ast.StrLen{At: e.At, Typed: ast.Typed{T: types.TI64}, X: x}
	}
	st := ast.StructOf(t)
	if n := c.length(e, x); n != nil && e.Name == "len" {
		return n
	}
	if tu, ok := t.(*types.Tuple); ok {
		return c.tupleField(e, x, tu)
	}
	switch {
	case t == types.TInvalid:
		return bad
	case st == nil:
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: `.%s` on a value of type %v, which has no fields", e.Name, t)
		return bad
	}
	f, i := st.Field(e.Name)
	if f == nil {
		c.unknownField(e.Pos(), st, t.String(), e.Name)
		return bad
	}
	return &ast.Field{At: e.At, Typed: ast.Typed{T: f.Type}, X: x, Name: e.Name, Index: i}
}

// lvalueRoot returns the variable an assignable expression (a variable, a field of one) names,
// or nil when it writes through a pointer (a deref) or is no lvalue (ok false).
func lvalueRoot(e ast.Expr) (root *ast.Ref, ok bool) {
	switch e := e.(type) {
	case *ast.Ref:
		return e, true
	case *ast.Deref:
		return nil, true
	case *ast.Field:
		return lvalueRoot(e.X)
	case *ast.Index:
		if e.X.Type() == types.TString {
			return nil, false // strings are immutable
		}
		if _, slice := e.X.Type().(*types.Slice); slice {
			return nil, true // the elements of a slice are behind its pointer
		}
		return lvalueRoot(e.X)
	}
	return nil, false
}

// orNone names a missing expected type.
func orNone(t types.Type) any {
	if t == nil {
		return "none"
	}
	return t
}

// hasLayout reports whether t has a size (§3.3): no field or element of it, at any depth, is
// invalid after an error (a struct that contains itself, a field of an unsupported type).
func hasLayout(t types.Type) bool {
	switch t := t.(type) {
	case *types.Array:
		return hasLayout(t.Elem)
	case *types.Tuple:
		for _, e := range t.Elems {
			if !hasLayout(e) {
				return false
			}
		}
	case *types.Named:
		if st := ast.StructOf(t); st != nil {
			for _, f := range st.Fields {
				if !hasLayout(f.Type) {
					return false
				}
			}
		}
	}
	return t != types.TInvalid
}

// sizeOf is types.Sizeof, or 0 for a type without a layout (an error was reported).
func sizeOf(t types.Type) int64 {
	if !hasLayout(t) {
		return 0
	}
	return types.Sizeof(t)
}
