package passes

import (
	"reflect"
	"testing"

	"cot/ir/wasm"
)

func TestPeephole(t *testing.T) {
	in := []wasm.Instr{
		wasm.I64Const(1), wasm.LocalSet(0), wasm.LocalGet(0), // temp read once: vanishes
		wasm.LocalSet(1), wasm.LocalGet(1), wasm.LocalGet(1), // read twice: tee
		wasm.Simple(wasm.OpI64Add), wasm.LocalSet(2), wasm.LocalGet(3), // different locals: kept
		wasm.Simple(wasm.OpDrop), wasm.End(),
	}
	want := []wasm.Instr{
		wasm.I64Const(1),
		{Op: wasm.OpLocalTee, Index: 1}, wasm.LocalGet(1),
		wasm.Simple(wasm.OpI64Add), wasm.LocalSet(2), wasm.LocalGet(3),
		wasm.Simple(wasm.OpDrop), wasm.End(),
	}
	if got, _ := peephole(in, nil); !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v", got)
	}
}
