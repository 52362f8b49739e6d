package verify

import "cot/ir/wasm"

// numericSig is the type of a numeric instruction: n operands of types in[:n], one result
// (n == 0 marks opcodes that are not numeric).
type numericSig struct {
	in  [2]wasm.ValType
	n   int
	out wasm.ValType
}

// memAccess describes a load or store: value type, log2 of the natural alignment, direction
// (t == 0 marks opcodes that are not memory accesses).
type memAccess struct {
	t     wasm.ValType
	log2  uint8
	store bool
}

// numericSigs types every numeric, comparison, conversion, sign-extension and saturating
// truncation instruction; they are contiguous opcode ranges in the binary format.
var numericSigs = func() (table [opSlots]numericSig) {
	const i32, i64, f32, f64 = wasm.I32, wasm.I64, wasm.F32, wasm.F64
	m := &table
	span := func(from, to wasm.Op, s numericSig) {
		for op := from; op <= to; op++ {
			m[opSlot(op)] = s
		}
	}
	un := func(a, r wasm.ValType) numericSig { return numericSig{in: [2]wasm.ValType{a}, n: 1, out: r} }
	bin := func(a, r wasm.ValType) numericSig { return numericSig{in: [2]wasm.ValType{a, a}, n: 2, out: r} }
	span(wasm.OpI32Eqz, wasm.OpI32Eqz, un(i32, i32))
	span(wasm.OpI32Eq, wasm.OpI32GeU, bin(i32, i32))
	span(wasm.OpI64Eqz, wasm.OpI64Eqz, un(i64, i32))
	span(wasm.OpI64Eq, wasm.OpI64GeU, bin(i64, i32))
	span(wasm.OpF32Eq, wasm.OpF32Ge, bin(f32, i32))
	span(wasm.OpF64Eq, wasm.OpF64Ge, bin(f64, i32))
	span(wasm.OpI32Clz, wasm.OpI32Popcnt, un(i32, i32))
	span(wasm.OpI32Add, wasm.OpI32Rotr, bin(i32, i32))
	span(wasm.OpI64Clz, wasm.OpI64Popcnt, un(i64, i64))
	span(wasm.OpI64Add, wasm.OpI64Rotr, bin(i64, i64))
	span(wasm.OpF32Abs, wasm.OpF32Sqrt, un(f32, f32))
	span(wasm.OpF32Add, wasm.OpF32Copysign, bin(f32, f32))
	span(wasm.OpF64Abs, wasm.OpF64Sqrt, un(f64, f64))
	span(wasm.OpF64Add, wasm.OpF64Copysign, bin(f64, f64))
	conversions := []struct {
		op       wasm.Op
		from, to wasm.ValType
	}{
		{wasm.OpI32WrapI64, i64, i32},
		{wasm.OpI32TruncF32S, f32, i32}, {wasm.OpI32TruncF32U, f32, i32},
		{wasm.OpI32TruncF64S, f64, i32}, {wasm.OpI32TruncF64U, f64, i32},
		{wasm.OpI64ExtendI32S, i32, i64}, {wasm.OpI64ExtendI32U, i32, i64},
		{wasm.OpI64TruncF32S, f32, i64}, {wasm.OpI64TruncF32U, f32, i64},
		{wasm.OpI64TruncF64S, f64, i64}, {wasm.OpI64TruncF64U, f64, i64},
		{wasm.OpF32ConvertI32S, i32, f32}, {wasm.OpF32ConvertI32U, i32, f32},
		{wasm.OpF32ConvertI64S, i64, f32}, {wasm.OpF32ConvertI64U, i64, f32},
		{wasm.OpF32DemoteF64, f64, f32},
		{wasm.OpF64ConvertI32S, i32, f64}, {wasm.OpF64ConvertI32U, i32, f64},
		{wasm.OpF64ConvertI64S, i64, f64}, {wasm.OpF64ConvertI64U, i64, f64},
		{wasm.OpF64PromoteF32, f32, f64},
		{wasm.OpI32ReinterpretF32, f32, i32}, {wasm.OpI64ReinterpretF64, f64, i64},
		{wasm.OpF32ReinterpretI32, i32, f32}, {wasm.OpF64ReinterpretI64, i64, f64},
		{wasm.OpI32Extend8S, i32, i32}, {wasm.OpI32Extend16S, i32, i32},
		{wasm.OpI64Extend8S, i64, i64}, {wasm.OpI64Extend16S, i64, i64}, {wasm.OpI64Extend32S, i64, i64},
		{wasm.OpI32TruncSatF32S, f32, i32}, {wasm.OpI32TruncSatF32U, f32, i32},
		{wasm.OpI32TruncSatF64S, f64, i32}, {wasm.OpI32TruncSatF64U, f64, i32},
		{wasm.OpI64TruncSatF32S, f32, i64}, {wasm.OpI64TruncSatF32U, f32, i64},
		{wasm.OpI64TruncSatF64S, f64, i64}, {wasm.OpI64TruncSatF64U, f64, i64},
	}
	for _, c := range conversions {
		m[opSlot(c.op)] = un(c.from, c.to)
	}
	return table
}()

var memAccesses = func() (table [opSlots]memAccess) {
	for op, a := range memAccessList {
		table[opSlot(op)] = a
	}
	return table
}()

// opSlots is the size of tables indexed by opSlot: the one-byte opcodes, then the 0xFC ones.
const opSlots = 0x100 + 0x20

// opSlot maps an opcode to a dense table index (opSlots for opcodes outside both ranges).
func opSlot(op wasm.Op) int {
	if op < 0x100 {
		return int(op)
	}
	if op&0xFF00 == 0xFC00 && op&0xFF < 0x20 {
		return 0x100 + int(op&0xFF)
	}
	return opSlots
}

var memAccessList = map[wasm.Op]memAccess{
	wasm.OpI32Load: {wasm.I32, 2, false}, wasm.OpI64Load: {wasm.I64, 3, false},
	wasm.OpF32Load: {wasm.F32, 2, false}, wasm.OpF64Load: {wasm.F64, 3, false},
	wasm.OpI32Load8S: {wasm.I32, 0, false}, wasm.OpI32Load8U: {wasm.I32, 0, false},
	wasm.OpI32Load16S: {wasm.I32, 1, false}, wasm.OpI32Load16U: {wasm.I32, 1, false},
	wasm.OpI64Load8S: {wasm.I64, 0, false}, wasm.OpI64Load8U: {wasm.I64, 0, false},
	wasm.OpI64Load16S: {wasm.I64, 1, false}, wasm.OpI64Load16U: {wasm.I64, 1, false},
	wasm.OpI64Load32S: {wasm.I64, 2, false}, wasm.OpI64Load32U: {wasm.I64, 2, false},
	wasm.OpI32Store: {wasm.I32, 2, true}, wasm.OpI64Store: {wasm.I64, 3, true},
	wasm.OpF32Store: {wasm.F32, 2, true}, wasm.OpF64Store: {wasm.F64, 3, true},
	wasm.OpI32Store8: {wasm.I32, 0, true}, wasm.OpI32Store16: {wasm.I32, 1, true},
	wasm.OpI64Store8: {wasm.I64, 0, true}, wasm.OpI64Store16: {wasm.I64, 1, true},
	wasm.OpI64Store32: {wasm.I64, 2, true},
}
