package passes

// End-to-end cases for block expressions and if expressions with statements (a return inside a
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
}
