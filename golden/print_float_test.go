package golden

import (
	"fmt"
	"math"
	"math/big"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestRuntimePrintFloat checks the runtime's float printing (runtime/print_float.cot, Ryū in Cot)
// against a Go oracle of JavaScript's Number.prototype.toString (jsFormat, built on strconv's
// shortest formatting): programs print hundreds of f64 and f32 values given by their bits —
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

// jsFormat is Number.prototype.toString of v (ECMA-262 Number::toString), with the shortest
// digits that read back as the same value at width bits (64, or 32 for an f32).
func jsFormat(v float64, bits int) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "Infinity"
	case math.IsInf(v, -1):
		return "-Infinity"
	case v == 0:
		return "0"
	}
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	digits, n := shortestDigits(v, bits)
	k := len(digits) // v reads back from 0.digits * 10^n
	switch {
	case k <= n && n <= 21:
		return sign + digits + strings.Repeat("0", n-k)
	case 0 < n && n <= 21:
		return sign + digits[:n] + "." + digits[n:]
	case -6 < n && n <= 0:
		return sign + "0." + strings.Repeat("0", -n) + digits
	}
	expText := fmt.Sprintf("e%+d", n-1)
	if k == 1 {
		return sign + digits + expText
	}
	return sign + digits[:1] + "." + digits[1:] + expText
}

// shortestDigits returns the digits of Number::toString's step 5 for v > 0 at width bits: the
// fewest digits s (with v reading back from 0.s * 10^n) and, among such s, the one closest to v,
// the even one on a tie. strconv gives the fewest digits; the closest is chosen here exactly
// (with big.Rat) among that s and its two neighbours that read back as v, because strconv breaks
// some exact ties upward at width 32 (it prints 2^-12 as an f32 as 0.00024414063, not ...062).
func shortestDigits(v float64, bits int) (string, int) {
	mant, exp, _ := strings.Cut(strconv.FormatFloat(v, 'e', -1, bits), "e")
	digits := strings.Replace(mant, ".", "", 1)
	e, _ := strconv.Atoi(exp)
	n := e + 1
	d, _ := new(big.Int).SetString(digits, 10)
	exact := new(big.Rat).SetFloat64(v)
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(n-len(digits)))), nil))
	var best *big.Int
	var bestDist *big.Rat
	for delta := int64(-1); delta <= 1; delta++ {
		c := new(big.Int).Add(d, big.NewInt(delta))
		text := c.String()
		if len(text) != len(digits) {
			continue // a neighbour of another length would have been found shorter, or is longer
		}
		if back, err := strconv.ParseFloat(text+"e"+strconv.Itoa(n-len(digits)), bits); err != nil || back != v {
			continue
		}
		value := new(big.Rat).SetInt(c)
		if n-len(digits) >= 0 {
			value.Mul(value, scale)
		} else {
			value.Quo(value, scale)
		}
		dist := new(big.Rat).Abs(new(big.Rat).Sub(value, exact))
		if best == nil || dist.Cmp(bestDist) < 0 || dist.Cmp(bestDist) == 0 && c.Bit(0) == 0 {
			best, bestDist = c, dist
		}
	}
	return best.String(), n
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
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
func printFloatProgram(t *testing.T, r *rand.Rand, w, n int) (string, string) {
	var src, want strings.Builder
	for _, f := range []string{"print_float.cot", "ryu_tables.cot"} {
		text, err := os.ReadFile(filepath.Join("..", "runtime", f))
		if err != nil {
			t.Fatal(err)
		}
		src.Write(text)
	}
	src.WriteString("\nfn main() i64 {\n")
	for _, v := range floatSamples(r, w, n) {
		if w == 32 {
			fmt.Fprintf(&src, "    print_f32(1, 0x%X)\n", math.Float32bits(float32(v)))
		} else {
			fmt.Fprintf(&src, "    print_f64(1, 0x%X)\n", math.Float64bits(v))
		}
		src.WriteString("    println(\"\")\n")
		want.WriteString(jsFormat(v, w) + "\n")
	}
	src.WriteString("    return 0\n}\n")
	return src.String(), want.String()
}
