// Command realworld is the real-world suite (`just realworld`): it fetches pinned real WASI
// programs from the npm registry and the Go module proxy (and builds gofmt from the local Go
// toolchain), compiles each with `cot aot` (default flags), runs one workload natively under
// qemu-aarch64 and on the reference runner (wasmtime, realworld/refrun, also under qemu-aarch64),
// and compares stdout, exit status and the files of the work directory. It prints a table of
// every program, then checks the outcomes against realworld/expected-failures.txt both ways.
//
// Downloads, builds, `cot aot` outputs (keyed by the hashes of the cot binary and the module) and
// wasmtime's compiled modules are cached under -cache, ~/.cache/cot-realworld by default (`cot aot`
// outputs unused for two weeks are deleted). The work directories of the last runs stay there
// (work/PROGRAM/{native,ref}) for inspection.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"cot/runner"
)

// harness holds what every program's fetch, compile and runs share.
type harness struct {
	root      string // the repository
	cache     string
	goVersion string
	cot       string // the cot binary built from root
	cotSum    string
	refrun    string // realworld/refrun built for linux/arm64
	qemu      string // "" on an arm64 Linux host
	lockFile  *os.File
}

func (h *harness) logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "realworld: "+format+"\n", args...)
}

func main() {
	home, err := os.UserHomeDir()
	if err != nil {
		home = os.TempDir()
	}
	cache := flag.String("cache", filepath.Join(home, ".cache", "cot-realworld"), "cache directory")
	heavy := flag.Bool("heavy", false, "also run the heavy programs (none today)")
	only := flag.String("only", "", "run only these programs (comma-separated names)")
	expectPath := flag.String("expect", "realworld/expected-failures.txt", "the expected-failure list")
	report := flag.String("report", "", "also write the table to this file")
	compileTimeout := flag.Duration("compile-timeout", 20*time.Minute, "limit of one `cot aot`")
	runTimeout := flag.Duration("run-timeout", 10*time.Minute, "limit of one run")
	budget := flag.Duration("budget", 45*time.Minute, "limit of the whole suite (CI has 90 minutes for everything)")
	flag.Parse()
	h, err := setup(*cache)
	if err != nil {
		fmt.Fprintln(os.Stderr, "realworld:", err)
		os.Exit(2)
	}
	list, err := readExpectedFailures(filepath.Join(h.root, *expectPath))
	if err != nil {
		fmt.Fprintln(os.Stderr, "realworld:", err)
		os.Exit(2)
	}
	selected, err := selectPrograms(*only, *heavy)
	if err != nil {
		fmt.Fprintln(os.Stderr, "realworld:", err)
		os.Exit(2)
	}
	goroot, err := h.output(h.root, nil, "go", "env", "GOROOT")
	if err != nil {
		fmt.Fprintln(os.Stderr, "realworld:", err)
		os.Exit(2)
	}
	ws := &workspace{testdata: filepath.Join(h.root, "realworld", "testdata"), goroot: strings.TrimSpace(goroot), refDirs: map[string]string{}}
	ctx, cancel := context.WithTimeout(context.Background(), *budget)
	defer cancel()
	var outcomes []*outcome
	for i := range programs {
		p := &programs[i]
		why, ok := selected[p.name]
		if !ok {
			continue
		}
		if why != "" {
			outcomes = append(outcomes, &outcome{p: p, status: statusNotRun, detail: why})
			continue
		}
		outcomes = append(outcomes, h.run(ctx, ws, p, *compileTimeout, *runTimeout))
	}
	h.pruneAOT()
	problems := reconcile(outcomes, list, *expectPath)
	table := renderTable(outcomes)
	fmt.Print(table)
	if *report != "" {
		if err := os.WriteFile(*report, []byte(table), 0o644); err != nil {
			problems = append(problems, err.Error())
		}
	}
	fmt.Println()
	for _, p := range problems {
		fmt.Println("FAIL:", p)
	}
	fmt.Println(summaryLine(outcomes, len(problems)))
	if len(problems) > 0 {
		os.Exit(1)
	}
}

// selectPrograms maps the names to run to "" and those to report as not run to the reason.
func selectPrograms(only string, heavy bool) (map[string]string, error) {
	selected := map[string]string{}
	for _, p := range programs {
		switch {
		case p.heavy && !heavy:
			selected[p.name] = "heavy: `just realworld-heavy` runs it"
		default:
			selected[p.name] = ""
		}
	}
	if only == "" {
		return selected, nil
	}
	chosen := map[string]string{}
	for _, name := range strings.Split(only, ",") {
		if _, ok := selected[name]; !ok {
			return nil, fmt.Errorf("-only: no program %q", name)
		}
		chosen[name] = ""
	}
	return chosen, nil
}

// setup finds the repository, builds cot and the reference runner, and finds qemu.
func setup(cache string) (*harness, error) {
	root, err := repoRoot()
	if err != nil {
		return nil, err
	}
	h := &harness{root: root, cache: cache}
	if err := h.lock(); err != nil {
		return nil, err
	}
	if h.qemu, err = runner.QemuPath(); err != nil {
		return nil, err
	}
	v, err := h.output(root, nil, "go", "env", "GOVERSION")
	if err != nil {
		return nil, err
	}
	h.goVersion = strings.TrimSpace(v)
	bin := filepath.Join(cache, "bin")
	h.cot = filepath.Join(bin, "cot")
	h.logf("building cot and the reference runner")
	// -trimpath: the same source builds the same binary in any checkout, so the aot cache is shared.
	if err := h.command(root, nil, "go", "build", "-trimpath", "-o", h.cot, "./cmd/cot"); err != nil {
		return nil, err
	}
	if h.cotSum, err = fileSum(h.cot); err != nil {
		return nil, err
	}
	// wasmtime-go links a static wasmtime library for linux/arm64; cgo needs the cross compiler
	// (scripts/deps.sh installs gcc-aarch64-linux-gnu) unless the host is arm64.
	h.refrun = filepath.Join(bin, "refrun-arm64")
	env := append(os.Environ(), "GOOS=linux", "GOARCH=arm64", "CGO_ENABLED=1")
	if h.qemu != "" {
		env = append(env, "CC=aarch64-linux-gnu-gcc")
	}
	if err := h.command(root, env, "go", "build", "-trimpath", "-ldflags=-extldflags=-static", "-o", h.refrun, "./realworld/refrun"); err != nil {
		return nil, err
	}
	return h, nil
}

// lock takes the cache for this run, waiting while another run of the suite has it: two runs
// would rebuild each other's cot binary and share work directories. The lock lasts as long as the
// process.
func (h *harness) lock() error {
	if err := os.MkdirAll(h.cache, 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(filepath.Join(h.cache, "lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err == nil {
		h.lockFile = f
		return nil
	}
	h.logf("waiting for another run of the suite to release %s", h.cache)
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		return fmt.Errorf("lock %s: %w", h.cache, err)
	}
	h.lockFile = f
	return nil
}

// repoRoot is the nearest directory upward from the working directory that holds go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("run from inside the cot repository (no go.mod found)")
		}
		dir = parent
	}
}
