package verify

import (
	"strings"
	"testing"

	"cot/ir/wasm"
)

// fn builds a module with one function of type params -> results and the given body (End is
// appended), plus whatever extra parts mod adds.
func fn(params, results []wasm.ValType, locals []wasm.ValType, body ...wasm.Instr) *wasm.Module {
	return &wasm.Module{
		Types: []wasm.FuncType{{Params: params, Results: results}},
		Funcs: []wasm.Func{{Locals: locals, Body: append(body, wasm.End())}},
	}
}

var (
	i32  = []wasm.ValType{wasm.I32}
	none []wasm.ValType
)

func with(m *wasm.Module, edit func(*wasm.Module)) *wasm.Module {
	edit(m)
	return m
}

func TestWasmNegative(t *testing.T) {
	mem := func(m *wasm.Module) { m.Mems = []wasm.Memory{{Limits: wasm.Limits{Min: 1}}} }
	cases := []struct {
		name string
		m    *wasm.Module
		want string
	}{
		{"result type", fn(none, i32, none, wasm.I64Const(1)), "func 0 instr 1: type mismatch: expected i32, got i64"},
		{"empty stack", fn(none, none, none, wasm.Simple(wasm.OpI32Eqz)), "type mismatch: operand stack empty"},
		{"unknown local", fn(i32, none, i32, wasm.LocalGet(3), wasm.Simple(wasm.OpDrop)), "unknown local 3"},
		{"unknown function", fn(none, none, none, wasm.Call(5)), "unknown function 5"},
		{"unknown memory", fn(none, none, none, wasm.I32Const(0), wasm.Instr{Op: wasm.OpI32Load, Align: 2}, wasm.Simple(wasm.OpDrop)), "unknown memory 0"},
		{"unknown table", fn(none, none, none, wasm.I32Const(0), wasm.Instr{Op: wasm.OpCallIndirect}), "unknown table 0"},
		{"unknown global", fn(none, none, none, wasm.GlobalGet(2), wasm.Simple(wasm.OpDrop)), "unknown global 2"},
		{"unknown block type", fn(none, none, none, wasm.Block(wasm.BlockType{Kind: wasm.BlockTypeIndex, TypeIdx: 9}), wasm.End()), "unknown type 9"},
		{"unknown label", fn(none, none, none, wasm.Br(1)), "unknown label 1"},
		{"immutable global", with(fn(none, none, none, wasm.I32Const(1), wasm.GlobalSet(0)), func(m *wasm.Module) {
			m.Globals = []wasm.Global{{Type: wasm.GlobalType{Type: wasm.I32}, Init: []wasm.Instr{wasm.I32Const(0), wasm.End()}}}
		}), "global is immutable"},
		{"alignment", with(fn(none, none, none, wasm.I32Const(0), wasm.Instr{Op: wasm.OpI32Load8U, Align: 1}, wasm.Simple(wasm.OpDrop)), mem),
			"alignment must not be larger than natural"},
		{"duplicate export", with(fn(none, none, none), func(m *wasm.Module) {
			m.Exports = []wasm.Export{{Name: "f"}, {Name: "f"}}
		}), `duplicate export name "f"`},
		{"export index", with(fn(none, none, none), func(m *wasm.Module) {
			m.Exports = []wasm.Export{{Name: "g", Kind: wasm.ExternGlobal}}
		}), "unknown global 0"},
		{"multiple memories", with(fn(none, none, none), func(m *wasm.Module) {
			m.Mems = []wasm.Memory{{}, {}}
		}), "multiple memories"},
		{"memory size", with(fn(none, none, none), func(m *wasm.Module) {
			m.Mems = []wasm.Memory{{Limits: wasm.Limits{Min: 65537}}}
		}), "memory size must be at most 65536 pages (4GiB)"},
		{"limits", with(fn(none, none, none), func(m *wasm.Module) {
			m.Tables = []wasm.Table{{Elem: wasm.FuncRef, Limits: wasm.Limits{Min: 2, Max: 1, HasMax: true}}}
		}), "size minimum must not be greater than maximum"},
		{"constant expression", with(fn(none, none, none), func(m *wasm.Module) {
			m.Globals = []wasm.Global{{Type: wasm.GlobalType{Type: wasm.I32},
				Init: []wasm.Instr{wasm.I32Const(1), wasm.I32Const(2), wasm.Simple(wasm.OpI32Add), wasm.End()}}}
		}), "constant expression required"},
		{"const global.get of a defined global", with(fn(none, none, none), func(m *wasm.Module) {
			m.Globals = []wasm.Global{
				{Type: wasm.GlobalType{Type: wasm.I32}, Init: []wasm.Instr{wasm.I32Const(1), wasm.End()}},
				{Type: wasm.GlobalType{Type: wasm.I32}, Init: []wasm.Instr{wasm.GlobalGet(0), wasm.End()}}}
		}), "unknown global 0"},
		{"const type", with(fn(none, none, none), func(m *wasm.Module) {
			m.Globals = []wasm.Global{{Type: wasm.GlobalType{Type: wasm.I64}, Init: []wasm.Instr{wasm.I32Const(1), wasm.End()}}}
		}), "type mismatch: constant expression"},
		{"undeclared ref.func", fn(none, none, none, wasm.Instr{Op: wasm.OpRefFunc}, wasm.Simple(wasm.OpDrop)), "undeclared function reference"},
		{"unknown data segment", with(fn(none, none, none, wasm.Instr{Op: wasm.OpDataDrop}), mem), "unknown data segment 0"},
		{"unknown elem segment", fn(none, none, none, wasm.Instr{Op: wasm.OpElemDrop, Index: 2}), "unknown elem segment 2"},
		{"start function type", with(fn(i32, none, none), func(m *wasm.Module) {
			s := uint32(0)
			m.Start = &s
		}), "start function"},
		{"if without else", fn(none, i32, none, wasm.I32Const(1), wasm.If(wasm.ValueBlock(wasm.I32)), wasm.I32Const(2), wasm.End()),
			"if without else must have equal parameter and result types"},
		{"select of references", fn(none, none, none, wasm.Instr{Op: wasm.OpRefNull, RefType: wasm.FuncRef},
			wasm.Instr{Op: wasm.OpRefNull, RefType: wasm.FuncRef}, wasm.I32Const(1), wasm.Simple(wasm.OpSelect), wasm.Simple(wasm.OpDrop)),
			"select of reference types"},
		{"typed select arity", fn(none, none, none, wasm.I32Const(1), wasm.I32Const(1), wasm.I32Const(1),
			wasm.SelectT([]wasm.ValType{wasm.I32, wasm.I32})), "invalid result arity"},
		{"br_table arity", fn(none, none, none, wasm.Block(wasm.ValueBlock(wasm.I32)), wasm.I32Const(0), wasm.I32Const(0),
			wasm.BrTable([]uint32{0}, 1), wasm.End(), wasm.Simple(wasm.OpDrop)),
			"br_table targets of different arity"},
		{"values left at end", fn(none, none, none, wasm.I32Const(0)), "1 values left on the stack"},
		{"data count", with(fn(none, none, none), func(m *wasm.Module) {
			c := uint32(2)
			m.DataCount = &c
		}), "data count and data section have inconsistent lengths"},
		{"elem type", with(fn(none, none, none), func(m *wasm.Module) {
			m.Tables = []wasm.Table{{Elem: wasm.ExternRef}}
			m.Elems = []wasm.Elem{{Type: wasm.FuncRef, Offset: []wasm.Instr{wasm.I32Const(0), wasm.End()}}}
		}), "type mismatch: elem segment 0 of funcref in table of externref"},
		{"missing final end", &wasm.Module{Types: []wasm.FuncType{{}}, Funcs: []wasm.Func{{Body: []wasm.Instr{wasm.Simple(wasm.OpNop)}}}},
			"END opcode expected"},
		{"code after final end", &wasm.Module{Types: []wasm.FuncType{{}}, Funcs: []wasm.Func{{Body: []wasm.Instr{wasm.End(), wasm.Simple(wasm.OpNop)}}}},
			"unexpected instruction after the function's final end"},
		{"else without if", fn(none, none, none, wasm.Block(wasm.BlockType{}), wasm.Simple(wasm.OpElse), wasm.End()), "else without if"},
		{"v128", fn([]wasm.ValType{wasm.V128}, none, none), "malformed value type 0x7b"},
	}
	for _, c := range cases {
		errs := Wasm(nil, c.m)
		if len(errs) == 0 {
			t.Errorf("%s: no error, want %q", c.name, c.want)
			continue
		}
		if !strings.Contains(errs[0].Error(), c.want) {
			t.Errorf("%s: got %q, want %q", c.name, errs[0], c.want)
		}
	}
}

// TestWasmPolymorphicStack: code after unreachable, br and return is typed against the
// polymorphic stack, as the spec requires.
func TestWasmPolymorphicStack(t *testing.T) {
	valid := []*wasm.Module{
		fn(none, i32, none, wasm.Simple(wasm.OpUnreachable), wasm.Simple(wasm.OpI32Add)),
		fn(none, i32, none, wasm.I32Const(1), wasm.Simple(wasm.OpReturn), wasm.Simple(wasm.OpSelect)),
		fn(none, none, none, wasm.Block(wasm.ValueBlock(wasm.F64)), wasm.Block(wasm.ValueBlock(wasm.F32)),
			wasm.Simple(wasm.OpUnreachable), wasm.I32Const(1), wasm.BrTable([]uint32{0, 1}, 1),
			wasm.End(), wasm.Simple(wasm.OpDrop), wasm.Instr{Op: wasm.OpF64Const}, wasm.End(), wasm.Simple(wasm.OpDrop)),
	}
	for i, m := range valid {
		if errs := Wasm(nil, m); len(errs) > 0 {
			t.Errorf("module %d: %v", i, errs)
		}
	}
}

// TestWasmErrorLocation: errors name the function (index and name), the instruction index and,
// when the decoder recorded it, the byte offset.
func TestWasmErrorLocation(t *testing.T) {
	m := fn(none, none, none, wasm.Simple(wasm.OpNop), wasm.LocalGet(0))
	m.Imports = []wasm.Import{{Module: "m", Name: "f", Kind: wasm.ExternFunc}}
	m.Funcs[0].Name = "main"
	m.Funcs[0].Offsets = []uint32{0x40, 0x41, 0x43}
	errs := Wasm(nil, m)
	if len(errs) != 1 || errs[0].Error() != "wasm: func 1 (main) instr 1 @0x41: unknown local 0" {
		t.Fatalf("got %v", errs)
	}
	we := errs[0].(*WasmError)
	if we.Func != 1 || we.Instr != 1 || we.Offset != 0x41 {
		t.Fatalf("fields %+v", we)
	}
}

// TestWasmLanguage: LangFinal requires an explicit data count when memory.init is used;
// LangStructured leaves it to the encoder.
func TestWasmLanguage(t *testing.T) {
	m := fn(none, none, none, wasm.I32Const(0), wasm.I32Const(0), wasm.I32Const(0), wasm.Instr{Op: wasm.OpMemoryInit})
	m.Mems = []wasm.Memory{{}}
	m.Datas = []wasm.Data{{Mode: wasm.DataPassive}}
	if errs := Wasm(wasm.LangStructured, m); len(errs) != 0 {
		t.Fatalf("structured: %v", errs)
	}
	errs := Wasm(wasm.LangFinal, m)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "data count section required") {
		t.Fatalf("final: %v", errs)
	}
	if errs := wasm.Family.Verify(wasm.LangFinal, m); len(errs) != 1 {
		t.Fatalf("Family.Verify is not verify.Wasm: %v", errs)
	}
}

// TestWasmRuntimeLinked: imports of the runtime module are allowed before link-runtime only.
func TestWasmRuntimeLinked(t *testing.T) {
	m := fn(none, none, none)
	m.Imports = []wasm.Import{{Module: wasm.RuntimeModule, Name: "print_int", Kind: wasm.ExternFunc}}
	if errs := Wasm(wasm.LangStructured, m); len(errs) != 0 {
		t.Fatalf("structured: %v", errs)
	}
	errs := Wasm(wasm.LangFinal, m)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), `runtime import "cot_runtime" "print_int" is not linked`) {
		t.Fatalf("final: %v", errs)
	}
}
