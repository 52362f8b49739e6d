package golden

import (
	"os"
	"testing"

	"cot/backend/arm64"
	"cot/internal/spectest"
	"cot/runner"
)

// specExecutor chooses how TestSpec executes harness modules: natively by default (the AArch64
// backend, then qemu-aarch64 on a non-arm64 host), or COT_SPEC_EXEC=wazero, the runner's own
// cross-check (internal/spectest's TestRunnerOnWazero runs it on the whole suite).
func specExecutor(t *testing.T, tmp string) spectest.Executor {
	t.Helper()
	switch os.Getenv("COT_SPEC_EXEC") {
	case "", "native":
		qemu, err := runner.QemuPath()
		if err != nil {
			t.Fatal(err)
		}
		return &spectest.Native{
			Compile: func(wasmBytes []byte) ([]byte, error) { return arm64.CompileModule(wasmBytes, nil) },
			Qemu:    qemu,
			TmpDir:  tmp,
		}
	case "wazero":
		w, err := spectest.NewWazero(tmp)
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	t.Fatalf("COT_SPEC_EXEC=%q: want native or wazero", os.Getenv("COT_SPEC_EXEC"))
	return nil
}
