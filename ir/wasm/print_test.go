package wasm

import (
	"math"
	"strings"
	"testing"
)

// sample is a module exercising every printed form; wat2wasm acceptance of the printer's output
// is tested in backend/wasm (which can decode the result).
func sample() *Module {
	start := uint32(1)
	return &Module{
		Types: []FuncType{{Params: []ValType{I32}, Results: []ValType{I32}}, {}, {Params: []ValType{I32}, Results: []ValType{I32, I64}}},
		Imports: []Import{
			{Module: "env", Name: "f", Kind: ExternFunc, TypeIdx: 0, DebugName: "imported"},
			{Module: "env", Name: "g", Kind: ExternGlobal, Global: GlobalType{Type: I64}},
			{Module: "env", Name: "m\x00\"q", Kind: ExternMemory, Memory: Memory{Limits: Limits{Min: 1, Max: 3, HasMax: true}}},
		},
		Funcs: []Func{
			{TypeIdx: 1, Name: "start", Body: []Instr{{Op: OpNop}, End()}},
			{TypeIdx: 2, Name: "has space", Locals: []ValType{F32, F64, ExternRef}, Body: []Instr{
				Block(BlockType{Kind: BlockTypeIndex, TypeIdx: 0}), LocalGet(0), End(),
				Loop(ValueBlock(F32)), {Op: OpF32Const, Const: 0x7fa00001}, End(), {Op: OpDrop},
				{Op: OpF64Const, Const: 0xfff8000000000001}, {Op: OpDrop},
				{Op: OpF64Const, Const: math.Float64bits(0.1)}, {Op: OpDrop},
				{Op: OpF32Const, Const: 0x80000000}, {Op: OpDrop},
				{Op: OpF32Const, Const: 0xff800000}, {Op: OpDrop},
				I32Const(-5), If(BlockType{}), {Op: OpElse}, End(),
				{Op: OpI64Load32U, Align: 1, Offset: 4096}, {Op: OpDrop},
				I32Const(0), BrTable([]uint32{0, 0}, 0),
				I64Const(math.MinInt64),
				End(),
			}},
		},
		Tables:  []Table{{Elem: FuncRef, Limits: Limits{Min: 2}}},
		Globals: []Global{{Type: GlobalType{Type: I32, Mutable: true}, Init: []Instr{I32Const(7), End()}, Name: "sp"}},
		Exports: []Export{{Name: "main", Kind: ExternFunc, Index: 2}},
		Start:   &start,
		Elems: []Elem{
			{Mode: ElemActive, Type: FuncRef, Offset: []Instr{I32Const(0), End()}, Init: [][]Instr{{{Op: OpRefFunc, Index: 1}, End()}}},
			{Mode: ElemPassive, Type: FuncRef, Exprs: true, Init: [][]Instr{{{Op: OpRefNull, RefType: FuncRef}, End()}}},
			{Mode: ElemDeclarative, Type: FuncRef, Init: [][]Instr{{{Op: OpRefFunc, Index: 2}, End()}}},
		},
		Datas: []Data{{Mode: DataActive, Offset: []Instr{I32Const(8), End()}, Bytes: []byte("a\x00\xff\\")}, {Mode: DataPassive, Bytes: []byte{}}},
	}
}

func printed(m *Module, fn string) string {
	var sb strings.Builder
	Print(&sb, m, fn)
	return sb.String()
}

func TestPrintReadPrint(t *testing.T) {
	text := printed(sample(), "")
	m, err := Read(text)
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	if again := printed(m, ""); again != text {
		t.Fatalf("print(read(print(m))) != print(m)\n--- first\n%s--- second\n%s", text, again)
	}
	for _, want := range []string{
		"f32.const nan:0x200001", "f64.const -nan:0x8000000000001", "f32.const -0x0p+00", "f32.const -inf",
		"f64.const 0x1.999999999999ap-04", "i64.load32_u offset=4096 align=2", "br_table 0 0 0",
		"(func $imported (;0;) (type 0))", "(func $start (;1;)", "(func (;2;) (type 2) (param i32) (result i32 i64)",
		"(global $sp (;1;) (mut i32) (i32.const 7))", `"m\00\22q"`, `"a\00\ff\5c"`,
		"block (type 0)", "(elem (;1;) funcref (item ref.null func))", "(elem (;2;) declare func 2)",
		"i64.const -9223372036854775808",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("printed text lacks %q:\n%s", want, text)
		}
	}
	// Everything the printer shows comes back: floats bit for bit, names, data bytes.
	got := m.Funcs[1].Body
	want := sample().Funcs[1].Body
	for i := range want {
		if got[i].Op != want[i].Op || got[i].Const != want[i].Const || got[i].Align != want[i].Align || got[i].Offset != want[i].Offset {
			t.Errorf("instr %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	if m.Funcs[1].Name != "" || m.Imports[0].DebugName != "imported" || string(m.Datas[0].Bytes) != "a\x00\xff\\" {
		t.Errorf("names or bytes not read back: %q %q %q", m.Funcs[1].Name, m.Imports[0].DebugName, m.Datas[0].Bytes)
	}
}

func TestPrintFunctionFilter(t *testing.T) {
	m := sample()
	if got := printed(m, "start"); !strings.HasPrefix(got, "  (func $start (;1;)") || strings.Contains(got, "(module") {
		t.Fatalf("filter by name:\n%s", got)
	}
	if got := printed(m, "2"); !strings.HasPrefix(got, "  (func (;2;)") {
		t.Fatalf("filter by index:\n%s", got)
	}
	var sb strings.Builder
	Family.Print(&sb, m, "nothing")
	if sb.Len() != 0 {
		t.Fatalf("unknown function printed %q", sb.String())
	}
}

func TestFloatText(t *testing.T) {
	for _, bits := range []uint32{0, 0x80000000, 1, 0x7f7fffff, 0x7fc00000, 0xffc00000, 0x7f800001, 0x3f800000} {
		m := &Module{Funcs: []Func{{Body: []Instr{{Op: OpF32Const, Const: uint64(bits)}, End()}}}, Types: []FuncType{{}}}
		back, err := Read(printed(m, ""))
		if err != nil || uint32(back.Funcs[0].Body[0].Const) != bits {
			t.Errorf("f32 %#x: %v -> %#x", bits, err, back.Funcs[0].Body[0].Const)
		}
	}
	for _, bits := range []uint64{0, 1 << 63, 1, 0x7fefffffffffffff, 0x7ff8000000000000, 0x7ff0000000000001, 0x3ff0000000000000} {
		m := &Module{Funcs: []Func{{Body: []Instr{{Op: OpF64Const, Const: bits}, End()}}}, Types: []FuncType{{}}}
		back, err := Read(printed(m, ""))
		if err != nil || back.Funcs[0].Body[0].Const != bits {
			t.Errorf("f64 %#x: %v -> %#x", bits, err, back.Funcs[0].Body[0].Const)
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"(module (func (type 0) i32.bogus))", "line 1: unknown instruction \"i32.bogus\""},
		{"(module\n (frob))", "line 2: unknown module field \"frob\""},
		{"(module (data \"\\zz\"))", "bad escape"},
		{"(module", "unexpected end of text"},
	} {
		_, err := Read(c.text)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.text, err, c.want)
		}
	}
}
