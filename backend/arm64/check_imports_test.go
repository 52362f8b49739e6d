package arm64

import "testing"

// TestAllMissingImportsInOneError: a module lacking several imports gets one error naming each
// (WASI preview 1 functions are all provided; sock_open is preview 2's).
func TestAllMissingImportsInOneError(t *testing.T) {
	needTools(t)
	b := watToWasm(t, `(module
		(import "wasi_snapshot_preview1" "sock_accept" (func (param i32 i32 i32) (result i32)))
		(import "env" "f" (func))
		(import "wasi_snapshot_preview1" "sock_open" (func))
		(import "env" "g" (func))
		(func (export "_start")))`)
	_, err := CompileModule(b, nil)
	want := `3 imports are not provided by the native runtime: "env"."f", "wasi_snapshot_preview1"."sock_open", "env"."g"`
	if err == nil || err.Error() != want {
		t.Fatalf("got %v\nwant %s", err, want)
	}
}
