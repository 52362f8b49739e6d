package runner

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// cWasm compiles testdata/name.c for wasm32-wasi with clang and wasi-libc.
func cWasm(t *testing.T, name string) []byte {
	t.Helper()
	if _, err := exec.LookPath("clang"); err != nil {
		t.Skip("clang not installed (apt-get install clang lld wasi-libc; scripts/deps.sh does it)")
	}
	out := filepath.Join(t.TempDir(), name+".wasm")
	args := []string{"--target=wasm32-wasi", "-O2", "-o", out, filepath.Join("testdata", name+".c")}
	if _, err := os.Stat("/usr/share/wasi-sysroot"); err == nil {
		args = append(args, "--sysroot=/usr/share/wasi-sysroot")
	}
	if msg, err := exec.Command("clang", args...).CombinedOutput(); err != nil {
		t.Fatalf("clang: %v\n%s", err, msg)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sandboxTree builds the directories of TestSandbox under a fresh temp dir and returns it:
// root/ is preopened; outside/, victim and outside_link lie beside it.
func sandboxTree(t *testing.T) string {
	tmp := t.TempDir()
	outside := filepath.Join(tmp, "outside")
	files := map[string]string{
		"root/inside.txt":      "inside\n",
		"root/sub/inside2.txt": "inside2\n",
		"outside/outside.txt":  "secret\n",
		"victim":               "victim\n",
	}
	for name, body := range files {
		p := filepath.Join(tmp, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"root/sub/up_in":     "..",
		"root/link_in":       "sub",
		"root/link_out":      outside,
		"root/rel_out":       "../outside",
		"root/chain":         "chain2",
		"root/chain2":        "../outside",
		"root/file_link_out": filepath.Join(outside, "outside.txt"),
		"root/dangling_out":  "../created.txt",
		"outside_link":       "outside",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(tmp, name)); err != nil {
			t.Fatal(err)
		}
	}
	return tmp
}

// TestSandbox: a WASI program reaches its preopened directory, symlinks inside it included, and
// nothing outside it — not through `..`, absolute or relative symlinks, symlink chains, dangling
// symlinks, hard links or renames — on every Wasm engine.
func TestSandbox(t *testing.T) {
	wasm := cWasm(t, "escape")
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			tmp := sandboxTree(t)
			res, err := e.run(ctx(t), wasm, Config{Preopens: []Preopen{{Host: filepath.Join(tmp, "root"), Guest: "."}}})
			if err != nil {
				t.Fatal(err)
			}
			if res.ExitCode != 0 {
				t.Fatalf("exit %d, stderr %q", res.ExitCode, res.Stderr)
			}
			lines := strings.Split(strings.TrimSpace(string(res.Stdout)), "\n")
			if len(lines) != 39 {
				t.Fatalf("%d lines of output, want 39:\n%s", len(lines), res.Stdout)
			}
			for i, line := range lines {
				want := "ok"
				if i >= 16 {
					want = "refused"
				}
				if !strings.HasSuffix(line, ": "+want) {
					t.Errorf("%s (want %s)", line, want)
				}
			}
			for name, body := range map[string]string{"victim": "victim\n", "outside/outside.txt": "secret\n"} {
				if b, err := os.ReadFile(filepath.Join(tmp, name)); err != nil || string(b) != body {
					t.Errorf("%s outside the sandbox: %q, %v", name, b, err)
				}
			}
			for _, name := range []string{"created.txt", "outside/created.txt", "outside/made", "moved", "root/stolen", "root/hard", "root/abs"} {
				if _, err := os.Lstat(filepath.Join(tmp, name)); err == nil {
					t.Errorf("%s exists after the run", name)
				}
			}
		})
	}
}

// TestPreopens: --dir=HOST::GUEST preopens each host directory under its guest name, as fds 3, 4,
// … in order, a relative HOST taken from Config.Dir.
func TestPreopens(t *testing.T) {
	wasm := wat(t, "preopens")
	dir := t.TempDir()
	for _, d := range []string{"a", "b"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, d, "f.txt"), []byte("in "+d), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := Config{Dir: dir, Preopens: []Preopen{{Host: "a", Guest: "data"}, {Host: filepath.Join(dir, "b"), Guest: "/b"}}}
	for _, e := range engines {
		res, err := e.run(ctx(t), wasm, cfg)
		if err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		if got := string(res.Stdout); got != "data\n/b\nin b" || res.ExitCode != 0 {
			t.Errorf("%s: stdout %q exit %d stderr %q", e.name, got, res.ExitCode, res.Stderr)
		}
	}
}

// TestNativeEnv: a native program gets Config.Env and COT_ENV naming its variables (a COT_ENV,
// COT_DIR or COT_NET of its own is replaced), COT_NET saying whether it has the network, and
// COT_DIR when the preopens are given.
func TestNativeEnv(t *testing.T) {
	cfg := Config{Dir: "/work", Env: []string{"A=1", "B=x=y", "COT_ENV=HOME", "=odd", "C=", "COT_DIR=/", "COT_NET=1"}}
	got, err := cfg.nativeEnv()
	want := []string{"A=1", "B=x=y", "=odd", "C=", "COT_ENV=A;B;C", "COT_NET=0"}
	if err != nil || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, %v\nwant %q", got, err, want)
	}
	cfg = Config{Dir: "/work", Preopens: []Preopen{{"data", "/data"}, {"/tmp", "/"}}, Net: true}
	got, err = cfg.nativeEnv()
	want = []string{"COT_ENV=", "COT_NET=1", "COT_DIR=/work/data::/data;/tmp::/"}
	if err != nil || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, %v\nwant %q", got, err, want)
	}
}
