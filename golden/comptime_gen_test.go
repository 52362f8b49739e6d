package golden

import (
	"fmt"
	"math/rand"
	"regexp"
	"strings"
	"testing"
)

// TestComptimeFoldingMatchesRunTime is the differential test of compile-time evaluation (spec
// §12, docs/decisions.md "compile-time evaluation": folding matches run time). It takes the
// random programs of TestGeneratedArithmetic and TestGeneratedArithmeticEveryWidth, whose
// expressions read the parameters of `compute`, and adds a twin function `folded` where those
// parameters are constants of the same values and every expression is wrapped in
// `comptime { … }`, so the compiler must fold it (a failure to fold is a compile error). Both
// functions print, so each engine must print the Go oracle's values twice: once folded, once
// computed at run time.
func TestComptimeFoldingMatchesRunTime(t *testing.T) {
	gens := []struct {
		name string
		gen  func(r *rand.Rand) (string, string)
	}{
		{"i64", func(r *rand.Rand) (string, string) { return generateProgram(r, 30) }},
		{"i8", widthProgram[int8]("i8", 8)}, {"i16", widthProgram[int16]("i16", 16)},
		{"i32", widthProgram[int32]("i32", 32)}, {"u8", widthProgram[uint8]("u8", 8)},
		{"u16", widthProgram[uint16]("u16", 16)}, {"u32", widthProgram[uint32]("u32", 32)},
		{"u64", widthProgram[uint64]("u64", 64)},
	}
	for i, g := range gens {
		t.Run(g.name, func(t *testing.T) {
			t.Parallel()
			src, want := g.gen(rand.New(rand.NewSource(int64(700 + i))))
			folded := foldedTwin(t, src)
			if testing.Verbose() {
				t.Log(folded[:min(len(folded), 400)])
			}
			checkGenerated(t, folded, want+want)
		})
	}
}

var (
	computeSig  = regexp.MustCompile(`(?s)fn compute\((.*?)\) \{\n(.*?)\n\}\n`)
	computeCall = regexp.MustCompile(`compute\((.*)\)`)
	// A generated statement: `println(E)` or `var vN: T = E` (then `println(vN)`).
	generatedExpr = regexp.MustCompile(`(?m)^(    println\(|    var v\d+: \w+ = )(.*?)(\)?)$`)
)

// foldedTwin adds `fn folded()` to a generated program: compute's parameters as constants of
// the values main passes, and compute's body with every generated expression in a comptime
// block; main calls it before compute.
func foldedTwin(t *testing.T, src string) string {
	sig, call := computeSig.FindStringSubmatch(src), computeCall.FindAllStringSubmatch(src, -1)
	if sig == nil || len(call) < 2 {
		t.Fatalf("unexpected generated program:\n%s", src)
	}
	params, args := strings.Split(sig[1], ", "), splitArgs(call[len(call)-1][1])
	if len(params) != len(args) {
		t.Fatalf("%d parameters, %d arguments:\n%s", len(params), len(args), src)
	}
	var b strings.Builder
	b.WriteString("fn folded() {\n")
	for i, p := range params {
		fmt.Fprintf(&b, "    const %s = %s\n", p, args[i])
	}
	b.WriteString(generatedExpr.ReplaceAllStringFunc(sig[2], func(line string) string {
		m := generatedExpr.FindStringSubmatch(line)
		if m[1] == "    println(" && !strings.HasPrefix(m[2], "v") {
			return m[1] + "comptime { " + m[2] + " })"
		}
		if strings.HasPrefix(m[1], "    var") {
			return m[1] + "comptime { " + m[2] + m[3] + " }"
		}
		return line
	}))
	b.WriteString("\n}\n\n")
	out := strings.Replace(src, "    compute(", "    folded()\n    compute(", 1)
	return b.String() + out
}

// splitArgs splits main's argument list of compute at its top-level commas.
func splitArgs(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, c := range s {
		switch c {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	return append(out, strings.TrimSpace(s[start:]))
}
