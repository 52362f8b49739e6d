package passes

// Initialization order of globals (decisions.md #12), shared by check-types, which reports
// cycles, and make-global-init-explicit, which emits the initializations in this order.

import (
	"cot/ir/ast"
)

// globalInitOrder returns the globals whose initializer is not a constant, each after the
// globals its initializer reads, directly or through the functions it calls (declaration order
// otherwise). cycle lists the globals of a dependency cycle, first one repeated last, or is nil.
func globalInitOrder(p *ast.Program) (order []*ast.Global, cycle []*ast.Global) {
	funcs := map[int]*ast.Func{}
	globals := map[int]*ast.Global{}
	for _, d := range p.Decls {
		switch d := d.(type) {
		case *ast.Func:
			funcs[d.Name.ID] = d
		case *ast.Global:
			globals[d.Name.ID] = d
		}
	}
	// reads returns the non-constant globals that evaluating n may read, in first-use order.
	reads := func(n ast.Node) []*ast.Global {
		var out []*ast.Global
		seenG, seenF := map[int]bool{}, map[int]bool{}
		var visit func(ast.Node)
		visit = func(n ast.Node) {
			ast.Inspect(n, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.Ref:
					if g := globals[n.Name.ID]; g != nil && !ast.IsConstInit(g.Init) && !seenG[g.Name.ID] {
						seenG[g.Name.ID] = true
						out = append(out, g)
					}
				case *ast.Call:
					if f := funcs[n.Func.ID]; f != nil && !seenF[f.Name.ID] {
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
	var stack []*ast.Global
	var visit func(g *ast.Global) bool
	visit = func(g *ast.Global) bool {
		switch state[g.Name.ID] {
		case done:
			return true
		case active:
			for i, s := range stack {
				if s == g {
					cycle = append(append([]*ast.Global{}, stack[i:]...), g)
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
		if g, ok := d.(*ast.Global); ok && !ast.IsConstInit(g.Init) {
			if !visit(g) {
				return nil, cycle
			}
		}
	}
	return order, nil
}
