package passes

// Tagged unions of check-types (see check_types.go), spec §4.6 and §6.12: each union declaration
// becomes a *types.Named over a *types.Union (payloads: any value type supportedType accepts);
// `U.V` (a unit variant) and `U.V(x)` are union literals, but a unit variant where an integer is
// expected is its tag number (§4.6); `u.tag` is the variant's index (an i64); `u.V` is V's
// payload, unchecked (the payload bytes reinterpreted whatever the variant, lower-unions); a
// switch on a union matches variants by tag (switchHead), and without else must name every
// variant (switch must be exhaustive). Unions compare with nothing and do not print.
//
//	(call (member U#1 Circle) 2.0)  => (union-lit:U#1 0 (float:f64 2))
//	(member U#1 Empty)              => (union-lit:U#1 2 -)
//	(member U#1 Empty) want i64     => 2:i64
//	(member s#4 tag)                => (union-tag:i64 s#4:U#1)
//	(member s#4 Circle)             => (union-payload:f64 0 s#4:U#1)

import (
	"strconv"

	"cot/ir/ast"
	"cot/ir/types"
)

func unionOf(t types.Type) *types.Union {
	u, _ := types.Underlying(t).(*types.Union)
	return u
}

// declareUnionNames declares every union of p; completeUnions gives each its variants once the
// structs are declared too (so a payload naming any type is resolved).
func (c *checker) declareUnionNames(p *ast.Program) []*types.Named {
	var out []*types.Named
	for _, d := range p.Decls {
		if u, ok := d.(*ast.UnionDecl); ok {
			n := types.NewNamed(u.Name.Name, u.Name.ID)
			c.named[u.Name.ID] = n
			out = append(out, n)
		}
	}
	return out
}

func (c *checker) completeUnions(p *ast.Program, named []*types.Named) {
	i := 0
	for _, d := range p.Decls {
		d, ok := d.(*ast.UnionDecl)
		if !ok {
			continue
		}
		u := &types.Union{}
		seen := map[string]bool{}
		for j, name := range d.Variants {
			if seen[name] {
				c.diags.Errorf(d.Pos(), codeRedefined, "redefined identifier `%s.%s`", d.Name.Name, name)
			}
			seen[name] = true
			v := types.UnionVariant{Name: name}
			if x := d.PayloadX[j]; x != nil {
				v.Payload = c.typeOf(x)
				if t := v.Payload; t != types.TInvalid && !supportedType(t) {
					c.diags.Errorf(x.Pos(), codeNotSupported, "not yet supported: a union payload of type %v", t)
					v.Payload = types.TInvalid
				}
			}
			u.Variants = append(u.Variants, v)
		}
		named[i].SetUnderlying(u)
		i++
	}
	// A union holding itself by value (directly or through a struct payload) has no size.
	i = 0
	for _, d := range p.Decls {
		if d, ok := d.(*ast.UnionDecl); ok {
			if n := named[i]; types.ContainsItself(n) {
				c.diags.Errorf(d.Pos(), codeTypeMismatch, "type mismatch: union `%s` contains itself (use a pointer, `*%s`)", n.Name, n.Name)
				for j := range unionOf(n).Variants {
					if unionOf(n).Variants[j].Payload != nil {
						unionOf(n).Variants[j].Payload = types.TInvalid
					}
				}
			}
			i++
		}
	}
}

// unionMember checks X.Name where X names a union type: the value of a unit variant (its tag
// number when want is an integer type); ok is false for any other X.
func (c *checker) unionMember(e *ast.Member, want types.Type) (ast.Expr, bool) {
	ref, isRef := e.X.(*ast.Ref)
	if !isRef || c.named[ref.Name.ID] == nil || unionOf(c.named[ref.Name.ID]) == nil {
		return nil, false
	}
	n := c.named[ref.Name.ID]
	u := unionOf(n)
	invalid := &ast.IntLit{At: e.At, Typed: ast.Typed{T: types.TInvalid}}
	k := c.variant(e, n, u)
	switch {
	case k < 0:
		return invalid, true
	case u.Variants[k].Payload != nil:
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: `%s.%s` carries a %v: write `%s.%s(value)`", n.Name, e.Name, u.Variants[k].Payload, n.Name, e.Name)
		return invalid, true
	}
	if want != nil && types.IsInteger(want) && !types.IsUntyped(want) {
		return &ast.IntLit{At: e.At, Typed: ast.Typed{T: want}, Value: uint64(k)}, true
	}
	return &ast.UnionLit{At: e.At, Typed: ast.Typed{T: n}, Variant: k}, true
}

// unionField checks x.Name for x (checked) of the union type u: `.tag` or a payload.
func (c *checker) unionField(e *ast.Member, x ast.Expr, u *types.Union) ast.Expr {
	if e.Name == "tag" {
		return &ast.UnionTag{At: e.At, Typed: ast.Typed{T: types.TI64}, X: x}
	}
	k := c.variant(e, x.Type(), u)
	// After an error the operand stays in the tree, so tools still see its names.
	bad := &ast.UnionTag{At: e.At, Typed: ast.Typed{T: types.TInvalid}, X: x}
	switch {
	case k < 0:
		return bad
	case u.Variants[k].Payload == nil:
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: variant `%s` of %v has no payload", e.Name, x.Type())
		return bad
	}
	return &ast.UnionPayload{At: e.At, Typed: ast.Typed{T: u.Variants[k].Payload}, Variant: k, X: x}
}

// variant returns the index of the variant e names, or -1 (reported).
func (c *checker) variant(e *ast.Member, t types.Type, u *types.Union) int {
	if k := u.Variant(e.Name); k >= 0 {
		return k
	}
	c.diags.Errorf(e.Pos(), codeUndefined, "undefined identifier `%s.%s`", typeName(t), e.Name)
	return -1
}

func typeName(t types.Type) string {
	if n, ok := t.(*types.Named); ok {
		return n.Name
	}
	return t.String()
}

// unionCall checks U.V(x), the value of a payload variant; ok is false when the callee is not
// a variant of a union type.
func (c *checker) unionCall(e *ast.Call) (ast.Expr, bool) {
	m, ok := e.Callee.(*ast.Member)
	if !ok {
		return nil, false
	}
	ref, ok := m.X.(*ast.Ref)
	var n *types.Named
	if ok {
		n = c.named[ref.Name.ID]
	}
	if n == nil || unionOf(n) == nil {
		return nil, false // a method call or an associated function (check_types_method.go)
	}
	u := unionOf(n)
	lit := &ast.UnionLit{At: e.At, Typed: ast.Typed{T: types.TInvalid}}
	k := c.variant(m, n, u)
	if k < 0 {
		return lit, true
	}
	payload := u.Variants[k].Payload
	if payload == nil || len(e.Args) != 1 {
		want := 1
		if payload == nil {
			want = 0
		}
		arityError(c.diags, e.Pos(), "wrong number of arguments: `"+n.Name+"."+m.Name+"` takes "+strconv.Itoa(want)+", got "+strconv.Itoa(len(e.Args)), want, len(e.Args))
		return lit, true
	}
	lit.T, lit.Variant = n, k
	lit.Payload = c.assign(e.Args[0], payload, "payload of `"+n.Name+"."+m.Name+"`")
	return lit, true
}

// unionPattern checks a pattern of a switch on the union u: `U.V`, V's tag.
func (c *checker) unionPattern(p ast.Expr, t types.Type, u *types.Union) ast.Expr {
	lit := &ast.IntLit{At: ast.AtOf(p.Pos()), Typed: ast.Typed{T: types.TI64}}
	m, ok := p.(*ast.Member)
	var ref *ast.Ref
	if ok {
		ref, ok = m.X.(*ast.Ref)
	}
	if !ok || c.named[ref.Name.ID] == nil || !types.Identical(c.named[ref.Name.ID], t) {
		c.diags.Errorf(p.Pos(), codeTypeMismatch, "type mismatch: a pattern of a switch on %v is `%s.Variant`", t, typeName(t))
		lit.T = types.TInvalid
		return lit
	}
	k := c.variant(m, t, u)
	if k < 0 {
		lit.T = types.TInvalid
		return lit
	}
	lit.Value = uint64(k)
	return lit
}

// missingUnionVariants lists the variants of a union switch that no unguarded arm names.
func missingUnionVariants(s *ast.Switch, n types.Type, u *types.Union) []string {
	covered := map[uint64]bool{}
	for _, a := range s.Arms {
		for _, lo := range a.Lo {
			if lit, ok := lo.(*ast.IntLit); ok && a.Guard == nil {
				covered[lit.Value] = true
			}
		}
	}
	var missing []string
	for k, v := range u.Variants {
		if !covered[uint64(k)] {
			missing = append(missing, typeName(n)+"."+v.Name)
		}
	}
	return missing
}

// isUnionSwitch reports whether s (checked) switches on a union's tag.
func isUnionSwitch(s *ast.Switch) bool {
	_, ok := s.Subject.(*ast.UnionTag)
	return ok
}

// unionSwitchHead checks a switch on a union: it switches on the tag, each pattern a variant's
// index; ranges are type mismatches.
func (c *checker) unionSwitchHead(s, out *ast.Switch, u *types.Union) *ast.Switch {
	t := out.Subject.Type()
	out.Subject = &ast.UnionTag{At: ast.AtOf(out.Subject.Pos()), Typed: ast.Typed{T: types.TI64}, X: out.Subject}
	for _, a := range s.Arms {
		arm := &ast.SwitchArm{At: a.At}
		for i, lo := range a.Lo {
			if a.Hi[i] != nil {
				c.diags.Errorf(lo.Pos(), codeTypeMismatch, "type mismatch: a range pattern needs an integer subject, found %v", t)
			}
			arm.Lo, arm.Hi = append(arm.Lo, c.unionPattern(lo, t, u)), append(arm.Hi, nil)
		}
		if a.Guard != nil {
			arm.Guard = c.cond(a.Guard)
		}
		out.Arms = append(out.Arms, arm)
	}
	return out
}
