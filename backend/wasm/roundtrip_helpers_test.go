package wasm

import (
	"testing"

	"cot/ir/wasm"
)

func checkRoundTrip(t *testing.T, sm specModule, b []byte, m *wasm.Module, counts map[string]int) {
}
