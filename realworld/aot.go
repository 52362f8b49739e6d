package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// compiled is the outcome of `cot aot` on one module, kept in the cache next to the executable,
// keyed by the hashes of the cot binary and the module: the same compiler on the same module is
// not run twice, and its figures are those of the run that produced it.
type compiled struct {
	OK       bool
	Error    string // the first line cot printed, when it failed
	ELFBytes int64
	usage
	cached bool // taken from the cache by this run of the suite
}

// aot compiles wasm with `cot aot` (default flags) and returns the outcome and the executable's
// path. A timeout is an outcome too, but is not cached (it depends on the machine's load).
func (h *harness) aot(ctx context.Context, wasm string, timeout time.Duration) (compiled, string, error) {
	sum, err := fileSum(wasm)
	if err != nil {
		return compiled{}, "", err
	}
	key := sha256.Sum256([]byte(h.cotSum + sum))
	dir := filepath.Join(h.cache, "aot", hex.EncodeToString(key[:12]))
	elf := filepath.Join(dir, "a.out")
	meta := filepath.Join(dir, "compiled.json")
	if b, err := os.ReadFile(meta); err == nil {
		var c compiled
		if err := json.Unmarshal(b, &c); err == nil {
			c.cached = true
			now := time.Now()
			os.Chtimes(dir, now, now) // in use: pruneAOT keeps it
			return c, elf, nil
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return compiled{}, "", err
	}
	// cot runs in the module's directory and is given its base name, so that its diagnostics
	// start with the module's name rather than a cache path.
	res, err := measured(ctx, timeout, filepath.Dir(wasm), os.Environ(), "", h.cot, "aot", filepath.Base(wasm), "-o", elf)
	if err != nil {
		return compiled{}, "", err
	}
	c := compiled{OK: res.exit == 0, usage: res.usage}
	switch {
	case res.timedOut:
		c.Error = fmt.Sprintf("timed out after %s", timeout)
		return c, elf, nil
	case res.signal != "":
		c.Error = "cot killed by " + res.signal
	case !c.OK:
		c.Error = firstLine(res.stderr)
		if c.Error == "" {
			c.Error = fmt.Sprintf("cot exited %d and printed nothing", res.exit)
		}
	default:
		st, err := os.Stat(elf)
		if err != nil {
			return compiled{}, "", fmt.Errorf("cot aot exited 0 without writing %s", elf)
		}
		c.ELFBytes = st.Size()
	}
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return compiled{}, "", err
	}
	return c, elf, os.WriteFile(meta, b, 0o644)
}

// firstLine is the first non-blank line of b.
func firstLine(b []byte) string {
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			return line
		}
	}
	return ""
}

// fileSum is the hex SHA-256 of a file.
func fileSum(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	return sumBytes(b), nil
}

// sumBytes is the hex SHA-256 of b.
func sumBytes(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// aotKeep is how long an unused `cot aot` output stays in the cache: every change to cot makes
// new ones (yosys's alone is 85 MB).
const aotKeep = 14 * 24 * time.Hour

// pruneAOT deletes the cached outputs that no run has used for aotKeep.
func (h *harness) pruneAOT() {
	entries, _ := os.ReadDir(filepath.Join(h.cache, "aot"))
	for _, e := range entries {
		info, err := e.Info()
		if err == nil && e.IsDir() && time.Since(info.ModTime()) > aotKeep {
			os.RemoveAll(filepath.Join(h.cache, "aot", e.Name()))
		}
	}
}
