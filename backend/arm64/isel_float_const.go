package arm64

// Instruction selection of float constants (part of select-instructions): a value FMOV's 8-bit
// immediate encodes (±(16..31)/16 × 2^(-3..4): 0.5, 1, 2, 10, -0.25, ...) is one fmov #imm, which
// the allocator rematerialises like movz; zero is fmov from the zero register; any other value
// is built in an integer register (movz/movk) and moved across.
//
//	v1:f64 = const aux=0x3ff8000000000000 (1.5)  =>  fmov d%101, #1.5
//	v1:f32 = const aux=0x3dcccccd (0.1)          =>  movz w%102, #0xcccd ; movk w%102, #0x3dcc, lsl #16 ; fmov s%101, w%102

import (
	"math"

	"cot/backend/arm64/enc"
	"cot/ir/mir"
	"cot/ir/ssa"
)

// floatImm returns the FMOVI materialising the float bits of type t, if FMOV encodes them.
func floatImm(t ssa.Type, bits uint64, rd mir.Reg) (*mir.Instr, bool) {
	v := math.Float64frombits(bits)
	if t == ssa.F32 {
		v = float64(math.Float32frombits(uint32(bits)))
	}
	if _, ok := enc.NewFPImm(v); !ok || bits == 0 {
		return nil, false
	}
	return &mir.Instr{Op: mir.FMOVI, W: width(t), Rd: rd, Imm: int64(bits)}, true
}
