package golden

import (
	"fmt"
	"math"
	"math/rand"
	"strconv"
	"strings"
	"testing"

	"cot/ir/ast"
)

// TestGeneratedInterpolation checks string interpolation as a value (runtime/interp.cot) against
// Go's formatting of the same values (decisions.md #19: integers of every width in decimal,
// unsigned ones unsigned; floats as JavaScript prints them, oracle ast.FormatJS; bools as
// true/false): a generated program formats random values of every integer width and both float
// types through "<${x}>" in a function of that parameter type, and grows one string part by part
// (the runtime's buffer reallocating), on wazero, wasmtime and native.
func TestGeneratedInterpolation(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewSource(6))
	var src, want strings.Builder
	ints := []struct {
		name   string
		bits   int
		signed bool
	}{{"i8", 8, true}, {"i16", 16, true}, {"i32", 32, true}, {"i64", 64, true},
		{"u8", 8, false}, {"u16", 16, false}, {"u32", 32, false}, {"u64", 64, false}}
	for _, it := range ints {
		fmt.Fprintf(&src, "fn show_%s(x: %s) string { return \"<${x}>\" }\n", it.name, it.name)
	}
	for _, w := range []int{32, 64} {
		fmt.Fprintf(&src, "fn show_f%d(x: f%d) string { return \"<${x}>\" }\n", w, w)
	}
	src.WriteString("fn show_bool(x: bool) string { return \"<${x}>\" }\n")
	src.WriteString("\nfn main() i64 {\n")
	line := func(call, text string) {
		fmt.Fprintf(&src, "    println(%s)\n", call)
		want.WriteString("<" + text + ">\n")
	}
	for _, it := range ints {
		for i := 0; i < 25; i++ {
			u := r.Uint64() >> (64 - it.bits)
			switch i {
			case 0:
				u = 0
			case 1:
				u = 1<<it.bits - 1 // all ones: -1 signed, the maximum unsigned
			case 2:
				u = 1 << (it.bits - 1) // the signed minimum
			}
			text := strconv.FormatUint(u, 10)
			if it.signed {
				text = strconv.FormatInt(int64(u<<(64-it.bits))>>(64-it.bits), 10)
			}
			line(fmt.Sprintf("show_%s(%s)", it.name, text), text)
		}
	}
	for _, w := range []int{32, 64} {
		for _, v := range floatSamples(r, w, 120) {
			arg := ""
			switch {
			case math.IsNaN(v):
				arg = specialParams[0].text
			case math.IsInf(v, 1):
				arg = specialParams[1].text
			case math.IsInf(v, -1):
				arg = specialParams[2].text
			case v == 0 && math.Signbit(v):
				arg = specialParams[3].text
			default:
				arg = literal(w, v)
			}
			line(fmt.Sprintf("show_f%d(%s)", w, arg), ast.FormatJS(v, w))
		}
	}
	line("show_bool(true)", "true")
	line("show_bool(1 > 2)", "false")
	// One string grown by 300 interpolations: the buffer of each is a fresh allocation.
	src.WriteString("    var acc = \"\"\n    for i in 0..300 {\n        acc = \"${acc}${i * 7},\"\n    }\n    println(acc)\n    println(acc.len)\n")
	var acc strings.Builder
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&acc, "%d,", i*7)
	}
	fmt.Fprintf(&want, "%s\n%d\n", acc.String(), acc.Len())
	src.WriteString("    return 0\n}\n")
	checkGenerated(t, src.String(), want.String())
}
