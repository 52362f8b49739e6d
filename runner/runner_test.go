package runner

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// wat compiles testdata/name.wat with wat2wasm (package wabt), after applying the replacements.
func wat(t *testing.T, name string, replace ...string) []byte {
	t.Helper()
	if _, err := exec.LookPath("wat2wasm"); err != nil {
		t.Skip("wat2wasm not installed (apt-get install wabt; `just test` does it)")
	}
	text, err := os.ReadFile(filepath.Join("testdata", name+".wat"))
	if err != nil {
		t.Fatal(err)
	}
	src := strings.NewReplacer(replace...).Replace(string(text))
	dir := t.TempDir()
	in, out := filepath.Join(dir, "m.wat"), filepath.Join(dir, "m.wasm")
	if err := os.WriteFile(in, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if msg, err := exec.Command("wat2wasm", in, "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("wat2wasm: %v\n%s", err, msg)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

type engine struct {
	name string
	run  func(context.Context, []byte, Config) (Result, error)
}

var engines = []engine{{"wazero", RunWazero}, {"wasmtime", RunWasmtime}}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return c
}

func TestStdioArgsAndExit(t *testing.T) {
	wasm := wat(t, "echo")
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			var streamed strings.Builder
			res, err := e.run(ctx(t), wasm, Config{Args: []string{"arg-one"}, Stdin: strings.NewReader("from stdin\n"), Stdout: &streamed})
			if err != nil {
				t.Fatal(err)
			}
			if string(res.Stdout) != "hi\nfrom stdin\n" || string(res.Stderr) != "arg-one\n" || res.ExitCode != 7 || res.Trap != "" {
				t.Fatalf("got %+v (stdout %q, stderr %q)", res, res.Stdout, res.Stderr)
			}
			if streamed.String() != string(res.Stdout) {
				t.Fatalf("Config.Stdout received %q", streamed.String())
			}
		})
	}
}

func TestExitStatus(t *testing.T) {
	cases := []struct {
		module string
		want   int
	}{{"exit200", 200}, {"noexit", 0}}
	for _, c := range cases {
		wasm := wat(t, c.module)
		for _, e := range engines {
			res, err := e.run(ctx(t), wasm, Config{})
			if err != nil {
				t.Fatalf("%s %s: %v", e.name, c.module, err)
			}
			if res.ExitCode != c.want {
				t.Errorf("%s %s: exit %d, want %d", e.name, c.module, res.ExitCode, c.want)
			}
		}
	}
}

func TestTrapKindsAgree(t *testing.T) {
	kinds := map[string]string{
		"div_by_zero":       TrapDivideByZero,
		"overflow":          TrapIntegerOverflow,
		"bad_conversion":    TrapBadConversion,
		"out_of_bounds":     TrapOutOfBoundsMemory,
		"call_type":         TrapIndirectCallType,
		"undefined_element": TrapUndefinedElement,
		"unreachable":       TrapUnreachable,
		"stack":             TrapStackOverflow,
	}
	for entry, kind := range kinds {
		wasm := wat(t, "traps", `(export "`+entry+`")`, `(export "_start")`)
		for _, e := range engines {
			t.Run(entry+"/"+e.name, func(t *testing.T) {
				res, err := e.run(ctx(t), wasm, Config{})
				if err != nil {
					t.Fatal(err)
				}
				wantErr := "before\nerror: " + kind + "\n"
				if res.Trap != kind || res.ExitCode != TrapExitCode || string(res.Stderr) != wantErr {
					t.Fatalf("got trap %q exit %d stderr %q; want %q, 134, %q", res.Trap, res.ExitCode, res.Stderr, kind, wantErr)
				}
			})
		}
	}
}

func TestEnvAndPreopenedDir(t *testing.T) {
	if _, err := exec.LookPath("wat2wasm"); err != nil {
		t.Skip("wat2wasm not installed")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "in.txt"), []byte("file body"), 0o644); err != nil {
		t.Fatal(err)
	}
	wasm := wat(t, "readfile")
	for _, e := range engines {
		res, err := e.run(ctx(t), wasm, Config{Dir: dir, Env: []string{"GREETING=hello"}})
		if err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		if got := string(res.Stdout); got != "file body|GREETING=hello" || res.ExitCode != 0 {
			t.Errorf("%s: stdout %q exit %d stderr %q", e.name, got, res.ExitCode, res.Stderr)
		}
	}
}

func TestTimeout(t *testing.T) {
	wasm := wat(t, "traps", `(func $nothing)`, `(func $nothing (loop $l (br $l)))`, `(export "unreachable")`, `(export "_start")`, `(call $say) unreachable`, `(call $nothing)`)
	for _, e := range engines {
		c, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		_, err := e.run(c, wasm, Config{})
		cancel()
		if err == nil || !strings.Contains(err.Error(), "deadline exceeded") {
			t.Errorf("%s: an endless loop under a deadline returned %v", e.name, err)
		}
	}
}

// arm64 assembles testdata/name.s into a static AArch64 ELF.
func arm64(t *testing.T, name string) string {
	t.Helper()
	if _, err := exec.LookPath("aarch64-linux-gnu-gcc"); err != nil {
		t.Skip("aarch64-linux-gnu-gcc not installed (apt-get install gcc-aarch64-linux-gnu)")
	}
	if _, err := QemuPath(); err != nil {
		t.Skip(err)
	}
	out := filepath.Join(t.TempDir(), name)
	if msg, err := exec.Command("aarch64-linux-gnu-gcc", "-nostdlib", "-static", filepath.Join("testdata", name+".s"), "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("assemble: %v\n%s", err, msg)
	}
	return out
}

func TestNative(t *testing.T) {
	res, err := RunNative(ctx(t), arm64(t, "echo_arm64"), Config{Args: []string{"arg-one"}, Stdin: strings.NewReader("from stdin\n")})
	if err != nil {
		t.Fatal(err)
	}
	if string(res.Stdout) != "hi\nfrom stdin\n" || string(res.Stderr) != "arg-one\n" || res.ExitCode != 7 {
		t.Fatalf("got %+v (stdout %q, stderr %q)", res, res.Stdout, res.Stderr)
	}
	res, err = RunNative(ctx(t), arm64(t, "trap_arm64"), Config{})
	if err != nil || res.Trap != TrapDivideByZero || res.ExitCode != TrapExitCode {
		t.Fatalf("trap: %+v, %v", res, err)
	}
	_, err = RunNative(ctx(t), arm64(t, "crash_arm64"), Config{})
	if err == nil || !strings.Contains(err.Error(), "killed by signal: segmentation fault") {
		t.Fatalf("crash reported as %v", err)
	}
}

func TestMissingQemuSaysHowToInstall(t *testing.T) {
	if _, err := QemuPath(); err != nil || os.Getenv("PATH") == "" {
		t.Skip("needs a host where qemu is found through PATH")
	}
	t.Setenv("PATH", t.TempDir())
	_, err := RunNative(ctx(t), "/nonexistent", Config{})
	if err == nil || !strings.Contains(err.Error(), "install it with: apt-get install qemu-user") {
		t.Fatalf("got %v", err)
	}
}
