package golden

import (
	"fmt"
	"math"
	"math/rand"
	"strings"
	"testing"

	"cot/ir/ast"
)

// TestRuntimePrintFloat checks print of floats (the runtime's runtime/print_float.cot, Ryū in Cot)
// against a Go oracle of JavaScript's Number.prototype.toString (ast.FormatJS, built on
// strconv's shortest digits and exact rational arithmetic): programs print hundreds of f64 and
// f32 values — random bit patterns, decimal-looking values, powers of two and ten, the edges of
// plain notation, subnormals, extremes, NaN, infinities and zeros — on wazero, wasmtime and
// native.
func TestPrintFloat(t *testing.T) {
	for _, w := range []int{64, 32} {
		for seed := int64(1); seed <= 2; seed++ {
			t.Run(fmt.Sprintf("f%d/seed%d", w, seed), func(t *testing.T) {
				t.Parallel()
				src, want := printFloatProgram(rand.New(rand.NewSource(seed+int64(w))), w, 250)
				checkGenerated(t, src, want)
			})
		}
	}
}

// floatSamples returns n values of width w (as float64) worth printing.
func floatSamples(r *rand.Rand, w, n int) []float64 {
	round := func(v float64) float64 { return roundTo(w, v) }
	vals := []float64{0, math.Copysign(0, -1), math.NaN(), math.Inf(1), math.Inf(-1), 1, -1, 0.1, 0.2, 0.3,
		1e21, 1e20, 123456789012345680000, 1e-6, 1e-7, 1.5e-7, 0.000001234, 5e-324, math.MaxFloat64,
		math.SmallestNonzeroFloat32, math.MaxFloat32, 9007199254740992, 9007199254740993, 4294967295, 16777217,
		2.5, 100, 1e100, 1.7976931348623157e308, 2.2250738585072014e-308, 2.225073858507201e-308}
	for i := range vals {
		vals[i] = round(vals[i])
	}
	for len(vals) < n {
		var v float64
		switch r.Intn(5) {
		case 0: // any bit pattern
			if w == 32 {
				v = float64(math.Float32frombits(r.Uint32()))
			} else {
				v = math.Float64frombits(r.Uint64())
			}
		case 1: // a short decimal
			v = float64(r.Int63n(1_000_000)) * math.Pow(10, float64(r.Intn(60)-30))
		case 2: // a power of two
			v = math.Ldexp(1, r.Intn(2100)-1075)
		case 3: // a power of ten and its neighbours
			v = math.Pow(10, float64(r.Intn(40)-20))
			if w == 32 {
				v = float64(math.Nextafter32(float32(v), float32(r.Intn(3)-1)*math.MaxFloat32))
			} else {
				v = math.Nextafter(v, float64(r.Intn(3)-1)*math.MaxFloat64)
			}
		default: // a value with all digits
			v = r.NormFloat64() * math.Pow(10, float64(r.Intn(30)-15))
		}
		if r.Intn(3) == 0 {
			v = -v
		}
		vals = append(vals, round(v))
	}
	return vals
}

// printFloatProgram is a program that prints n values of width w, each passed as a literal (the
// shortest digits that read back as it; NaN, the infinities and -0 as the expressions that make
// them) to a function that prints its parameter.
func printFloatProgram(r *rand.Rand, w, n int) (string, string) {
	var src, want strings.Builder
	fmt.Fprintf(&src, "fn show(x: f%d) void {\n    println(x)\n}\n\nfn main() i64 {\n", w)
	for _, v := range floatSamples(r, w, n) {
		arg := ""
		switch {
		case math.IsNaN(v):
			arg = "0.0 / 0.0"
		case math.IsInf(v, 1):
			arg = "1.0 / 0.0"
		case math.IsInf(v, -1):
			arg = "-1.0 / 0.0"
		case v == 0 && math.Signbit(v):
			arg = "-0.0"
		default:
			arg = literal(w, v)
		}
		fmt.Fprintf(&src, "    show(%s)\n", arg)
		want.WriteString(ast.FormatJS(v, w) + "\n")
	}
	src.WriteString("    return 0\n}\n")
	return src.String(), want.String()
}
