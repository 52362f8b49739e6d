package passes

// End-to-end cases for f32 and f64 (decisions.md #7, #8); they run in TestEndToEnd and, after
// every pass, in TestEveryPassKeepsMeaning, so the interpreter's floats are checked against
// Wasm's. Values are observed through comparisons and @intCast, which saturates.

import (
	"errors"
	"strings"
	"testing"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/src"
)

func init() { e2eCases = append(e2eCases, floatE2ECases...) }

var floatE2ECases = []e2eCase{
	{name: "f64 arithmetic rounds as IEEE", src: `
fn main() i64 {
    var a = 0.1
    var b: f64 = 0.2
    println(a + b == 0.3)
    println(a + b > 0.3)
    println(@intCast(i64, (a + b) * 1e17))
    var x: f64 = 7
    x /= 2
    x -= 0.25
    x *= 4
    println(@intCast(i64, x))
    println(@intCast(i64, -x / 3 * 1000))
    return 0
}`, stdout: "false\ntrue\n30000000000000004\n13\n-4333\n"},
	{name: "f32 is a real 32-bit float", src: `
var third: f32 = 1.0 / 3.0

fn twice(v: f32) f32 { return v + v }

fn main() i64 {
    var t: f32 = 0.1
    println(@intCast(i64, twice(t) * 1e9))
    println(@intCast(f64, t) == 0.1)
    println(t == 0.1)
    var big: f32 = 16777216
    println(@intCast(i64, big + 1.0))
    println(@intCast(i64, third * 3e8))
    var wide: f64 = t
    println(wide > 0.1)
    println(@intCast(i64, @intCast(f32, 0.1 + 0.2) * 1e9))
    return 0
}`, stdout: "200000000\nfalse\ntrue\n16777216\n100000000\ntrue\n300000000\n"},
	{name: "NaN, infinities and signed zero", src: `
fn main() i64 {
    var zero = 0.0
    var nan = zero / zero
    var inf = 1.0 / zero
    var negz = -zero
    println(nan == nan)
    println(nan != nan)
    println(nan < 1.0 or nan >= 1.0)
    println(inf > 1e308)
    println(-inf < -1e308)
    println(negz == zero)
    println(1.0 / negz < 0.0)
    println(@fmin(negz, zero) == 0.0)
    println(1.0 / @fmin(negz, zero) < 0.0)
    println(1.0 / @fmax(negz, zero) > 0.0)
    println(@fmin(nan, 1.0) == @fmin(nan, 1.0))
    println(@fmax(1.0, 2.0) == 2.0)
    return 0
}`, stdout: "false\ntrue\nfalse\ntrue\ntrue\ntrue\ntrue\ntrue\ntrue\ntrue\nfalse\ntrue\n"},
	{name: "float builtins", src: `
fn main() i64 {
    println(@intCast(i64, @sqrt(2) * 1e15))
    var s: f32 = @sqrt(2)
    println(@intCast(i64, s * 1e6))
    println(@intCast(i64, @round(2.5)))
    println(@intCast(i64, @round(3.5)))
    println(@intCast(i64, @round(-2.5)))
    println(@intCast(i64, @floor(-1.5)))
    println(@intCast(i64, @ceil(-1.5)))
    println(@intCast(i64, @trunc(-1.5)))
    println(@intCast(i64, @abs(-7.25) * 4))
    var h: f32 = 0.5
    println(@intCast(i64, @round(h)))
    println(1.0 / @abs(-0.0) > 0.0)
    println(1.0 / @ceil(-0.5) < 0.0)
    return 0
}`, stdout: "1414213562373095\n1414213\n2\n4\n-2\n-2\n-1\n-1\n29\n0\ntrue\ntrue\n"},
	{name: "conversions between floats and integers saturate", src: `
fn main() i64 {
    var nan = 0.0 / 0.0
    var inf = 1.0 / 0.0
    println(@intCast(i64, nan))
    println(@intCast(i64, inf))
    println(@intCast(i64, -inf))
    println(@intCast(u64, -1.0))
    println(@intCast(u64, 1e30))
    println(@intCast(i32, 3e9))
    println(@intCast(u32, 3e9))
    println(@intCast(i8, 200.7))
    println(@intCast(i8, -200.7))
    println(@intCast(u8, 255.9))
    println(@intCast(u8, nan))
    println(@intCast(i16, -40000.0))
    println(@intCast(u16, 70000.0))
    var big: u64 = 18446744073709551615
    println(@intCast(f64, big) == 18446744073709551616.0)
    var odd: i64 = 9007199254740993
    println(@intCast(i64, @intCast(f64, odd)))
    println(@intCast(i64, @intCast(f32, odd)))
    var m: i8 = -128
    println(@intCast(i64, @intCast(f32, m)))
    var u: u32 = 4294967295
    println(@intCast(i64, @intCast(f64, u)))
    return 0
}`, stdout: "0\n9223372036854775807\n-9223372036854775808\n0\n18446744073709551615\n2147483647\n3000000000\n127\n-128\n255\n0\n-32768\n65535\ntrue\n9007199254740992\n9007199254740992\n-128\n4294967295\n"},
	{name: "print floats as JavaScript does", src: `
fn main() i64 {
    var z = 0.0
    println(0.1 + 0.2)
    println(3.0)
    println(-2.5)
    println(1e21)
    println(1e20)
    println(123456789012345680000.0)
    println(0.000001)
    println(0.0000001)
    println(1.5e-300)
    println(5e-324)
    println(1.7976931348623157e308)
    println(-z)
    println(z / z)
    println(1.0 / z)
    eprintln(-1.0 / z)
    var f: f32 = 0.1
    println(f)
    println(@intCast(f64, f))
    var g: f32 = 16777217
    println(g)
    var h: f32 = 3.4028235e38
    println(h)
    println(@sqrt(2))
    @assert_eq(f, 0.1)
    @assert_eq(0.1 + 0.2, 0.3)
    return 0
}`, stdout: "0.30000000000000004\n3\n-2.5\n1e+21\n100000000000000000000\n123456789012345680000\n0.000001\n1e-7\n1.5e-300\n5e-324\n1.7976931348623157e+308\n0\nNaN\nInfinity\n" +
		"0.1\n0.10000000149011612\n16777216\n3.4028235e+38\n1.4142135623730951\n", exit: 134},
	{name: "floats in control flow and globals", src: `
var acc: f64 = -0.5
const step = 0.25

fn sum(n: i64) f64 {
    var s: f64 = 0
    var i = 0
    while (i < n) {
        s += if (i % 2 == 0) { step } else { -step * 2 }
        i += 1
    }
    return s
}

fn main() i64 {
    acc += sum(7)
    println(@intCast(i64, acc * 100))
    var x = { var y = 1.5; y * y }
    println(@intCast(i64, x * 4))
    return @intCast(i64, acc * -4)
}`, stdout: "-100\n9\n", exit: 4},
}

// TestFloatDumpsReadBack: after every ast pass, each float program prints, reads back to the
// same text (float literals in their shortest round-trip form, f32 ones read at 32 bits) and
// verifies.
func TestFloatDumpsReadBack(t *testing.T) {
	for _, c := range floatE2ECases {
		for _, p := range Table().Passes {
			if p.Out.Family != ast.Family {
				continue
			}
			prog, err := Table().Run(pipeline.NewCtx("wasm32"), src.NewFile("m.cot", []byte(c.src)), &pipeline.Options{StopAfter: p.Name})
			if !errors.Is(err, pipeline.ErrStopped) {
				t.Fatalf("%s: %s: %v", c.name, p.Name, err)
			}
			var text, again strings.Builder
			ast.Fprint(&text, prog.(*ast.Program), "")
			back, err := ast.Read(text.String())
			if err != nil {
				t.Fatalf("%s: after %s: %v\n%s", c.name, p.Name, err, text.String())
			}
			if ast.Fprint(&again, back, ""); again.String() != text.String() {
				t.Fatalf("%s: after %s: print(read(print(x))) != print(x):\n%s\n---\n%s", c.name, p.Name, text.String(), again.String())
			}
			if errs := ast.Family.Verify(p.Out, back); len(errs) > 0 {
				t.Fatalf("%s: after %s: the read-back program does not verify: %v", c.name, p.Name, errs)
			}
		}
	}
}
