package arm64

import (
	"bytes"
	"math/rand"
	"testing"

	"github.com/bytecodealliance/wasmtime-go/v25"

	bwasm "cot/backend/wasm"
	"cot/ir/wasm"
)

// The fuzzer's own module generator, for what binaryen's -ttf modules barely execute (a few
// hundred of their own instructions a module, see the mix TestFuzzDifferential logs): counted
// loops, nested, with breaks and continues; loads and stores of every width at addresses computed
// from loop counters; direct calls and calls through a table, inside loops, with arguments passed
// on the stack and several results now and then. A module runs tens of
// thousands of instructions, which is what register allocation across loops, bounds-check
// elimination and block layout need to be exercised.
//
// Modules are valid by construction and terminate: a loop's counter is incremented before its
// body (so a continue cannot skip it) and never assigned otherwise; a function calls only the
// functions defined before it (no recursion); a budget bounds each function's estimated dynamic
// instruction count. No float NaN is ever made (Wasm leaves NaN bits nondeterministic): the
// operations that can make one from non-NaN operands, and float loads and reinterpretations,
// have their result replaced by 0 when it is a NaN, as binaryen's --denan does.

// genImports are binaryen's fuzzing imports, which fuzzHarness maps to the harness's printers.
var genImports = []struct {
	name string
	t    wasm.ValType
}{{"log-i32", wasm.I32}, {"log-i64", wasm.I64}, {"log-f32", wasm.F32}, {"log-f64", wasm.F64}}

var genTypes = []wasm.ValType{wasm.I32, wasm.I64, wasm.F32, wasm.F64}

const (
	genBudget   = 40000 // estimated dynamic instructions of one function, calls included
	genMemPages = 1     // initial memory; it may grow to genMaxPages
	genMaxPages = 2
	// genAddressMask masks most addresses (see address): well inside the first page.
	genAddressMask = 0x7fff
)

type genFunc struct {
	sig  wasm.FuncType
	typ  uint32 // type index
	cost int64  // estimated dynamic instructions of one call
}

// genLabel is an enclosing block, if or loop; closed: no branch may target it (the label of a
// loop whose test is at its bottom: a continue would skip the increment).
type genLabel struct{ closed bool }

// gen builds one module; the fields from body on describe the function being generated.
type gen struct {
	r     *rand.Rand
	m     *wasm.Module
	funcs []genFunc
	slot  []int // table slot of each function

	body     []wasm.Instr
	locals   []wasm.ValType // parameters, then declared locals
	nparams  int
	results  []wasm.ValType
	counters map[uint32]bool // loop counters: read, never assigned by statements
	scratch  map[wasm.ValType]uint32
	labels   []genLabel
	mult     int64 // product of the trip counts of the enclosing loops
	cost     int64
	depth    int // statement nesting, bounded
}

// genModule returns a random module of seed.
func genModule(seed int64) *wasm.Module {
	g := &gen{r: rand.New(rand.NewSource(seed)), m: &wasm.Module{}}
	m := g.m
	for _, im := range genImports {
		m.Imports = append(m.Imports, wasm.Import{Module: "fuzzing-support", Name: im.name, Kind: wasm.ExternFunc,
			TypeIdx: g.typeIndex(wasm.FuncType{Params: []wasm.ValType{im.t}})})
	}
	m.Mems = []wasm.Memory{{Limits: wasm.Limits{Min: genMemPages, Max: genMaxPages, HasMax: true}}}
	for i := 0; i < 2+g.r.Intn(5); i++ {
		t := genTypes[g.r.Intn(4)]
		m.Globals = append(m.Globals, wasm.Global{Type: wasm.GlobalType{Type: t, Mutable: true},
			Init: []wasm.Instr{g.constant(t), wasm.End()}})
	}
	// Random bytes over the addresses the accesses mostly use (genAddressMask and the arrays
	// indexed by loop counters), so that a load's result depends on how it extends and how wide
	// it is (a load of zeros cannot tell).
	data := make([]byte, genAddressMask+1024)
	g.r.Read(data)
	m.Datas = []wasm.Data{{Mode: wasm.DataActive, Offset: []wasm.Instr{wasm.I32Const(0), wasm.End()}, Bytes: data}}
	// Few signatures, so that calls through the table often find functions of the right type.
	var sigs []wasm.FuncType
	for i := 0; i < 2+g.r.Intn(3); i++ {
		var sig wasm.FuncType
		// Mostly few parameters; now and then more than the 8 integer or 8 float argument
		// registers, so that some are passed on the stack.
		np, nr := g.r.Intn(4), 1
		if g.r.Intn(4) == 0 {
			np = 4 + g.r.Intn(16)
		}
		switch g.r.Intn(8) {
		case 0:
			nr = 0
		case 1:
			nr = 2 + g.r.Intn(3) // multi-value
		}
		for j := 0; j < np; j++ {
			sig.Params = append(sig.Params, genTypes[g.r.Intn(4)])
		}
		for j := 0; j < nr; j++ {
			sig.Results = append(sig.Results, genTypes[g.r.Intn(4)])
		}
		sigs = append(sigs, sig)
	}
	nimp := uint32(len(m.Imports))
	n := 3 + g.r.Intn(8)
	g.slot = g.r.Perm(n)
	for i := 0; i < n; i++ {
		sig := sigs[g.r.Intn(len(sigs))]
		f := g.function(sig)
		m.Funcs = append(m.Funcs, f)
		m.Exports = append(m.Exports, wasm.Export{Name: "f" + string(rune('a'+i)), Kind: wasm.ExternFunc, Index: nimp + uint32(i)})
	}
	// Every function in the table, in a shuffled order.
	items := make([][]wasm.Instr, n)
	for f, s := range g.slot {
		items[s] = []wasm.Instr{{Op: wasm.OpRefFunc, Index: nimp + uint32(f)}, wasm.End()}
	}
	m.Tables = []wasm.Table{{Elem: wasm.FuncRef, Limits: wasm.Limits{Min: uint32(n), Max: uint32(n), HasMax: true}}}
	m.Elems = []wasm.Elem{{Mode: wasm.ElemActive, Offset: []wasm.Instr{wasm.I32Const(0), wasm.End()}, Type: wasm.FuncRef, Init: items}}
	return m
}

func (g *gen) typeIndex(sig wasm.FuncType) uint32 {
	for i, t := range g.m.Types {
		if t.Equal(sig) {
			return uint32(i)
		}
	}
	g.m.Types = append(g.m.Types, sig)
	return uint32(len(g.m.Types) - 1)
}

// function generates the body of a function of signature sig; it may call the functions before it.
func (g *gen) function(sig wasm.FuncType) wasm.Func {
	g.body, g.labels, g.mult, g.cost, g.depth = nil, nil, 1, 0, 0
	g.locals = append([]wasm.ValType(nil), sig.Params...)
	g.nparams, g.results = len(sig.Params), sig.Results
	g.counters, g.scratch = map[uint32]bool{}, map[wasm.ValType]uint32{}
	for _, t := range genTypes {
		for k := g.r.Intn(3); k > 0; k-- {
			g.newLocal(t)
		}
	}
	for k := 2 + g.r.Intn(6); k > 0; k-- {
		g.stmt()
	}
	// Every local and global is printed before the function returns, so that a value computed
	// wrongly shows even when nothing else reads it.
	for l, t := range g.locals {
		if !g.isScratch(uint32(l)) {
			g.emit(wasm.LocalGet(uint32(l)), wasm.Call(uint32(t2i(t))))
		}
	}
	for gi, gl := range g.m.Globals {
		g.emit(wasm.GlobalGet(uint32(gi)), wasm.Call(uint32(t2i(gl.Type.Type))))
	}
	for _, t := range sig.Results {
		g.expr(t, 3)
	}
	g.emit(wasm.End())
	typ := g.typeIndex(sig)
	g.funcs = append(g.funcs, genFunc{sig: sig, typ: typ, cost: g.cost})
	return wasm.Func{TypeIdx: typ, Locals: append([]wasm.ValType(nil), g.locals[g.nparams:]...), Body: g.body}
}

func (g *gen) newLocal(t wasm.ValType) uint32 {
	g.locals = append(g.locals, t)
	return uint32(len(g.locals) - 1)
}

func (g *gen) emit(ins ...wasm.Instr) {
	g.body = append(g.body, ins...)
	g.cost += g.mult * int64(len(ins))
}

// room reports whether n more instructions, each run mult times, fit the budget.
func (g *gen) room(n int64) bool { return g.cost+g.mult*n <= genBudget }

// variable returns a local of type t, or false: never a scratch local (it may hold a NaN), and
// if assignable, not a loop counter.
func (g *gen) variable(t wasm.ValType, assignable bool) (uint32, bool) {
	var cands []uint32
	for i, lt := range g.locals {
		if lt != t || g.isScratch(uint32(i)) || (assignable && g.counters[uint32(i)]) {
			continue
		}
		cands = append(cands, uint32(i))
	}
	if len(cands) == 0 {
		return 0, false
	}
	return cands[g.r.Intn(len(cands))], true
}

func (g *gen) isScratch(l uint32) bool {
	for _, s := range g.scratch {
		if s == l {
			return true
		}
	}
	return false
}

// constant returns a constant of type t: edge values, small values or random bits (never a NaN).
func (g *gen) constant(t wasm.ValType) wasm.Instr {
	edges := []int64{0, 1, -1, 2, 7, 8, 31, 32, 63, 64, 255, 256, 0xffff, 1 << 31, -1 << 31, 1<<31 - 1, -1 << 63, 1<<63 - 1}
	var v int64
	switch g.r.Intn(3) {
	case 0:
		v = edges[g.r.Intn(len(edges))]
	case 1:
		v = int64(g.r.Intn(200) - 100)
	default:
		v = g.r.Int63() ^ int64(g.r.Intn(2))<<63
	}
	switch t {
	case wasm.I32:
		return wasm.I32Const(int32(v))
	case wasm.I64:
		return wasm.I64Const(v)
	case wasm.F32:
		floats := []uint32{0, 0x80000000, 0x3f800000, 0xbf800000, 0x7f800000, 0xff800000, 0x00000001, 0x7f7fffff, 0x4f000000, 0xcf000000, 0x3fc00000}
		bits := floats[g.r.Intn(len(floats))]
		if g.r.Intn(2) == 0 {
			bits = uint32(g.r.Intn(1 << 30)) // positive, finite
		}
		return wasm.Instr{Op: wasm.OpF32Const, Const: uint64(bits)}
	default:
		doubles := []uint64{0, 1 << 63, 0x3ff0000000000000, 0xbff0000000000000, 0x7ff0000000000000, 0xfff0000000000000,
			1, 0x7fefffffffffffff, 0x43e0000000000000, 0xc3e0000000000000, 0x41dfffffffc00000, 0x400921fb54442d18}
		bits := doubles[g.r.Intn(len(doubles))]
		if g.r.Intn(2) == 0 {
			bits = uint64(g.r.Int63n(0x7fe0000000000000)) // positive, finite
		}
		return wasm.Instr{Op: wasm.OpF64Const, Const: bits}
	}
}

// TestGeneratedModulesAreValid: the generator's modules pass wasmtime's validation, and a seed
// always makes the same module (a divergence must replay).
func TestGeneratedModulesAreValid(t *testing.T) {
	for seed := int64(0); seed < 300; seed++ {
		b, err := bwasm.Encode(genModule(seed))
		if err != nil {
			t.Fatalf("seed %d: encode: %v", seed, err)
		}
		if err := wasmtime.ModuleValidate(wasmtimeEngine(), b); err != nil {
			t.Fatalf("seed %d: invalid module: %v", seed, err)
		}
		again, _ := bwasm.Encode(genModule(seed))
		if !bytes.Equal(b, again) {
			t.Fatalf("seed %d: two different modules", seed)
		}
	}
}
