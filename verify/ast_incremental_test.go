package verify_test

import (
	"testing"

	"cot/verify"
)

// TestIncrementalIsTruthful: compiling every run golden under --verify=each, the incremental
// ast verifier reuses what it knew of many functions, and a walk of each one it reuses finds
// no error and depends on exactly what its summary says.
func TestIncrementalIsTruthful(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles every run golden")
	}
	verify.CheckSkips(true)
	defer verify.CheckSkips(false)
	before := verify.Reused()
	compileGoldens(t)
	if n := verify.Reused() - before; n < 1000 {
		t.Errorf("%d function summaries reused: the test checks too little", n)
	}
}
