package runner

import (
	"strconv"
	"testing"
)

// TestDeepRecursion: the Wasm engines nest calls at least as deep as the native target, whose
// 8 MiB stack holds down(100000) of `fn down(n: i64) i64 { … return down(n - 1) + 1 }`.
func TestDeepRecursion(t *testing.T) {
	const depth = 100000
	wasm := wat(t, "down", "N", strconv.Itoa(depth))
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			res, err := e.run(ctx(t), wasm, Config{})
			if err != nil {
				t.Fatal(err)
			}
			if res.ExitCode != depth&255 || res.Trap != "" {
				t.Fatalf("down(%d): exit %d, trap %q, stderr %q", depth, res.ExitCode, res.Trap, res.Stderr)
			}
		})
	}
}
