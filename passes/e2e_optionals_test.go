package passes

// End-to-end cases for optionals (check-types, lower-optionals): they run in TestEndToEnd and,
// after every pass, in TestEveryPassKeepsMeaning (the reference interpreter holds optionals as
// structs in memory before lower-optionals as after it). The programs are those of
// golden/testdata/run/optional_*.txtar.

func init() { e2eCases = append(e2eCases, optionalE2ECases...) }

var optionalE2ECases = []e2eCase{
	{name: "optional basics", src: `
fn find(n: i64) ?i64 {
    if (n > 3) { return null }
    return n * 10
}

fn orZero(o: ?i64) i64 {
    return o ?? 0
}

fn pass(o: ?i64) ?i64 { return o }

var g: ?i64 = 0
var h: ?i32 = null
var k: ?i64 = find(2)

fn main() void {
    var a: ?i64 = 5
    var b: ?i64 = null
    println(a.?)
    println(b ?? 7)
    println(a == null)
    println(b == null)
    println(a != null)
    println(null != b)
    if (find(2)) |v| { println(v) } else { println(-1) }
    if (find(9)) |v| { println(v) } else { println(-1) }
    if (find(9)) |v| { println(v) } else if (find(1)) |w| { println(w + 1) } else { println(-2) }
    if (a) |v| println(v + 100)
    const x = if (find(1)) |v| { v + 1 } else { 0 }
    println(x)
    println(orZero(find(3)))
    println(orZero(null))
    println(orZero(42))
    println(pass(pass(8)).?)
    println(pass(null) == null)
    println(g ?? 99)
    println(g == null)
    println(h ?? 42)
    h = 3
    println(h.?)
    println(k.?)
    b = a
    a = null
    println(b.?)
    println(a ?? -5)
    var c: ?i64 = if (b.? > 4) { null } else { 1 }
    println(c == null)
    c = if (b.? > 4) { 9 } else { null }
    println(c.?)
}
`, stdout: "5\n7\nfalse\ntrue\ntrue\nfalse\n20\n-1\n11\n105\n11\n30\n0\n42\n8\ntrue\n0\nfalse\n42\n3\n20\n5\n-5\ntrue\n9\n", exit: 0},
	{name: "optional lazy", src: `
var calls: i64 = 0

fn fallback(v: i64) i64 {
    calls += 1
    print("fallback ")
    println(v)
    return v
}

fn note(v: i64) ?i64 {
    print("note ")
    println(v)
    if (v < 0) { return null }
    return v
}

fn three(a: i64, b: ?i64, c: i64) i64 {
    return a * 100 + (b ?? 5) * 10 + c
}

fn main() void {
    var some: ?i64 = 1
    var none: ?i64 = null
    println(some ?? fallback(2))
    println(none ?? fallback(3))
    println(calls)
    println(none ?? note(-1) ?? note(4) ?? fallback(6))
    println(none ?? note(-1) ?? note(-2) ?? fallback(6))
    println(three(fallback(1), note(-3), fallback(2)))
    println(three(fallback(1), note(7), fallback(2)))
    println(calls)
}
`, stdout: "1\nfallback 3\n3\n1\nnote -1\nnote 4\n4\nnote -1\nnote -2\nfallback 6\n6\nfallback 1\nnote -3\nfallback 2\n152\nfallback 1\nnote 7\nfallback 2\n172\n6\n", exit: 0},
	{name: "optional types", src: `
enum Color { Red, Green, Blue }

var gp: ?*i64 = null
var gc: ?Color = Color.Blue

fn pick(c: bool) ?Color {
    if (c) { return Color.Green }
    return null
}

fn half(x: f64) ?f64 {
    if (x < 0.0) { return null }
    return x / 2.0
}

fn main() void {
    var a: ?i8 = -128
    var b: ?u8 = 255
    var c: ?i16 = -1
    var d: ?u16 = 0
    var e: ?i32 = -7
    var f: ?u32 = 4000000000
    var g: ?u64 = 18446744073709551615
    var t: ?bool = false
    var x: ?f32 = 1.5
    println(a.?)
    println(b.?)
    println(c.?)
    println(d.?)
    println(d == null)
    println(e.?)
    println(f.?)
    println(g.?)
    println(t.?)
    println(t == null)
    println(@intCast(i64, x.? * 2.0))
    println(@intCast(i64, (half(3.0) ?? 0.0) * 10.0))
    println(@intCast(i64, (half(-1.0) ?? -0.5) * 10.0))
    var n: i64 = 41
    var p: *i64 = &n
    println(gp == null)
    gp = p
    gp.?.* = 42
    println(n)
    var q: *i64 = null
    println(q == null)
    println(p != null)
    println(gc.?)
    println(pick(true) ?? Color.Red)
    println(pick(false) ?? Color.Red)
    if (pick(true)) |col| { println(col == Color.Green) }
}
`, stdout: "-128\n255\n-1\n0\nfalse\n-7\n4000000000\n18446744073709551615\nfalse\nfalse\n3\n15\n-5\ntrue\n42\ntrue\ntrue\n2\n1\n0\ntrue\n", exit: 0},
	{name: "optional unwrap null", src: `
fn maybe(n: i64) ?i64 {
    if (n == 0) { return null }
    return n
}

fn main() i64 {
    println(maybe(4).?)
    const v = maybe(0).?
    println(v)
    return 0
}
`, stdout: "4\n", exit: 134},
	{name: "optional switch", src: `
enum Op { Inc, Dec, Stop }

fn step(op: Op, n: i64) ?i64 {
    return switch op {
        Op.Inc => n + 1,
        Op.Dec => if (n > 0) { n - 1 } else { null },
        Op.Stop => null,
    }
}

fn main() void {
    var o: ?i64 = switch (1) { 1 => 5, else => null }
    println(o.?)
    var n: ?i64 = 2
    var steps: i64 = 0
    while (n != null) {
        n = step(Op.Dec, n.?)
        steps += 1
    }
    println(steps)
    println(step(Op.Inc, 9) ?? -1)
    println(step(Op.Stop, 9) ?? -1)
    if (o) |o| { println(o * 2) }
    const c: u8 = 3
    var q: ?u8 = switch (c) { 3 => null, else => 1 }
    println(q == null)
}
`, stdout: "5\n3\n10\n-1\n10\ntrue\n", exit: 0},
}
