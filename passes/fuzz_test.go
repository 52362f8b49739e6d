package passes

import (
	"errors"
	"testing"

	"cot/ir/pipeline"
	"cot/ir/src"
)

// FuzzFrontEnd: every input ends in Wasm bytes or in user diagnostics, never in an internal
// error (a panic or a verifier failure). `go test` runs the seeds; `go test -fuzz=FuzzFrontEnd
// ./passes` explores.
func FuzzFrontEnd(f *testing.F) {
	for _, seed := range []string{
		sampleProgram,
		"fn main() i64 { return 0 }",
		"fn main() void { var x = 1\n x += 2 }",
		"fn f(a: i64, b: bool) i64 { if (b) { return a } else { return -a } }\nfn main() i64 { return f(3, true) }",
		"fn main() i64 { var i = 0\n while (i < 10) { i = i + 1\n if (i > 5) { break } }\n return i }",
		"fn main() i64 { return if (1 < 2) { 3 } else if (2 < 3) { 4 } else { 5 } }",
		"fn main() void { x: for i in 0..3 { continue :x } }",
		"fn main() void { println(!true or not false and 1 == 1) }",
		"const c = -9223372036854775808\nfn main() i64 { return c >> 1 }",
		"fn main() i64 { return ~1 ^ 2 & 3 | 4 << 5 % 6 / 7 }",
		"fn main() i64 { var a: u8 = 255\n var b: i16 = -3\n a += 1\n return @intCast(i64, a) + b >> 2 }",
		"fn main() i64 { var c = 'x'\n return switch c { 'a'..'z' if c > 'm' => 1, 0, 1 => { var k = 2; k }, else => 3 } }",
		"fn main() void { switch 3 { 1 => println(1), _ => { @assert(true) } }\n @assert_eq(@sizeOf(?u32), 16) }",
		"fn main() i64 { var v = { var x: u32 = 4000000000; x / 3 }\n @exit(@intCast(i64, v))\n @trap() }",
		"enum E: u8 { A = 3, B, C = 200 }\nfn f(e: E) i64 { return switch e { E.A => 1, E.B, E.C => 2 } }\nfn main() i64 { return f(E.C) }",
	} {
		f.Add(seed)
	}
	for seed := int64(1); seed <= 3; seed++ {
		f.Add(generateProgram(seed))
	}
	f.Fuzz(func(t *testing.T, text string) {
		_, err := Table().Run(pipeline.NewCtx("wasm32"), src.NewFile("fuzz.cot", []byte(text)), &pipeline.Options{})
		var ue *src.UserError
		if err != nil && !errors.As(err, &ue) {
			t.Fatalf("%q: %v", text, err)
		}
	})
}
