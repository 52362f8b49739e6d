package passes

import (
	"flag"
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// progGen writes random well-typed programs of the supported slice: globals, functions calling
// earlier functions (so every program terminates), bounded loops with break/continue, all
// operators, if-expressions, short-circuit logic and prints.
type progGen struct {
	r     *rand.Rand
	sb    strings.Builder
	vars  []string // i64 variables in scope
	mut   []string // the assignable ones (locals declared with var)
	funcs []string
	depth int // loop nesting
	n     int // fresh-name counter
}

func (g *progGen) fresh(prefix string) string {
	g.n++
	return fmt.Sprintf("%s%d", prefix, g.n)
}

func (g *progGen) intExpr(d int) string {
	if d <= 0 || g.r.Intn(4) == 0 {
		switch g.r.Intn(5) {
		case 0:
			return []string{"0", "1", "-1", "9223372036854775807", "-9223372036854775808", "0xFF", "63", "64"}[g.r.Intn(8)]
		case 1, 2:
			if len(g.vars) > 0 {
				return g.vars[g.r.Intn(len(g.vars))]
			}
		}
		return fmt.Sprint(g.r.Intn(200) - 100)
	}
	switch g.r.Intn(8) {
	case 0:
		return fmt.Sprintf("if (%s) { %s } else { %s }", g.boolExpr(d-1), g.intExpr(d-1), g.intExpr(d-1))
	case 1:
		if len(g.funcs) > 0 {
			return fmt.Sprintf("%s(%s, %s)", g.funcs[g.r.Intn(len(g.funcs))], g.intExpr(d-1), g.intExpr(d-1))
		}
	case 2:
		return []string{"-", "~"}[g.r.Intn(2)] + "(" + g.intExpr(d-1) + ")"
	case 3:
		// A divisor that is rarely zero, so most programs run to the end.
		return fmt.Sprintf("(%s) %s ((%s) | %d)", g.intExpr(d-1), []string{"/", "%"}[g.r.Intn(2)], g.intExpr(d-1), 1+g.r.Intn(7))
	}
	ops := []string{"+", "-", "*", "&", "|", "^", "<<", ">>"}
	return fmt.Sprintf("(%s %s %s)", g.intExpr(d-1), ops[g.r.Intn(len(ops))], g.intExpr(d-1))
}

func (g *progGen) boolExpr(d int) string {
	if d <= 0 || g.r.Intn(3) == 0 {
		cmp := []string{"==", "!=", "<", "<=", ">", ">="}
		return fmt.Sprintf("%s %s %s", g.intExpr(0), cmp[g.r.Intn(len(cmp))], g.intExpr(d-1))
	}
	switch g.r.Intn(4) {
	case 0:
		return fmt.Sprintf("(%s and %s)", g.boolExpr(d-1), g.boolExpr(d-1))
	case 1:
		return fmt.Sprintf("(%s || %s)", g.boolExpr(d-1), g.boolExpr(d-1))
	case 2:
		return fmt.Sprintf("not (%s)", g.boolExpr(d-1))
	}
	return fmt.Sprintf("(%s) == (%s)", g.boolExpr(d-1), g.boolExpr(d-1))
}

func (g *progGen) line(indent int, format string, args ...any) {
	g.sb.WriteString(strings.Repeat("    ", indent) + fmt.Sprintf(format, args...) + "\n")
}

func (g *progGen) stmts(indent, n int) {
	mark, mutMark := len(g.vars), len(g.mut)
	for i := 0; i < n; i++ {
		switch k := g.r.Intn(9); {
		case k < 2:
			v := g.fresh("v")
			g.line(indent, "var %s = %s", v, g.intExpr(2))
			g.vars = append(g.vars, v)
			g.mut = append(g.mut, v)
		case k < 4 && len(g.mut) > 0:
			op := []string{"=", "+=", "-=", "*=", "^="}[g.r.Intn(5)]
			g.line(indent, "%s %s %s", g.mut[g.r.Intn(len(g.mut))], op, g.intExpr(2))
		case k == 4:
			g.line(indent, "if (%s) {", g.boolExpr(2))
			g.stmts(indent+1, 2)
			g.line(indent, "} else {")
			g.stmts(indent+1, 2)
			g.line(indent, "}")
		case k == 5 && indent < 4:
			i := g.fresh("it")
			g.line(indent, "for %s in %s..%d {", i, fmt.Sprint(g.r.Intn(3)), 2+g.r.Intn(4))
			g.vars = append(g.vars, i)
			g.depth++
			g.stmts(indent+1, 3)
			g.depth--
			g.vars = g.vars[:len(g.vars)-1]
			g.line(indent, "}")
		case k == 6 && indent < 4:
			c := g.fresh("c")
			g.line(indent, "var %s = 0", c) // not assignable by the generator: the loop stays bounded
			g.line(indent, "while (%s < %d) {", c, 1+g.r.Intn(4))
			g.line(indent+1, "%s += 1", c)
			g.depth++
			g.stmts(indent+1, 3)
			g.depth--
			g.line(indent, "}")
		case k == 7 && g.depth > 0:
			g.line(indent, "if (%s) { %s }", g.boolExpr(1), []string{"break", "continue"}[g.r.Intn(2)])
		default:
			if g.r.Intn(3) == 0 {
				g.line(indent, "println(%s)", g.boolExpr(2))
			} else {
				g.line(indent, "println(%s)", g.intExpr(3))
			}
		}
	}
	g.vars, g.mut = g.vars[:mark], g.mut[:mutMark]
}

func generateProgram(seed int64) string {
	g := &progGen{r: rand.New(rand.NewSource(seed))}
	g.line(0, "var counter = %d", g.r.Intn(10))
	for f := 0; f < 1+g.r.Intn(3); f++ {
		name := g.fresh("fn")
		g.line(0, "fn %s(a: i64, b: i64) i64 {", name)
		g.vars, g.mut = []string{"a", "b"}, []string{"counter"}
		g.line(1, "counter += 1")
		g.stmts(1, 4)
		g.line(1, "return %s", g.intExpr(3))
		g.line(0, "}")
		g.funcs = append(g.funcs, name)
	}
	g.vars, g.mut = []string{"counter"}, []string{"counter"}
	g.line(0, "fn main() i64 {")
	g.stmts(1, 6)
	g.line(1, "println(counter)")
	g.line(1, "return %s", g.intExpr(2))
	g.line(0, "}")
	return g.sb.String()
}

var genCount = flag.Int("gen", 40, "number of random programs TestGeneratedPrograms checks")

// TestGeneratedPrograms compiles random programs and checks, after every typed ast pass, that
// the reference interpreter agrees with the Wasm run (output, exit status, trap).
func TestGeneratedPrograms(t *testing.T) {
	n := *genCount
	if testing.Short() {
		n = 5
	}
	for seed := int64(1); seed <= int64(n); seed++ {
		c := e2eCase{name: fmt.Sprintf("seed%d", seed), src: generateProgram(seed)}
		checkEveryPass(t, c, nil, "")
	}
}
