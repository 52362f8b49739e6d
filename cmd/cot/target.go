package main

import (
	"path/filepath"
	"runtime"
	"strings"
)

// target is a compilation target of cot.
type target string

const (
	targetWasm32 target = "wasm32"      // a WASI preview 1 .wasm module
	targetARM64  target = "arm64-linux" // a static AArch64 Linux ELF
)

// targetNames maps every accepted spelling to its target.
var targetNames = map[string]target{
	"wasm32":      targetWasm32,
	"arm64-linux": targetARM64,
	"arm64":       targetARM64,
}

func parseTarget(s string) (target, error) {
	if t, ok := targetNames[s]; ok {
		return t, nil
	}
	if s == "native" && runtime.GOARCH == "arm64" && runtime.GOOS == "linux" {
		return targetARM64, nil
	}
	valid := "wasm32, arm64-linux (alias arm64)"
	if runtime.GOARCH == "arm64" && runtime.GOOS == "linux" {
		valid += ", native"
	}
	return "", usagef("unknown target %q; valid targets: %s", s, valid)
}

// defaultOutput is the output name of `cot build FILE` without -o: STEM.wasm or STEM, in the
// current directory.
func defaultOutput(file string, t target) string {
	stem := strings.TrimSuffix(filepath.Base(file), ".cot")
	stem = strings.TrimSuffix(stem, ".wasm")
	if t == targetWasm32 {
		return stem + ".wasm"
	}
	return stem
}
