package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/bytecodealliance/wasmtime-go/v25"
	"github.com/tetratelabs/wazero"
)

// The native compile columns (-modules with -native): each compiler is a process of this machine
// (x86-64), run -reps times interleaved (cot, Cranelift, wazero, cot, ...) so that machine load
// hits all alike, with its default parallelism on both cores. Figures: median wall time, median
// CPU time (user + system, all threads) and the largest peak resident set.
//
//   - cot: `cot aot M -o OUT`, default flags (--verify=each), built for the host; it emits AArch64.
//   - Cranelift: wasmtime-go's Module + Serialize, opt level speed, in a process of its own (this
//     binary with -compile-with). The prebuilt libwasmtime.a of wasmtime-go is built without
//     cross-compilation ("Support for this target is disabled" for aarch64), so Cranelift emits
//     x86-64 code here: the same Cranelift pipeline with the other instruction selector.
//   - wazero: wazero.NewRuntimeConfigCompiler's CompileModule (no cache), which targets the host.
//
// The qemu columns (compileCost) compare all three emitting AArch64, in instructions.

// compileWith is the hidden -compile-with mode: compile path with one engine and exit.
func compileWith(engine, path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	switch engine {
	case "cranelift":
		engine := wasmtime.NewEngineWithConfig(wasmtime.NewConfig())
		m, err := wasmtime.NewModule(engine, b)
		if err != nil {
			return err
		}
		_, err = m.Serialize()
		return err
	case "wazero":
		ctx := context.Background()
		r := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigCompiler())
		defer r.Close(ctx)
		_, err := r.CompileModule(ctx, b)
		return err
	}
	return fmt.Errorf("-compile-with: unknown engine %q (cranelift or wazero)", engine)
}

// nativeRun is one timed process.
type nativeRun struct {
	wall, cpu time.Duration
	rssKB     int64
}

func runNative(argv []string) (nativeRun, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return nativeRun{}, fmt.Errorf("%s: %v", strings.Join(argv, " "), err)
	}
	r := nativeRun{wall: time.Since(start), cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.rssKB = ru.Maxrss
	}
	return r, nil
}

// compileNative prints the native compile columns of the modules at paths.
func (h *harness) compileNative(w io.Writer, paths []string) error {
	self := h.self
	if self == "" {
		var err error
		if self, err = os.Executable(); err != nil {
			return err
		}
	}
	out := filepath.Join(h.work, "native.out")
	cmds := []struct {
		name string
		argv func(path string) []string
	}{
		{"cot", func(p string) []string { return []string{h.cot, "aot", p, "-o", out} }},
		{"cranelift", func(p string) []string { return []string{self, "-compile-with", "cranelift", p} }},
		{"wazero", func(p string) []string { return []string{self, "-compile-with", "wazero", p} }},
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "module\tbytes\twall cot\twall cl\twall wz\twall cot/cl\twall cot/wz\tcpu cot\tcpu cl\tcpu wz\tcpu cot/cl\tcpu cot/wz\tRSS cot\tRSS cl\tRSS wz\t")
	for _, path := range paths {
		st, err := os.Stat(path)
		if err != nil {
			return err
		}
		walls := map[string][]time.Duration{}
		cpus := map[string][]time.Duration{}
		rss := map[string]int64{}
		for i := 0; i < h.reps; i++ {
			for _, c := range cmds {
				r, err := runNative(c.argv(path))
				if err != nil {
					return err
				}
				walls[c.name] = append(walls[c.name], r.wall)
				cpus[c.name] = append(cpus[c.name], r.cpu)
				rss[c.name] = max(rss[c.name], r.rssKB)
			}
		}
		wc, wl, wz := median(walls["cot"]), median(walls["cranelift"]), median(walls["wazero"])
		cc, cl, cz := median(cpus["cot"]), median(cpus["cranelift"]), median(cpus["wazero"])
		fmt.Fprintf(tw, "%s\t%d\t%.3f s\t%.3f s\t%.3f s\t%s\t%s\t%.3f s\t%.3f s\t%.3f s\t%s\t%s\t%d MB\t%d MB\t%d MB\t\n",
			strings.TrimSuffix(filepath.Base(path), ".wasm"), st.Size(),
			wc.Seconds(), wl.Seconds(), wz.Seconds(), ratio(int64(wc), int64(wl)), ratio(int64(wc), int64(wz)),
			cc.Seconds(), cl.Seconds(), cz.Seconds(), ratio(int64(cc), int64(cl)), ratio(int64(cc), int64(cz)),
			rss["cot"]/1024, rss["cranelift"]/1024, rss["wazero"]/1024)
	}
	tw.Flush()
	fmt.Fprintf(w, "# native x86-64 processes, medians of %d interleaved runs; cot emits AArch64, Cranelift x86-64 (prebuilt wasmtime-go has no cross target), wazero the host's code\n", h.reps)
	return nil
}
