package golden

import (
	"bytes"
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cot/runner"
)

var updateSandbox = flag.Bool("update-sandbox", false, "rewrite testdata/sandbox/*.out from the native run")

// sandboxTree builds the directory tree escape.c expects under a fresh root and returns root.
func sandboxTree(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	box := filepath.Join(root, "box")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(box, "sub"), 0o755))
	for name, body := range map[string]string{
		"secret.txt": "secret\n", "victim": "victim\n",
		"box/inside.txt": "inside\n", "box/sub/deep.txt": "deep\n",
	} {
		must(os.WriteFile(filepath.Join(root, name), []byte(body), 0o644))
	}
	for name, target := range map[string]string{
		"link_in": "inside.txt", "link_sub": "sub", "link_out": "../secret.txt", "link_etc": "/etc",
		"link_abs": filepath.Join(box, "inside.txt"), "link_up": "../box/inside.txt",
	} {
		must(os.Symlink(target, filepath.Join(box, name)))
	}
	return root
}

// sandboxOutside lists what must not change outside box/: every entry of root and its contents.
func sandboxOutside(t *testing.T, root string) string {
	t.Helper()
	var b strings.Builder
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b.WriteString(e.Name())
		if data, err := os.ReadFile(filepath.Join(root, e.Name())); err == nil {
			b.WriteString(" " + strings.TrimSpace(string(data)))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestSandbox runs the escape attempts of testdata/sandbox natively (cot's AArch64 backend
// under qemu-aarch64) with box/ preopened as "." and host fds 3 (root, a directory), 5 (a
// secret file) and 6 (root) inherited: every escape must fail, every operation inside the box
// must work, nothing outside box/ may change, and the output must be testdata/sandbox/NAME.out.
// The same module runs on wasmtime-go, whose output must be the same apart from the lines
// listed in NAME.wasmtime-diff (the inherited fds do not exist there).
func TestSandbox(t *testing.T) {
	for _, tool := range cprogTools[:4] {
		if _, err := exec.LookPath(tool.path); err != nil {
			if _, err := os.Stat(tool.path); err != nil {
				t.Fatalf("%s not found: install the Debian package %s (scripts/deps.sh)", tool.path, tool.pkg)
			}
		}
	}
	qemu, err := runner.QemuPath()
	if err != nil {
		t.Fatal(err)
	}
	if cprogNativeCompile == nil {
		t.Fatal("no native backend")
	}
	sources, err := filepath.Glob("testdata/sandbox/*.c")
	if err != nil || len(sources) == 0 {
		t.Fatalf("no C programs in testdata/sandbox (%v)", err)
	}
	tmp := t.TempDir()
	for _, src := range sources {
		name := strings.TrimSuffix(filepath.Base(src), ".c")
		t.Run(name, func(t *testing.T) {
			wasmBytes := cprogWasm(t, src, filepath.Join(tmp, name+".wasm"))
			elf, err := cprogNativeCompile(wasmBytes)
			if err != nil {
				t.Fatal(err)
			}
			exe := filepath.Join(tmp, name)
			if err := os.WriteFile(exe, elf, 0o755); err != nil {
				t.Fatal(err)
			}

			root := sandboxTree(t)
			before := sandboxOutside(t, root)
			native := sandboxRunNative(t, qemu, exe, root)
			if after := sandboxOutside(t, root); after != before {
				t.Errorf("native: the files outside the sandbox changed:\nbefore:\n%safter:\n%s", before, after)
			}
			golden := filepath.Join("testdata", "sandbox", name+".out")
			if *updateSandbox {
				if err := os.WriteFile(golden, []byte(native), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if native != string(want) {
				t.Errorf("native output differs from %s:\n%s", golden, cprogDiff(want, []byte(native)))
			}
			sandboxCheckVerdicts(t, native)

			root = sandboxTree(t)
			before = sandboxOutside(t, root)
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			ref, err := runner.RunWasmtime(ctx, wasmBytes, runner.Config{Name: name, Dir: filepath.Join(root, "box")})
			if err != nil {
				t.Fatalf("wasmtime: %v", err)
			}
			if after := sandboxOutside(t, root); after != before {
				t.Errorf("wasmtime: the files outside the sandbox changed:\nbefore:\n%safter:\n%s", before, after)
			}
			sandboxCompareWasmtime(t, name, native, string(ref.Stdout))
		})
	}
}

// sandboxRunNative runs exe under qemu in root/box with root and a secret file inherited as
// host fds 3, 5 and 6 (4 is /dev/null).
func sandboxRunNative(t *testing.T, qemu, exe, root string) string {
	t.Helper()
	open := func(path string) *os.File {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	cmd := exec.Command(qemu, exe)
	if qemu == "" {
		cmd = exec.Command(exe)
	}
	cmd.Dir = filepath.Join(root, "box")
	cmd.Env = []string{}
	cmd.ExtraFiles = []*os.File{open(root), open(os.DevNull), open(filepath.Join(root, "secret.txt")), open(root)}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("native: %v\nstderr: %s", err, stderr.String())
	}
	return stdout.String()
}

// sandboxCheckVerdicts checks that every line of the "== escapes" and "== fds" sections failed
// and every line of "== inside" succeeded (apart from operations that fail on any file system,
// whose names say "(expect E...)").
func sandboxCheckVerdicts(t *testing.T, out string) {
	t.Helper()
	section := ""
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.HasPrefix(line, "== ") {
			section = line[3:]
			continue
		}
		name, verdict, ok := strings.Cut(line, ": ")
		if !ok {
			continue
		}
		failed := strings.HasPrefix(verdict, "errno")
		switch {
		case strings.HasPrefix(section, "escapes") && !failed:
			t.Errorf("ESCAPE: %s", line)
		case section == "fds" && strings.HasPrefix(name, "read fd") && !failed:
			t.Errorf("ESCAPE through an inherited fd: %s", line)
		case section == "fds" && name == "fstat fd 3" && verdict != "directory":
			t.Errorf("the preopen is not fd 3: %s", line)
		case section == "inside" && failed && !strings.Contains(name, "(expect E"):
			t.Errorf("broken inside the sandbox: %s", line)
		}
	}
}

// sandboxCompareWasmtime compares the native output with wasmtime-go's, line by line; the
// lines that differ must be exactly those of testdata/sandbox/NAME.wasmtime-diff ("native |
// wasmtime" per line), each with a reason in a comment above it.
func sandboxCompareWasmtime(t *testing.T, name, native, wasmtime string) {
	t.Helper()
	n := strings.Split(strings.TrimSpace(native), "\n")
	w := strings.Split(strings.TrimSpace(wasmtime), "\n")
	if len(n) != len(w) {
		t.Fatalf("native printed %d lines, wasmtime %d:\nnative:\n%s\nwasmtime:\n%s", len(n), len(w), native, wasmtime)
	}
	var diffs []string
	for i := range n {
		if n[i] != w[i] {
			diffs = append(diffs, n[i]+" | "+w[i])
		}
	}
	allowed := map[string]bool{}
	data, err := os.ReadFile(filepath.Join("testdata", "sandbox", name+".wasmtime-diff"))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			allowed[line] = true
		}
	}
	seen := map[string]bool{}
	for _, d := range diffs {
		seen[d] = true
		if !allowed[d] {
			t.Errorf("native differs from wasmtime: %s", d)
		}
	}
	for d := range allowed {
		if !seen[d] {
			t.Errorf("%s.wasmtime-diff lists %q, which no longer differs", name, d)
		}
	}
}
