package arm64

// Encodings of the jump table (BRTABLE) and of FMOV's float immediate (part of
// encode-instructions).
//
//	br_table w9 -> [.L3, .L4]  =>  adr x16, 1f ; ldrsw x17, [x16, w9, uxtw #2] ; add x16, x16, x17 ; br x16
//	                               1: .word .L3-1b, .L4-1b

import (
	"fmt"
	"math"

	"cot/backend/arm64/enc"
	"cot/backend/arm64/obj"
	"cot/ir/mir"
)

// encodeTable emits the jump through a table of 32-bit offsets (from the table's start, so the
// code stays position-independent) indexed by the zero-extended w register idx.
func encodeTable(b *obj.Builder, idx enc.Reg, table []int, labels map[int]obj.Label) {
	start := b.NewLabel()
	b.Adr(enc.X16, start)
	b.Emit(enc.LdstReg(enc.LDRSW, enc.X17, enc.X16, idx, enc.UXTW, true))
	b.Emit(enc.AddReg(enc.X64, enc.X16, enc.X16, enc.X17, enc.LSL, enc.NoShift(enc.X64)))
	b.Emit(enc.Br(enc.X16))
	b.Bind(start)
	for _, t := range table {
		b.Rel32(labels[t], start)
	}
}

// tableWords is the number of 4-byte words a jump table of n entries takes.
func tableWords(n int) int64 { return 4 + int64(n) }

// fmovImm returns the 8-bit immediate of FMOVI (select-instructions only emits encodable values).
func fmovImm(in *mir.Instr) enc.FPImm {
	v := math.Float64frombits(uint64(in.Imm))
	if in.W == mir.S {
		v = float64(math.Float32frombits(uint32(in.Imm)))
	}
	imm, ok := enc.NewFPImm(v)
	if !ok {
		panic(fmt.Sprintf("encode: %v is no fmov immediate", v))
	}
	return imm
}
