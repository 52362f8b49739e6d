package golden

import (
	"os"
	"testing"

	"cot/internal/spectest"
)

// specExecutor chooses how TestSpec executes harness modules. COT_SPEC_EXEC=wazero runs them on
// wazero (the runner's cross-check); the default is the native backend once it is present.
func specExecutor(t *testing.T, tmp string) spectest.Executor {
	t.Helper()
	switch os.Getenv("COT_SPEC_EXEC") {
	case "", "wazero":
		w, err := spectest.NewWazero(tmp)
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	t.Fatalf("COT_SPEC_EXEC=%q: want wazero", os.Getenv("COT_SPEC_EXEC"))
	return nil
}
