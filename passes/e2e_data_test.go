package passes

// End-to-end cases for the data conformance fixes (append, pointer arithmetic, tuple
// conversion, literal order, self functions, aliases as operands, auto-deref of slices): they
// run in TestEndToEnd and, after every pass, in TestEveryPassKeepsMeaning.

func init() { e2eCases = append(e2eCases, dataE2ECases...) }

var dataE2ECases = []e2eCase{
	{name: "append", src: `
struct P { x: i64, y: i64 }
fn main() i64 {
    var out: []i64 = undefined
    for i in 0..9 { out = append(out, i * i) }
    var s: i64 = 0
    for v in out { s += v }
    println(s)
    var a = [1, 2, 3]
    var t = append(a[0:1], 7)
    println(a[1] * 10 + t[1])
    var ps: []P = undefined
    ps = append(ps, P { .x = 1, .y = 2 })
    ps = append(ps, P { .x = 3, .y = 4 })
    println(ps[1].y + ps.len)
    return 0
}`, stdout: "204\n27\n6\n"},
	{name: "pointer arithmetic and auto-deref", src: `
fn main() i64 {
    var a = [10, 20, 30, 40]
    var p = &a[0]
    var q = p + 2
    println(q.*)
    p += 3
    p -= 1
    println(p.*)
    var s = a[1:4]
    var ps = &s
    println(ps[0] + ps.len)
    var n: i64 = 0
    for x in ps { n += x }
    return n
}`, stdout: "30\n30\n23\n", exit: 90},
	{name: "tuple conversion and literal order", src: `
struct P { x: i64, y: i64 }
var order: i64 = 0
fn tr(n: i64) i64 { order = order * 10 + n; return n }
fn widen(t: (i32, u8)) (i64, i64) { return t }
fn main() i64 {
    var a: i32 = -5
    var b: u8 = 250
    var r = widen((a, b))
    println(r.0 + r.1)
    var p = P { .y = tr(1), .x = tr(2) }
    println(order)
    return p.x
}`, stdout: "245\n12\n", exit: 2},
	{name: "self functions and aliases", src: `
struct P { x: i64, y: i64 }
type Q = P
impl P { fn mk(v: i64) P { return P { .x = v, .y = v } } }
fn P_sum(self: *P) i64 { return self.x + self.y }
fn twice(self: i64) i64 { return self * 2 }
fn main() i64 {
    var p = Q.mk(4)
    println(p.P_sum())
    const n: i64 = 5
    println(n.twice())
    return 0
}`, stdout: "8\n10\n"},
	{name: "defaults in array elements", src: `
struct C { n: i64 = 64 }
struct W { cs: [2]C, k: i64 = 1 }
var gw: W = .{}
fn main() i64 {
    var c: [3]C = .{}
    var t: (i64, C) = .{}
    println(c[2].n + t.1.n)
    return gw.cs[1].n + gw.k
}`, stdout: "128\n", exit: 65},
	{name: "enums in aggregates", src: `
enum Kind: u8 { A = 1, B = 200 }
struct Tok { k: Kind, next: *Tok }
var g: Tok = Tok { .k = Kind.B, .next = null }
fn main() i64 {
    var t = Tok { .k = Kind.A, .next = &g }
    var ks = [Kind.A, Kind.B]
    var pair = (Kind.B, t)
    println(t.next.k)
    println(ks[1] == pair.1.next.k)
    return @sizeOf(Tok)
}`, stdout: "200\ntrue\n", exit: 16},
}
