package passes

// End-to-end cases for integers of every width (decisions.md #5, #6); they run in TestEndToEnd
// and, after every pass, in TestEveryPassKeepsMeaning.

func init() { e2eCases = append(e2eCases, intE2ECases...) }

var intE2ECases = []e2eCase{
	{name: "narrow types wrap at their width", src: `
fn main() i64 {
    var a: u8 = 255
    a += 1
    var b: i8 = 127
    b += 1
    var c: u16 = 0
    c -= 1
    var d: i16 = -32768
    d = d * -1
    var e: u32 = 4294967295
    e = e * e
    var f: i32 = 2147483647
    f += 1
    println(a)
    println(b)
    println(c)
    println(d)
    println(e)
    println(f)
    return 0
}`, stdout: "0\n-128\n65535\n-32768\n1\n-2147483648\n"},
	{name: "unsigned division, remainder and comparison", src: `
fn main() i64 {
    var big: u64 = 0xFFFF_FFFF_FFFF_FFFF
    var h: u32 = 3000000000
    var n: u8 = 200
    println(big / 10)
    println(big % 10)
    println(big > 1)
    println(h / 7)
    println(h > 2000000000)
    println(n / 3)
    var s: i8 = -100
    println(s / 3)
    println(s % 3)
    return 0
}`, stdout: "1844674407370955161\n5\ntrue\n428571428\ntrue\n66\n-33\n-1\n"},
	{name: "shifts are logical at the width, counts modulo the width", src: `
fn main() i64 {
    var a: i8 = -1
    var b: i16 = -2
    var c: i32 = -8
    var d: u8 = 1
    var k: i64 = 9
    println(a >> 1)
    println(b >> 1)
    println(c >> 1)
    println(d << 9)
    println(d << k)
    println(c << 33)
    return 0
}`, stdout: "127\n32767\n2147483644\n2\n2\n-16\n"},
	{name: "widening conversions keep the value", src: `
fn wide(x: i64) i64 { return x }
fn main() i64 {
    var a: i8 = -5
    var b: u8 = 250
    var c: u32 = 4000000000
    var d: i16 = a
    var e: i64 = c
    var f: u64 = b
    println(wide(a) + wide(b))
    println(d)
    println(e)
    println(f)
    println(a + d)
    return 0
}`, stdout: "245\n-5\n4000000000\n250\n-10\n"},
	{name: "literals take their context's type", src: `
var g: u64 = 18446744073709551615
const small: i8 = -128
fn main() i64 {
    var x: u16 = 65535
    var y = x + 1
    var z: i32 = -2147483648
    println(g)
    println(small)
    println(y)
    println(z - 1)
    println(small == -128)
    return 0
}`, stdout: "18446744073709551615\n-128\n0\n2147483647\ntrue\n"},
	{name: "i32 division overflow traps", src: `
fn div(a: i32, b: i32) i32 { return a / b }
fn main() i64 { println(div(-2147483648, 2)); println(div(-2147483648, -1)); return 0 }`,
		stdout: "-1073741824\n", trap: "integer overflow"},
	{name: "i8 division does not trap", src: `
fn div(a: i8, b: i8) i8 { return a / b }
fn main() i64 { println(div(-128, -1)); return 0 }`, stdout: "-128\n"},
	{name: "unsigned division by zero traps", src: `
fn div(a: u16, b: u16) u16 { return a % b }
fn main() i64 { return div(1, 0) }`, trap: "integer divide by zero"},
	{name: "characters and @intCast", src: `
fn main() i64 {
    var c = 'a'
    var d: i32 = '\x7f'
    println(c + 1)
    println(@intCast(i8, d + 1))
    println(@intCast(u16, -3))
    println(@intCast(i64, @intCast(u32, -1)))
    return @intCast(i64, c)
}`, stdout: "98\n-128\n65533\n4294967295\n", exit: 97},
	{name: "builtins: sizes, assertions, exit", src: `
fn main() i64 {
    println(@sizeOf(u16) + @sizeOf([3]i32) + @alignOf(?bool))
    var v: i8 = -3
    @assert(v < 0)
    @assert_eq(v * v, 9)
    @assert_eq(v == -3, true)
    @assert_eq(@intCast(u8, v), 253)
    @exit(513)
}`, stdout: "22\n", exit: 1},
	{name: "a failed assert_eq exits 134", src: `
fn main() i64 { var b: u64 = 5; @assert_eq(b - 6, 0); return 0 }`, exit: 134},
	{name: "@trap is unreachable", src: `fn main() void { println(1); @trap() }`, stdout: "1\n", trap: "unreachable"},
}
