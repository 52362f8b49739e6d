package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// status is how a program came out.
type status string

const (
	statusIdentical status = "identical"
	statusDiffers   status = "differs"
	statusNoCompile status = "fails to compile"
	statusRefFails  status = "reference fails" // the workload is wrong, or the reference runner
	statusError     status = "error"           // the suite could not fetch, build or run it
	statusNotRun    status = "not run"
)

// outcome is one row of the report.
type outcome struct {
	p         *program
	status    status
	detail    string
	wasmBytes int64
	comp      *compiled
	native    *runResult
	ref       *runResult
	expected  bool // failed, and listed in expected-failures.txt
}

func (o *outcome) passed() bool { return o.status == statusIdentical }

// run fetches, compiles and runs one program, and compares its runs.
func (h *harness) run(ctx context.Context, ws *workspace, p *program, compileTimeout, runTimeout time.Duration) *outcome {
	o := &outcome{p: p}
	fail := func(s status, format string, args ...any) *outcome {
		o.status, o.detail = s, fmt.Sprintf(format, args...)
		h.logf("%s: %s: %s", p.name, o.status, o.detail)
		return o
	}
	if ctx.Err() != nil {
		return fail(statusError, "the suite's time budget (-budget) ran out before it")
	}
	wasm, tree, err := p.src.fetch(h)
	if err != nil {
		return fail(statusError, "%v", err)
	}
	if st, err := os.Stat(wasm); err == nil {
		o.wasmBytes = st.Size()
	}
	ws.pkg = tree
	work := filepath.Join(h.cache, "work", p.name)

	// The reference first: its compile is cached and kept out of the timed run.
	h.logf("%s: reference run", p.name)
	wasmtimeCache := filepath.Join(h.cache, "wasmtime")
	compile := h.qemuArgv("", h.refrun, "-cache", wasmtimeCache, "-compile-only", wasm)
	if _, err := h.output(h.root, nil, compile[0], compile[1:]...); err != nil {
		return fail(statusRefFails, "%v", err)
	}
	refDir := filepath.Join(work, "ref")
	if err := prepare(ws, p, refDir); err != nil {
		return fail(statusError, "%v", err)
	}
	refArgv := []string{h.refrun, "-cache", wasmtimeCache, "-argv0", p.name, "-dir", ".::/"}
	for _, kv := range p.env {
		refArgv = append(refArgv, "-env", kv)
	}
	refArgv = append(append(refArgv, wasm), p.args...)
	ref, err := h.measuredRun(ctx, runTimeout, refDir, nil, "", refArgv)
	if err != nil {
		return fail(statusError, "%v", err)
	}
	o.ref = &ref
	ws.refDirs[p.name] = refDir
	if why := checkReference(p, ref, ws.testdata); why != "" {
		return fail(statusRefFails, "%s", why)
	}

	h.logf("%s: cot aot %s", p.name, filepath.Base(wasm))
	comp, elf, err := h.aot(ctx, wasm, compileTimeout)
	if err != nil {
		return fail(statusError, "%v", err)
	}
	o.comp = &comp
	if !comp.OK {
		return fail(statusNoCompile, "%s", comp.Error)
	}

	h.logf("%s: native run", p.name)
	nativeDir := filepath.Join(work, "native")
	if err := prepare(ws, p, nativeDir); err != nil {
		return fail(statusError, "%v", err)
	}
	native, err := h.measuredRun(ctx, runTimeout, nativeDir, nativeEnv(p.env), p.name, append([]string{elf}, p.args...))
	if err != nil {
		return fail(statusError, "%v", err)
	}
	o.native = &native
	if d := differences(native, ref); len(d) > 0 {
		return fail(statusDiffers, "%s", strings.Join(d, "; "))
	}
	o.status = statusIdentical
	h.logf("%s: identical", p.name)
	return o
}

// nativeEnv is the host environment that gives a `cot aot` executable's guest exactly env: the
// executable's default environment is empty, and COT_ENV, its run-time override, names the host
// variables to pass through (docs/decisions.md, "run-time override").
func nativeEnv(env []string) []string {
	if len(env) == 0 {
		return nil
	}
	var names []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		names = append(names, name)
	}
	return append([]string{"COT_ENV=" + strings.Join(names, ";")}, env...)
}

// measuredRun runs an AArch64 program (argv[0] is its path; argv0, when set, what it sees as its
// name) under qemu in dir, and snapshots dir.
func (h *harness) measuredRun(ctx context.Context, timeout time.Duration, dir string, env []string, argv0 string, argv []string) (runResult, error) {
	full := h.qemuArgv(argv0, argv...)
	if h.qemu != "" {
		argv0 = "" // qemu's -0 sets it
	}
	res, err := measured(ctx, timeout, dir, env, argv0, full...)
	if err != nil {
		return res, err
	}
	res.files, err = snapshot(dir)
	return res, err
}

// qemuArgv is the command line that runs an AArch64 program on this host; argv0, when set, is the
// name the program sees (qemu's -0).
func (h *harness) qemuArgv(argv0 string, argv ...string) []string {
	if h.qemu == "" {
		return argv
	}
	if argv0 != "" {
		return append([]string{h.qemu, "-0", argv0}, argv...)
	}
	return append([]string{h.qemu}, argv...)
}
