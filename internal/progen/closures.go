package progen

import (
	"fmt"
	"strings"
)

// funcType is `fn(A, B) -> R`: the type of a closure or of a named function used as a value.
type funcType struct {
	params []Type
	result Type
}

func (t funcType) String() string {
	var ps []string
	for _, p := range t.params {
		ps = append(ps, p.String())
	}
	s := "fn(" + strings.Join(ps, ", ") + ")"
	if _, void := t.result.(voidType); !void {
		s += " -> " + t.result.String()
	}
	return s
}

// closurePrelude holds the higher-order functions the closure statements use: closures returned
// from functions, closures of closures, function values as parameters.
const closurePrelude = `fn adder(k: i64) fn(i64) -> i64 {
    return fn(x: i64) i64 { return x + k }
}

fn compose(f: fn(i64) -> i64, h: fn(i64) -> i64) fn(i64) -> i64 {
    return fn(x: i64) i64 { return h(f(x)) }
}

fn twice(f: fn(i64) -> i64, x: i64) i64 { return f(f(x)) }

fn counter(start: i64) fn() -> i64 {
    var n = start
    return fn() i64 {
        n = n * 3 + 1
        return n
    }
}

`

var tIntFn = funcType{[]Type{tI64}, tI64}

// capturable reports whether a closure may capture a local of type t: not a pointer or a slice
// (the closure may outlive what they point to).
func capturable(t Type) bool {
	switch t.(type) {
	case pointerType:
		return false
	}
	return !hasSlice(t)
}

// closureDecl declares a closure: a literal capturing the locals in scope (its body reads and
// writes its own copies), a closure made by adder/compose/counter, or a named function as a value.
func (g *gen) closureDecl(indent int) {
	name := g.fresh("cl")
	switch k := g.pick(6); {
	case k == 0:
		g.line(indent, "const %s = adder(%s)", name, g.expr(tI64, 2))
		g.scope = append(g.scope, local{name, tIntFn, false})
		g.closureCost[name] = 1
		return
	case k == 1:
		if f, h := g.closureOf(tIntFn), g.closureOf(tIntFn); f != "" && h != "" {
			g.line(indent, "const %s = compose(%s, %s)", name, f, h)
			g.scope = append(g.scope, local{name, tIntFn, false})
			g.closureCost[name] = g.closureCost[f] + g.closureCost[h] + 1
			return
		}
	case k == 2:
		g.line(indent, "const %s = counter(%s)", name, g.expr(tI64, 2))
		g.scope = append(g.scope, local{name, funcType{nil, tI64}, false})
		g.closureCost[name] = 1
		return
	case k == 3:
		for _, f := range g.funcs {
			if g.chance(0.5) && !hasPointer(f.params) && f.cost <= callBudget {
				g.line(indent, "const %s = %s", name, f.name)
				g.scope = append(g.scope, local{name, funcType{f.params, f.result}, false})
				g.closureCost[name] = f.cost
				return
			}
		}
	}
	g.closureLiteral(indent, name)
}

// useClosure calls the function value name right after its declaration, at times twice: its
// captured copies persist between calls.
func (g *gen) useClosure(indent int, name string) {
	l := g.scope[len(g.scope)-1]
	ft := l.t.(funcType)
	for i := 0; i < 1+g.pick(2) && g.mult*g.closureCost[name] <= callBudget; i++ {
		g.cost += g.mult * g.closureCost[name]
		call := fmt.Sprintf("%s(%s)", name, g.args(ft.params, 2))
		if same(ft, tIntFn) && g.chance(0.4) {
			g.cost += g.mult * g.closureCost[name]
			call = fmt.Sprintf("twice(%s, %s)", name, g.expr(tI64, 2))
		}
		if _, void := ft.result.(voidType); void {
			g.line(indent, "%s", call)
		} else {
			g.line(indent, "println(%s)", g.dig(ft.result, call))
		}
	}
}

func hasPointer(ts []Type) bool {
	for _, t := range ts {
		if _, ok := t.(pointerType); ok {
			return true
		}
	}
	return false
}

// closureLiteral writes `const name = fn(…) R { … }` whose body is generated like a function's,
// over its parameters and the capturable locals in scope.
func (g *gen) closureLiteral(indent int, name string) {
	sig := funcType{result: tI64}
	if g.chance(0.3) {
		sig = tIntFn
	}
	for i := 0; i < g.pick(3) && !same(sig, tIntFn); i++ {
		t := g.valueType(1)
		if hasSlice(t) {
			t = tI64
		}
		sig.params = append(sig.params, t)
	}
	switch g.pick(4) {
	case 0:
		if same(sig, tIntFn) {
			break
		}
		sig.result = tVoid
	case 1:
		if same(sig, tIntFn) {
			break
		}
		sig.result = errorUnionType{g.errPayloadType()}
	case 2:
		if t := g.valueType(1); !hasSlice(t) && !same(sig, tIntFn) {
			sig.result = t
		}
	}
	saved := g.save()
	var captured []local
	for _, l := range g.scope {
		if capturable(l.t) {
			captured = append(captured, l)
		}
	}
	var params []string
	g.scope = captured
	for _, t := range sig.params {
		p := g.fresh("q")
		params = append(params, p+": "+t.String())
		g.scope = append(g.scope, local{p, t, false})
	}
	result := ""
	if _, void := sig.result.(voidType); !void {
		result = " " + sig.result.String()
	}
	g.line(indent, "const %s = fn(%s)%s {", name, strings.Join(params, ", "), result)
	g.fn = &fnSig{name: name, params: sig.params, result: sig.result}
	g.loops, g.mult, g.cost, g.deferDepth = nil, 1, 0, 0
	if _, ok := sig.result.(errorUnionType); ok {
		g.deferLines(indent + 1)
	}
	g.stmts(indent+1, 1+g.pick(4))
	g.finalReturn(indent+1, sig.result)
	cost := g.cost + 1
	g.restore(saved)
	g.line(indent, "}")
	g.scope = append(g.scope, local{name, sig, false})
	g.closureCost[name] = cost
}

// fnState is the part of the generator that describes the function being generated.
type fnState struct {
	fn         *fnSig
	scope      []local
	loops      []string
	mult, cost int
	deferDepth int
}

func (g *gen) save() fnState {
	return fnState{g.fn, append([]local{}, g.scope...), g.loops, g.mult, g.cost, g.deferDepth}
}

func (g *gen) restore(s fnState) {
	g.fn, g.scope, g.loops, g.mult, g.cost, g.deferDepth = s.fn, s.scope, s.loops, s.mult, s.cost, s.deferDepth
}

// closureOf is a local holding a function value of type t, or "".
func (g *gen) closureOf(t funcType) string {
	var names []string
	for _, l := range g.scope {
		if same(l.t, t) {
			names = append(names, l.name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	return names[g.pick(len(names))]
}

// closureCall is a call of a function value in scope whose result is t: directly, or through
// twice for an fn(i64) -> i64; "" when there is none or it costs too much here.
func (g *gen) closureCall(t Type, d int) string {
	var ok []local
	for _, l := range g.scope {
		if ft, is := l.t.(funcType); is && same(ft.result, t) && g.mult*g.closureCost[l.name] <= callBudget {
			ok = append(ok, l)
		}
	}
	if len(ok) == 0 {
		return ""
	}
	l := ok[g.pick(len(ok))]
	g.cost += g.mult * g.closureCost[l.name]
	if same(l.t, tIntFn) && g.chance(0.3) {
		g.cost += g.mult * g.closureCost[l.name]
		return fmt.Sprintf("twice(%s, %s)", l.name, g.expr(tI64, d-1))
	}
	return fmt.Sprintf("%s(%s)", l.name, g.args(l.t.(funcType).params, d-1))
}
