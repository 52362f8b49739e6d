package progen

import (
	"fmt"
	"strings"
)

// inErrorFunc reports whether `try` and `return error.X` may be written here: in a function
// returning an error union, outside deferred code.
func (g *gen) inErrorFunc() bool {
	_, ok := g.fn.result.(errorUnionType)
	return ok && g.deferDepth == 0
}

// errorSource is an expression of type Err!t: a call of a generated function or of need(T), or
// an error-union place; "" when none fits.
func (g *gen) errorSource(t Type, d int) string {
	var fs []*fnSig
	for _, f := range g.funcs {
		if same(f.result, errorUnionType{t}) && g.callable(f) {
			fs = append(fs, f)
		}
	}
	switch {
	case len(fs) > 0 && g.chance(0.7):
		return g.call(fs[g.pick(len(fs))], d)
	case typeArgOK(t) && !hasSlice(t) && g.chance(0.5):
		return fmt.Sprintf("need(%s)(%s)", t, g.expr(optionalType{t}, d-1))
	}
	if p := g.choosePlace(errorUnionType{t}, false); p != nil {
		return p.text()
	}
	return ""
}

// errorExpr is a value of t out of an error union: `try`, `catch v`, `catch |e| switch`,
// `catch |e| { … }`.
func (g *gen) errorExpr(t Type, d int) string {
	src := g.errorSource(t, d)
	if src == "" {
		return ""
	}
	if g.inErrorFunc() && g.chance(0.4) {
		return "(try " + src + ")"
	}
	switch g.pick(3) {
	case 0:
		return fmt.Sprintf("(%s catch (%s))", src, g.expr(t, d-1))
	case 1:
		if it, ok := t.(*intType); ok {
			e := g.fresh("err")
			var arms []string
			for _, n := range errNames[:1+g.pick(len(errNames))] {
				arms = append(arms, fmt.Sprintf("error.%s => %s", n, g.intLiteral(it)))
			}
			arms = append(arms, fmt.Sprintf("else => @intCast(%s, %s)", it, e))
			return fmt.Sprintf("(%s catch |%s| switch %s { %s })", src, e, e, strings.Join(arms, ", "))
		}
	}
	e := g.fresh("err")
	fallback := g.withLocal(local{e, tI64, false}, func() string { return g.expr(t, d-1) })
	return fmt.Sprintf("(%s catch |%s| { trace = trace * 3 + %s; %s })", src, e, e, fallback)
}

// deferLines writes the defers and errdefers of an error function's body: their order shows in
// the output and in trace.
func (g *gen) deferLines(indent int) {
	for i := 0; i < g.pick(4); i++ {
		g.deferStmt(indent)
	}
}

// deferStmt writes one defer or errdefer (errdefer only in error functions).
func (g *gen) deferStmt(indent int) {
	kw := "defer"
	if _, ok := g.fn.result.(errorUnionType); ok && g.chance(0.5) {
		kw = "errdefer"
	}
	k := g.n
	g.n++
	g.deferDepth++
	defer func() { g.deferDepth-- }()
	switch g.pick(3) {
	case 0:
		g.line(indent, "%s println(\"%s %d\")", kw, kw, k)
	case 1:
		g.line(indent, "%s trace = trace * 5 + %d", kw, k%50)
	default:
		// Reads the variables in scope when it runs, not when it was registered.
		p := g.choosePlace(nil, false)
		if p != nil {
			if _, ptr := p.t.(pointerType); ptr {
				p = nil
			}
		}
		if p == nil {
			g.line(indent, "%s println(\"%s %d\")", kw, kw, k)
			return
		}
		g.line(indent, "%s {", kw)
		g.line(indent+1, "println(\"%s %d\")", kw, k)
		g.line(indent+1, "println(%s)", g.dig(p.t, p.text()))
		g.line(indent, "}")
	}
}

// errorStmt writes a statement that leaves an error function with an error, or handles the error
// of a call.
func (g *gen) errorStmt(indent int) {
	if g.inErrorFunc() && g.chance(0.5) {
		g.line(indent, "if (%s) { return error.%s }", g.boolExpr(2), errNames[g.pick(len(errNames))])
		return
	}
	// A void error function called for its effect.
	var fs []*fnSig
	for _, f := range g.funcs {
		if same(f.result, errorUnionType{tVoid}) && g.callable(f) {
			fs = append(fs, f)
		}
	}
	if len(fs) == 0 {
		g.printStmt(indent)
		return
	}
	call := g.call(fs[g.pick(len(fs))], 2)
	if g.inErrorFunc() && g.chance(0.4) {
		g.line(indent, "try %s", call)
		return
	}
	e := g.fresh("err")
	g.line(indent, "%s catch |%s| {", call, e)
	g.line(indent+1, "trace = trace * 11 + %s", e)
	g.line(indent+1, "println(\"caught ${%s}\")", e)
	g.line(indent, "}")
}
