package ast

import "strconv"

// Fresh binder IDs. A pass that introduces binders numbers them above every ID of its input,
// which MaxID finds by walking the whole program: a dozen passes of the front end introduce
// binders, and on a program of error, optional and generic code each of them walked it. So the walk's
// result stays with the program, as a counter of the IDs handed out (IDs.Next) that a program a
// pass makes from it shares (Rewriter.Program and Consume, CarryIDs): the next pass starts from
// the counter instead of walking. The counter is an upper bound of the program's IDs — an ID
// handed out but then dropped, or a binder a pass removed, leaves a gap, never a collision — as
// long as every ID a pass introduces comes from an IDs of its input, or is reported with
// ReserveIDs. VerifyMaxIDs checks the bound under test.

// idCounter is the last ID handed out for a line of programs.
type idCounter struct{ last int }

// VerifyMaxIDs makes MaxID walk the program every time and panic when a binder or reference has
// an ID above the counter (the passes' tests set it).
var VerifyMaxIDs = false

// MaxID returns an ID at least as large as every binder or reference ID in p (the largest,
// when no pass has handed out IDs since a walk); fresh IDs start above it.
func MaxID(p *Program) int {
	if p.ids == nil || VerifyMaxIDs {
		walked := 0
		for _, t := range p.Types {
			walked = max(walked, t.ID)
		}
		for _, d := range p.Decls {
			walked = max(walked, declMaxID(d))
		}
		if p.ids == nil {
			p.ids = &idCounter{last: walked}
		} else if walked > p.ids.last {
			panic("ast: a pass introduced IDs up to " + strconv.Itoa(walked) + " but the program's counter is at " + strconv.Itoa(p.ids.last) + " (ReserveIDs)")
		}
	}
	return p.ids.last
}

// CarryIDs makes out share the ID counter of in: for a pass that builds its output program
// itself from in's declarations and IDs handed out for in.
func CarryIDs(out, in *Program) { out.ids = in.ids }

// ReserveIDs makes p's fresh IDs start above every ID in decls: for a pass that adds
// declarations whose IDs did not come from an IDs of p (import-runtime's moved runtime).
func ReserveIDs(p *Program, decls ...Decl) {
	if p.ids == nil {
		return // the next MaxID walks p
	}
	for _, d := range decls {
		p.ids.last = max(p.ids.last, declMaxID(d))
	}
}

// declMaxID returns the largest binder or reference ID in d.
func declMaxID(d Decl) int {
	top := 0
	see := func(n Name) { top = max(top, n.ID) }
	see(d.DeclName())
	Inspect(d, func(n Node) bool {
		switch n := n.(type) {
		case *GenericFunc:
			seeAll(n.TypeParams, see)
		case *GenericStruct:
			seeAll(n.TypeParams, see)
		case *Param:
			see(n.Name)
		case *VarDecl:
			see(n.Name)
		case *While:
			see(n.Label)
		case *ForRange:
			see(n.Label)
			see(n.Var)
		case *ForEach:
			see(n.Label)
			see(n.Index)
			see(n.Var)
		case *Ref:
			see(n.Name)
		}
		return true
	})
	return top
}

// IDs hands out fresh binder IDs above every ID of a program.
type IDs struct {
	p *Program   // the program whose IDs to stay above, until the first Next reads its counter
	c *idCounter // p's counter, from then on
}

// NewIDs returns a generator of IDs fresh for p. It reads p's counter (MaxID, which may walk
// p) only when the first ID is asked for: most passes that may need one find nothing to lower
// in most programs.
func NewIDs(p *Program) *IDs { return &IDs{p: p} }

// Now reads the counter at once, not at the first Next: for a pass that consumes its program
// (Rewriter.Consume), which would otherwise hide the declarations already rewritten from a walk.
// It returns g.
func (g *IDs) Now() *IDs {
	if g.c == nil {
		MaxID(g.p)
		g.c, g.p = g.p.ids, nil
	}
	return g
}

// Next returns a new ID.
func (g *IDs) Next() int {
	g.Now()
	g.c.last++
	return g.c.last
}

// Fork returns IDs that start above every ID g has handed out and count on their own, for one
// unit of a streamed pass (pipeline.Stream), which may run beside the others: the IDs of two
// forks may be equal, so what a fork numbers must never meet another fork's in one program (a
// function flattened and lowered to Wasm on its own, say). g hands out no more IDs meanwhile.
func (g *IDs) Fork() *IDs {
	g.Now()
	return &IDs{c: &idCounter{last: g.c.last}}
}

// Last returns the last ID g has handed out (or found in its program): a fork's IDs are above it.
func (g *IDs) Last() int {
	g.Now()
	return g.c.last
}
