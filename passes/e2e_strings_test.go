package passes

import "testing"

// End-to-end cases for strings (spec §6.5, §10; decisions.md #10, #16); they run in TestEndToEnd
// and, after every pass, in TestEveryPassKeepsMeaning, so the interpreter's strings are checked
// against Wasm's.

func init() { e2eCases = append(e2eCases, stringE2ECases...) }

// TestStringDumpsReadBack: after every ast pass, each string program prints, reads back to the
// same text (interp, str-len, str-ptr, str-make, index and slice of strings) and verifies.
func TestStringDumpsReadBack(t *testing.T) {
	for _, c := range stringE2ECases {
		t.Run(c.name, func(t *testing.T) { checkDumpsReadBack(t, c.src, nil) })
	}
}

var stringE2ECases = []e2eCase{
	{name: "string values", src: `
const greeting: string = "hello"
var banner = "[\x41\tB\\\"\0]"

fn first(s: string) u8 { return s[0] }

fn tail(s: string) string { return s[1:] }

fn pick(b: bool) string {
    if (b) { return "yes" }
    return "no"
}

fn main() i64 {
    var s = "hello, world"
    println(s)
    println(s.len + len(s) + @lenOf(s))
    println(first(s))
    println(tail(s))
    println(s[7:12])
    println(s[:5])
    println(s[5:5].len)
    println(s[:])
    println(banner)
    println(banner.len)
    print(pick(true))
    println(pick(false))
    var t = s[0:5]
    println(t == greeting)
    println(t != greeting)
    println(s == greeting)
    println("" == s[3:3])
    t = "other"
    eprintln(t)
    var total: i64 = 0
    for i in 0..s.len {
        total += s[i]
    }
    println(total)
    return 0
}`, stdout: "hello, world\n36\n104\nello, world\nworld\nhello\n0\nhello, world\n[A\tB\\\"\x00]\n8\nyesno\ntrue\nfalse\nfalse\ntrue\n1160\n"},
	{name: "switch on strings compares contents", src: `
fn code(s: string) i64 {
    return switch (s) {
        "get" => 1,
        "put", "post" => 2,
        "delete" if s.len > 100 => 3,
        else => 0,
    }
}

fn main() i64 {
    var buf = "xpost"
    println(code("get") + 10 * code(buf[1:]) + 100 * code("put") + 1000 * code("delete"))
    switch (buf[0:2]) {
        "xp" => println("xp"),
        else => println("other"),
    }
    return code("post")
}`, stdout: "221\nxp\n", exit: 2},
	{name: "string builtins and pointers to strings", src: `
var g: string = "global"

fn set(p: *string, v: string) void { p.* = v }

fn main() i64 {
    var s = "abcdef"
    var p = @ptrOf(s)
    var t = @string(p + 2, 3)
    println(t)
    println(@ptrOf(t) - p)
    println(s.ptr == p)
    var u = "zz"
    set(&u, t)
    println(u)
    set(&g, s[4:])
    println(g)
    var b: *u8 = @intToPtr(*u8, @ptrOf(s) + 1)
    println(b.*)
    println(@string(b, 2))
    return 0
}`, stdout: "cde\n2\ntrue\ncde\nef\n98\nbc\n"},
	{name: "string index out of bounds", src: `
fn at(s: string, i: i64) u8 { return s[i] }

fn main() i64 {
    println(at("abc", 2))
    println(at("abc", -1))
    return 0
}`, stdout: "99\n", exit: 134},
	{name: "string slice out of bounds", src: `
fn main() i64 {
    var s = "abc"
    var lo: i64 = 2
    println(s[lo:3])
    println(s[lo:1])
    return 0
}`, stdout: "c\n", exit: 134},
	{name: "string interpolation in print", src: `
enum Color { Red, Green }

fn main() i64 {
    var a: i64 = 10
    var b: u64 = 18446744073709551615
    var c: i8 = -5
    var name = "world"
    println("${a}${a + 10}")
    println("val=${c} u=${b} ok=${a > 3} name=${name}!")
    eprintln("say: ${name[0:2]} ${'A'} \${not} ${Color.Green}")
    return 0
}`, stdout: "1020\nval=-5 u=18446744073709551615 ok=true name=world!\n"},
	{name: "string concatenation allocates", src: `
fn join(a: string, b: string) string { return a + ", " + b }

fn main() i64 {
    var s = join("hello", "world")
    println(s)
    var acc = ""
    for i in 0..5 {
        acc = acc + s[i:i + 1]
    }
    println(acc == "hello")
    println(("a" + "b")[1])
    return s.len
}`, stdout: "hello, world\ntrue\n98\n", exit: 12},
	{name: "string += , __string_make and string to *u8", src: `
struct P { name: string }

var calls: i64 = 0

fn second() i64 {
    calls += 1
    return 1
}

fn first(p: *u8) u8 { return p.* }

fn main() i64 {
    var s = "ab"
    s += "cd"
    s += "${s.len}"
    var p = P { .name = "x" }
    const pp = &p
    pp.name += s
    var names = ["m", "n"]
    names[second()] += "o"
    println(p.name)
    println(names[0] + names[1])
    println(__string_make(@ptrOf(s), 2))
    const b: *u8 = s
    println(b.*)
    return first(names[1]) + calls
}`, stdout: "xabcd4\nmno\nab\n97\n", exit: 111},
	{name: "a string converts to a []u8", src: `
fn count(b: []u8, c: u8) i64 {
    var n: i64 = 0
    for x in b {
        if (x == c) { n += 1 }
    }
    return n
}

fn main() i64 {
    var buf: []u8 = "hello"
    const more = append(buf, '!')
    const s: string = more
    println(s)
    const e: []u8 = ""
    println(buf[1])
    return count("banana", 'a') + count("${12321}", '1') + e.len
}`, stdout: "hello!\n101\n", exit: 5},
}
