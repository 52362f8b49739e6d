package passes

// Enums of check-types (see check_types.go): each enum declaration becomes a *types.Named of the
// program's types section, declared first and completed second; `Enum.Variant` becomes an integer
// literal of the enum type. Enum values compare with == and != and convert implicitly to the
// integer types their backing type widens to (spec §4.5); nothing converts to an enum.

import (
	"math/big"

	"cot/ir/ast"
	"cot/ir/types"
)

func isEnum(t types.Type) bool {
	_, ok := types.Underlying(t).(*types.Enum)
	return ok
}

// declareEnums declares every enum of p, then completes each (so enums may name each other's
// types in their backing, which the rules then reject, without an order problem).
func (c *checker) declareEnums(p *ast.Program) []*types.Named {
	var out []*types.Named
	var decls []*ast.EnumDecl
	for _, d := range p.Decls {
		if e, ok := d.(*ast.EnumDecl); ok {
			n := types.NewNamed(e.Name.Name, e.Name.ID)
			c.named[e.Name.ID] = n
			out, decls = append(out, n), append(decls, e)
		}
	}
	for i, e := range decls {
		out[i].SetUnderlying(c.enum(e))
	}
	return out
}

func (c *checker) enum(e *ast.EnumDecl) *types.Enum {
	backing := types.TI32
	if e.BackingX != nil {
		b, ok := c.typeOf(e.BackingX).(*types.Basic)
		switch {
		case ok && types.IsInteger(b):
			backing = b
		case b != types.TInvalid:
			c.diags.Errorf(e.BackingX.Pos(), codeTypeMismatch, "type mismatch: the backing type of enum `%s` must be an integer type, not %v", e.Name.Name, c.typeOf(e.BackingX))
		}
	}
	out := &types.Enum{Backing: backing}
	seen := map[string]bool{}
	// Values are held as their bits (uint64), so u64 values past 2^63 - 1 are as plain as negative
	// ones of signed types.
	next, afterMax := uint64(0), false // afterMax: the previous value was the backing's largest
	_, max := types.IntRange(backing)
	for i, name := range e.Variants {
		if seen[name] {
			c.diags.Errorf(e.Pos(), codeRedefined, "redefined identifier `%s.%s`", e.Name.Name, name)
		}
		seen[name] = true
		value := next
		if x := e.Values[i]; x != nil {
			lit := c.expr(x, backing)
			switch l := lit.(type) {
			case *ast.IntLit:
				value = l.Value
			case *ast.Unary:
				if il, ok := l.X.(*ast.IntLit); ok && l.Op == "neg" {
					value = -il.Value
					break
				}
				c.diags.Errorf(x.Pos(), codeTypeMismatch, "type mismatch: the value of `%s.%s` must be an integer literal", e.Name.Name, name)
			default:
				c.diags.Errorf(x.Pos(), codeTypeMismatch, "type mismatch: the value of `%s.%s` must be an integer literal", e.Name.Name, name)
			}
		} else if afterMax {
			prev := new(big.Int).SetUint64(value - 1)
			if types.IsSigned(backing) {
				prev.SetInt64(int64(value - 1))
			}
			c.diags.Errorf(e.Pos(), codeLiteralRange, "integer literal out of range: `%s.%s` = %v does not fit %v", e.Name.Name, name, prev.Add(prev, big.NewInt(1)), backing)
		}
		out.Variants = append(out.Variants, types.EnumVariant{Name: name, Value: int64(value)})
		next, afterMax = value+1, value == max
	}
	return out
}

// member checks X.Name: today only Enum.Variant.
func (c *checker) member(e *ast.Member) ast.Expr {
	ref, ok := e.X.(*ast.Ref)
	n := (*types.Named)(nil)
	if ok {
		n = c.named[ref.Name.ID]
	}
	if n == nil {
		return c.field(e)
	}
	en, ok := n.Underlying().(*types.Enum)
	if !ok {
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: `%s.%s` names no value (`%s` is a struct type)", n.Name, e.Name, n.Name)
		return &ast.IntLit{At: e.At, Typed: ast.Typed{T: types.TInvalid}}
	}
	for _, v := range en.Variants {
		if v.Name == e.Name {
			return &ast.IntLit{At: e.At, Typed: ast.Typed{T: n}, Value: uint64(v.Value)}
		}
	}
	c.diags.Errorf(e.Pos(), codeUndefined, "undefined identifier `%s.%s`", n.Name, e.Name)
	return &ast.IntLit{At: e.At, Typed: ast.Typed{T: types.TInvalid}}
}

// missingVariants lists the variants of an enum switch that no unguarded arm names, alone or
// in a range (`Suit.Clubs..Suit.Hearts` covers the variants whose values lie between).
func missingVariants(s *ast.Switch, n *types.Named) []string {
	en := n.Underlying().(*types.Enum)
	signed := types.IsSigned(en.Backing)
	var spans []span
	for _, a := range s.Arms {
		for i, lo := range a.Lo {
			l, okl := patternBits(lo, signed)
			h, okh := l, okl
			if a.Hi[i] != nil {
				h, okh = patternBits(a.Hi[i], signed)
			}
			if a.Guard == nil && okl && okh {
				spans = append(spans, span{l, h})
			}
		}
	}
	var missing []string
	for _, v := range en.Variants {
		bits := uint64(v.Value)
		if signed {
			bits ^= 1 << 63
		}
		covered := false
		for _, sp := range spans {
			covered = covered || sp.lo <= bits && bits <= sp.hi
		}
		if !covered {
			missing = append(missing, n.Name+"."+v.Name)
		}
	}
	return missing
}
