package wasm

import (
	"testing"
	"unsafe"
)

// The front end holds two modules' instructions at once (grammar/budget_test.go): an Instr
// must stay small, its rare list operands out of line.
func TestInstrSize(t *testing.T) {
	if got := unsafe.Sizeof(Instr{}); got != 48 {
		t.Errorf("wasm.Instr is %d bytes, want 48", got)
	}
}
