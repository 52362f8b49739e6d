package progen

import (
	"fmt"
	"strings"
)

// expr returns an expression of type t, nested at most d levels.
func (g *gen) expr(t Type, d int) string {
	if _, ptr := t.(pointerType); ptr {
		if p := g.choosePlace(t, false); p != nil && g.chance(0.4) {
			return p.text() // a second owner of a heap object (or a borrowed parameter)
		}
		return g.literal(t, d)
	}
	if d > 0 && g.chance(0.3) {
		if e := g.common(t, d); e != "" {
			return e
		}
	}
	if g.chance(0.45) {
		if p := g.choosePlace(t, false); p != nil {
			return p.text()
		}
	}
	switch t := t.(type) {
	case *intType:
		return g.intExpr(t, d)
	case boolType:
		return g.boolExpr(d)
	case stringType:
		return g.stringExpr(d)
	case sliceType:
		return g.sliceOf(t)
	}
	return g.literal(t, d)
}

// common makes an expression of any type t from calls, generics, conditionals, optionals and
// error unions; "" when none fits.
func (g *gen) common(t Type, d int) string {
	k := g.pick(9)
	if _, ok := t.(errorUnionType); ok && k >= 4 {
		// check-types gives the branches of if and switch expressions no expected error union
		// (`error.X` there is an i64).
		return ""
	}
	switch k {
	case 0, 1:
		var fs []*fnSig
		for _, f := range g.funcs {
			if same(f.result, t) && g.callable(f) {
				fs = append(fs, f)
			}
		}
		if len(fs) > 0 {
			return g.call(fs[g.pick(len(fs))], d)
		}
	case 2:
		return g.errorExpr(t, d)
	case 3:
		if typeArgOK(t) && !hasSlice(t) {
			return fmt.Sprintf("pick(%s)(%s, %s, %s)", t, g.boolExpr(d-1), g.expr(t, d-1), g.expr(t, d-1))
		}
	case 4:
		return fmt.Sprintf("if (%s) { %s } else { %s }", g.boolExpr(d-1), g.expr(t, d-1), g.expr(t, d-1))
	case 5:
		if p := g.choosePlace(optionalType{t}, false); p != nil {
			o := p.text()
			switch g.pick(4) {
			case 0:
				if typeArgOK(t) && !hasSlice(t) {
					return fmt.Sprintf("orElse(%s)(%s, %s)", t, o, g.expr(t, d-1))
				}
			case 1:
				if !g.trapped && g.chance(0.1) {
					g.trapped = true // one unguarded unwrap per program: it may trap
					return o + ".?"
				}
				return fmt.Sprintf("if (%s != null) { %s.? } else { %s }", o, o, g.expr(t, d-1))
			case 2:
				v := g.fresh("c")
				return fmt.Sprintf("if (%s) |%s| { %s } else { %s }", o, v, g.withLocal(local{v, t, false}, func() string { return g.expr(t, d-1) }), g.expr(t, d-1))
			}
			return fmt.Sprintf("(%s ?? %s)", o, g.expr(t, d-1))
		}
	case 6:
		if e, ok := g.enumPlace(); ok {
			return g.enumSwitch(e, t, d)
		}
	case 7:
		if u := g.choosePlace(nil, false); u != nil {
			if ut, ok := u.t.(*unionType); ok {
				return g.unionSwitch(u.text(), ut, t, d)
			}
		}
	case 8:
		if g.features.Closures && g.chance(0.5) {
			if e := g.closureCall(t, d); e != "" {
				return e
			}
		}
		return g.genericExpr(t, d)
	}
	return ""
}

// typed gives the integer expression e of type t its type where no context does (comparisons,
// print, interpolation, casts, switch subjects): an untyped literal expression would be an i64.
func typed(t *intType, e string) string {
	if t == tI64 {
		return e
	}
	return "as_" + t.name + "(" + e + ")"
}

// call is a call of f with fresh arguments.
func (g *gen) call(f *fnSig, d int) string {
	g.cost += g.mult * f.cost
	return fmt.Sprintf("%s(%s)", f.name, g.args(f.params, d-1))
}

// withLocal evaluates make with l in scope.
func (g *gen) withLocal(l local, make func() string) string {
	g.scope = append(g.scope, l)
	defer func() { g.scope = g.scope[:len(g.scope)-1] }()
	return make()
}

var intOps = []string{"+", "-", "*", "&", "|", "^", "<<", ">>", "/", "%"}

func (g *gen) intExpr(t *intType, d int) string {
	if d <= 0 {
		if p := g.choosePlace(t, false); p != nil && g.chance(0.5) {
			return p.text()
		}
		return g.intLiteral(t)
	}
	switch g.pick(12) {
	case 0:
		return g.intLiteral(t)
	case 1:
		if t.signed && g.chance(0.5) {
			return "-(" + g.intExpr(t, d-1) + ")"
		}
		return "~(" + g.intExpr(t, d-1) + ")"
	case 2:
		from := intTypes[g.pick(len(intTypes))]
		return fmt.Sprintf("@intCast(%s, %s)", t, typed(from, g.intExpr(from, d-1)))
	case 3:
		if t == tI64 {
			return g.i64Source(d)
		}
	case 4:
		if t == tU8 && g.chance(0.5) {
			s := g.stringExpr(d - 1)
			return fmt.Sprintf("byteAt(%s, %s)", s, g.intExpr(tI64, d-1))
		}
	}
	op := intOps[g.pick(len(intOps))]
	x, y := g.intExpr(t, d-1), g.intExpr(t, d-1)
	if op == "/" || op == "%" {
		return fmt.Sprintf("(%s %s ((%s & 7) | 1))", x, op, y)
	}
	return fmt.Sprintf("(%s %s %s)", x, op, y)
}

// i64Source is an i64 made from a value of another kind: a digest, a length, a union tag, a
// trait method.
func (g *gen) i64Source(d int) string {
	switch g.pick(5) {
	case 0:
		return g.stringExpr(d-1) + ".len"
	case 1:
		if p := g.choosePlace(nil, false); p != nil {
			if _, ok := p.t.(pointerType); !ok {
				return g.dig(p.t, p.text())
			}
		}
	case 2:
		if p := g.choosePlace(nil, false); p != nil {
			if _, ok := p.t.(*unionType); ok {
				return p.text() + ".tag"
			}
		}
	case 3:
		ts := g.digTypes()
		t := ts[g.pick(len(ts))]
		return fmt.Sprintf("digBoth(%s)(%s, %s)", t, g.expr(t, d-1), g.expr(t, d-1))
	case 4:
		ts := g.digTypes()
		if p := g.choosePlace(ts[g.pick(len(ts))], true); p != nil {
			return p.text() + ".dig()"
		}
	}
	return g.intLiteral(tI64)
}

func (g *gen) intLiteral(t *intType) string {
	if g.chance(0.7) {
		if t.signed {
			return fmt.Sprint(g.pick(41) - 20)
		}
		return fmt.Sprint(g.pick(41))
	}
	if t.signed {
		max := int64(1)<<(t.bits-1) - 1
		switch g.pick(4) {
		case 0:
			return fmt.Sprint(max)
		case 1:
			return fmt.Sprint(-max - 1)
		case 2:
			return fmt.Sprint(g.r.Int63n(max))
		}
		return fmt.Sprint(-g.r.Int63n(max))
	}
	if t.bits == 64 {
		return []string{"0xFFFF_FFFF_FFFF_FFFF", "0x8000_0000_0000_0000", fmt.Sprint(g.r.Uint64())}[g.pick(3)]
	}
	max := uint64(1)<<t.bits - 1
	return []string{fmt.Sprint(max), fmt.Sprint(max / 2), fmt.Sprint(g.r.Uint64() % (max + 1))}[g.pick(3)]
}

func (g *gen) boolExpr(d int) string {
	if d <= 0 {
		if p := g.choosePlace(tBool, false); p != nil && g.chance(0.5) {
			return p.text()
		}
		return []string{"true", "false"}[g.pick(2)]
	}
	switch g.pick(9) {
	case 0:
		return fmt.Sprintf("(%s and %s)", g.boolExpr(d-1), g.boolExpr(d-1))
	case 1:
		return fmt.Sprintf("(%s or %s)", g.boolExpr(d-1), g.boolExpr(d-1))
	case 2:
		return fmt.Sprintf("not (%s)", g.boolExpr(d-1))
	case 3:
		op := []string{"==", "!="}[g.pick(2)]
		return fmt.Sprintf("(%s %s %s)", g.stringExpr(d-1), op, g.stringExpr(d-1))
	case 4:
		if p := g.choosePlace(nil, false); p != nil {
			if _, ok := p.t.(optionalType); ok {
				return fmt.Sprintf("(%s %s null)", p.text(), []string{"==", "!="}[g.pick(2)])
			}
		}
	case 5:
		if e, ok := g.enumPlace(); ok {
			v := e.t.(*enumType)
			return fmt.Sprintf("(%s == %s.%s)", e.text(), v.name, v.variants[g.pick(len(v.variants))])
		}
	case 6:
		return fmt.Sprintf("(%s == %s)", g.boolExpr(d-1), g.boolExpr(d-1))
	}
	t := intTypes[g.pick(len(intTypes))]
	if g.chance(0.5) {
		t = tI64
	}
	ops := []string{"==", "!=", "<", "<=", ">", ">="}
	return fmt.Sprintf("(%s %s %s)", typed(t, g.intExpr(t, d-1)), ops[g.pick(len(ops))], g.intExpr(t, d-1))
}

// words are string literals as written in Cot source.
var words = []string{`""`, `"a"`, `"cot"`, `"zig"`, `"héllo"`, `"x y"`, `"0123456789"`, `"tab\tq\n"`, `"WASM"`, `"\"q\\"`}

func (g *gen) stringExpr(d int) string {
	if d <= 0 {
		if p := g.choosePlace(tString, false); p != nil && g.chance(0.5) {
			return p.text()
		}
		return words[g.pick(len(words))]
	}
	switch g.pick(6) {
	case 0:
		return words[g.pick(len(words))]
	case 1:
		return fmt.Sprintf("clip(%s + %s)", g.stringExpr(d-1), g.stringExpr(d-1))
	case 2:
		return fmt.Sprintf("sub(%s, %s, %s)", g.stringExpr(d-1), g.intExpr(tI64, d-1), g.intExpr(tI64, d-1))
	}
	// Interpolation of integers of every width, bools, enums and strings.
	var b strings.Builder
	b.WriteString("clip(\"")
	for i := 0; i < 1+g.pick(3); i++ {
		b.WriteString([]string{"", "<", "=", ", ", "é"}[g.pick(5)])
		var e string
		switch g.pick(4) {
		case 0:
			it := intTypes[g.pick(len(intTypes))]
			e = typed(it, g.intExpr(it, d-1))
		case 1:
			e = g.boolExpr(d - 1)
		case 2:
			if p, ok := g.enumPlace(); ok {
				e = p.text()
				break
			}
			e = g.intExpr(tI64, d-1)
		default:
			e = g.stringExpr(d - 1)
		}
		b.WriteString("${" + e + "}")
	}
	b.WriteString("\")")
	return b.String()
}

// enumPlace is a readable place of some enum type.
func (g *gen) enumPlace() (place, bool) {
	var ok []place
	for _, p := range g.places(nil) {
		if _, is := p.t.(*enumType); is {
			ok = append(ok, p)
		}
	}
	if len(ok) == 0 {
		return place{}, false
	}
	return ok[g.pick(len(ok))], true
}

// sliceOf makes a non-empty slice of a mutable array place, or uses a slice place.
func (g *gen) sliceOf(t sliceType) string {
	if p := g.choosePlace(t, false); p != nil {
		return p.text()
	}
	for _, p := range g.places(nil) {
		if a, ok := p.t.(arrayType); ok && same(a.elem, t.elem) && p.mut {
			lo := g.pick(a.n)
			return fmt.Sprintf("%s[%d:%d]", p.text(), lo, lo+1+g.pick(a.n-lo))
		}
	}
	panic("progen: no array to slice for " + t.String())
}
