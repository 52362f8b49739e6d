package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cot/runner"
	"cot/std"
)

// TestStdModules runs tests/std/NAME.cot, the test file of each module of the standard library,
// with `cot test` on wasm32 (wazero, and the same module on wasmtime) and, where qemu-aarch64 is
// installed, on arm64-linux: every test block passes, with the same output everywhere (durations
// aside). Every embedded module has its test file, and every test file names a module.
func TestStdModules(t *testing.T) {
	modules := std.Modules()
	files, err := filepath.Glob("../../tests/std/*.cot")
	if err != nil || len(files) == 0 {
		t.Fatalf("no tests/std/*.cot: %v", err)
	}
	have := map[string]bool{}
	for _, f := range files {
		have[strings.TrimSuffix(filepath.Base(f), ".cot")] = true
	}
	for _, m := range modules {
		if !have[m] {
			t.Errorf("std/%s has no test file tests/std/%s.cot", m, m)
		}
	}
	targets := []string{"wasm32"}
	if _, err := runner.QemuPath(); err == nil {
		targets = append(targets, "arm64-linux")
	} else {
		t.Logf("arm64-linux not run: %v", err)
	}
	for _, file := range files {
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(file), ".cot")
		if !strings.Contains(string(text), `import "std/`+name+`"`) {
			t.Errorf("%s does not import std/%s", file, name)
		}
		n := len(testBlock.FindAll(text, -1))
		if n == 0 {
			t.Errorf("%s has no tests", file)
		}
		runTestFile(t, file, name, targets, n, stdSandbox)
	}
}

// stdSandbox is the sandbox of a std test run: a fresh empty directory as "/", the environment
// COT_STD_TEST=yes only (std/fs, std/io and std/os test files create files and read it) and the
// network (std/http and std/async test files use 127.0.0.1 only).
func stdSandbox(t *testing.T) runner.Config {
	return runner.Config{Preopens: []runner.Preopen{{Host: t.TempDir(), Guest: "/"}}, Env: []string{"COT_STD_TEST=yes"}, Net: true}
}

// sandboxFlags spells cfg's preopens and environment as `cot` flags.
func sandboxFlags(cfg runner.Config) []string {
	var flags []string
	for _, p := range cfg.Preopens {
		flags = append(flags, "--dir="+p.Host+"::"+p.Guest)
	}
	for _, e := range cfg.Env {
		flags = append(flags, "--env="+e)
	}
	if cfg.Net {
		flags = append(flags, "--net")
	}
	return flags
}
