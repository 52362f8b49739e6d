package arm64

import (
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"cot/internal/spectest"
	"cot/ir/wasm"
)

// ttfFeatures are the proposals cot implements (Wasm 2.0 without SIMD and reference types).
var ttfFeatures = []string{"--mvp-features", "--enable-sign-ext", "--enable-nontrapping-float-to-int",
	"--enable-bulk-memory", "--enable-mutable-globals", "--enable-multivalue"}

// logImports maps binaryen's fuzzing imports to the harness's printing functions.
var logImports = map[string]string{"log-i32": "result_i32", "log-i64": "result_i64", "log-f32": "result_f32", "log-f64": "result_f64"}

// fuzzModule makes a module from n random bytes of seed with `wasm-opt -ttf`; its files are
// named by the seed so that workers can share dir.
func fuzzModule(dir string, seed int64, n int) ([]byte, error) {
	in := filepath.Join(dir, fmt.Sprintf("%d.bin", seed))
	out := filepath.Join(dir, fmt.Sprintf("%d.wasm", seed))
	defer os.Remove(in)
	defer os.Remove(out)
	b := make([]byte, n)
	rand.New(rand.NewSource(seed)).Read(b)
	if err := os.WriteFile(in, b, 0o644); err != nil {
		return nil, err
	}
	args := append([]string{"-ttf", in, "--denan", "-o", out}, ttfFeatures...)
	if msg, err := exec.Command("wasm-opt", args...).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("wasm-opt %v: %v\n%s", args, err, msg)
	}
	return os.ReadFile(out)
}

// fuzzHarness turns a fuzz module into harness invocations: the log imports become the
// harness's result_* imports, each exported function gets a parameterless wrapper, and (if hash)
// `fuzz_memhash` hashes the memory after each call. ok is false for modules with other imports.
func fuzzHarness(m *wasm.Module, hash bool) (h *wasm.Module, invs []spectest.Invocation, ok bool) {
	for i, im := range m.Imports {
		name, known := logImports[im.Name]
		if im.Module != "fuzzing-support" || !known {
			return nil, nil, false
		}
		m.Imports[i].Module, m.Imports[i].Name = "cot_harness", name
	}
	nimp := uint32(m.NumImported(wasm.ExternFunc))
	addFunc := func(name string, sig wasm.FuncType, locals []wasm.ValType, body []wasm.Instr) {
		m.Types = append(m.Types, sig)
		m.Funcs = append(m.Funcs, wasm.Func{TypeIdx: uint32(len(m.Types) - 1), Locals: locals, Body: body, Name: name})
		m.Exports = append(m.Exports, wasm.Export{Name: name, Kind: wasm.ExternFunc, Index: nimp + uint32(len(m.Funcs)-1)})
	}
	hasMem := hash && (len(m.Mems) > 0 || m.NumImported(wasm.ExternMemory) > 0)
	if hasMem {
		addFunc("fuzz_memhash", wasm.FuncType{Results: []wasm.ValType{wasm.I64}}, []wasm.ValType{wasm.I32, wasm.I64}, memHashBody())
	}
	exports := append([]wasm.Export(nil), m.Exports...)
	for k, e := range exports {
		if e.Kind != wasm.ExternFunc || strings.HasPrefix(e.Name, "fuzz_") {
			continue
		}
		sig := m.FuncTypeOf(e.Index)
		var body []wasm.Instr
		for j, p := range sig.Params {
			c, okc := fuzzArg(p, k*7+j)
			if !okc {
				return nil, nil, false
			}
			body = append(body, c)
		}
		body = append(body, wasm.Call(e.Index), wasm.End())
		name := fmt.Sprintf("fuzz_call_%d", k)
		addFunc(name, wasm.FuncType{Results: sig.Results}, nil, body)
		invs = append(invs, spectest.Invocation{Field: name, Results: sig.Results, Replay: true})
		if hasMem {
			invs = append(invs, spectest.Invocation{Field: "fuzz_memhash", Results: []wasm.ValType{wasm.I64}, Replay: true})
		}
	}
	h, err := spectest.BuildHarness(m, invs)
	if err != nil {
		return nil, nil, false
	}
	return h, invs, true
}

// fuzzArg is argument j's fixed value: small, edge and large values in turn.
func fuzzArg(t wasm.ValType, j int) (wasm.Instr, bool) {
	ints := []int64{0, 1, -1, 7, 1 << 31, 0x7fffffff, 65536, -65537}
	v := ints[j%len(ints)]
	switch t {
	case wasm.I32:
		return wasm.I32Const(int32(v)), true
	case wasm.I64:
		return wasm.I64Const(v * 0x100000001), true
	case wasm.F32:
		return wasm.Instr{Op: wasm.OpF32Const, Const: uint64(0x3fc00000 + uint32(j))}, true
	case wasm.F64:
		return wasm.Instr{Op: wasm.OpF64Const, Const: 0x4009000000000000 + uint64(j)}, true
	}
	return wasm.Instr{}, false
}

// memHashBody hashes the whole memory, 64 bytes an iteration (binaryen's modules have 16 pages,
// hashed after every call: the hash is most of what a module executes, so it is unrolled):
//
//	for i = 0; i < memory.size<<16; i += 64 { for k in 0..7: h = (h ^ i64.load(i+8k)) * prime }
func memHashBody() []wasm.Instr {
	body := []wasm.Instr{wasm.Block(wasm.BlockType{}), wasm.Loop(wasm.BlockType{}),
		wasm.LocalGet(0), wasm.Instr{Op: wasm.OpMemorySize}, wasm.I32Const(16), wasm.Simple(wasm.OpI32Shl),
		wasm.Simple(wasm.OpI32GeU), wasm.BrIf(1), wasm.LocalGet(1)}
	for k := uint64(0); k < 8; k++ {
		body = append(body, wasm.LocalGet(0), wasm.Instr{Op: wasm.OpI64Load, Align: 3, Offset: 8 * k},
			wasm.Simple(wasm.OpI64Xor), wasm.I64Const(0x100000001b3), wasm.Simple(wasm.OpI64Mul))
	}
	return append(body, wasm.LocalSet(1),
		wasm.LocalGet(0), wasm.I32Const(64), wasm.Simple(wasm.OpI32Add), wasm.LocalSet(0), wasm.Br(0),
		wasm.End(), wasm.End(), wasm.LocalGet(1), wasm.End())
}
