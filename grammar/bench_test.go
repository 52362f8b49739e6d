package grammar

import (
	"fmt"
	"strings"
	"testing"
)

// benchSource is a generated program of realistic statements and expressions.
func benchSource(funcs int) []byte {
	var b strings.Builder
	for i := 0; i < funcs; i++ {
		fmt.Fprintf(&b, `fn g%d(a: i64, b: *List(i64)) i64 {
    var x: i64 = a * 2 + b.get(%d) - (a << 3)
    if (x > 10 and a != 0) { x += 1 } else if (x < 0) { return -x }
    for i in 0..a { x = x + @intCast(i64, i) }
    var s = "v=${x} ${g%d(a - 1, b)}"
    return switch x { 0 => 1, 1, 2 => 3, else => x }
}
`, i, i, i)
	}
	return []byte(b.String())
}

// BenchmarkParse reports the parser's speed in source lines per second.
func BenchmarkParse(b *testing.B) {
	src := benchSource(100)
	lines := strings.Count(string(src), "\n")
	b.SetBytes(int64(len(src)))
	for i := 0; i < b.N; i++ {
		if _, err := Parse("bench.cot", src); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(lines*b.N)/b.Elapsed().Seconds(), "lines/s")
}
