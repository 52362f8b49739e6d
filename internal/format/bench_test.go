package format

import (
	"os"
	"testing"
)

// BenchmarkSource formats a file named by COT_FMT_BENCH (a large program), reporting bytes/s.
func BenchmarkSource(b *testing.B) {
	path := os.Getenv("COT_FMT_BENCH")
	if path == "" {
		b.Skip("set COT_FMT_BENCH to a Cot file")
	}
	text, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		if _, err := Source(path, text); err != nil {
			b.Fatal(err)
		}
	}
}
