package passes

// End-to-end cases for tuples and type aliases: they run in TestEndToEnd and, after every pass,
// in TestEveryPassKeepsMeaning.

func init() { e2eCases = append(e2eCases, tupleE2ECases...) }

var tupleE2ECases = []e2eCase{
	{name: "tuples and aliases", src: `
type Meters = i64
type Pair = (i64, bool)
type Row = [3]Meters
struct S { p: Pair, r: Row }
fn divmod(a: i64, b: i64) (i64, i64) { return (a / b, a % b) }
fn flip(p: Pair) Pair { return (0 - p.0, not p.1) }
fn main() i64 {
    var d = divmod(47, 5)
    println(d.0)
    println(d.1)
    var t = (1, true, 'x')
    println(t.2)
    t.0 += 5
    println(t.0)
    var m: Meters = 12
    var r: Row = [1, 2, m]
    println(r[2])
    var q = flip((3, false))
    println(q.0)
    println(q.1)
    var pp = &q
    pp.0 = 9
    println(q.0)
    var s = S { .p = q, .r = r }
    s.p.0 = 1
    println(q.0 + s.p.0 + s.r[1])
    return divmod(7, 2).1
}`, stdout: "9\n2\n120\n6\n12\n-3\ntrue\n9\n12\n", exit: 1},
}
