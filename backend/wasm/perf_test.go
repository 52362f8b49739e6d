package wasm

import (
	"syscall"
	"testing"
	"time"

	"cot/ir/wasm"
)

// largeModule builds a valid module of n functions, each a loop over memory with arithmetic,
// calls and branches (about 150 bytes of code per function).
func largeModule(n int) *wasm.Module {
	m := &wasm.Module{
		Types: []wasm.FuncType{{Params: []wasm.ValType{wasm.I32, wasm.I32}, Results: []wasm.ValType{wasm.I32}}},
		Mems:  []wasm.Memory{{Limits: wasm.Limits{Min: 1}}},
	}
	for i := 0; i < n; i++ {
		body := []wasm.Instr{
			wasm.Block(wasm.BlockType{}), wasm.Loop(wasm.BlockType{}),
			wasm.LocalGet(2), wasm.LocalGet(1), wasm.Simple(wasm.OpI32GeU), wasm.BrIf(1),
			wasm.LocalGet(2), {Op: wasm.OpI32Load, Align: 2, Offset: 16},
			wasm.LocalGet(0), wasm.Simple(wasm.OpI32Add), wasm.I32Const(int32(i)), wasm.Simple(wasm.OpI32Xor),
			wasm.LocalSet(3),
			wasm.LocalGet(2), wasm.LocalGet(3), {Op: wasm.OpI32Store, Align: 2},
			wasm.LocalGet(3), wasm.LocalGet(2), wasm.Call(uint32(i / 2)), wasm.LocalSet(3),
			wasm.LocalGet(2), wasm.I32Const(4), wasm.Simple(wasm.OpI32Add), wasm.LocalSet(2),
			{Op: wasm.OpF64Const, Const: 0x3ff0000000000000}, wasm.Simple(wasm.OpF64Sqrt), wasm.Simple(wasm.OpDrop),
			wasm.I64Const(1 << 40), wasm.I64Const(3), wasm.Simple(wasm.OpI64Mul), wasm.Simple(wasm.OpDrop),
			wasm.Br(0), wasm.End(), wasm.End(),
			wasm.LocalGet(3), wasm.I32Const(0), wasm.Simple(wasm.OpI32Eqz),
			wasm.If(wasm.ValueBlock(wasm.I32)), wasm.I32Const(1), {Op: wasm.OpElse}, wasm.I32Const(2), wasm.End(),
			wasm.Simple(wasm.OpI32Add),
			wasm.End(),
		}
		m.Funcs = append(m.Funcs, wasm.Func{Locals: []wasm.ValType{wasm.I32, wasm.I32}, Body: body})
	}
	return m
}

// TestDecodeSpeed: a module of a few megabytes decodes and validates in well under a second.
func TestDecodeSpeed(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	b, err := Encode(largeModule(40000))
	if err != nil {
		t.Fatal(err)
	}
	// The machine is shared (load average above 10 is common), so wall time says little; the
	// process CPU time (all threads, GC included) is the figure of record.
	bestWall, bestCPU := time.Hour, time.Hour
	for i := 0; i < 3; i++ {
		cpu0, wall0 := cpuTime(), time.Now()
		if _, err := Decode(b); err != nil {
			t.Fatal(err)
		}
		bestWall, bestCPU = min(bestWall, time.Since(wall0)), min(bestCPU, cpuTime()-cpu0)
	}
	t.Logf("decode+validate of %.1f MB: %v CPU, %v wall (best of 3)", float64(len(b))/1e6, bestCPU, bestWall)
	if bestCPU > time.Second {
		t.Errorf("decode took %v of CPU", bestCPU)
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkDecode(b *testing.B) {
	bin, err := Encode(largeModule(10000))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(bin)))
	for b.Loop() {
		if _, err := Decode(bin); err != nil {
			b.Fatal(err)
		}
	}
}
