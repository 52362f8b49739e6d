package golden

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// TestGeneratedLogic is the companion of TestGeneratedArithmetic for bool: random expressions of
// comparisons, and/or/not (in both spellings), bool equality and calls with a visible side effect
// (yes(k) and no(k) print k before returning true or false). The Go oracle evaluates with
// short-circuiting, so the expected output records exactly which operands run, in which order.
func TestGeneratedLogic(t *testing.T) {
	const programs, stmtsPerProgram = 4, 25
	for seed := int64(1); seed <= programs; seed++ {
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
			t.Parallel()
			src, want := generateLogicProgram(rand.New(rand.NewSource(seed)), stmtsPerProgram)
			checkGenerated(t, src, want)
		})
	}
}

// boolExpr is a generated bool expression: its text, and a Go function that evaluates it the way
// Cot must, appending the side effects to out.
type boolExpr struct {
	text string
	eval func(out *strings.Builder) bool
}

type logicGen struct {
	r      *rand.Rand
	nextID int
}

func (g *logicGen) leaf() boolExpr {
	switch g.r.Intn(5) {
	case 0, 1: // a call with a side effect
		g.nextID++
		id := g.nextID
		val := g.r.Intn(2) == 0
		name := map[bool]string{true: "yes", false: "no"}[val]
		return boolExpr{fmt.Sprintf("%s(%d)", name, id), func(out *strings.Builder) bool {
			fmt.Fprintf(out, "%d ", id)
			return val
		}}
	case 2:
		val := g.r.Intn(2) == 0
		return boolExpr{fmt.Sprint(val), func(*strings.Builder) bool { return val }}
	default: // an integer comparison (integer expressions have no side effects)
		x, y := genExpr(g.r, 2), genExpr(g.r, 2)
		ops := []string{"==", "!=", "<", "<=", ">", ">="}
		op := ops[g.r.Intn(len(ops))]
		res := map[string]bool{"==": x.val == y.val, "!=": x.val != y.val, "<": x.val < y.val,
			"<=": x.val <= y.val, ">": x.val > y.val, ">=": x.val >= y.val}[op]
		return boolExpr{"(" + x.text + " " + op + " " + y.text + ")", func(*strings.Builder) bool { return res }}
	}
}

func (g *logicGen) boolean(depth int) boolExpr {
	if depth == 0 || g.r.Intn(4) == 0 {
		return g.leaf()
	}
	switch g.r.Intn(7) {
	case 0:
		x := g.boolean(depth - 1)
		spelling := []string{"not ", "!"}[g.r.Intn(2)]
		return boolExpr{"(" + spelling + x.text + ")", func(out *strings.Builder) bool { return !x.eval(out) }}
	case 1:
		x, y := g.boolean(depth-1), g.boolean(depth-1)
		op := []string{"==", "!="}[g.r.Intn(2)]
		return boolExpr{"(" + x.text + " " + op + " " + y.text + ")", func(out *strings.Builder) bool {
			a := x.eval(out)
			b := y.eval(out)
			return (a == b) == (op == "==")
		}}
	case 2, 3:
		x, y := g.boolean(depth-1), g.boolean(depth-1)
		op := []string{"and", "&&"}[g.r.Intn(2)]
		return boolExpr{"(" + x.text + " " + op + " " + y.text + ")", func(out *strings.Builder) bool {
			return x.eval(out) && y.eval(out)
		}}
	default:
		x, y := g.boolean(depth-1), g.boolean(depth-1)
		op := []string{"or", "||"}[g.r.Intn(2)]
		return boolExpr{"(" + x.text + " " + op + " " + y.text + ")", func(out *strings.Builder) bool {
			return x.eval(out) || y.eval(out)
		}}
	}
}

// generateLogicProgram returns a program of println(bool) and if/else statements over random
// bool expressions, and the output the oracle expects.
func generateLogicProgram(r *rand.Rand, n int) (string, string) {
	g := &logicGen{r: r}
	var body, want strings.Builder
	for i := 0; i < n; i++ {
		e := g.boolean(4)
		if r.Intn(2) == 0 {
			fmt.Fprintf(&body, "    println(%s)\n", e.text)
			fmt.Fprintf(&want, "%v\n", e.eval(&want))
			continue
		}
		fmt.Fprintf(&body, "    if %s {\n        println(\"then %d\")\n    } else {\n        println(\"else %d\")\n    }\n", parenthesize(e.text), i, i)
		if e.eval(&want) {
			fmt.Fprintf(&want, "then %d\n", i)
		} else {
			fmt.Fprintf(&want, "else %d\n", i)
		}
	}
	var sig, args []string
	for _, p := range genParams {
		sig = append(sig, p.name+": i64")
		args = append(args, fmt.Sprint(p.value))
	}
	args[3] = "0 - 9223372036854775807 - 1"
	src := fmt.Sprintf(`fn yes(id: i64) bool {
    print(id)
    print(" ")
    return true
}

fn no(id: i64) bool {
    print(id)
    print(" ")
    return false
}

fn compute(%s) {
%s}

fn main() i64 {
    compute(%s)
    return 0
}
`, strings.Join(sig, ", "), body.String(), strings.Join(args, ", "))
	return src, want.String()
}

// parenthesize puts the parentheses an if condition needs around e (which may already have its own).
func parenthesize(e string) string {
	return "(" + e + ")"
}
