package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// build implements `cot build FILE [-o OUT]` and `cot aot MODULE.wasm [-o OUT]`: compile, then
// write the artifact atomically. A failed compilation removes an existing output file, so a stale
// artifact is never mistaken for the result of this build.
func build(inv *invocation, dumps io.Writer) error {
	if inv.cmd == "aot" {
		if inv.target != targetWasm32 && inv.target != targetARM64 {
			return usagef("aot: unknown target")
		}
		inv.target = targetARM64 // aot always produces a native executable
		if !strings.HasSuffix(inv.file, ".wasm") && inv.out == "" {
			return usagef("aot: %s is not a .wasm file; name the output with -o", inv.file)
		}
	}
	out := inv.out
	if out == "" {
		out = defaultOutput(inv.file, inv.target)
	}
	// A missing input is a typo, not a failed build of this output: leave the output alone.
	if _, err := os.Stat(inv.file); err != nil {
		return fmt.Errorf("cannot read input: %w", err)
	}
	data, err := compile(inv, dumps)
	if isStopped(err) {
		return nil
	}
	if err != nil {
		if fi, statErr := os.Lstat(out); statErr == nil && fi.Mode().IsRegular() {
			if rmErr := os.Remove(out); rmErr != nil {
				return errors.Join(err, rmErr)
			}
		}
		return err
	}
	mode := os.FileMode(0o644)
	if inv.target == targetARM64 {
		mode = 0o755
	}
	return writeAtomically(out, data, mode)
}
