package golden

import (
	"fmt"
	"math"
	"math/big"
	"math/rand"
	"strconv"
	"strings"
	"testing"

	"cot/ir/ast"
)

// TestGeneratedFloats extends the differential arithmetic tests to f32 and f64: per width,
// programs of random expressions over parameters (NaN, infinities and -0 among them), literals,
// conversions from integers and from the other float width, the operators + - * / and unary -,
// and the builtins @sqrt @floor @ceil @trunc @round @abs @fmin @fmax. A Go oracle computes each
// value with IEEE arithmetic at the expression's width (Go's float32 and float64, every result
// rounded explicitly so nothing is fused) and Wasm's rules for min/max (NaN-propagating, -0
// below +0), nearest (ties to even) and the saturating float-to-integer conversion of @intCast.
// Values are observed exactly: print writes the shortest digits that read back as the value
// (ast.FormatJS is the oracle), a zero's sign is printed apart; comparisons between values and
// conversions to every integer type print their results too.
func TestGeneratedFloats(t *testing.T) {
	const programsPerWidth = 3
	for _, w := range []int{64, 32} {
		for seed := int64(1); seed <= programsPerWidth; seed++ {
			t.Run(fmt.Sprintf("f%d/seed%d", w, seed), func(t *testing.T) {
				t.Parallel()
				g := &floatGen{r: rand.New(rand.NewSource(seed*100 + int64(w))), w: w}
				src, want := g.program(40)
				checkGenerated(t, src, want)
			})
		}
	}
}

// fexpr is a generated float expression of width w: its Cot text and its value (an f32 value
// held exactly in a float64).
type fexpr struct {
	text string
	val  float64
	w    int
}

type floatGen struct {
	r      *rand.Rand
	w      int // the width of the program's values
	params map[int][]float64
	ints   []int64  // the values of the integer parameters q0 (i64), q1 (u64 bits), q2 (i32)
	pre    []string // declarations the next statement needs (values of the other width)
	temps  int
}

func typeName(w int) string { return fmt.Sprintf("f%d", w) }

// roundTo rounds v to the float width w (round to nearest, ties to even).
func roundTo(w int, v float64) float64 {
	if w == 32 {
		return float64(float32(v))
	}
	return v
}

var interestingFloats = []float64{0, 1, 2, 0.5, 0.1, 0.2, 0.3, 1.5, 2.5, 3.5, -2.5, 10, 100, 1e-7, 1e21, 123456.789,
	4503599627370496.5, 9007199254740993, 16777217, 1e300, 1e-300, 3.4028234663852886e38, 1.401298464324817e-45,
	5e-324, 1.7976931348623157e308, 2147483647.5, 4294967296, 9.3e18, 1.8446744073709552e19, 0.49999999999999994}

// specialParams are parameter values no literal spells: written as main passes them.
var specialParams = []struct {
	text string
	val  float64
}{{"0.0 / 0.0", math.NaN()}, {"1.0 / 0.0", math.Inf(1)}, {"-1.0 / 0.0", math.Inf(-1)}, {"-0.0", math.Copysign(0, -1)}}

// literal is the Cot text of a finite value of width w: the shortest digits that read back as
// the same value, always spelled as a float literal, negative values parenthesised.
func literal(w int, v float64) string {
	s := strconv.FormatFloat(math.Abs(v), 'g', -1, w)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	if math.Signbit(v) {
		return "(-" + s + ")"
	}
	return s
}

func (g *floatGen) pick() float64 {
	v := interestingFloats[g.r.Intn(len(interestingFloats))]
	if g.r.Intn(3) == 0 {
		v = (g.r.Float64() - 0.5) * math.Pow(10, float64(g.r.Intn(12)-4))
	}
	if g.r.Intn(4) == 0 {
		v = -v
	}
	return v
}

// leaf is a parameter of width w, a literal, or an integer parameter converted to width w.
func (g *floatGen) leaf(w int) fexpr {
	switch n := g.r.Intn(10); {
	case n < 4:
		i := g.r.Intn(len(g.params[w]))
		return fexpr{fmt.Sprintf("p%d_%d", w, i), g.params[w][i], w}
	case n < 8:
		v := roundTo(w, g.pick())
		if math.IsInf(v, 0) { // a literal beyond f32's range does not compile
			v = 1
		}
		return fexpr{literal(w, v), v, w}
	}
	i := g.r.Intn(len(g.ints))
	return fexpr{fmt.Sprintf("@intCast(%s, q%d)", typeName(w), i), intToFloat(w, g.ints[i], i == 1), w}
}

// intToFloat is an integer (unsigned: its bits as a u64) rounded to width w.
func intToFloat(w int, v int64, unsigned bool) float64 {
	exact := new(big.Float)
	if unsigned {
		exact.SetUint64(uint64(v))
	} else {
		exact.SetInt64(v)
	}
	if w == 32 {
		f, _ := exact.Float32()
		return float64(f)
	}
	f, _ := exact.Float64()
	return f
}

var floatBuiltins = []string{"sqrt", "floor", "ceil", "trunc", "round", "abs"}

// expr is a random expression of width w and at most depth levels.
func (g *floatGen) expr(w, depth int) fexpr {
	if depth == 0 || g.r.Intn(5) == 0 {
		return g.leaf(w)
	}
	switch n := g.r.Intn(12); {
	case n == 0: // the other width, converted; held in a variable of its type first, since an
		// expression of nothing but literals would otherwise be an f64
		other := 96 - w
		x := g.expr(other, depth-1)
		g.temps++
		g.pre = append(g.pre, fmt.Sprintf("var c%d: %s = %s", g.temps, typeName(other), x.text))
		return fexpr{fmt.Sprintf("@intCast(%s, c%d)", typeName(w), g.temps), roundTo(w, x.val), w}
	case n == 1:
		x := g.expr(w, depth-1)
		return fexpr{"(-" + x.text + ")", -x.val, w}
	case n < 5:
		op := floatBuiltins[g.r.Intn(len(floatBuiltins))]
		x := g.expr(w, depth-1)
		return fexpr{fmt.Sprintf("@%s(%s)", op, x.text), unaryFloat(w, op, x.val), w}
	}
	ops := []string{"+", "-", "*", "/", "+", "-", "*", "/", "fmin", "fmax"}
	op := ops[g.r.Intn(len(ops))]
	x, y := g.expr(w, depth-1), g.expr(w, depth-1)
	if op == "fmin" || op == "fmax" {
		return fexpr{fmt.Sprintf("@%s(%s, %s)", op, x.text, y.text), binaryFloat(w, op, x.val, y.val), w}
	}
	return fexpr{"(" + x.text + " " + op + " " + y.text + ")", binaryFloat(w, op, x.val, y.val), w}
}

// unaryFloat is a float builtin of one operand at width w; every result is exact at that width
// except sqrt, which is correctly rounded in f64 and, rounded again, in f32 (53 >= 2*24+2).
func unaryFloat(w int, op string, x float64) float64 {
	switch op {
	case "sqrt":
		return roundTo(w, math.Sqrt(x))
	case "floor":
		return math.Floor(x)
	case "ceil":
		return math.Ceil(x)
	case "trunc":
		return math.Trunc(x)
	case "round":
		return math.RoundToEven(x)
	case "abs":
		return math.Abs(x)
	}
	panic(op)
}

// binaryFloat is an operator at width w, each result rounded explicitly (no fused operations).
func binaryFloat(w int, op string, x, y float64) float64 {
	if w == 32 {
		a, b := float32(x), float32(y)
		switch op {
		case "+":
			return float64(float32(a + b))
		case "-":
			return float64(float32(a - b))
		case "*":
			return float64(float32(a * b))
		case "/":
			return float64(float32(a / b))
		}
	}
	switch op {
	case "+":
		return float64(x + y)
	case "-":
		return float64(x - y)
	case "*":
		return float64(x * y)
	case "/":
		return float64(x / y)
	case "fmin":
		return math.Min(x, y) // NaN if either is; Min(-0, +0) is -0: Wasm's f32.min/f64.min
	case "fmax":
		return math.Max(x, y)
	}
	panic(op)
}

// observeFloat returns the statements that show the value of variable v, and the lines they
// print: print writes the shortest digits that read back as the value (decisions.md #19), which
// pins it exactly, except that -0 and 0 both print as 0 — the sign of 1/v tells them apart.
func observeFloat(v string, w int, val float64) ([]string, []string) {
	stmts, lines := []string{fmt.Sprintf("println(%s)", v)}, []string{ast.FormatJS(val, w)}
	if val == 0 {
		stmts = append(stmts, fmt.Sprintf("println(1.0 / %s < 0.0)", v))
		lines = append(lines, strconv.FormatBool(math.Signbit(val)))
	}
	return stmts, lines
}

// intTargets are the integer types a float converts to, with Go's saturating conversion.
var intTargets = []struct {
	name string
	conv func(float64) string
}{
	{"i8", func(f float64) string { return fmt.Sprint(saturate(f, math.MinInt8, math.MaxInt8)) }},
	{"u8", func(f float64) string { return fmt.Sprint(saturate(f, 0, math.MaxUint8)) }},
	{"i16", func(f float64) string { return fmt.Sprint(saturate(f, math.MinInt16, math.MaxInt16)) }},
	{"u16", func(f float64) string { return fmt.Sprint(saturate(f, 0, math.MaxUint16)) }},
	{"i32", func(f float64) string { return fmt.Sprint(saturate(f, math.MinInt32, math.MaxInt32)) }},
	{"u32", func(f float64) string { return fmt.Sprint(saturate(f, 0, math.MaxUint32)) }},
	{"i64", func(f float64) string { return fmt.Sprint(saturate(f, math.MinInt64, math.MaxInt64)) }},
	{"u64", func(f float64) string {
		switch t := math.Trunc(f); {
		case math.IsNaN(f) || t <= 0:
			return "0"
		case t >= 18446744073709551616.0:
			return "18446744073709551615"
		default:
			return strconv.FormatUint(uint64(t), 10)
		}
	}},
}

// saturate truncates f toward zero and clamps it to [lo, hi]; NaN gives 0.
func saturate(f float64, lo, hi int64) int64 {
	t := math.Trunc(f)
	switch {
	case math.IsNaN(f):
		return 0
	case t <= float64(lo):
		return lo
	case t >= float64(hi): // float64(MaxInt64) is 2^63, so this also catches values beyond it
		return hi
	}
	return int64(t)
}

var compareOps = []string{"==", "!=", "<", "<=", ">", ">="}

func compareFloats(op string, x, y float64) bool {
	switch op {
	case "==":
		return x == y
	case "!=":
		return x != y
	case "<":
		return x < y
	case "<=":
		return x <= y
	case ">":
		return x > y
	}
	return x >= y
}

// program returns a program of n observed values (plus comparisons and conversions) and the
// output the oracle says it prints.
func (g *floatGen) program(n int) (string, string) {
	g.params = map[int][]float64{}
	var sig, args []string
	for _, w := range []int{32, 64} {
		for i := range 5 {
			if g.r.Intn(3) == 0 {
				sp := specialParams[g.r.Intn(len(specialParams))]
				g.params[w] = append(g.params[w], sp.val)
				args = append(args, sp.text)
			} else {
				v := roundTo(w, g.pick())
				if math.IsInf(v, 0) {
					v = 3
				}
				g.params[w] = append(g.params[w], v)
				args = append(args, literal(w, v))
			}
			sig = append(sig, fmt.Sprintf("p%d_%d: %s", w, i, typeName(w)))
		}
	}
	g.ints = []int64{-9007199254740993, -1, 16777217}
	g.ints[g.r.Intn(3)] = g.r.Int63() >> g.r.Intn(60)
	sig = append(sig, "q0: i64", "q1: u64", "q2: i32")
	args = append(args, fmt.Sprint(g.ints[0]), strconv.FormatUint(uint64(g.ints[1]), 10), fmt.Sprint(int32(g.ints[2])))
	g.ints[2] = int64(int32(g.ints[2]))

	var body, want strings.Builder
	var vals []float64
	emit := func(stmt, line string) {
		fmt.Fprintf(&body, "    %s\n", stmt)
		fmt.Fprintf(&want, "%s\n", line)
	}
	for i := range n {
		e := g.expr(g.w, 4)
		for _, d := range g.pre {
			fmt.Fprintf(&body, "    %s\n", d)
		}
		g.pre = nil
		fmt.Fprintf(&body, "    var v%d: %s = %s\n", i, typeName(g.w), e.text)
		vals = append(vals, e.val)
		stmts, lines := observeFloat(fmt.Sprintf("v%d", i), g.w, e.val)
		for k := range stmts {
			emit(stmts[k], lines[k])
		}
		switch g.r.Intn(3) {
		case 0:
			j := g.r.Intn(i + 1)
			op := compareOps[g.r.Intn(len(compareOps))]
			emit(fmt.Sprintf("println(v%d %s v%d)", i, op, j), strconv.FormatBool(compareFloats(op, e.val, vals[j])))
		case 1:
			target := intTargets[g.r.Intn(len(intTargets))]
			emit(fmt.Sprintf("println(@intCast(%s, v%d))", target.name, i), target.conv(e.val))
		}
	}
	src := fmt.Sprintf("fn compute(%s) {\n%s}\n\nfn main() i64 {\n    compute(%s)\n    return 0\n}\n",
		strings.Join(sig, ", "), body.String(), strings.Join(args, ", "))
	return src, want.String()
}
