package ast

// Initialization order of globals (decisions.md #12), shared by check-types, which reports
// cycles, make-global-init-explicit, which emits the initializations in this order, and the
// reference interpreter.

// GlobalInitOrder returns the globals whose initializer is not a constant, each after the
// globals its initializer reads, directly or through the functions it calls (declaration order
// otherwise). cycle lists the globals of a dependency cycle, first one repeated last, or is nil.
func GlobalInitOrder(p *Program) (order []*Global, cycle []*Global) {
	funcs := map[int]*Func{}
	globals := map[int]*Global{}
	for _, d := range p.Decls {
		switch d := d.(type) {
		case *Func:
			funcs[d.Name.ID] = d
		case *Global:
			globals[d.Name.ID] = d
		}
	}
	// reads returns the non-constant globals that evaluating n may read, in first-use order.
	reads := func(n Node) []*Global {
		var out []*Global
		seenG, seenF := map[int]bool{}, map[int]bool{}
		var visit func(Node)
		visit = func(n Node) {
			Inspect(n, func(n Node) bool {
				switch n := n.(type) {
				case *Ref:
					if g := globals[n.Name.ID]; g != nil && !IsConstInit(g.Init) && !seenG[g.Name.ID] {
						seenG[g.Name.ID] = true
						out = append(out, g)
					}
				case *Call:
					if f := funcs[n.FuncName().ID]; f != nil && !seenF[f.Name.ID] {
						seenF[f.Name.ID] = true
						visit(f.Body)
					}
				}
				return true
			})
		}
		if n != nil {
			visit(n)
		}
		return out
	}
	const (
		unvisited = iota
		active
		done
	)
	state := map[int]int{}
	var stack []*Global
	var visit func(g *Global) bool
	visit = func(g *Global) bool {
		switch state[g.Name.ID] {
		case done:
			return true
		case active:
			for i, s := range stack {
				if s == g {
					cycle = append(append([]*Global{}, stack[i:]...), g)
				}
			}
			return false
		}
		state[g.Name.ID] = active
		stack = append(stack, g)
		for _, dep := range reads(g.Init) {
			if !visit(dep) {
				return false
			}
		}
		stack = stack[:len(stack)-1]
		state[g.Name.ID] = done
		order = append(order, g)
		return true
	}
	for _, d := range p.Decls {
		if g, ok := d.(*Global); ok && !IsConstInit(g.Init) {
			if !visit(g) {
				return nil, cycle
			}
		}
	}
	return order, nil
}
