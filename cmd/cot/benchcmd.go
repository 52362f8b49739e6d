package main

import (
	"io"

	"cot/passes"
)

// runBenches implements `cot bench FILE [--filter=S] [--n=N] [--target=T]` (spec §16.5,
// docs/decisions.md "cot bench"): build FILE in bench mode (lower-tests generates the runner;
// runtime/bench.cot writes the lines) and run it with an empty stdin. The status is the
// program's: 0 when every bench ran, 134 when one trapped.
func runBenches(inv *invocation, stdout, stderr io.Writer) (int, error) {
	inv.benches = &passes.BenchMode{Colour: colourEnabled(stderr), Filter: inv.filter, N: inv.n}
	res, ran, err := runHarness(inv, stdout, stderr, "benchmarks", func() int { return inv.benches.Selected })
	if !ran || err != nil {
		return exitOK, err
	}
	return res.ExitCode, nil
}
