package ast

// The switch node (spec §6.12): its struct, children, text form and interpretation, kept in one
// file since it is the first construct with a list of sub-nodes of its own (arms).
//
//	(switch SUBJECT (arm (P... ) GUARD|- BODY)... (else BODY)?)     a statement: bodies are blocks
//	(switch-expr:T SUBJECT (arm (P...) GUARD|- BRANCH)... (else BRANCH))
//
// A pattern P is an expression or (range LO HI) (inclusive); a BRANCH is printed as for if-expr.

// Switch runs the body of the first arm one of whose patterns equals Subject (or holds it in its
// range) and whose guard holds, else Else (nil: nothing). As an expression (kind switch-expr)
// every body has a value of the switch's type and Else is required.
type Switch struct {
	At
	Typed
	Subject Expr
	Arms    []*SwitchArm
	Else    *Block
}

// SwitchArm is one arm: patterns Lo[i] (Hi[i] nil) or ranges Lo[i]..Hi[i], an optional guard,
// and the body.
type SwitchArm struct {
	At
	Lo, Hi []Expr
	Guard  Expr
	Body   *Block
}

// HasValue reports whether the switch is an expression.
func (s *Switch) HasValue() bool {
	if len(s.Arms) == 0 {
		return s.Else != nil && s.Else.Value != nil
	}
	return s.Arms[0].Body.Value != nil
}

func (s *Switch) Kind() string {
	if s.HasValue() {
		return "switch-expr"
	}
	return "switch"
}
func (*SwitchArm) Kind() string { return "switch-arm" }

func (*Switch) stmtNode() {}
func (*Switch) exprNode() {}

func (n *Switch) children(s *slots) { s.expr(&n.Subject); s.arms(&n.Arms); s.block(&n.Else) }
func (n *SwitchArm) children(s *slots) {
	s.exprs(&n.Lo)
	s.exprs(&n.Hi)
	s.expr(&n.Guard)
	s.block(&n.Body)
}

func switchSx(s *Switch) *sx {
	branch := func(b *Block) *sx {
		if s.HasValue() && len(b.Stmts) == 0 {
			return exprSx(b.Value)
		}
		return stmtSx(b)
	}
	l := stmtList(head(s.Kind(), s.T), exprSx(s.Subject))
	for _, a := range s.Arms {
		pats := list()
		for i, lo := range a.Lo {
			if a.Hi[i] != nil {
				pats.list = append(pats.list, list(atom("range"), exprSx(lo), exprSx(a.Hi[i])))
			} else {
				pats.list = append(pats.list, exprSx(lo))
			}
		}
		l.list = append(l.list, stmtList(atom("arm"), pats, optExpr(a.Guard), branch(a.Body)))
	}
	if s.Else != nil {
		l.list = append(l.list, stmtList(atom("else"), branch(s.Else)))
	}
	return l
}

func (rd *reader) readSwitch(s *sx, t Typed, isExpr bool) *Switch {
	a := shape(s, 1, true)
	sw := &Switch{Typed: t, Subject: rd.readExpr(a[0])}
	body := func(b *sx) *Block {
		if isExpr {
			return asBlock(rd.readBranch(b))
		}
		return rd.readBlock(b)
	}
	for _, c := range a[1:] {
		if !c.isList || len(c.list) == 0 {
			fail(c, "want an arm or an else")
		}
		switch c.list[0].atom {
		case "arm":
			ca := shape(c, 3, false)
			if !ca[0].isList {
				fail(c, "want a pattern list")
			}
			arm := &SwitchArm{Guard: rd.readOptExpr(ca[1]), Body: body(ca[2])}
			for _, p := range ca[0].list {
				if p.isList && len(p.list) > 0 && p.list[0].atom == "range" {
					pa := shape(p, 2, false)
					arm.Lo, arm.Hi = append(arm.Lo, rd.readExpr(pa[0])), append(arm.Hi, rd.readExpr(pa[1]))
				} else {
					arm.Lo, arm.Hi = append(arm.Lo, rd.readExpr(p)), append(arm.Hi, nil)
				}
			}
			sw.Arms = append(sw.Arms, arm)
		case "else":
			sw.Else = body(shape(c, 1, false)[0])
		default:
			fail(c, "want an arm or an else")
		}
	}
	if len(sw.Arms) == 0 || sw.HasValue() != isExpr {
		fail(s, "a switch needs arms, with values exactly when it is a switch-expr")
	}
	return sw
}

// matchArm reports whether the subject value v selects arm a.
func (in *interp) matchArm(a *SwitchArm, t Expr, v int64, fr frame) bool {
	for i, lo := range a.Lo {
		hit := false
		if a.Hi[i] == nil {
			hit = in.equal(t.Type(), in.eval(lo, fr), v)
		} else {
			hit = in.binary("<=", t.Type(), in.eval(lo, fr), v) != 0 && in.binary("<=", t.Type(), v, in.eval(a.Hi[i], fr)) != 0
		}
		if hit && (a.Guard == nil || in.eval(a.Guard, fr) != 0) {
			return true
		}
	}
	return false
}

// switchBody returns the block a switch runs (nil: none).
func (in *interp) switchBody(s *Switch, fr frame) *Block {
	v := in.eval(s.Subject, fr)
	for _, a := range s.Arms {
		if in.matchArm(a, s.Subject, v, fr) {
			return a.Body
		}
	}
	return s.Else
}
