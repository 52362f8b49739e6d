package arm64

import (
	"fmt"

	"cot/ir/mir"
	"cot/ir/wasm"
)

// defaultMaxPages is the memory reservation when the module's memory has no maximum.
const defaultMaxPages = 65536

// The limits of spectest's memory and table (docs/arm64-abi.md).
var (
	spectestMemory = wasm.Limits{Min: 1, Max: 2, HasMax: true}
	spectestTable  = wasm.Limits{Min: 10, Max: 20, HasMax: true}
)

// constI32 evaluates a constant offset expression (i32.const, or global.get of an imported
// global, whose value the backend provides).
func (l *moduleLayout) constI32(expr []wasm.Instr) uint32 {
	in := expr[0]
	switch in.Op {
	case wasm.OpI32Const:
		return uint32(in.Const)
	case wasm.OpGlobalGet:
		return uint32(l.globalInit(int(in.Index)))
	}
	panic(fmt.Sprintf("module init: unsupported constant expression %s", in.Op))
}

// memoryLimits returns the memory of the module (defined or imported), if any.
func (l *moduleLayout) memoryLimits() (wasm.Limits, bool) {
	for _, im := range l.m.Imports {
		if im.Kind == wasm.ExternMemory {
			return spectestMemory, true
		}
	}
	if len(l.m.Mems) > 0 {
		return l.m.Mems[0].Limits, true
	}
	return wasm.Limits{}, false
}

// moduleInitFunc builds cot_module_init: set x25, reserve the memory, apply the active element
// segments then the active data segments (each dropped afterwards), call the start function.
func moduleInitFunc(l *moduleLayout) *mir.Func {
	h := newHelper("cot_module_init", 1)
	h.i(mir.Instr{Op: mir.ADRP, Rd: mir.Ctx, Sym: moduleDataSym}).i(mir.Instr{Op: mir.ADDLO, Rd: mir.Ctx, Rn: mir.Ctx, Sym: moduleDataSym})
	call := func(sym string, n int) {
		var uses []mir.Reg
		for i := 0; i < n; i++ {
			uses = append(uses, mir.Reg(i))
		}
		h.i(mir.Instr{Op: mir.BL, Sym: sym, Uses: uses})
	}
	set := func(r mir.Reg, v uint64) {
		for _, in := range constInto(r, v) {
			h.i(*in)
		}
	}
	addr := func(r mir.Reg, sym string) {
		h.i(mir.Instr{Op: mir.ADRP, Rd: r, Sym: sym}).i(mir.Instr{Op: mir.ADDLO, Rd: r, Rn: r, Sym: sym})
	}
	ctxAddr := func(r mir.Reg, off int64) {
		set(r, uint64(off))
		h.add(r, mir.Ctx, r)
	}
	if lim, ok := l.memoryLimits(); ok {
		max := uint64(defaultMaxPages)
		if lim.HasMax {
			max = uint64(lim.Max)
		}
		set(0, uint64(lim.Min))
		set(1, max)
		call("cot_rt_memory_init", 2)
	}
	for i, e := range l.m.Elems {
		if e.Mode != wasm.ElemActive {
			continue
		}
		addr(0, tableSym(int(e.Table)))
		ctxAddr(1, l.tableSizeOff(int(e.Table)))
		addr(2, elemSym(i))
		ctxAddr(3, l.elemLenOff(i))
		set(4, uint64(l.constI32(e.Offset)))
		set(5, 0)
		set(6, uint64(len(e.Init)))
		call(helperTableInit, 7)
		ctxAddr(3, l.elemLenOff(i))
		h.st(mir.X, mir.ZR, 3, 0)
	}
	for i, d := range l.m.Datas {
		if d.Mode != wasm.DataActive {
			continue
		}
		set(0, uint64(l.constI32(d.Offset)))
		set(1, 0)
		set(2, uint64(len(d.Bytes)))
		addr(3, dataSym(i))
		ctxAddr(4, l.dataLenOff(i))
		call(helperMemoryInit, 5)
		ctxAddr(4, l.dataLenOff(i))
		h.st(mir.X, mir.ZR, 4, 0)
	}
	if l.m.Start != nil {
		call(l.funcSyms[*l.m.Start], 0)
	}
	h.ret()
	return h.f
}

// moduleMainFunc builds cot_module_main: call the exported _start function, if any.
func moduleMainFunc(l *moduleLayout) *mir.Func {
	h := newHelper("cot_module_main", 1)
	for _, ex := range l.m.Exports {
		if ex.Kind == wasm.ExternFunc && ex.Name == "_start" {
			h.i(mir.Instr{Op: mir.BL, Sym: l.funcSyms[ex.Index]})
		}
	}
	h.ret()
	return h.f
}
