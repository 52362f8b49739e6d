package passes

// Switch of check-types (see check_types.go): the subject is an integer, a bool, an enum, a
// string or a union, every pattern is converted to its type, guards are bool; a switch
// expression's arms have values of one type (a literal arm takes the type of the first arm that
// is not a literal) and cover every value of the subject: an else arm, every enum or union
// variant, or literal patterns covering every integer or bool value (check_types_switch_cover.go).

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// switchHead checks the subject, patterns and guards of s; the bodies are the caller's.
func (c *checker) switchHead(s *ast.Switch) *ast.Switch {
	out := &ast.Switch{At: s.At, Subject: c.expr(s.Subject, nil)}
	st := out.Subject.Type()
	if types.IsFloat(st) { // spec §6.12 switches on integers, enums, unions and strings
		c.diags.Errorf(s.Subject.Pos(), codeTypeMismatch, "type mismatch: switch on %v: compare floats with if and ==", st)
		st = types.TInvalid
	}
	if u := unionOf(st); u != nil {
		return c.unionSwitchHead(s, out, u)
	}
	if st != types.TInvalid && st != types.TBool && !types.IsInteger(st) && !isEnum(st) && st != types.TString {
		c.diags.Errorf(s.Subject.Pos(), codeTypeMismatch, "type mismatch: switch on %v: a switch subject is an integer, bool, enum, union or string (spec §6.12)", st)
		st = types.TInvalid
	}
	for _, a := range s.Arms {
		arm := &ast.SwitchArm{At: a.At}
		for i, lo := range a.Lo {
			arm.Lo = append(arm.Lo, c.assign(lo, st, "switch pattern"))
			var hi ast.Expr
			if a.Hi[i] != nil {
				if st == types.TBool || st == types.TString {
					c.diags.Errorf(lo.Pos(), codeTypeMismatch, "type mismatch: a range pattern needs an integer subject, found %v", st)
				}
				hi = c.assign(a.Hi[i], st, "end of the switch range")
			}
			arm.Hi = append(arm.Hi, hi)
		}
		if a.Guard != nil {
			arm.Guard = c.cond(a.Guard)
		}
		out.Arms = append(out.Arms, arm)
	}
	return out
}

func (c *checker) switchStmt(s *ast.Switch) ast.Stmt {
	out := c.switchHead(s)
	total := false // every value has an arm (an enum or union switch must; others may)
	if s.Else == nil {
		st := out.Subject.Type()
		switch {
		case !isUnionSwitch(out) && (st == types.TBool || types.IsInteger(st)):
			total = len(missingValues(out, st)) == 0
		default:
			total = c.exhaustive(out)
		}
	}
	for i, a := range s.Arms {
		out.Arms[i].Body = c.block(a.Body)
	}
	if s.Else != nil {
		out.Else = c.block(s.Else)
	}
	if total && len(out.Arms) > 0 {
		// As for switch expressions: the last arm is the else, so the missing-return analysis
		// and later passes see a total switch.
		last := out.Arms[len(out.Arms)-1]
		out.Arms, out.Else = out.Arms[:len(out.Arms)-1], last.Body
	}
	return out
}

func (c *checker) switchExpr(s *ast.Switch, want types.Type) ast.Expr {
	out := c.switchHead(s)
	bodies := append([]*ast.Block{}, s.Else)
	for _, a := range s.Arms {
		bodies = append(bodies, a.Body)
	}
	st := out.Subject.Type()
	total := false // an integer or bool switch whose arms cover every value
	if s.Else == nil {
		switch {
		case isEnum(st) || isUnionSwitch(out):
		case st == types.TBool || types.IsInteger(st):
			total = c.coverage(out)
		case st != types.TInvalid:
			c.diags.Errorf(s.Pos(), codeTypeMismatch, "switch must be exhaustive: a switch expression on %v needs an `else` arm", st)
		}
		bodies = bodies[1:]
	}
	checked := make([]*ast.Block, len(bodies))
	for i, b := range bodies {
		checked[i] = c.valueBlock(b, want)
	}
	// The arms' type: the first arm's that is not a bare literal, else the first arm's (arms
	// that jump have none of their own, check_types_diverge.go).
	first := len(checked) - len(s.Arms)
	var t types.Type
	for i := first; i < len(checked); i++ {
		if t == nil && checked[i].T != nil {
			t = checked[i].T
		}
		if !literalBlock(bodies[i]) && checked[i].T != nil {
			t = checked[i].T
			break
		}
	}
	if t == nil && first == 1 {
		t = checked[0].T // only the else arm has a value
	}
	if t == nil {
		c.diags.Errorf(s.Pos(), codeTypeMismatch, "type mismatch: a switch expression needs an arm with a value, every arm jumps")
		t = types.TInvalid
	}
	for _, b := range checked {
		if b.T == nil {
			c.settleJump(b, t)
		}
	}
	for _, b := range checked {
		if ot := optionalBranches(want, b.Type(), t); ot != nil { // `1 => 5, else => null`
			t = ot
			break
		}
	}
	if t == types.TVoid {
		c.diags.Errorf(s.Pos(), codeTypeMismatch, "type mismatch: the arms of a switch expression need values, found void")
		t = types.TInvalid
	}
	for i, b := range checked {
		if literalBlock(bodies[i]) && !types.Identical(b.Type(), t) {
			b = c.valueBlock(bodies[i], t)
		}
		b.Value = c.convert(b.Value, t, "arms of switch expression")
		b.T = t
		checked[i] = b
	}
	if s.Else != nil {
		out.Else, checked = checked[0], checked[1:]
	}
	for i := range out.Arms {
		out.Arms[i].Body = checked[i]
	}
	out.T = t
	if s.Else == nil && (total || (isEnum(st) || isUnionSwitch(out)) && c.exhaustive(out)) {
		// Every value has an arm: the last arm is the else, so later passes see a total switch
		// (a value reaching the last arm matches it, or an earlier arm covers it).
		last := out.Arms[len(out.Arms)-1]
		out.Arms, out.Else = out.Arms[:len(out.Arms)-1], last.Body
	}
	return out
}

// exhaustive reports whether an enum switch without else names every variant in unguarded
// arms, reporting the missing ones (spec §6.12); a switch on another type is not checked.
func (c *checker) exhaustive(s *ast.Switch) bool {
	if tag, ok := s.Subject.(*ast.UnionTag); ok {
		if missing := missingUnionVariants(s, tag.X.Type(), unionOf(tag.X.Type())); len(missing) > 0 {
			c.notExhaustive(s, missing) // check_types_mismatch.go
			return false
		}
		return true
	}
	n, ok := s.Subject.Type().(*types.Named)
	if !ok || !isEnum(n) {
		return true
	}
	if missing := missingVariants(s, n); len(missing) > 0 {
		c.notExhaustive(s, missing)
		return false
	}
	return true
}

// literalBlock reports whether b is a block of nothing but an integer literal.
func literalBlock(b *ast.Block) bool { return len(b.Stmts) == 0 && isLiteral(b.Value) }
