package passes

import (
	"regexp"
	"testing"

	"cot/ir/pipeline"
)

var millis = regexp.MustCompile(`\(\d+ms\)`)

func normMillis(s string) string { return millis.ReplaceAllString(s, "(_ms)") }

// testModeCases are compiled as by `cot test`.
var testModeCases = []e2eCase{
	{name: "tests-pass-and-fail", src: `
var g: i64 = seed() * 2
fn seed() i64 { return 21 }
fn main() i64 { return 9 }
test "global" { @assert_eq(g, 42) }
test "u64 values" { var big: u64 = 18446744073709551615; @assert_eq(big, 1) }
test "bools" { @assert_eq(1 > 2, true) }
test "loop" { for i in 0..10 { @assert(i < 5) } }
test "prints" { println(g) }
bench "b" { @trap() }
`},
	{name: "tests-none", src: `fn f() i64 { return 1 }`},
	{name: "tests-trap", src: `
fn div(a: i64, b: i64) i64 { return a / b }
test "ok" { @assert(true) }
test "traps" { println(div(1, 0)) }
test "never" { }
`},
}

// Test builds keep their meaning through every pass from lower-tests on (before it, the program
// has no runner), like the programs of TestEveryPassKeepsMeaning.
func TestTestModeKeepsMeaning(t *testing.T) {
	for _, c := range testModeCases {
		checkEveryPass(t, c, func(ctx *pipeline.Ctx) { ctx.Store[TestModeKey] = &TestMode{} }, "lower-tests")
	}
}

// Every ast dump of a test build reads back to the same text and verifies.
func TestTestModeDumpsReadBack(t *testing.T) {
	for _, c := range testModeCases {
		checkDumpsReadBack(t, c.src, func(ctx *pipeline.Ctx) { ctx.Store[TestModeKey] = &TestMode{Colour: true} })
	}
}
