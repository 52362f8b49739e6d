package passes

// End-to-end cases for arrays and slices: they run in TestEndToEnd and, after every pass, in
// TestEveryPassKeepsMeaning.

func init() { e2eCases = append(e2eCases, arrayE2ECases...) }

var arrayE2ECases = []e2eCase{
	{name: "arrays and slices", src: `
struct P { x: i64, tag: [3]u8 }
fn sum(s: []i64) i64 {
    var t: i64 = 0
    for x in s { t += x }
    return t
}
fn fill(a: *[4]i64, v: i64) void {
    for i, x in a.* { a[i] = v + x }
}
fn firsts(ps: []P) i64 {
    var t: i64 = 0
    var i = 0
    while (i < ps.len) { t += ps[i].x; i += 1 }
    return t
}
fn main() i64 {
    var a = [1, 2, 3, 4]
    a[2] = 30
    println(a[2])
    println(sum(a[1:3]))
    println(sum(a))
    var s: []i64 = a[1:]
    s[0] = 200
    println(a[1])
    println(s.len)
    for i, v in a { println(i * 1000 + v) }
    fill(&a, 10)
    println(sum(a))
    var ps: [2]P = .{}
    ps[1].tag[2] = 9
    ps[0].x = 5
    ps[1].x = 6
    var q = ps
    q[1].tag[2] = 1
    println(ps[1].tag[2])
    println(firsts(ps[0:]))
    var bytes: [4]u8 = [250, 251, 252, 253]
    bytes[0] += 10
    println(bytes[0])
    var sub = s[1:2]
    println(sub[0])
    println(sub.len)
    var idx = 1
    println(s[idx:idx].len)
    var bad = 5
    println(a[bad - 1])
    println(s[2:bad].len)
    return 0
}`, stdout: "30\n32\n37\n200\n3\n1\n1200\n2030\n3004\n275\n9\n11\n4\n40\n1\n0\n", exit: 134},
}
