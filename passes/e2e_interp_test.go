package passes

import (
	"strings"
	"testing"
)

// End-to-end cases for string interpolation as a value (language.md §6.14, decisions.md #19):
// they run in TestEndToEnd and, after every pass, in TestEveryPassKeepsMeaning, so the
// interpreter's interpolation is checked against the runtime's (runtime/interp.cot).

func init() { e2eCases = append(e2eCases, interpE2ECases...) }

// TestInterpDumpsReadBack: after every ast pass, each interpolation program prints, reads back
// to the same text and verifies.
func TestInterpDumpsReadBack(t *testing.T) {
	for _, c := range interpE2ECases {
		t.Run(c.name, func(t *testing.T) { checkDumpsReadBack(t, c.src, nil) })
	}
}

var interpE2ECases = []e2eCase{
	{name: "interpolation values of every printable type", src: `
enum Color { Red, Green = 7 }

fn label(n: i64) string { return "n=${n}" }

fn main() i64 {
    const a: i8 = -128
    const b: u8 = 255
    const c: u16 = 65535
    const d: i32 = -2147483648
    const e: u64 = 18446744073709551615
    const f: f64 = 0.1
    const g: f32 = 0.1
    const h = 1e21
    const s = "a=${a} b=${b} c=${c} d=${d} e=${e} f=${f} g=${g} h=${h} ${true}/${1 > 2} ${Color.Green} ${'z'}"
    println(s)
    println(s.len)
    const t = label(-9) + "|" + label(0)
    println(t)
    println("${t}" == "n=-9|n=0")
    return t.len
}`, stdout: "a=-128 b=255 c=65535 d=-2147483648 e=18446744073709551615 f=0.1 g=0.1 h=1e+21 true/false 7 122\n94\nn=-9|n=0\ntrue\n", exit: 8},
	{name: "interpolation evaluates every part before formatting", src: `
var calls: i64 = 0

fn next() i64 {
    calls += 1
    print("[call ${calls}]")
    return calls
}

fn inner(n: i64) string { return "<${n}:${"x${n * 2}"}>" }

fn main() void {
    println("first ${next()} then ${next()} ${calls}")
    const s = "${inner(1)}${inner(next())}"
    println(s)
    var words = ["${calls}", "", "end"]
    words[1] = "${words[0]}${words[0]}"
    println(words[0] + words[1] + words[2])
    const empty = "${""}"
    println(empty.len)
    println("\${not} $ { } ${"${"${calls}"}"}")
}`, stdout: "[call 1][call 2]first 1 then 2 2\n[call 3]<1:x2><3:x6>\n333end\n0\n${not} $ { } 3\n"},
	{name: "long literals are not truncated", src: `
fn main() i64 {
    const s = "` + strings.Repeat("x", 5000) + `"
    const t = "` + strings.Repeat("y", 4100) + `${s.len}"
    println(t[4095:])
    return t.len - 4100
}`, stdout: "yyyyy5000\n", exit: 4},
}
