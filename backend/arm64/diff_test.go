package arm64

import (
	"context"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/tetratelabs/wazero"

	bwasm "cot/backend/wasm"
	"cot/ir/wasm"
)

// Differential tests: every numeric and memory opcode, on edge-case arguments, run in wazero and
// natively (through the harness of spec_test.go); results must agree bit for bit (any NaN
// matches any NaN, as the spec allows nondeterministic NaN payloads), and traps must agree.

var edgeI32 = []uint64{0, 1, 2, 7, 31, 32, 33, 0x80, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFF9}
var edgeI64 = []uint64{0, 1, 7, 63, 64, 65, 0x7FFFFFFFFFFFFFFF, 0x8000000000000000, 0xFFFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFF9, 0x100000000, 0xFFFFFFFF}

func f32s(fs ...float32) []uint64 {
	var out []uint64
	for _, f := range fs {
		out = append(out, uint64(math.Float32bits(f)))
	}
	return out
}

func f64s(fs ...float64) []uint64 {
	var out []uint64
	for _, f := range fs {
		out = append(out, math.Float64bits(f))
	}
	return out
}

var edgeF32 = append(f32s(0, float32(math.Copysign(0, -1)), 1, -1, 0.5, 1.5, 2.5, -2.5, 3.7, float32(math.Inf(1)), float32(math.Inf(-1)),
	2147483648, -2147483648, 4294967296, 9.223372e18, -9.223373e18, 1.8446744e19, -0.9, math.MaxFloat32, math.SmallestNonzeroFloat32),
	0x7FC00000, 0xFFC00000, 0x7FA00001, 0x00000001)

var edgeF64 = append(f64s(0, math.Copysign(0, -1), 1, -1, 0.5, 1.5, 2.5, -2.5, 3.7, math.Inf(1), math.Inf(-1),
	2147483647.9, 2147483648, -2147483648.9, -2147483649, 4294967295.5, 4294967296, 9.223372036854775e18, -9.223372036854777e18,
	1.8446744073709552e19, -0.99, math.MaxFloat64, math.SmallestNonzeroFloat64),
	0x7FF8000000000000, 0xFFF8000000000000, 0x7FF4000000000001)

func edges(t wasm.ValType) []uint64 {
	switch t {
	case wasm.I32:
		return edgeI32
	case wasm.I64:
		return edgeI64
	case wasm.F32:
		return edgeF32
	}
	return edgeF64
}

// opsInRange lists the numeric opcodes lo..hi (inclusive) with their signatures.
type diffFunc struct {
	name   string
	params []wasm.ValType
	result wasm.ValType
	body   []wasm.Instr
}

func numericFuncs() []diffFunc {
	var out []diffFunc
	add := func(op wasm.Op) {
		name := op.String()
		dot := strings.IndexByte(name, '.')
		res := map[string]wasm.ValType{"i32": wasm.I32, "i64": wasm.I64, "f32": wasm.F32, "f64": wasm.F64}[name[:dot]]
		arg := res
		for _, s := range []string{"i32", "i64", "f32", "f64"} {
			if strings.Contains(name[dot:], "_"+s) {
				arg = map[string]wasm.ValType{"i32": wasm.I32, "i64": wasm.I64, "f32": wasm.F32, "f64": wasm.F64}[s]
			}
		}
		n := 2
		if strings.Contains(name, "eqz") || strings.Contains(name, "_") && !strings.Contains(name, "_s") && !strings.Contains(name, "_u") ||
			op >= wasm.OpI32Clz && op <= wasm.OpI32Popcnt || op >= wasm.OpI64Clz && op <= wasm.OpI64Popcnt ||
			op >= wasm.OpF32Abs && op <= wasm.OpF32Sqrt || op >= wasm.OpF64Abs && op <= wasm.OpF64Sqrt ||
			op >= wasm.OpI32WrapI64 || strings.HasSuffix(name, "eqz") {
			n = 1
		}
		if op >= wasm.OpI32Eq && op <= wasm.OpF64Ge && op != wasm.OpI64Eqz {
			res = wasm.I32
		}
		if op == wasm.OpI64Eqz {
			res, arg = wasm.I32, wasm.I64
		}
		if op >= wasm.OpI32DivS && op <= wasm.OpI32RemU || op >= wasm.OpI64DivS && op <= wasm.OpI64RemU ||
			op >= wasm.OpI32LtS && op <= wasm.OpI32GeU || op >= wasm.OpI64LtS && op <= wasm.OpI64GeU ||
			op == wasm.OpI32ShrS || op == wasm.OpI32ShrU || op == wasm.OpI64ShrS || op == wasm.OpI64ShrU {
			n = 2
		}
		f := diffFunc{name: name, result: res}
		for i := 0; i < n; i++ {
			f.params = append(f.params, arg)
			f.body = append(f.body, wasm.LocalGet(uint32(i)))
		}
		f.body = append(f.body, wasm.Simple(op), wasm.End())
		out = append(out, f)
	}
	for op := wasm.OpI32Eqz; op <= wasm.OpI64Extend32S; op++ {
		add(op)
	}
	for op := wasm.OpI32TruncSatF32S; op <= wasm.OpI64TruncSatF64U; op++ {
		add(op)
	}
	return out
}

// runDifferential compiles funcs into one module (plus extra module parts), computes every
// expectation in wazero and checks the native results.
func runDifferential(t *testing.T, name string, funcs []diffFunc, base *wasm.Module, argSets func(diffFunc) [][]uint64) {
	m := base
	var cmds []specCommand
	for i, f := range funcs {
		m.Types = append(m.Types, wasm.FuncType{Params: f.params, Results: []wasm.ValType{f.result}})
		m.Funcs = append(m.Funcs, wasm.Func{TypeIdx: uint32(len(m.Types) - 1), Body: f.body})
		m.Exports = append(m.Exports, wasm.Export{Name: "f" + strconv.Itoa(i), Kind: wasm.ExternFunc,
			Index: uint32(m.NumImported(wasm.ExternFunc) + len(m.Funcs) - 1)})
	}
	b, err := bwasm.Encode(m)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	rtm := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigInterpreter())
	defer rtm.Close(ctx)
	inst, err := rtm.Instantiate(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range funcs {
		for _, args := range argSets(f) {
			c := specCommand{Type: "assert_return", Line: i}
			c.Action.Type, c.Action.Field = "invoke", "f"+strconv.Itoa(i)
			for k, a := range args {
				c.Action.Args = append(c.Action.Args, specValue{Type: f.params[k].String(), Value: strconv.FormatUint(a, 10)})
			}
			res, err := inst.ExportedFunction(c.Action.Field).Call(ctx, args...)
			if err != nil {
				msg := strings.TrimPrefix(strings.SplitN(err.Error(), "\n", 2)[0], "wasm error: ")
				c.Type, c.Text = "assert_trap", msg
			} else {
				v := res[0]
				if f.result == wasm.I32 || f.result == wasm.F32 {
					v &= 0xFFFFFFFF
				}
				val := strconv.FormatUint(v, 10)
				if f.result == wasm.F32 && math.IsNaN(float64(math.Float32frombits(uint32(v)))) ||
					f.result == wasm.F64 && math.IsNaN(math.Float64frombits(v)) {
					val = "nan:any"
				}
				c.Expected = []specValue{{Type: f.result.String(), Value: val}}
			}
			cmds = append(cmds, c)
		}
	}
	st := runSpecModule(t, name, base, cmds)
	if testing.Verbose() || st.fail > 0 {
		t.Logf("%s: %d checks passed, %d failed", name, st.pass, st.fail)
	}
	if st.fail > 0 || st.pass == 0 {
		t.Fail()
	}
}

func allArgs(f diffFunc) [][]uint64 {
	if len(f.params) == 1 {
		var out [][]uint64
		for _, a := range edges(f.params[0]) {
			out = append(out, []uint64{a})
		}
		return out
	}
	var out [][]uint64
	for _, a := range edges(f.params[0]) {
		for _, b := range edges(f.params[1]) {
			out = append(out, []uint64{a, b})
		}
	}
	return out
}

func TestDifferentialNumeric(t *testing.T) {
	needTools(t)
	if testing.Short() {
		t.Skip("long")
	}
	for _, f := range numericFuncs() {
		runDifferential(t, f.name, []diffFunc{f}, &wasm.Module{}, allArgs)
	}
}

func TestDifferentialMemory(t *testing.T) {
	needTools(t)
	var funcs []diffFunc
	for op := wasm.OpI32Load; op <= wasm.OpI64Load32U; op++ {
		rt := wasm.I32
		name := op.String()
		switch name[:3] {
		case "i64":
			rt = wasm.I64
		case "f32":
			rt = wasm.F32
		case "f64":
			rt = wasm.F64
		}
		for _, off := range []uint64{0, 3, 65535, 0xFFFFFFFF} {
			funcs = append(funcs, diffFunc{name: name, params: []wasm.ValType{wasm.I32}, result: rt,
				body: []wasm.Instr{wasm.LocalGet(0), {Op: op, Offset: off}, wasm.End()}})
		}
	}
	m := &wasm.Module{Mems: []wasm.Memory{{Limits: wasm.Limits{Min: 1, Max: 2, HasMax: true}}},
		Datas: []wasm.Data{
			{Mode: wasm.DataActive, Offset: []wasm.Instr{wasm.I32Const(0), wasm.End()}, Bytes: []byte{0x81, 0x92, 0xA3, 0xB4, 0xC5, 0xD6, 0xE7, 0xF8, 9, 10, 11}},
			{Mode: wasm.DataActive, Offset: []wasm.Instr{wasm.I32Const(65520), wasm.End()}, Bytes: []byte{1, 2, 3, 4, 5, 6, 7, 8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF, 0x80}}}}
	addrs := []uint64{0, 1, 65528, 65532, 65534, 65535, 65536, 0xFFFFFFFF, 0xFFFFFFFC}
	runDifferential(t, "memory", funcs, m, func(diffFunc) [][]uint64 {
		var out [][]uint64
		for _, a := range addrs {
			out = append(out, []uint64{a})
		}
		return out
	})
}

// TestDifferentialConstantFolding runs the integer operations on constant operands, which
// optimize-constants folds at compile time, against wazero.
func TestDifferentialConstantFolding(t *testing.T) {
	needTools(t)
	if testing.Short() {
		t.Skip("long")
	}
	for _, f := range numericFuncs() {
		if f.params[0] != wasm.I32 && f.params[0] != wasm.I64 || f.result != wasm.I32 && f.result != wasm.I64 ||
			strings.Contains(f.name, "div") || strings.Contains(f.name, "rem") {
			continue
		}
		var funcs []diffFunc
		for _, args := range allArgs(f) {
			g := diffFunc{name: f.name, result: f.result}
			for k, a := range args {
				if f.params[k] == wasm.I32 {
					g.body = append(g.body, wasm.I32Const(int32(uint32(a))))
				} else {
					g.body = append(g.body, wasm.I64Const(int64(a)))
				}
			}
			g.body = append(g.body, f.body[len(f.body)-2:]...)
			funcs = append(funcs, g)
		}
		runDifferential(t, f.name+"(const)", funcs, &wasm.Module{}, func(diffFunc) [][]uint64 { return [][]uint64{{}} })
	}
}
