package passes

// End-to-end case for safe mode (parse_safe.go, check_types_safe.go): it runs in TestEndToEnd
// and, after every pass, in TestEveryPassKeepsMeaning. A smaller version of
// golden/testdata/run/safe_params.txtar.

func init() { e2eCases = append(e2eCases, safeE2ECases...) }

var safeE2ECases = []e2eCase{
	{name: "safe mode", src: `@safe
struct Point { x: i64, y: i64 }
enum Dir { Up, Down }

impl Point {
    fn sum() i64 { return self.x + self.y }
    fn add(other: Point) void { self.x += other.x }
}

fn area(p: Point, d: Dir) i64 {
    if (d == Dir.Up) { p.x = p.x + 1 }
    return p.x * p.y
}

fn make(x: i64) Point { return Point { x, y: x * 2 } }

struct Cell { v: i64 }

impl Cell {
    fn init(v: i64) void { self.v = v * 10 }
}

fn main() i64 {
    var p = Point { x: 2, y: 3 }
    println(area(p, Dir.Up))
    println(area(&p, Dir.Down))
    p.add(Point { x: 100, y: 0 })
    println(p.sum())
    println(area(make(4), Dir.Up))
    var c = new Cell(4)
    var d: Cell = new Cell { v: 1 }
    println(c.v + d.v)
    return p.x
}
`, stdout: "9\n9\n106\n40\n41\n", exit: 103},
}
