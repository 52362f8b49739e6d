package runner

import (
	"context"
	"testing"

	"github.com/tetratelabs/wazero"

	encwasm "cot/backend/wasm"
	"cot/ir/wasm"
)

// miscompileModule exports f(x, y) = (0 >=s (x & y)) ? 1 : 0 and a _start that traps unless
// f(-65, -65) == 1. wazero v1.12.0's amd64 compiler returns 0 here.
func miscompileModule(t *testing.T) []byte {
	m := &wasm.Module{
		Types: []wasm.FuncType{
			{Params: []wasm.ValType{wasm.I64, wasm.I64}, Results: []wasm.ValType{wasm.I64}},
			{},
		},
		Funcs: []wasm.Func{
			{TypeIdx: 0, Body: []wasm.Instr{
				wasm.I64Const(0), wasm.LocalGet(0), wasm.LocalGet(1), wasm.Simple(wasm.OpI64And),
				wasm.Simple(wasm.OpI64GeS),
				wasm.If(wasm.ValueBlock(wasm.I64)), wasm.I64Const(1), wasm.Simple(wasm.OpElse), wasm.I64Const(0), wasm.End(),
				wasm.End(),
			}},
			{TypeIdx: 1, Body: []wasm.Instr{
				wasm.I64Const(-65), wasm.I64Const(-65), wasm.Call(0), wasm.I64Const(1), wasm.Simple(wasm.OpI64Ne),
				wasm.If(wasm.BlockType{}), wasm.Simple(wasm.OpUnreachable), wasm.End(),
				wasm.End(),
			}},
		},
		Exports: []wasm.Export{{Name: "f", Kind: wasm.ExternFunc, Index: 0}, {Name: "_start", Kind: wasm.ExternFunc, Index: 1}},
	}
	b, err := encwasm.Encode(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestWazeroCompilerMiscompile shows why RunWazero uses the interpreter: the runner gets the
// right answer, and the test reports when a wazero upgrade fixes the compiler.
func TestWazeroCompilerMiscompile(t *testing.T) {
	b := miscompileModule(t)
	res, err := RunWazero(context.Background(), b, Config{})
	if err != nil || res.ExitCode != 0 || res.Trap != "" {
		t.Fatalf("RunWazero: %+v, %v", res, err)
	}
	ctx := context.Background()
	rt := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigCompiler())
	defer rt.Close(ctx)
	mod, err := rt.Instantiate(ctx, b)
	if err == nil {
		got, _ := mod.ExportedFunction("f").Call(ctx, uint64(0xFFFFFFFFFFFFFFBF), uint64(0xFFFFFFFFFFFFFFBF))
		t.Logf("wazero's compiler now gets f(-65, -65) right (%v): RunWazero may use it again", got)
		return
	}
	t.Logf("wazero's compiler still miscompiles (instantiation trapped: %v)", err)
}
