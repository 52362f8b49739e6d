package runner

import (
	"reflect"
	"testing"
)

// A native program's environment names every variable in COT_ENV so its WASI sandbox passes them
// through; a COT_ENV or COT_DIR of the environment itself is dropped (the runtime reads the first
// one, which must be the runner's), and so is an entry the list cannot carry.
func TestNativeEnvNamesEveryVariable(t *testing.T) {
	cfg := &Config{Env: []string{"A=1", "B=x=y", "COT_ENV=HOME", "COT_DIR=/", "=odd", "C=", "D;E=1"}}
	got, err := cfg.nativeEnv()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"A=1", "B=x=y", "C=", "COT_ENV=A;B;C"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
