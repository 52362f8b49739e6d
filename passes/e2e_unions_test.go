package passes

// End-to-end cases for tagged unions (check-types, lower-unions): they run in TestEndToEnd and,
// after every pass, in TestEveryPassKeepsMeaning. The programs are those of
// golden/testdata/run/union_*.txtar.

func init() { e2eCases = append(e2eCases, unionE2ECases...) }

var unionE2ECases = []e2eCase{
	{name: "union basics", src: `
union Shape { Circle: f64, Square: i64, Empty }

fn area(s: Shape) i64 {
    return switch s {
        Shape.Circle |r| => @intCast(i64, r * r * 3.0),
        Shape.Square |a| => a * a,
        Shape.Empty => 0,
    }
}

fn make(k: i64) Shape {
    if (k == 0) { return Shape.Circle(2.0) }
    if (k == 1) { return Shape.Square(5) }
    return Shape.Empty
}

var g: Shape = Shape.Square(3)

fn main() void {
    var s = Shape.Circle(1.5)
    println(s.tag)
    println(area(s))
    s = Shape.Empty
    println(s.tag)
    println(area(make(0)))
    println(area(make(1)))
    println(area(make(2)))
    println(g.Square)
    println(make(1).tag)
    var total: i64 = 0
    for i in 0..3 {
        switch (make(i)) {
            Shape.Circle |r| => { total += 100 }
            Shape.Square => { total += 10 }
            else => { total += 1 }
        }
    }
    println(total)
}
`, stdout: "0\n6\n2\n12\n25\n0\n3\n1\n111\n", exit: 0},
	{name: "union values", src: `
enum Dir { Up, Down }

union Token { Num: i32, Flag: bool, Small: u8, Ratio: f32, Move: Dir, Ref: *i64, End }

fn describe(t: Token) i64 {
    return switch t {
        Token.Num |n| => if (n < 0) { -1 } else { @intCast(i64, n) },
        Token.Flag |f| => if (f) { 1 } else { 0 },
        Token.Small, Token.End => 7,
        Token.Ratio |r| => @intCast(i64, r * 10.0),
        Token.Move |d| => if (d == Dir.Up) { 100 } else { 200 },
        Token.Ref |p| => p.*,
    }
}

fn main() void {
    var x: i64 = 55
    var a = Token.Num(-5)
    var b = a
    a = Token.Num(1000)
    println(describe(a))
    println(describe(b))
    println(describe(Token.Flag(true)))
    println(describe(Token.Small(200)))
    println(describe(Token.End))
    println(describe(Token.Ratio(2.5)))
    println(describe(Token.Move(Dir.Down)))
    println(describe(Token.Ref(&x)))
    println(a.Flag)
    println(a.Num)
    println(Token.End.tag)
    var c: Token = Token.Small(255)
    println(c.Small)
    println(c.tag == 2)
}
`, stdout: "1000\n-1\n1\n7\n7\n25\n200\n55\ntrue\n1000\n6\n255\ntrue\n", exit: 0},
}
