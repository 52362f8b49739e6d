package passes

// End-to-end cases for structs (make-memory-explicit's aggregates): they run in TestEndToEnd and,
// after every pass, in TestEveryPassKeepsMeaning.

func init() { e2eCases = append(e2eCases, structE2ECases...) }

var structE2ECases = []e2eCase{
	{name: "struct values", src: `
struct Point { x: i64, y: i64 }
struct Rect { min: Point, max: Point, tag: u8 = 7, on: bool }
var origin_g: Point = Point { .x = -1, .y = -2 }
fn area(r: Rect) i64 { return (r.max.x - r.min.x) * (r.max.y - r.min.y) }
fn mk(x: i64, y: i64) Point { return Point { .x = x, .y = y } }
fn grow(r: Rect, by: i64) Rect {
    var out = r
    out.max.x += by
    out.max.y = out.max.y + by
    return out
}
fn clobber(p: Point) i64 {
    var q = p
    q.x = 100
    return p.x
}
fn main() i64 {
    var p = mk(1, 2)
    var q = p
    q.x = 10
    println(p.x)
    println(q.x)
    p = Point { .x = p.y, .y = p.x }
    println(p.x * 10 + p.y)
    var r = Rect { .min = mk(0, 0), .max = Point { .x = 3, .y = 4 } }
    println(area(r))
    println(area(grow(r, 1)))
    println(area(r))
    println(r.tag)
    println(r.on)
    var pr = &r
    pr.max.y = 10
    pr.on = true
    println(area(r))
    println(r.on)
    var z: Rect = .{}
    println(z.tag)
    println(z.max.y)
    println(clobber(p))
    println(origin_g.y)
    origin_g.y = 5
    var po = &origin_g
    println(po.y)
    println(@sizeOf(Rect))
    var i = 0
    var sum = 0
    while (i < 3) {
        var t = Point { .x = i, .y = sum }
        sum = t.x + t.y + 1
        i += 1
    }
    println(sum)
    return mk(3, 4).y
}`, stdout: "1\n10\n21\n12\n20\n12\n7\nfalse\n30\ntrue\n7\n0\n2\n-2\n5\n40\n6\n", exit: 4},
	{name: "methods", src: `
struct Counter { n: i64, step: i64 = 1 }
impl Counter {
    fn make(start: i64) Counter { return Counter { .n = start } }
    fn bump(self: *Counter) void { self.n += self.step }
    fn add(self: *Counter, by: i64) void { self.n = self.n + by }
    fn get(self: Counter) i64 { return self.n }
    fn twice(self: Counter) Counter { return Counter { .n = self.n * 2, .step = self.step } }
}
fn main() i64 {
    var c = Counter.make(5)
    c.bump()
    c.add(3)
    var pc = &c
    pc.bump()
    pc.add(10)
    println(c.get())
    println(pc.get())
    println(c.twice().get())
    println(Counter.make(7).twice().n)
    var d = c.twice()
    d.bump()
    println(d.n)
    println(c.n)
    return 0
}`, stdout: "20\n20\n40\n14\n41\n20\n"},
}
