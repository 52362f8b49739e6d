package passes

// Integers of every width for lower-to-wasm (see lower_to_wasm_pass.go), decisions.md #5.
//
// Representation: i64 and u64 are Wasm i64; i8 i16 i32 u8 u16 u32 (and bool) are Wasm i32. A
// narrow value is always kept normalized — sign-extended from its width when signed,
// zero-extended when unsigned — so comparisons, division and widening need no fix-up; every
// operation that can leave the width (+ - * / << neg bnot, conversions) normalizes its result:
//
//	(+:u8 a b)   =>  a b i32.add  i32.const 255 i32.and
//	(+:i8 a b)   =>  a b i32.add  i32.extend8_s
//	(>>:i8 a n)  =>  a i32.const 255 i32.and  n i32.const 7 i32.and  i32.shr_u  i32.extend8_s
//	(/:u32 a b)  =>  a b i32.div_u
//	(convert:i64 x:u16)  =>  x i64.extend_i32_u
//
// Shift counts are taken modulo the width: Wasm does so for 32 and 64 bits; 8- and 16-bit
// shifts mask the count first.

import (
	"fmt"

	"cot/ir/types"
	"cot/ir/wasm"
)

// wide reports whether t is represented as a Wasm i64 (pointers are 64-bit addresses, spec §9.1).
func wide(t types.Type) bool {
	return t == types.TI64 || t == types.TU64 || isPointer(t) || isFunc(t) // a function value: its closure object's address
}

type intOps struct{ i32, i64 wasm.Op }

// signedOps and unsignedOps map each operator to its instruction for signed and unsigned
// operands; the shared ones appear in both.
var signedOps = map[string]intOps{
	"+": {wasm.OpI32Add, wasm.OpI64Add}, "-": {wasm.OpI32Sub, wasm.OpI64Sub}, "*": {wasm.OpI32Mul, wasm.OpI64Mul},
	"&": {wasm.OpI32And, wasm.OpI64And}, "|": {wasm.OpI32Or, wasm.OpI64Or}, "^": {wasm.OpI32Xor, wasm.OpI64Xor},
	"<<": {wasm.OpI32Shl, wasm.OpI64Shl}, ">>": {wasm.OpI32ShrU, wasm.OpI64ShrU},
	"==": {wasm.OpI32Eq, wasm.OpI64Eq}, "!=": {wasm.OpI32Ne, wasm.OpI64Ne},
	"/": {wasm.OpI32DivS, wasm.OpI64DivS}, "%": {wasm.OpI32RemS, wasm.OpI64RemS},
	"<": {wasm.OpI32LtS, wasm.OpI64LtS}, "<=": {wasm.OpI32LeS, wasm.OpI64LeS},
	">": {wasm.OpI32GtS, wasm.OpI64GtS}, ">=": {wasm.OpI32GeS, wasm.OpI64GeS},
}

var unsignedOps = map[string]intOps{
	"/": {wasm.OpI32DivU, wasm.OpI64DivU}, "%": {wasm.OpI32RemU, wasm.OpI64RemU},
	"<": {wasm.OpI32LtU, wasm.OpI64LtU}, "<=": {wasm.OpI32LeU, wasm.OpI64LeU},
	">": {wasm.OpI32GtU, wasm.OpI64GtU}, ">=": {wasm.OpI32GeU, wasm.OpI64GeU},
}

// intOp returns the instruction of operator op on operands of integer type t.
func intOp(op string, t types.Type) wasm.Op {
	ops, ok := unsignedOps[op]
	if !ok || types.IsSigned(t) {
		ops, ok = signedOps[op]
	}
	if !ok {
		panic(fmt.Sprintf("lower-to-wasm: no instruction for %s on %v", op, t))
	}
	if wide(t) {
		return ops.i64
	}
	return ops.i32
}

// normalize re-establishes the representation of a narrow value of type t after an operation
// that may have left its width.
func normalize(t types.Type) []wasm.Instr {
	switch t {
	case types.TI8:
		return []wasm.Instr{wasm.Simple(wasm.OpI32Extend8S)}
	case types.TI16:
		return []wasm.Instr{wasm.Simple(wasm.OpI32Extend16S)}
	case types.TU8, types.TU16:
		return []wasm.Instr{wasm.I32Const(int32(widthMask(t))), wasm.Simple(wasm.OpI32And)}
	}
	return nil // i32, u32, i64, u64 wrap by themselves
}

// widthMask is the mask of the bits of an 8- or 16-bit type.
func widthMask(t types.Type) uint32 { return 1<<types.Bits(t) - 1 }

// needsNormalize reports whether op can produce bits beyond the operands' width.
func needsNormalize(op string) bool {
	switch op {
	case "+", "-", "*", "/", "<<", ">>":
		return true
	}
	return false
}

// intConst is the constant v (a literal's bits) of type t.
func intConst(t types.Type, v uint64) wasm.Instr {
	if wide(t) {
		return wasm.I64Const(int64(v))
	}
	return wasm.I32Const(int32(uint32(v)))
}

// zero is the zero value of a scalar type.
func zero(t types.Type) wasm.Instr {
	if types.IsFloat(t) {
		return floatConst(t, 0)
	}
	if t == types.TString {
		return wasm.I64Const(0)
	}
	return intConst(t, 0)
}

// binaryInt emits x op y for integer operands of type t whose values are already on the stack
// except for the count of a shift, which shiftCount emits.
func (fl *funcLowerer) intBinary(op string, t types.Type, emitY func()) {
	narrowShift := (op == "<<" || op == ">>") && types.Bits(t) < 32
	if op == ">>" && narrowShift && types.IsSigned(t) {
		// A logical shift at the type's width: drop the sign extension first.
		fl.emit(wasm.I32Const(int32(widthMask(t))), wasm.Simple(wasm.OpI32And))
	}
	emitY()
	if narrowShift {
		fl.emit(wasm.I32Const(int32(types.Bits(t)-1)), wasm.Simple(wasm.OpI32And))
	}
	fl.emit(wasm.Simple(intOp(op, t)))
	if needsNormalize(op) {
		fl.emit(normalize(t)...)
	}
}

// convert emits the conversion of a value of integer type from (on the stack) to type to:
// wrapping when to is narrower (@intCast), exact when it is wider.
func (fl *funcLowerer) convert(from, to types.Type) {
	switch {
	case wide(from) && !wide(to):
		fl.emit(wasm.Simple(wasm.OpI32WrapI64))
		fl.emit(normalize(to)...)
	case !wide(from) && wide(to) && types.IsSigned(from):
		fl.emit(wasm.Simple(wasm.OpI64ExtendI32S))
	case !wide(from) && wide(to):
		fl.emit(wasm.Simple(wasm.OpI64ExtendI32U))
	case !wide(from) && !wide(to):
		fl.emit(normalize(to)...)
	}
}
