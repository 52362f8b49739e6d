package passes

import "testing"

// TestProgenFindings holds the disagreements the differential generator (internal/progen) found,
// minimised, checked after every typed pass against the compiled program.
func TestProgenFindings(t *testing.T) {
	for _, c := range []e2eCase{
		// The interpreter loaded a negative i32 enum from memory zero-extended (4294967284 for
		// -12): a trait method on an enum reads it through self.*.
		{name: "enum-through-pointer", src: `
enum Level { Low = -12, High = -17 }
trait Dig {
    fn dig(self: *Self) i64
}
fn both(T)(x: T, y: T) i64 where T: Dig {
    var a = x
    var b = y
    return a.dig() * 31 + b.dig()
}
impl Dig for Level {
    fn dig(self: *Level) i64 { return @intCast(i64, self.*) }
}
fn main() void {
    println(both(Level)(Level.Low, Level.High))
    var e = Level.High
    println(e.dig())
}
`},
		// lower-enums left the payload type of an error union of an enum unlowered (a verifier
		// error after lower-enums).
		{name: "error-union-of-enum", src: `
const Err = error { Empty }
enum Level: i16 { Low = -3, High = 10 }
fn level(k: i64) Err!Level {
    if (k > 1) { return error.Empty }
    if (k == 1) { return Level.High }
    return Level.Low
}
fn main() void {
    for k in 0..3 {
        println(@intCast(i64, level(k) catch Level.High))
    }
}
`},
		// The interpreter looped over a copy of the array; lower-for-in loops over the array
		// itself, so elements assigned inside the loop are seen when the loop reaches them.
		{name: "for-in-sees-writes", src: `
fn main() void {
    var a = [1, 2, 3, 4]
    for i, x in a {
        println(x)
        if (i + 1 < 4) { a[i + 1] = x * 10 }
    }
    var b = [5, 6, 7]
    for x in b {
        println(x)
        b = [x + 100, x + 200, x + 300]
    }
    println(b[2])
}
`},
		// lower-enums left the type of an else-if of an enum-typed if expression unlowered.
		{name: "else-if-enum", src: `
enum E { A, B, C }
fn main() void {
    for k in 0..3 {
        const e = if (k == 0) { E.A } else if (k == 1) { E.B } else { E.C }
        println(@intCast(i64, e))
    }
}
`},
	} {
		checkEveryPass(t, c, nil, "")
	}
}
