package passes

// End-to-end cases of the scalar conformance work: enum ordering and u64 enums, switches that
// cover every value without else (expressions, and statements a function may end with), branches
// that jump or end the program, if bodies of switch statement arms, untyped u64 literals. They
// run in TestEndToEnd and, after every pass, in TestEveryPassKeepsMeaning.

func init() { e2eCases = append(e2eCases, scalarE2ECases...) }

var scalarE2ECases = []e2eCase{
	{name: "enum order and u64 enums", src: `
enum Rank: u8 { Low = 1, High = 200 }
enum Wide: u64 { Small = 1, Top = 18446744073709551615 }
fn main() i64 {
    var r = Rank.High
    println(r > Rank.Low)
    println(Rank.Low >= r)
    println(r == 200)
    println(Wide.Top)
    println(Wide.Top > Wide.Small)
    var code: u64 = 1
    println(Wide.Small == code)
    return 0
}`, stdout: "true\nfalse\ntrue\n18446744073709551615\ntrue\ntrue\n"},
	{name: "covered switches", src: `
union U { P: i64, Q }
fn half(x: u8) i64 {
    switch x {
        0..127 => { return 0 },
        128..255 => { return 1 },
    }
}
fn val(u: U) i64 {
    switch u {
        U.P |v| => { return v },
        U.Q => { return -1 },
    }
}
fn main() i64 {
    var b = 3 > 2
    println(switch b { true => 10, false => 20 })
    var n: i8 = -4
    println(switch n { -128..-1 => "neg", 0 => "zero", 1..127 => "pos" })
    println(half(130))
    println(val(U.P(7)))
    println(val(U.Q))
    return 0
}`, stdout: "10\nneg\n1\n7\n-1\n"},
	{name: "jumping branches", src: `
fn pick(n: i64) i64 {
    var r = switch n { 0 => { return 100 }, 1 => 10, else => n * 2 }
    return r
}
fn digit(c: u8) i64 {
    return switch c { '0'..'9' => c - '0', else => @trap() }
}
fn main() i64 {
    var sum = 0
    for i in 0..10 {
        var v = if (i % 2 == 0) { continue } else { i }
        var w = switch v { 7 => { break }, else => v }
        sum += w
    }
    println(sum)
    println(pick(0) + pick(1) + pick(4))
    for i in 0..4 {
        switch (i % 2) {
            0 => if (i > 1) { println("even past one") },
            else => {},
        }
    }
    println(18446744073709551615)
    println(digit('4'))
    return digit('z')
}`, stdout: "9\n118\neven past one\n18446744073709551615\n4\n", trap: "unreachable"},
}
