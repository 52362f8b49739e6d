package golden

import "cot/backend/arm64"

// The C programs also run natively through cot's AArch64 backend (TestCProgs).
func init() {
	cprogNativeCompile = func(wasmBytes []byte) ([]byte, error) { return arm64.CompileModule(wasmBytes, nil) }
}
