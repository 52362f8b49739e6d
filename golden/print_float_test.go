package golden

import (
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"cot/ir/ast"
)

// TestRuntimePrintFloat checks the runtime's float printing (runtime/print_float.cot, Ryū in Cot)
// against a Go oracle of JavaScript's Number.prototype.toString (ast.FormatJS, built on
// strconv's shortest digits and exact rational arithmetic): programs print hundreds of f64 and f32 values given by their bits —
// random bit patterns, decimal-looking values, powers of two and ten, the edges of plain notation,
// subnormals, extremes, NaN, infinities and zeros — on wazero, wasmtime and native.
func TestRuntimePrintFloat(t *testing.T) {
	for _, w := range []int{64, 32} {
		for seed := int64(1); seed <= 2; seed++ {
			t.Run(fmt.Sprintf("f%d/seed%d", w, seed), func(t *testing.T) {
				t.Parallel()
				src, want := printFloatProgram(t, rand.New(rand.NewSource(seed+int64(w))), w, 250)
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

// printFloatProgram is the runtime's float printing (its Cot files, until the runtime links
// itself into programs) and a main that prints n values of width w given by their bits.
var importLine = regexp.MustCompile(`(?m)^import "[^"]*"$`)

func printFloatProgram(t *testing.T, r *rand.Rand, w, n int) (string, string) {
	var src, want strings.Builder
	for _, f := range []string{"print_float.cot", "ryu_tables.cot", "print_int.cot", "write.cot"} {
		text, err := os.ReadFile(filepath.Join("..", "runtime", f))
		if err != nil {
			t.Fatal(err)
		}
		// One file holds them all: their imports go.
		src.WriteString(importLine.ReplaceAllString(string(text), ""))
	}
	src.WriteString("\nfn main() i64 {\n")
	for _, v := range floatSamples(r, w, n) {
		if w == 32 {
			fmt.Fprintf(&src, "    print_f32(1, 0x%X)\n", math.Float32bits(float32(v)))
		} else {
			fmt.Fprintf(&src, "    print_f64(1, 0x%X)\n", math.Float64bits(v))
		}
		src.WriteString("    println(\"\")\n")
		want.WriteString(ast.FormatJS(v, w) + "\n")
	}
	src.WriteString("    return 0\n}\n")
	return src.String(), want.String()
}
