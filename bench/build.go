package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// build makes DIR/m.wasm, DIR/prog.gcc and DIR/prog.cot for p and returns DIR. The module and
// gcc's binary come from the build cache when their inputs are unchanged (see cachedBuild); cot
// always compiles the module afresh, since cot is what is under test.
func (h *harness) build(p program) (string, error) {
	dir := filepath.Join(h.work, p.Name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	srcs := []string{filepath.Join(h.root, "bench", "c", p.Name+".c")}
	var incs []string
	lib := ""
	if p.Lib != "" {
		var err error
		if lib, err = h.library(p); err != nil {
			return "", err
		}
	}
	at := func(s string) string { return strings.Replace(s, "@", lib, 1) }
	for _, s := range p.Sources {
		srcs = append(srcs, at(s))
	}
	for _, s := range p.Includes {
		incs = append(incs, "-I"+at(s))
	}
	// clang's wasm driver runs wasm-opt when it finds one on PATH or beside the clang it was
	// invoked as (/usr/bin): keep it off, so the module is clang's own whatever is installed, by
	// running clang from its real directory with a PATH that holds only the linker.
	pathDir := filepath.Join(h.work, "clang-path")
	os.MkdirAll(pathDir, 0o755)
	if ld, err := exec.LookPath("wasm-ld"); err == nil {
		for _, name := range []string{"wasm-ld", "wasm-ld-14"} {
			os.Symlink(ld, filepath.Join(pathDir, name))
		}
	}
	clang, err := exec.LookPath("clang")
	if err == nil {
		clang, err = filepath.EvalSymlinks(clang)
	}
	if err != nil {
		return "", err
	}
	env := append(os.Environ(), "PATH="+pathDir)
	// A flag may name a file of the checkout (a header forced in with -include) as $ROOT/...
	var flags []string
	for _, f := range p.Flags {
		flags = append(flags, strings.ReplaceAll(f, "$ROOT", h.root))
	}
	clangArgs := append(append(append([]string{"--target=wasm32-wasi", "-O2"}, flags...), incs...), srcs...)
	gccArgs := append(append(append(append([]string{"-O2", "-static"}, flags...), incs...), srcs...), "-lm")
	// The headers of c/ (shared by the drivers, or forced in by a flag) are inputs too.
	headers, _ := filepath.Glob(filepath.Join(h.root, "bench", "c", "*.h"))
	inputs := append(append([]string(nil), srcs...), headers...)
	cache, err := h.cachedBuild(p.Name, append(append([]string{clang}, clangArgs...), gccArgs...), inputs)
	if err != nil {
		return "", err
	}
	wasm, gcc := filepath.Join(cache, "m.wasm"), filepath.Join(cache, "prog.gcc")
	if _, err := os.Stat(gcc); err != nil {
		// Build into temporary names, so that an interrupted build leaves no half of a cache entry.
		if err := run(dir, env, clang, append([]string{"-o", wasm + ".tmp"}, clangArgs...)...); err != nil {
			return "", err
		}
		if err := run(dir, nil, "aarch64-linux-gnu-gcc", append([]string{"-o", gcc + ".tmp"}, gccArgs...)...); err != nil {
			return "", err
		}
		if err := os.Rename(wasm+".tmp", wasm); err != nil {
			return "", err
		}
		if err := os.Rename(gcc+".tmp", gcc); err != nil {
			return "", err
		}
	}
	for _, f := range []string{"m.wasm", "prog.gcc"} {
		b, err := os.ReadFile(filepath.Join(cache, f))
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o755); err != nil {
			return "", err
		}
	}
	if err := run(dir, nil, h.cot, "aot", "m.wasm", "-o", "prog.cot"); err != nil {
		return "", err
	}
	return dir, nil
}

// library fetches p.Lib's source tree (once) and runs p.Prepare in it (once per command),
// returning the tree's directory.
func (h *harness) library(p program) (string, error) {
	out, err := outputOf(h.root, filepath.Join(h.root, "bench", "fetch-src.sh"), p.Lib, filepath.Join(h.cache, "src"))
	if err != nil {
		return "", fmt.Errorf("fetching %s: %v", p.Lib, err)
	}
	lib := lastLine(out)
	if p.Prepare == "" {
		return lib, nil
	}
	sum := sha256.Sum256([]byte(p.Prepare))
	stamp := filepath.Join(lib, ".prepared-"+hex.EncodeToString(sum[:8]))
	if _, err := os.Stat(stamp); err == nil {
		return lib, nil
	}
	if err := run(lib, nil, "sh", "-c", p.Prepare); err != nil {
		return "", fmt.Errorf("preparing %s: %v", p.Lib, err)
	}
	return lib, os.WriteFile(stamp, nil, 0o644)
}

// cachedBuild returns the cache directory of a program's module and gcc binary: named by a hash
// of the compiler commands and of every source file's contents, so that any change of a flag or
// a source builds anew (headers of the fetched libraries are fixed by their Debian version).
func (h *harness) cachedBuild(name string, commands, srcs []string) (string, error) {
	hash := sha256.New()
	// Paths of the checkout and the cache are left out, so every worktree shares an entry.
	unplace := strings.NewReplacer(h.root, "ROOT", h.cache, "CACHE")
	for _, c := range commands {
		fmt.Fprintf(hash, "%q\n", unplace.Replace(c))
	}
	for _, s := range srcs {
		b, err := os.ReadFile(s)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(hash, "%d\n", len(b))
		hash.Write(b)
	}
	dir := filepath.Join(h.cache, "build", name+"-"+hex.EncodeToString(hash.Sum(nil)[:8]))
	// Only the newest build of a program is kept: the others are of sources or flags since changed.
	old, _ := filepath.Glob(filepath.Join(h.cache, "build", name+"-"+strings.Repeat("[0-9a-f]", 16)))
	for _, o := range old {
		if o != dir {
			os.RemoveAll(o)
		}
	}
	return dir, os.MkdirAll(dir, 0o755)
}
