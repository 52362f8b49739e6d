// Command bench is cot's benchmark harness (design.md §8): it builds the C programs of c/ to a
// WASI module with clang and to a native binary with gcc, compiles the module with `cot aot`,
// and prints one table of executed AArch64 instructions (exact, under qemu-aarch64 with
// ../shared/tools/icount) of cot's native binary against gcc -O2, Cranelift (wasmtime) and wazero
// running the same module (../shared/tools/anchors), and the cost of compiling the module with
// cot aot, Cranelift and wazero's optimizing compiler, measured side by side in one run.
//
//	go run ./bench                 # the full table (just bench)
//	go run ./bench -fast           # short runs, no compile columns (the test suite's mode)
//	go run ./bench -profile zlib   # executed instructions per function of cot's binary and gcc's
//	go run ./bench -modules a.wasm,b.wasm  # compile columns only, for any modules (e.g. large ones)
//	go run ./bench -native -modules a.wasm # the same as native processes of this machine: wall, CPU, RSS
//	go run ./bench -outside        # the outside programs (outside.go): C programs not written for cot
//
// Counts: gcc and cot are whole-process counts minus the same toolchain's empty program (gcc:
// `int main(void){return 0;}`; cot: the empty module compiled by cot aot); the engines' are
// anchors' `run` (the _start call, minus the empty module's). Compile cost: every compiler is an
// AArch64 binary run under qemu (cot cross-built for linux/arm64), instructions of all threads
// minus compiling the empty module, and the median wall time of -reps interleaved runs.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	fast := flag.Bool("fast", false, "short runs without the compile columns")
	reps := flag.Int("reps", 3, "counted runs per figure (the minimum count and median wall time are kept)")
	only := flag.String("only", "", "comma-separated program names (default all)")
	work := flag.String("work", filepath.Join(os.TempDir(), "cot-bench"), "work directory (builds, sources, caches)")
	profile := flag.String("profile", "", "print the per-function profile of this program instead of the table")
	engines := flag.Bool("engines", true, "measure Cranelift and wazero (anchors)")
	modules := flag.String("modules", "", "comma-separated .wasm files: print only their compile columns")
	native := flag.Bool("native", false, "with -modules: time the compilers as native processes of this machine")
	engine := flag.String("compile-with", "", "internal: compile the module argument with this engine (cranelift, wazero) and exit")
	compile := flag.Bool("compile", true, "measure the compile columns (not in -fast)")
	outside := flag.Bool("outside", false, "the outside programs (outside.go) instead of the benchmark programs")
	flag.Parse()
	if *engine != "" {
		if err := compileWith(*engine, flag.Arg(0)); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	h, err := newHarness(*work, *reps, *fast || *native)
	if err == nil {
		h.engines = *engines
		h.noCompile = !*compile
		if *modules != "" && *native {
			err = h.compileNative(os.Stdout, strings.Split(*modules, ","))
		} else if *modules != "" {
			h.verifyOff = true
			err = h.compileModules(os.Stdout, strings.Split(*modules, ","))
		} else if *profile != "" {
			err = h.profile(*profile)
		} else {
			progs := selected(*only)
			if *outside && *only == "" {
				progs = outsidePrograms
			}
			err = h.table(os.Stdout, progs)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// selected returns the programs named in only, from the benchmark and the outside programs
// (all benchmark programs when only is empty).
func selected(only string) []program {
	if only == "" {
		return programs
	}
	var out []program
	for _, p := range append(append([]program(nil), programs...), outsidePrograms...) {
		for _, n := range strings.Split(only, ",") {
			if n == p.Name {
				out = append(out, p)
			}
		}
	}
	return out
}

// repoRoot finds the module root (the directory holding go.mod) above the working directory.
func repoRoot() (string, error) {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}

// harness holds the tools and directories of one run.
type harness struct {
	root, tools, work string
	cache             string // fetched sources and built modules, kept across runs (~/.cache/cot-bench)
	reps              int
	fast, engines     bool
	noCompile         bool   // no compile columns, with the full runs
	verifyOff         bool   // also compile with cot aot --verify=off (-modules)
	icount            string // libicount.so
	cot, cotArm64     string // cot for the host, and cross-built for linux/arm64
	self              string // this harness's binary, for -compile-with (default os.Executable)
}

func newHarness(work string, reps int, fast bool) (*harness, error) {
	root, err := repoRoot()
	if err != nil {
		return nil, err
	}
	h := &harness{root: root, tools: filepath.Join(root, "..", "shared", "tools"), work: work, reps: reps, fast: fast}
	if err := os.MkdirAll(work, 0o755); err != nil {
		return nil, err
	}
	h.cache = filepath.Join(work, "cache")
	if dir, err := os.UserCacheDir(); err == nil {
		h.cache = filepath.Join(dir, "cot-bench")
	}
	out, err := outputOf(root, filepath.Join(h.tools, "icount", "build.sh"))
	if err != nil {
		return nil, err
	}
	h.icount = lastLine(out)
	h.cot = filepath.Join(work, "cot")
	if err := run(root, nil, "go", "build", "-o", h.cot, "./cmd/cot"); err != nil {
		return nil, err
	}
	if !fast {
		h.cotArm64 = filepath.Join(work, "cot-arm64")
		env := append(os.Environ(), "CGO_ENABLED=1", "GOOS=linux", "GOARCH=arm64", "CC=aarch64-linux-gnu-gcc")
		if err := run(root, env, "go", "build", "-trimpath", "-o", h.cotArm64, "./cmd/cot"); err != nil {
			return nil, err
		}
	}
	return h, nil
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
