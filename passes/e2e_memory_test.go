package passes

// End-to-end cases for pointers and linear memory (make-memory-explicit, make-frames-explicit):
// they run in TestEndToEnd and, after every pass, in TestEveryPassKeepsMeaning.

func init() { e2eCases = append(e2eCases, memoryE2ECases...) }

var memoryE2ECases = []e2eCase{
	{name: "pointers to scalars", src: `
var counter: i64 = 40
var late: i64 = start()
fn start() i64 { return counter + 2 }
fn set(out: *i64, v: i64) void { out.* = v }
fn bump(p: *i64) void { p.* += 1 }
fn twice(n: i64) i64 {
    var p = &n
    p.* = p.* * 2
    return n
}
fn swap(a: *i32, b: *i32) void {
    const t = a.*
    a.* = b.*
    b.* = t
}
fn main() i64 {
    var x: i64 = 1
    set(&x, 42)
    println(x)
    var p = &x
    var pp: **i64 = &p
    pp.*.* = 7
    println(x)
    bump(&counter)
    bump(&late)
    println(counter)
    println(late)
    var a: i32 = -5
    var b: i32 = 9
    swap(&a, &b)
    println(a)
    println(b)
    var small: u8 = 200
    var q: *u8 = &small
    q.* += 100
    println(small)
    var s8: i8 = -3
    println((&s8).*)
    var flag = false
    var pf = &flag
    pf.* = true
    println(flag)
    println(twice(21))
    var total: i64 = 0
    for i in 0..5 {
        var slot: i64 = undefined
        var ps = &slot
        ps.* += i
        total += slot
    }
    println(total)
    return x
}`, stdout: "42\n7\n41\n43\n9\n-5\n44\n-3\ntrue\n42\n10\n", exit: 7},
	{name: "pointer casts", src: `
fn main() i64 {
    var x: i64 = 0x0102030405060708
    const addr = @ptrToInt(&x)
    var again: *i64 = @intToPtr(*i64, addr)
    println(again == &x)
    var bytes: *u8 = @ptrCast(*u8, &x)
    println(bytes.*)
    var hi: *i8 = @intToPtr(*i8, addr + 7)
    hi.* = -1
    println(x)
    var w: *u16 = @intToPtr(*u16, addr + 2)
    println(w.*)
    var h: *i32 = @intToPtr(*i32, addr + 4)
    println(h.*)
    return 0
}`, stdout: "true\n8\n-71491328285473016\n1286\n-16645372\n"},
}
