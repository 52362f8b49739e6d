package passes

// End-to-end cases for generics (parse, resolve-names, check-types' monomorphisation): they run
// in TestEndToEnd and, after every pass, in TestEveryPassKeepsMeaning. The programs are smaller
// versions of golden/testdata/run/generic_*.txtar.

func init() { e2eCases = append(e2eCases, genericE2ECases...) }

var genericE2ECases = []e2eCase{
	{name: "generic functions", src: `
fn smaller(T)(x: T, y: T) T {
    if (y < x) { return y }
    return x
}

fn sum(T)(xs: []T) T {
    var s: T = 0
    for x in xs { s += x }
    return s
}

fn countDown(T)(n: T) T {
    if (n == 0) { return 0 }
    return 1 + countDown(T)(n - 1)
}

fn main() i64 {
    println(smaller(i64)(3, 2))
    println(smaller(u8)(200, 100))
    var xs = [1, 2, 3]
    println(sum(i64)(xs[0:3]))
    var hs: [2]f32 = [0.5, 0.25]
    println(sum(f32)(hs[0:2]))
    println(countDown(u16)(4))
    return smaller(i32)(9, 7)
}
`, stdout: "2\n100\n6\n0.75\n4\n", exit: 7},
	{name: "generic structs and methods", src: `
struct Pair(A, B) { first: A, second: B }
struct Node(T) { value: T, next: ?*Node(T) }

impl Pair(X, Y) {
    fn left(self: *Pair(X, Y)) X { return self.first }
    fn setLeft(self: *Pair(X, Y), v: X) void { self.first = v }
}

fn swap(A, B)(p: Pair(A, B)) Pair(B, A) {
    return Pair(B, A) { .first = p.second, .second = p.first }
}

fn main() void {
    var p = Pair(i64, bool) { .first = 7, .second = true }
    var q = swap(i64, bool)(p)
    println(q.first)
    println(q.second)
    p.setLeft(40)
    println(Pair_left(i64, bool)(&p))
    var s = Pair(string, u8) { .first = "s", .second = 2 }
    println(s.left())
    println(@sizeOf(Pair(bool, bool)))
    var n2 = Node(i64) { .value = 2, .next = null }
    var n1 = Node(i64) { .value = 1, .next = &n2 }
    println(n1.next.?.value + n1.value)
}
`, stdout: "true\n7\n40\ns\n8\n3\n"},
}

func init() {
	e2eCases = append(e2eCases, e2eCase{name: "traits and where bounds", src: `
trait Shape { fn area(self: *Self) i64 }
struct Rect { w: i64, h: i64 }
impl Shape for Rect { fn area(self: *Rect) i64 { return self.w * self.h } }
impl Shape for i64 { fn area(self: *i64) i64 { return self.* } }

fn twice(T)(x: T) i64 where T: Shape {
    var v = x
    return v.area() * 2
}

fn main() void {
    var k: i64 = 4
    println(k.area())
    println(twice(Rect)(Rect { .w = 2, .h = 3 }))
    println(twice(i64)(5))
}
`, stdout: "4\n12\n10\n"})
}
