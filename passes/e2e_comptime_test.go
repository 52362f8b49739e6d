package passes

// End-to-end cases for compile-time evaluation (check-types' folding, fold-constant-branches):
// they run in TestEndToEnd and, after every pass, in TestEveryPassKeepsMeaning. A smaller
// version of golden/testdata/run/comptime_folding.txtar.

func init() { e2eCases = append(e2eCases, comptimeE2ECases...) }

var comptimeE2ECases = []e2eCase{
	{name: "compile-time evaluation", src: `
const N = 4
const SMALL: u8 = 250
const WRAP = SMALL + 10
const DEBUG = false
const NAME = "cot"

fn level() i64 {
    if (DEBUG) {
        return "unchecked"
    } else if (@sizeOf(i32) == 4) {
        return 2
    } else {
        @compileError("i32 is four bytes")
    }
}

fn main() i64 {
    var a = 10 + comptime { 5 * 6 }
    println(a)
    println(comptime { N * 1024 })
    println(WRAP)
    println(comptime { -1 >> 63 })
    println(comptime { if (NAME == "cot") { "yes" } else { "no" } })
    var n = if (DEBUG) { 1 } else { 2 }
    if (N > 3) { n += 10 } else { n = "unchecked" }
    println(n)
    return level()
}
`, stdout: "40\n4096\n4\n1\nyes\n12\n", exit: 2},
}
