package golden

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestWat runs testdata/wat/*.txtar: hand-written WASI modules (section main.wat) for what Cot
// programs cannot express — table instructions, element and data segments at instantiation —
// on wazero and wasmtime, and natively through `cot aot`. Like a run case, every engine must
// print the expected stdout and stderr and exit with the expected status.
func TestWat(t *testing.T) {
	if _, err := exec.LookPath("wat2wasm"); err != nil {
		t.Fatal("wat2wasm not found: install the Debian package wabt (scripts/deps.sh)")
	}
	engineCases(t, "wat", watCase)
}

func watCase(t *testing.T, c *goldenCase, al allowlist) {
	text, ok := c.section("main.wat")
	if !ok {
		t.Fatalf("%s: no main.wat section", c.path)
	}
	dir := t.TempDir()
	src, wasmPath := filepath.Join(dir, "main.wat"), filepath.Join(dir, "main.wasm")
	if err := os.WriteFile(src, text, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("wat2wasm", src, "-o", wasmPath).CombinedOutput(); err != nil {
		t.Fatalf("wat2wasm main.wat: %v\n%s", err, out)
	}
	wasm, err := os.ReadFile(wasmPath)
	if err != nil {
		t.Fatal(err)
	}
	native := nativeSkipReason() == ""
	if native {
		if b := runCot(t, dir, "aot", "main.wasm", "-o", "main"); b.exit != 0 {
			t.Fatalf("cot aot main.wasm: exit %d\n%s", b.exit, b.stderr)
		}
	} else {
		t.Logf("native run skipped: %s", nativeSkipReason())
	}
	checkEngines(t, "wat", c, dir, wasm, filepath.Join(dir, "main"), native, al)
}
