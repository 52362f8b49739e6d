package golden

import (
	"fmt"
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

// TestGeneratedStrings checks string operations against Go's on the same values: a generated
// program builds random strings (literals with escapes, concatenations, interpolations of
// integers) into locals, then prints slices, lengths, bytes, comparisons and switches of them,
// on wazero, wasmtime and native. Go's strings are the oracle.
func TestGeneratedStrings(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewSource(16))
	var src, want strings.Builder
	src.WriteString("fn pick(s: string) i64 {\n    return switch s {\n")
	arms := []string{"ab", "abc", "", "x\ty", "0123456789abcdef"}
	for i, a := range arms {
		fmt.Fprintf(&src, "        %s => %d,\n", strconv.Quote(a), i+1)
	}
	src.WriteString("        else => 0,\n    }\n}\n\nfn main() i64 {\n")
	pickOf := func(s string) int {
		for i, a := range arms {
			if a == s {
				return i + 1
			}
		}
		return 0
	}
	alphabet := "ab0123456789xyz\t\n\"\\"
	randLit := func() string {
		var b strings.Builder
		for n := r.Intn(12); n > 0; n-- {
			b.WriteByte(alphabet[r.Intn(len(alphabet))])
		}
		if r.Intn(4) == 0 {
			return arms[r.Intn(len(arms))]
		}
		return b.String()
	}
	// cotQuote writes s as a Cot literal: Go's quoting minus the escapes Cot lacks.
	cotQuote := func(s string) string {
		q := strconv.Quote(s)
		return strings.ReplaceAll(q, "$", "\\$")
	}
	var vals []string
	for i := 0; i < 40; i++ {
		name := fmt.Sprintf("s%d", i)
		var expr, val string
		switch k := r.Intn(4); {
		case k == 0 || len(vals) < 2:
			val = randLit()
			expr = cotQuote(val)
		case k == 1:
			a, b := r.Intn(len(vals)), r.Intn(len(vals))
			val = vals[a] + vals[b]
			expr = fmt.Sprintf("s%d + s%d", a, b)
		case k == 2:
			a, n := r.Intn(len(vals)), r.Int63n(2000)-1000
			val = fmt.Sprintf("<%s|%d>", vals[a], n)
			expr = fmt.Sprintf("\"<${s%d}|${%d}>\"", a, n)
		default:
			a := r.Intn(len(vals))
			lo := r.Intn(len(vals[a]) + 1)
			hi := lo + r.Intn(len(vals[a])-lo+1)
			val = vals[a][lo:hi]
			expr = fmt.Sprintf("s%d[%d:%d]", a, lo, hi)
		}
		fmt.Fprintf(&src, "    const %s = %s\n", name, expr)
		vals = append(vals, val)
	}
	out := func(expr, text string) {
		fmt.Fprintf(&src, "    println(%s)\n", expr)
		want.WriteString(text + "\n")
	}
	for i, v := range vals {
		j := r.Intn(len(vals))
		out(fmt.Sprintf("\"${s%d.len}:${s%d}\"", i, i), fmt.Sprintf("%d:%s", len(v), v))
		out(fmt.Sprintf("s%d == s%d", i, j), strconv.FormatBool(v == vals[j]))
		out(fmt.Sprintf("s%d != s%d + \"\"", i, j), strconv.FormatBool(v != vals[j]))
		out(fmt.Sprintf("pick(s%d)", i), strconv.Itoa(pickOf(v)))
		if len(v) > 0 {
			k := r.Intn(len(v))
			out(fmt.Sprintf("s%d[%d]", i, k), strconv.Itoa(int(v[k])))
		}
	}
	src.WriteString("    return 0\n}\n")
	checkGenerated(t, src.String(), want.String())
}
