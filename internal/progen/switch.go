package progen

import (
	"fmt"
	"strings"
)

// enumSwitch is a switch expression on the enum place e yielding t: exhaustive without else, or
// some arms (several patterns to an arm) and an else.
func (g *gen) enumSwitch(e place, t Type, d int) string {
	et := e.t.(*enumType)
	var arms []string
	vs := g.r.Perm(len(et.variants))
	partial := g.chance(0.4)
	for i := 0; i < len(vs); {
		n := 1 + g.pick(2)
		if i+n > len(vs) {
			n = len(vs) - i
		}
		var pats []string
		for _, v := range vs[i : i+n] {
			pats = append(pats, et.name+"."+et.variants[v])
		}
		i += n
		if partial && i == len(vs) && len(arms) > 0 {
			break
		}
		arms = append(arms, strings.Join(pats, ", ")+" => "+g.expr(t, d-1))
	}
	if partial || g.chance(0.2) {
		arms = append(arms, "else => "+g.expr(t, d-1))
	}
	return fmt.Sprintf("switch (%s) { %s }", e.text(), strings.Join(arms, ", "))
}

// unionSwitch is a switch expression on union value u yielding t, with payload captures and
// guards that read them.
func (g *gen) unionSwitch(u string, ut *unionType, t Type, d int) string {
	var arms []string
	for _, v := range ut.variants {
		pat := ut.name + "." + v.name
		if v.payload == nil || g.chance(0.2) {
			arms = append(arms, pat+" => "+g.expr(t, d-1))
			continue
		}
		c := g.fresh("c")
		g.withLocal(local{c, v.payload, false}, func() string {
			if g.chance(0.3) {
				// A guarded arm, then the same variant unguarded so the switch stays exhaustive.
				arms = append(arms, fmt.Sprintf("%s |%s| if %s => %s", pat, c, g.boolExpr(1), g.expr(t, d-1)))
			}
			arms = append(arms, fmt.Sprintf("%s |%s| => %s", pat, c, g.expr(t, d-1)))
			return ""
		})
	}
	return fmt.Sprintf("switch (%s) { %s }", u, strings.Join(arms, ", "))
}

// intSwitch is a switch on an integer subject with single, several and range patterns, guards
// and an else arm, yielding t.
func (g *gen) intSwitch(t Type, d int) string {
	it := intTypes[g.pick(len(intTypes))]
	var arms []string
	lo := 0
	for i := 0; i < 1+g.pick(4); i++ {
		var pat string
		switch g.pick(3) {
		case 0:
			pat = fmt.Sprint(lo)
			lo++
		case 1:
			pat = fmt.Sprintf("%d, %d", lo, lo+2)
			lo += 3
		default:
			w := g.pick(5)
			pat = fmt.Sprintf("%d..%d", lo, lo+w)
			lo += w + 1
		}
		if g.chance(0.2) {
			pat += " if " + g.boolExpr(1)
		}
		arms = append(arms, pat+" => "+g.expr(t, d-1))
	}
	arms = append(arms, "else => "+g.expr(t, d-1))
	subject := fmt.Sprintf("(%s & 15)", typed(it, g.intExpr(it, d-1)))
	return fmt.Sprintf("switch %s { %s }", subject, strings.Join(arms, ", "))
}

// genericExpr is a value of t from a generic function or method: mkpair, boxed, swap, get.
func (g *gen) genericExpr(t Type, d int) string {
	if st, ok := t.(*structType); ok && st.generic != "" {
		if st.generic == "Pair" {
			if g.chance(0.5) {
				return fmt.Sprintf("mkpair(%s, %s)(%s, %s)", st.args[0], st.args[1], g.expr(st.args[0], d-1), g.expr(st.args[1], d-1))
			}
			if p := g.choosePlace(g.instance("Pair", st.args[1], st.args[0]), true); p != nil {
				return p.text() + ".swap()"
			}
		}
		if st.generic == "Box" {
			return fmt.Sprintf("boxed(%s)(%s)", st.args[0], g.expr(st.args[0], d-1))
		}
	}
	if typeArgOK(t) {
		if p := g.choosePlace(g.instance("Box", t), true); p != nil {
			return p.text() + ".get()"
		}
	}
	if _, ok := t.(*intType); ok {
		return g.intSwitch(t, d)
	}
	return ""
}
