package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
)

// compileModules prints the compile columns alone for modules given by path (`-modules`), such
// as the real-world suite's large ones: each module compiled by cot aot (under its default
// --verify=each and under --verify=off), Cranelift and wazero's optimizing compiler, side by side
// in one run, as compileCost measures them.
func (h *harness) compileModules(w io.Writer, paths []string) error {
	empty := filepath.Join(h.work, "empty")
	if err := os.MkdirAll(empty, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(empty, "m.wasm"), emptyModule, 0o644); err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "module\tbytes\tcot\tcot verify=off\tcranelift\twazero\tcot/cl\tcot/wz\twall cot\twall off\twall cl\twall wz\twall cot/cl\twall cot/wz\t")
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		name := strings.TrimSuffix(filepath.Base(path), ".wasm")
		dir := filepath.Join(h.work, "modules", name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "m.wasm"), b, 0o644); err != nil {
			return err
		}
		c, err := h.compileCost(dir)
		if err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
		cot, off, cl, wz := c["cot"], c["cot-off"], c["cranelift"], c["wazero"]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t%.2f s\t%.2f s\t%.2f s\t%.2f s\t%s\t%s\t\n", name, len(b),
			cot.insns, off.insns, cl.insns, wz.insns, ratio(cot.insns, cl.insns), ratio(cot.insns, wz.insns),
			cot.wall.Seconds(), off.wall.Seconds(), cl.wall.Seconds(), wz.wall.Seconds(),
			ratio(int64(cot.wall), int64(cl.wall)), ratio(int64(cot.wall), int64(wz.wall)))
	}
	tw.Flush()
	fmt.Fprintln(w, "# instructions of all threads compiling the module under qemu-aarch64 (minus the empty module), wall = medians of interleaved runs, GOMAXPROCS=2")
	return nil
}
