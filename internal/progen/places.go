package progen

import (
	"fmt"
	"strings"
)

// place is a readable (and, when mut, assignable) expression rooted at a variable: a local, a
// field path, an array or slice element (index expressions are made fresh each time), a pointer's
// target.
type place struct {
	text func() string
	t    Type
	mut  bool
}

// places lists the places of type want (nil: every type) reachable from the scope and globals.
func (g *gen) places(want Type) []place {
	var out []place
	var walk func(text func() string, t Type, mut bool, depth int)
	walk = func(text func() string, t Type, mut bool, depth int) {
		if want == nil || same(t, want) {
			out = append(out, place{text, t, mut})
		}
		if depth == 0 {
			return
		}
		switch t := t.(type) {
		case pointerType:
			walk(func() string { return text() + ".*" }, t.elem, true, depth)
		case *structType:
			for _, f := range t.fields {
				f := f
				walk(func() string { return text() + "." + f.name }, f.t, mut, depth-1)
			}
		case arrayType:
			walk(func() string { return fmt.Sprintf("%s[%s]", text(), g.index(t.n)) }, t.elem, mut, depth-1)
		case sliceType:
			walk(func() string {
				s := text()
				return fmt.Sprintf("%s[%s]", s, g.sliceIndex(s))
			}, t.elem, mut, depth-1)
		}
	}
	for _, l := range append(append([]local{}, g.globals...), g.scope...) {
		if _, fn := l.t.(funcType); fn || same(l.t, tObj) {
			continue // called through closureCall, or used by heapStmt only
		}
		name := l.name
		walk(func() string { return name }, l.t, l.mut, 3)
	}
	return out
}

// index is an index expression in 0..n-1 (masked, so it never traps).
func (g *gen) index(n int) string {
	if g.chance(0.5) {
		return fmt.Sprint(g.pick(n))
	}
	return fmt.Sprintf("(%s & 255) %% %d", g.expr(tI64, 1), n)
}

// sliceIndex is an index into the slice s, which the caller guarantees is not empty.
func (g *gen) sliceIndex(s string) string {
	return fmt.Sprintf("(%s & 255) %% %s.len", g.expr(tI64, 1), s)
}

// choosePlace returns a random place of type t (mutable ones only when mut), or nil.
func (g *gen) choosePlace(t Type, mut bool) *place {
	var ok []place
	for _, p := range g.places(t) {
		if p.mut || !mut {
			ok = append(ok, p)
		}
	}
	if len(ok) == 0 {
		return nil
	}
	p := ok[g.pick(len(ok))]
	return &p
}

// addressOf is a pointer to a mutable place of struct type st; the caller made sure one exists
// (ensurePlaces).
func (g *gen) addressOf(st Type) string {
	p := g.choosePlace(st, true)
	if p == nil {
		panic("progen: no place of type " + st.String())
	}
	text := p.text()
	if strings.HasSuffix(text, ".*") {
		return strings.TrimSuffix(text, ".*")
	}
	return "&" + text
}

// ensurePlaces declares a variable for each pointer parameter type no mutable place has.
func (g *gen) ensurePlaces(params []Type) {
	for _, t := range params {
		if p, ok := t.(pointerType); ok && g.choosePlace(p.elem, true) == nil {
			g.declare(1, p.elem, true)
		}
	}
}

// callable reports whether a call of f can be made here: a mutable place for each pointer
// parameter, and cost within budget.
func (g *gen) callable(f *fnSig) bool {
	if g.mult*f.cost > callBudget || g.cost+g.mult*f.cost > funcBudget {
		return false
	}
	for _, t := range f.params {
		if p, ok := t.(pointerType); ok && g.choosePlace(p.elem, true) == nil {
			return false
		}
	}
	return true
}

// declare writes a new variable of type t with a random initializer and puts it in scope.
func (g *gen) declare(indent int, t Type, mut bool) string {
	name := g.fresh("v")
	kw := "const"
	if mut {
		kw = "var"
	}
	g.step(1)
	g.line(indent, "%s %s: %s = %s", kw, name, t, g.expr(t, 3))
	g.scope = append(g.scope, local{name, t, mut})
	return name
}
