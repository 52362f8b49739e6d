package grammar

// TypeArgs returns the type arguments of a `new` expression: `new Pair(i64, i64) {...}` and
// `new List(i64)(16)` have them, `new Point { ... }` and `new Point(1, 2)` do not.
//
// With a single parenthesis group the rule of §4.13 decides: the group holds type arguments
// when its first argument begins with `*`, `?`, `[`, a type keyword or an uppercase name;
// otherwise it holds constructor arguments.
func (n *NewExpr) TypeArgs() []*Arg {
	if n.Args2 != nil || (n.Args1 != nil && looksLikeTypeArgs(n.Args1.Args)) {
		return n.Args1.Args
	}
	return nil
}

// CtorArgs returns the constructor arguments of a safe-mode `new T(args)` (§4.13), and whether
// there is such a group at all (`new T()` has one, empty).
func (n *NewExpr) CtorArgs() ([]*Arg, bool) {
	switch {
	case n.Args2 != nil:
		return n.Args2.Args, true
	case n.Args1 != nil && !looksLikeTypeArgs(n.Args1.Args):
		return n.Args1.Args, true
	}
	return nil, false
}

func looksLikeTypeArgs(args []*Arg) bool {
	if len(args) == 0 {
		return false
	}
	a := args[0]
	if a.Type != nil {
		return true
	}
	u := a.Expr.Left.Left.Left.Left.Left.Left
	if len(u.Ops) > 0 {
		return false
	}
	p := u.Operand.Primary
	if p.Ident == nil {
		return false
	}
	name := *p.Ident
	return typeKeywords[name] || isUpper(name[0])
}
