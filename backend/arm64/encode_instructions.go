// Pass encode-instructions: mir-final -> obj.
//
// Encodes every machine function into an obj.Symbol with backend/arm64/enc: block labels become
// Builder labels, calls and symbol addresses become relocations. Module data (globals, tables,
// segments, function-reference descriptors) and the module's init and main functions are added
// by link.
//
//	add w9, w9, w10  =>  0x0b0a0129
package arm64

import (
	"fmt"

	"cot/backend/arm64/enc"
	"cot/backend/arm64/obj"
	"cot/ir/mir"
	"cot/ir/pipeline"
)

// ObjProgram is the output of encode-instructions: the code symbols and what link needs.
type ObjProgram struct {
	Syms   []obj.Symbol
	Layout *moduleLayout
}

var encodePass = pipeline.Pass{
	Name: "encode-instructions",
	In:   LangMIRFinal,
	Out:  LangObj,
	Run: func(ctx *pipeline.Ctx, prog any) (any, error) {
		p := prog.(*mir.Program)
		out := &ObjProgram{Layout: p.Data.(*moduleLayout)}
		for _, f := range p.Funcs {
			ctx.Func = f.Name
			sym, err := encodeFunc(f)
			if err != nil {
				panic(err)
			}
			out.Syms = append(out.Syms, sym)
		}
		return out, nil
	},
}

func encodeFunc(f *mir.Func) (obj.Symbol, error) {
	b := obj.NewBuilder()
	labels := map[int]obj.Label{}
	for _, blk := range f.Blocks {
		labels[blk.ID] = b.NewLabel()
	}
	for _, blk := range f.Blocks {
		b.Bind(labels[blk.ID])
		for _, in := range blk.Instrs {
			encodeInstr(b, f, in, labels)
		}
	}
	return b.Symbol(f.Name, true)
}

func gp(r mir.Reg) enc.Reg {
	switch {
	case r == mir.SP:
		return enc.SP
	case r == mir.ZR:
		return enc.ZR
	case r >= 0 && r <= 30:
		return enc.Reg(r)
	}
	panic(fmt.Sprintf("encode: %d is not a general register", r))
}

func fpr(r mir.Reg) enc.VReg {
	if !r.IsFloat() {
		panic(fmt.Sprintf("encode: %d is not a float register", r))
	}
	return enc.VReg(r - mir.V0)
}

func iw(w mir.Width) enc.Width {
	if w == mir.X || w == mir.D {
		return enc.X64
	}
	return enc.W32
}

func ft(w mir.Width) enc.FPType {
	if w == mir.D || w == mir.X {
		return enc.D64
	}
	return enc.S32
}

func must[T any](v T, ok bool) T {
	if !ok {
		panic(fmt.Sprintf("encode: immediate %v out of range", v))
	}
	return v
}

func imm12(k int64) enc.Imm12 {
	v, ok := enc.NewImm12(uint64(k))
	if !ok || k < 0 {
		panic(fmt.Sprintf("encode: immediate %d out of range", k))
	}
	return v
}

func bitmask(k int64, w enc.Width) enc.BitMask {
	v, ok := enc.LogicalImm(uint64(k), w == enc.X64)
	if !ok {
		panic(fmt.Sprintf("encode: %#x is no bitmask immediate", uint64(k)))
	}
	return v
}

func shamt(k int64, w enc.Width) enc.Amount {
	a, ok := enc.ShiftAmount(uint64(k), w)
	if !ok {
		panic(fmt.Sprintf("encode: shift %d out of range", k))
	}
	return a
}

var condMap = [...]enc.Cond{enc.EQ, enc.NE, enc.HS, enc.LO, enc.MI, enc.PL, enc.VS, enc.VC, enc.HI, enc.LS, enc.GE, enc.LT, enc.GT, enc.LE, enc.AL}

func encodeInstr(b *obj.Builder, f *mir.Func, in *mir.Instr, labels map[int]obj.Label) {
	w := iw(in.W)
	rd, rn, rm := in.Rd, in.Rn, in.Rm
	switch in.Op {
	case mir.ADD:
		b.Emit(enc.AddReg(w, gp(rd), gp(rn), gp(rm), enc.LSL, enc.NoShift(w)))
	case mir.SUB:
		b.Emit(enc.SubReg(w, gp(rd), gp(rn), gp(rm), enc.LSL, enc.NoShift(w)))
	case mir.AND:
		b.Emit(enc.AndReg(w, gp(rd), gp(rn), gp(rm), enc.LSL, enc.NoShift(w)))
	case mir.ORR:
		b.Emit(enc.OrrReg(w, gp(rd), gp(rn), gp(rm), enc.LSL, enc.NoShift(w)))
	case mir.EOR:
		b.Emit(enc.EorReg(w, gp(rd), gp(rn), gp(rm), enc.LSL, enc.NoShift(w)))
	case mir.MUL:
		b.Emit(enc.Mul(w, gp(rd), gp(rn), gp(rm)))
	case mir.SDIV:
		b.Emit(enc.Sdiv(w, gp(rd), gp(rn), gp(rm)))
	case mir.UDIV:
		b.Emit(enc.Udiv(w, gp(rd), gp(rn), gp(rm)))
	case mir.LSLV:
		b.Emit(enc.Lslv(w, gp(rd), gp(rn), gp(rm)))
	case mir.LSRV:
		b.Emit(enc.Lsrv(w, gp(rd), gp(rn), gp(rm)))
	case mir.ASRV:
		b.Emit(enc.Asrv(w, gp(rd), gp(rn), gp(rm)))
	case mir.RORV:
		b.Emit(enc.Rorv(w, gp(rd), gp(rn), gp(rm)))
	case mir.MADD:
		b.Emit(enc.Madd(w, gp(rd), gp(rn), gp(rm), gp(in.Ra)))
	case mir.MSUB:
		b.Emit(enc.Msub(w, gp(rd), gp(rn), gp(rm), gp(in.Ra)))
	case mir.ADDSH:
		b.Emit(enc.AddReg(w, gp(rd), gp(rn), gp(rm), enc.LSL, shamt(in.Imm, w)))
	case mir.SUBSH:
		b.Emit(enc.SubReg(w, gp(rd), gp(rn), gp(rm), enc.LSL, shamt(in.Imm, w)))
	case mir.ADDI:
		b.Emit(enc.AddImm(w, gp(rd), gp(rn), imm12(in.Imm)))
	case mir.SUBI:
		b.Emit(enc.SubImm(w, gp(rd), gp(rn), imm12(in.Imm)))
	case mir.LSLI:
		b.Emit(enc.LslImm(w, gp(rd), gp(rn), shamt(in.Imm, w)))
	case mir.LSRI:
		b.Emit(enc.LsrImm(w, gp(rd), gp(rn), shamt(in.Imm, w)))
	case mir.ASRI:
		b.Emit(enc.AsrImm(w, gp(rd), gp(rn), shamt(in.Imm, w)))
	case mir.MOV:
		switch {
		case rd.IsFloat() && rn.IsFloat():
			b.Emit(enc.FmovReg(ft(in.W), fpr(rd), fpr(rn)))
		case rd == mir.SP || rn == mir.SP:
			b.Emit(enc.MovSP(w, gp(rd), gp(rn)))
		default:
			b.Emit(enc.Mov(w, gp(rd), gp(rn)))
		}
	case mir.NEG:
		b.Emit(enc.Neg(w, gp(rd), gp(rn), enc.LSL, enc.NoShift(w)))
	case mir.CLZ:
		b.Emit(enc.Clz(w, gp(rd), gp(rn)))
	case mir.RBIT:
		b.Emit(enc.Rbit(w, gp(rd), gp(rn)))
	case mir.SXTB:
		b.Emit(enc.Sxtb(w, gp(rd), gp(rn)))
	case mir.SXTH:
		b.Emit(enc.Sxth(w, gp(rd), gp(rn)))
	case mir.SXTW:
		b.Emit(enc.Sxtw(gp(rd), gp(rn)))
	case mir.UXTB:
		b.Emit(enc.Uxtb(gp(rd), gp(rn)))
	case mir.UXTH:
		b.Emit(enc.Uxth(gp(rd), gp(rn)))
	case mir.MOVZ, mir.MOVN, mir.MOVK:
		wide := must(enc.MoveWide(uint64(in.Imm&0xFFFF), uint(16*(in.Imm>>16)), w == enc.X64))
		b.Emit(moveWideOps[in.Op](w, gp(rd), wide))
	case mir.CMP:
		b.Emit(enc.CmpReg(w, gp(rn), gp(rm), enc.LSL, enc.NoShift(w)))
	case mir.CMPI:
		b.Emit(enc.CmpImm(w, gp(rn), imm12(in.Imm)))
	case mir.ANDI, mir.ORRI, mir.EORI:
		b.Emit(logicalImmEncoders[in.Op](w, gp(rd), gp(rn), bitmask(in.Imm, w)))
	case mir.TST:
		b.Emit(enc.TstReg(w, gp(rn), gp(rm), enc.LSL, enc.NoShift(w)))
	case mir.TSTI:
		b.Emit(enc.TstImm(w, gp(rn), bitmask(in.Imm, w)))
	case mir.CMNI:
		b.Emit(enc.CmnImm(w, gp(rn), imm12(in.Imm)))
	case mir.CSEL:
		b.Emit(enc.Csel(w, gp(rd), gp(rn), gp(rm), condMap[in.Cond]))
	case mir.CSET:
		b.Emit(enc.Cset(w, gp(rd), condMap[in.Cond]))
	default:
		encodeFloatOrMem(b, in, labels)
	}
}
