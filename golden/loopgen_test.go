package golden

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// TestGeneratedLoops is the control-flow member of the generated differential tests: random
// nests of for-in ranges and while loops with if/else, break and continue, updating an
// accumulator and printing it, checked against a Go interpreter of the same statements.
func TestGeneratedLoops(t *testing.T) {
	const programs = 6
	for seed := int64(1); seed <= programs; seed++ {
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
			t.Parallel()
			g := &loopGen{r: rand.New(rand.NewSource(seed))}
			body := append(g.block(3, 6, false), g.block(3, 6, false)...)
			var want strings.Builder
			env := map[string]int64{"acc": 0}
			for _, p := range genParams {
				env[p.name] = p.value
			}
			execBlock(body, env, &want)
			fmt.Fprintf(&want, "%d\n", env["acc"])
			checkGenerated(t, loopProgram(body), want.String())
		})
	}
}

// An integer expression over the variables in scope.
type varExpr struct {
	text string
	eval func(env map[string]int64) int64
}

// A statement; control is how a block ended (normally, by break, by continue).
type genControl int

const (
	ctlNext genControl = iota
	ctlBreak
	ctlContinue
)

type genStmt struct {
	text func(indent string) string
	exec func(env map[string]int64, out *strings.Builder) genControl
}

type loopGen struct {
	r     *rand.Rand
	vars  []string // loop variables in scope, innermost last
	loops int      // loop variables made so far (for unique names)
}

func (g *loopGen) intTerm(depth int) varExpr {
	if depth == 0 || g.r.Intn(3) == 0 {
		names := append([]string{"acc", "a", "b"}, g.vars...)
		if g.r.Intn(3) == 0 {
			v := g.r.Int63n(20) - 5
			return varExpr{fmt.Sprintf("(%d)", v), func(map[string]int64) int64 { return v }}
		}
		n := names[g.r.Intn(len(names))]
		return varExpr{n, func(env map[string]int64) int64 { return env[n] }}
	}
	ops := []string{"+", "-", "*", "&", "|", "^", ">>", "%"}
	op := ops[g.r.Intn(len(ops))]
	x, y := g.intTerm(depth-1), g.intTerm(depth-1)
	if op == "%" {
		return varExpr{"(" + x.text + " % ((" + y.text + " & 7) | 1))", func(env map[string]int64) int64 {
			return evalOp("%", x.eval(env), (y.eval(env)&7)|1)
		}}
	}
	return varExpr{"(" + x.text + " " + op + " " + y.text + ")", func(env map[string]int64) int64 {
		return evalOp(op, x.eval(env), y.eval(env))
	}}
}

func (g *loopGen) cond() (string, func(map[string]int64) bool) {
	x, y := g.intTerm(1), g.intTerm(1)
	ops := []string{"==", "!=", "<", "<=", ">", ">="}
	op := ops[g.r.Intn(len(ops))]
	return "(" + x.text + " " + op + " " + y.text + ")", func(env map[string]int64) bool {
		a, b := x.eval(env), y.eval(env)
		return map[string]bool{"==": a == b, "!=": a != b, "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]
	}
}

// block makes up to n statements nested at most depth deep; inLoop allows break and continue.
func (g *loopGen) block(depth, n int, inLoop bool) []genStmt {
	var out []genStmt
	for i := 0; i < 1+g.r.Intn(n); i++ {
		out = append(out, g.statement(depth, inLoop))
	}
	return out
}

func (g *loopGen) statement(depth int, inLoop bool) genStmt {
	k := g.r.Intn(12)
	if (k == 5 || k == 6) && !inLoop {
		k = 0
	}
	switch {
	case k < 3 || depth == 0:
		e := g.intTerm(2)
		return genStmt{func(in string) string { return in + "acc = " + e.text + "\n" },
			func(env map[string]int64, _ *strings.Builder) genControl { env["acc"] = e.eval(env); return ctlNext }}
	case k <= 4:
		return genStmt{func(in string) string { return in + "println(acc)\n" },
			func(env map[string]int64, out *strings.Builder) genControl {
				fmt.Fprintf(out, "%d\n", env["acc"])
				return ctlNext
			}}
	case k <= 6:
		text, cond := g.cond()
		word, ctl := "break", ctlBreak
		if g.r.Intn(2) == 0 {
			word, ctl = "continue", ctlContinue
		}
		return genStmt{func(in string) string { return in + "if " + text + " {\n" + in + "    " + word + "\n" + in + "}\n" },
			func(env map[string]int64, _ *strings.Builder) genControl {
				if cond(env) {
					return ctl
				}
				return ctlNext
			}}
	case k <= 8:
		text, cond := g.cond()
		then, els := g.block(depth-1, 3, inLoop), g.block(depth-1, 3, inLoop)
		return genStmt{func(in string) string {
			return in + "if " + text + " {\n" + blockText(then, in+"    ") + in + "} else {\n" + blockText(els, in+"    ") + in + "}\n"
		}, func(env map[string]int64, out *strings.Builder) genControl {
			if cond(env) {
				return execBlock(then, env, out)
			}
			return execBlock(els, env, out)
		}}
	case k <= 10:
		g.loops++
		v := fmt.Sprintf("idx%d", g.loops) // not "i8": that is a type keyword
		lo, hi := g.r.Int63n(4)-1, g.r.Int63n(6)
		g.vars = append(g.vars, v)
		body := g.block(depth-1, 4, true)
		g.vars = g.vars[:len(g.vars)-1]
		return genStmt{func(in string) string {
			return fmt.Sprintf("%sfor %s in %d..%d {\n%s%s}\n", in, v, lo, hi, blockText(body, in+"    "), in)
		}, func(env map[string]int64, out *strings.Builder) genControl {
			for i := lo; i < hi; i++ {
				env[v] = i
				if execBlock(body, env, out) == ctlBreak {
					break
				}
			}
			delete(env, v)
			return ctlNext
		}}
	default:
		g.loops++
		v := fmt.Sprintf("cnt%d", g.loops)
		limit := g.r.Int63n(5)
		g.vars = append(g.vars, v)
		body := g.block(depth-1, 4, true)
		g.vars = g.vars[:len(g.vars)-1]
		// The counter steps first, so continue cannot skip it.
		return genStmt{func(in string) string {
			return fmt.Sprintf("%svar %s = 0\n%swhile (%s < %d) {\n%s    %s = %s + 1\n%s%s}\n",
				in, v, in, v, limit, in, v, v, blockText(body, in+"    "), in)
		}, func(env map[string]int64, out *strings.Builder) genControl {
			for env[v] = 0; env[v] < limit; {
				env[v]++
				if execBlock(body, env, out) == ctlBreak {
					break
				}
			}
			return ctlNext
		}}
	}
}

func execBlock(b []genStmt, env map[string]int64, out *strings.Builder) genControl {
	for _, s := range b {
		if c := s.exec(env, out); c != ctlNext {
			return c
		}
	}
	return ctlNext
}

func blockText(b []genStmt, indent string) string {
	var sb strings.Builder
	for _, s := range b {
		sb.WriteString(s.text(indent))
	}
	return sb.String()
}

func loopProgram(body []genStmt) string {
	return "fn compute(a: i64, b: i64) {\n    var acc = 0\n" + blockText(body, "    ") + "    println(acc)\n}\n\n" +
		"fn main() i64 {\n    compute(7, -3)\n    return 0\n}\n"
}
