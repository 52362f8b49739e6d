package passes

// End-to-end cases for switch, block expressions and if expressions with statements (a return inside a
// branch leaves the function, only the chosen branch runs); they run in TestEndToEnd and, after
// every pass, in TestEveryPassKeepsMeaning.

func init() { e2eCases = append(e2eCases, blockE2ECases...) }

var blockE2ECases = []e2eCase{
	{name: "block expressions", src: `
var calls: i64 = 0
fn count(v: i64) i64 { calls += 1; return v }
fn pick(n: i64) i64 {
    var r = if (n > 5) {
        var d = n - 5
        if (d > 3) { return -1 }
        d * count(2)
    } else if (n == 0) { count(0) } else { { var z = n; z + 100 } }
    return r
}
fn main() i64 {
    println(pick(7))
    println(pick(20))
    println(pick(0))
    println(pick(3))
    var b = { var a: i8 = 100; a + a }
    println(b)
    println(calls)
    while (true) {
        var stop = if (calls > 3) { if (calls > 4) { break } 5 } else { 1 }
        calls += stop
    }
    return calls
}`, stdout: "4\n-1\n0\n103\n-56\n2\n", exit: 9},
	{name: "switch on integers", src: `
fn grade(n: i64) i64 {
    return switch n {
        100 => 4,
        90..99 => 3,
        80..89, 75 => 2,
        -5, -10..-7 => -1,
        50 if n > 10 => 1,
        else => 0,
    }
}
fn kind(c: u8) i64 {
    var k: i64 = 0
    switch c {
        'a'..'z' => { k = 1 },
        'A'..'Z' => { k = 2 },
        '0'..'9' => { k = 3 },
        _ => { k = 4 },
    }
    return k
}
fn main() i64 {
    println(grade(100))
    println(grade(95))
    println(grade(75))
    println(grade(-8))
    println(grade(-5))
    println(grade(50))
    println(grade(51))
    println(kind('q'))
    println(kind('Q'))
    println(kind('5'))
    println(kind('#'))
    var big: u64 = 18446744073709551615
    var r = switch big { 0..10 => 1, 18446744073709551615 => { var t = 40; t + 2 }, else => 0 }
    println(r)
    return 0
}
`, stdout: "4\n3\n2\n-1\n-1\n1\n0\n1\n2\n3\n4\n42\n"},
	{name: "enums", src: `
enum Suit { Clubs, Diamonds, Hearts, Spades }
enum Http: i64 { Ok = 200, NotFound = 404, Next }
enum Level: i8 { Low = -5, Mid, High = 100 }

var favourite: Suit = Suit.Hearts

fn name_len(s: Suit) i64 {
    return switch s {
        Suit.Clubs => 5,
        Suit.Diamonds => 8,
        Suit.Hearts, Suit.Spades => 6,
    }
}

fn is_red(s: Suit) bool {
    var red = false
    switch s {
        Suit.Diamonds, Suit.Hearts => { red = true },
        Suit.Clubs => {},
        Suit.Spades => {},
    }
    return red
}

fn main() i64 {
    println(Suit.Spades)
    println(Http.Next)
    println(Level.Mid)
    println(favourite == Suit.Hearts)
    println(name_len(Suit.Diamonds))
    println(is_red(favourite))
    var code: i64 = Http.NotFound
    var small: i32 = Level.High
    println(code + small)
    println(@sizeOf(Suit) + @sizeOf(Http) + @sizeOf(Level))
    favourite = Suit.Clubs
    println(name_len(favourite))
    return Suit.Hearts
}
`, stdout: "3\n405\n-4\ntrue\n8\ntrue\n504\n13\n5\n", exit: 2},
	{name: "a block expression is a scope", src: `
fn main() i64 {
    var x = 1
    var v = { var x = 10; x + 1 }
    var w = if (v > 5) { var x = 100; x } else { x }
    println(x)
    println(v)
    return w
}`, stdout: "1\n11\n", exit: 100},
}
