package progen

import (
	"fmt"
)

// stmts writes n statements at indent; the variables they declare go out of scope at the end.
func (g *gen) stmts(indent, n int) {
	mark := len(g.scope)
	for i := 0; i < n; i++ {
		g.stmt(indent)
	}
	g.scope = g.scope[:mark]
}

// maxIndent bounds nesting (and with it the loop multiplicity).
const maxIndent = 4

func (g *gen) stmt(indent int) {
	g.step(1)
	nested := indent < maxIndent && g.mult < 200
	kinds := 30 // the statement kinds of the 10,000-program run (seeds reproduce its programs)
	if g.features.Closures || g.features.Heap {
		kinds = 33
	}
	switch k := g.pick(kinds); {
	case k < 5:
		g.declare(indent, g.localType(), g.chance(0.8))
	case k < 9:
		g.assign(indent)
	case k < 11:
		g.printStmt(indent)
	case k < 12 && nested:
		g.line(indent, "if (%s) {", g.boolExpr(2))
		g.stmts(indent+1, 1+g.pick(3))
		if g.chance(0.6) {
			g.line(indent, "} else {")
			g.stmts(indent+1, 1+g.pick(3))
		}
		g.line(indent, "}")
	case k < 13 && nested:
		g.optionalIf(indent)
	case k < 16 && nested:
		g.loop(indent)
	case k < 17 && len(g.loops) > 0 && g.deferDepth == 0:
		target := ""
		if l := g.pick(len(g.loops)); g.loops[l] != "" && g.chance(0.5) {
			target = " :" + g.loops[l]
		}
		g.line(indent, "if (%s) { %s%s }", g.boolExpr(1), []string{"break", "continue"}[g.pick(2)], target)
	case k < 19:
		g.errorStmt(indent)
	case k < 20 && nested:
		g.switchStmt(indent)
	case k < 21 && nested && g.deferDepth == 0:
		// A nested block: its defers run at its end, before the statements after it.
		g.line(indent, "{")
		g.deferStmt(indent + 1)
		g.stmts(indent+1, 1+g.pick(3))
		g.line(indent, "}")
	case k < 22 && g.deferDepth == 0 && indent > 1:
		g.earlyReturn(indent)
	case k < 24:
		g.callStmt(indent)
	case k < 25:
		g.methodStmt(indent)
	case k < 26:
		g.sliceDecl(indent)
	case k < 28 && g.features.Closures && nested:
		g.closureDecl(indent)
		if g.chance(0.7) {
			g.useClosure(indent, g.scope[len(g.scope)-1].name)
		}
	case k < 31 && g.features.Heap:
		if g.chance(0.3) {
			g.heapDecl(indent)
		} else {
			g.heapStmt(indent)
		}
	default:
		g.declare(indent, g.localType(), true)
	}
}

// localType is the type of a new local: any value type, or an error union (checked later by its
// digest).
func (g *gen) localType() Type {
	if g.chance(0.1) {
		return errorUnionType{g.errPayloadType()}
	}
	t := g.valueType(2)
	if hasSlice(t) {
		return tI64
	}
	return t
}

// assign writes an assignment or compound assignment to a mutable place.
func (g *gen) assign(indent int) {
	p := g.choosePlace(nil, true)
	if p != nil && hasSlice(p.t) {
		p = nil // a slice assigned from an inner block's array would outlive it
	}
	if p == nil {
		g.declare(indent, g.localType(), true)
		return
	}
	if _, void := p.t.(errorUnionType); void && same(p.t, errorUnionType{tVoid}) {
		g.line(indent, "%s = error.%s", p.text(), errNames[g.pick(len(errNames))])
		return
	}
	if it, ok := p.t.(*intType); ok && g.chance(0.5) {
		ops := []string{"+=", "-=", "*=", "&=", "|=", "^="}
		g.line(indent, "%s %s %s", p.text(), ops[g.pick(len(ops))], g.intExpr(it, 2))
		return
	}
	g.line(indent, "%s = %s", p.text(), g.expr(p.t, 3))
}

// printStmt prints a value of a printable type.
func (g *gen) printStmt(indent int) {
	switch g.pick(4) {
	case 0:
		g.line(indent, "println(%s)", g.boolExpr(2))
	case 1:
		g.line(indent, "println(%s)", g.stringExpr(2))
	case 2:
		g.line(indent, "print(%s)", g.stringExpr(1))
	default:
		it := intTypes[g.pick(len(intTypes))]
		g.line(indent, "println(%s)", typed(it, g.intExpr(it, 3)))
	}
}

// optionalIf is `if (o) |v| { … } else { … }` on an optional expression.
func (g *gen) optionalIf(indent int) {
	var o *place
	for _, p := range g.places(nil) {
		if _, ok := p.t.(optionalType); ok && (o == nil || g.chance(0.5)) {
			p := p
			o = &p
		}
	}
	if o == nil {
		g.declare(indent, optOf(g.valueType(1)), true)
		o = g.choosePlace(g.scope[len(g.scope)-1].t, false)
	}
	t := o.t.(optionalType).elem
	v := g.fresh("c")
	g.line(indent, "if (%s) |%s| {", o.text(), v)
	g.scope = append(g.scope, local{v, t, false})
	g.stmts(indent+1, 1+g.pick(3))
	g.scope = g.scope[:len(g.scope)-1]
	if g.chance(0.5) {
		g.line(indent, "} else {")
		g.stmts(indent+1, 1+g.pick(2))
	}
	g.line(indent, "}")
}

// loop writes a for-range, for-in (over an array or slice local) or while loop, labelled at
// times.
func (g *gen) loop(indent int) {
	label := ""
	prefix := ""
	if g.chance(0.3) {
		label = g.fresh("outer")
		prefix = label + ": "
	}
	mark := len(g.scope)
	trips := 0
	switch g.pick(3) {
	case 0:
		lo := g.pick(3)
		hi := lo + g.pick(5)
		trips = hi - lo
		i := g.fresh("ix")
		g.line(indent, "%sfor %s in %d..%d {", prefix, i, lo, hi)
		g.scope = append(g.scope, local{i, tI64, false})
	case 1:
		var arrays []local
		for _, l := range g.scope {
			switch l.t.(type) {
			case arrayType, sliceType:
				arrays = append(arrays, l)
			}
		}
		if len(arrays) > 0 {
			a := arrays[g.pick(len(arrays))]
			trips = 4
			if at, ok := a.t.(arrayType); ok {
				trips = at.n
			}
			x := g.fresh("x")
			if g.chance(0.5) {
				i := g.fresh("ix")
				g.line(indent, "%sfor %s, %s in %s {", prefix, i, x, a.name)
				g.scope = append(g.scope, local{i, tI64, false})
			} else {
				g.line(indent, "%sfor %s in %s {", prefix, x, a.name)
			}
			g.scope = append(g.scope, local{x, elemOf(a.t), false})
			break
		}
		fallthrough
	default:
		c := g.fresh("n")
		trips = 1 + g.pick(4)
		g.line(indent, "var %s: i64 = 0", c)
		g.line(indent, "%swhile (%s < %d) {", prefix, c, trips)
		g.line(indent+1, "%s += 1", c) // first, so continue cannot skip it
		g.scope = append(g.scope, local{c, tI64, false})
	}
	g.loops = append(g.loops, label)
	saved := g.mult
	g.mult *= trips + 1
	g.stmts(indent+1, 1+g.pick(4))
	g.mult = saved
	g.loops = g.loops[:len(g.loops)-1]
	g.scope = g.scope[:mark]
	if trips == 0 {
		g.step(1)
	}
	g.line(indent, "}")
}

// switchStmt is a switch statement on an enum, a union (with captures) or an integer, whose
// arms are blocks of statements.
func (g *gen) switchStmt(indent int) {
	if u := g.choosePlace(nil, false); u != nil {
		if ut, ok := u.t.(*unionType); ok {
			g.line(indent, "switch (%s) {", u.text())
			for _, v := range ut.variants {
				if v.payload == nil {
					g.line(indent+1, "%s.%s => {", ut.name, v.name)
					g.stmts(indent+2, 1)
				} else {
					c := g.fresh("c")
					g.line(indent+1, "%s.%s |%s| => {", ut.name, v.name, c)
					g.scope = append(g.scope, local{c, v.payload, false})
					g.stmts(indent+2, 1+g.pick(2))
					g.scope = g.scope[:len(g.scope)-1]
				}
				g.line(indent+1, "},")
			}
			g.line(indent, "}")
			return
		}
	}
	if e, ok := g.enumPlace(); ok && g.chance(0.5) {
		et := e.t.(*enumType)
		g.line(indent, "switch (%s) {", e.text())
		for i, v := range et.variants {
			if i == len(et.variants)-1 && g.chance(0.5) {
				g.line(indent+1, "else => {")
			} else {
				g.line(indent+1, "%s.%s => {", et.name, v)
			}
			g.stmts(indent+2, 1)
			g.line(indent+1, "},")
		}
		g.line(indent, "}")
		return
	}
	g.line(indent, "switch (%s & 7) {", g.intExpr(tI64, 2))
	for i := 0; i < 3; i++ {
		g.line(indent+1, "%d, %d => {", 2*i, 2*i+1)
		g.stmts(indent+2, 1)
		g.line(indent+1, "},")
	}
	g.line(indent+1, "else => { trace += 1 },")
	g.line(indent, "}")
}

// earlyReturn leaves the function from inside a nested statement.
func (g *gen) earlyReturn(indent int) {
	cond := g.boolExpr(2)
	switch res := g.fn.result.(type) {
	case voidType:
		g.line(indent, "if (%s) { return }", cond)
	case errorUnionType:
		if _, void := res.elem.(voidType); void {
			g.line(indent, "if (%s) { return }", cond)
			return
		}
		g.line(indent, "if (%s) { return %s }", cond, g.expr(res.elem, 2))
	default:
		if g.fn.name == "main" {
			g.line(indent, "if (%s) { return %s }", cond, fmt.Sprint(g.pick(8)))
			return
		}
		g.line(indent, "if (%s) { return %s }", cond, g.expr(res, 2))
	}
}

// callStmt calls a void function (or a non-void one for its effects, dropping the value).
func (g *gen) callStmt(indent int) {
	var fs []*fnSig
	for _, f := range g.funcs {
		if _, isErr := f.result.(errorUnionType); !isErr && g.callable(f) {
			fs = append(fs, f)
		}
	}
	if g.features.Closures && g.chance(0.3) {
		if c := g.closureCall(tVoid, 2); c != "" {
			g.line(indent, "%s", c)
			return
		}
	}
	if len(fs) == 0 {
		g.printStmt(indent)
		return
	}
	f := fs[g.pick(len(fs))]
	call := g.call(f, 2)
	if _, void := f.result.(voidType); void {
		g.line(indent, "%s", call)
		return
	}
	g.line(indent, "trace = trace * 3 + %s", g.dig(f.result, call))
}

// methodStmt calls a method that mutates its receiver: Box.put, or a Dig method through a
// variable's address.
func (g *gen) methodStmt(indent int) {
	for _, p := range g.places(nil) {
		if st, ok := p.t.(*structType); ok && st.generic == "Box" && p.mut && g.chance(0.5) {
			g.line(indent, "%s.put(%s)", p.text(), g.expr(st.args[0], 2))
			return
		}
	}
	g.line(indent, "trace = trace + %s", g.i64Source(2))
}

// sliceDecl declares a slice of a mutable array place (writes through it alias the array).
func (g *gen) sliceDecl(indent int) {
	for _, p := range g.places(nil) {
		if a, ok := p.t.(arrayType); ok && p.mut && !hasSlice(a.elem) && g.chance(0.5) {
			name := g.fresh("s")
			lo := g.pick(a.n)
			g.line(indent, "var %s: []%s = %s[%d:%d]", name, a.elem, p.text(), lo, lo+1+g.pick(a.n-lo))
			g.scope = append(g.scope, local{name, sliceType{a.elem}, true})
			return
		}
	}
	g.declare(indent, g.localType(), true)
}
