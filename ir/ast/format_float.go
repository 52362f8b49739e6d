package ast

// Floats formatted as print formats them (decisions.md #19): exactly as JavaScript's
// Number.prototype.toString, for f64 and, with the digits that read back as the same f32, for
// f32. The interpreter prints with it, and the tests of the runtime's Cot implementation
// (runtime/print_float.cot) use it as their oracle.

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// FormatJS is Number.prototype.toString of v (ECMA-262 Number::toString), with the shortest
// digits that read back as the same value at width bits (64, or 32 for an f32).
func FormatJS(v float64, bits int) string {
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
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(max(n-len(digits), len(digits)-n))), nil))
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
