package arm64

import (
	"fmt"

	"cot/backend/arm64/enc"
	"cot/backend/arm64/obj"
	"cot/ir/mir"
)

// moveWideOps and logicalImmEncoders encode the move-wide and logical-immediate forms.
var (
	moveWideOps        = map[mir.Op]func(enc.Width, enc.Reg, enc.Wide) uint32{mir.MOVZ: enc.Movz, mir.MOVN: enc.Movn, mir.MOVK: enc.Movk}
	logicalImmEncoders = map[mir.Op]func(enc.Width, enc.Reg, enc.Reg, enc.BitMask) uint32{mir.ANDI: enc.AndImm, mir.ORRI: enc.OrrImm, mir.EORI: enc.EorImm}
)

var fp2ops = map[mir.Op]func(enc.FPType, enc.VReg, enc.VReg, enc.VReg) uint32{
	mir.FADD: enc.Fadd, mir.FSUB: enc.Fsub, mir.FMUL: enc.Fmul, mir.FDIV: enc.Fdiv, mir.FMIN: enc.Fmin, mir.FMAX: enc.Fmax,
}

var fp1ops = map[mir.Op]func(enc.FPType, enc.VReg, enc.VReg) uint32{
	mir.FABS: enc.Fabs, mir.FNEG: enc.Fneg, mir.FSQRT: enc.Fsqrt, mir.FRINTP: enc.Frintp,
	mir.FRINTM: enc.Frintm, mir.FRINTZ: enc.Frintz, mir.FRINTN: enc.Frintn,
}

// memOps gives the general-register load/store for (op, access width, register width).
func gpMemOp(in *mir.Instr) enc.MemOp {
	load := in.Op == mir.LDR || in.Op == mir.LDRR
	signed := in.Op == mir.LDRS || in.Op == mir.LDRSR
	switch in.W {
	case mir.Byte:
		switch {
		case signed && in.W2 == mir.X:
			return enc.LDRSBX
		case signed:
			return enc.LDRSBW
		case load:
			return enc.LDRB
		}
		return enc.STRB
	case mir.Half:
		switch {
		case signed && in.W2 == mir.X:
			return enc.LDRSHX
		case signed:
			return enc.LDRSHW
		case load:
			return enc.LDRH
		}
		return enc.STRH
	case mir.W:
		switch {
		case signed:
			return enc.LDRSW
		case load:
			return enc.LDRW
		}
		return enc.STRW
	}
	if load {
		return enc.LDRX
	}
	return enc.STRX
}

func fpMemOp(in *mir.Instr) enc.FMemOp {
	load := in.Op == mir.LDR || in.Op == mir.LDRR
	switch {
	case in.W == mir.S && load:
		return enc.LDRS
	case in.W == mir.S:
		return enc.STRS
	case load:
		return enc.LDRD
	}
	return enc.STRD
}

func accessSize(w mir.Width) int {
	switch w {
	case mir.Byte:
		return 1
	case mir.Half:
		return 2
	case mir.W, mir.S:
		return 4
	}
	return 8
}

func encodeFloatOrMem(b *obj.Builder, in *mir.Instr, labels map[int]obj.Label) {
	rd, rn, rm := in.Rd, in.Rn, in.Rm
	t := ft(in.W)
	if op, ok := fp2ops[in.Op]; ok {
		b.Emit(op(t, fpr(rd), fpr(rn), fpr(rm)))
		return
	}
	if op, ok := fp1ops[in.Op]; ok {
		b.Emit(op(t, fpr(rd), fpr(rn)))
		return
	}
	switch in.Op {
	case mir.FMOV:
		switch {
		case rd.IsFloat() && rn.IsFloat():
			b.Emit(enc.FmovReg(t, fpr(rd), fpr(rn)))
		case rd.IsFloat():
			b.Emit(enc.FmovFromGP(iw(in.W), fpr(rd), gp(rn)))
		default:
			b.Emit(enc.FmovToGP(iw(in.W), gp(rd), fpr(rn)))
		}
	case mir.FCVT:
		b.Emit(enc.Fcvt(t, ft(in.W2), fpr(rd), fpr(rn)))
	case mir.SCVTF:
		b.Emit(enc.Scvtf(t, iw(in.W2), fpr(rd), gp(rn)))
	case mir.UCVTF:
		b.Emit(enc.Ucvtf(t, iw(in.W2), fpr(rd), gp(rn)))
	case mir.FCVTZS:
		b.Emit(enc.Fcvtzs(iw(in.W), ft(in.W2), gp(rd), fpr(rn)))
	case mir.FCVTZU:
		b.Emit(enc.Fcvtzu(iw(in.W), ft(in.W2), gp(rd), fpr(rn)))
	case mir.FCMP:
		b.Emit(enc.Fcmp(t, fpr(rn), fpr(rm)))
	case mir.FCSEL:
		b.Emit(enc.Fcsel(t, fpr(rd), fpr(rn), fpr(rm), condMap[in.Cond]))
	case mir.CNT:
		b.Emit(enc.Cnt(enc.B8, fpr(rd), fpr(rn)))
	case mir.ADDV:
		b.Emit(enc.Addv(enc.B8, fpr(rd), fpr(rn)))
	case mir.LDR, mir.LDRS, mir.STR:
		if rd.IsFloat() {
			b.Emit(enc.FLdst(fpMemOp(in), fpr(rd), gp(rn), must(enc.UOffset(in.Imm, accessSize(in.W)))))
		} else {
			b.Emit(enc.Ldst(gpMemOp(in), gp(rd), gp(rn), must(enc.UOffset(in.Imm, accessSize(in.W)))))
		}
	case mir.LDRR, mir.LDRSR, mir.STRR:
		scaled := in.Imm != 0 // verified: the access size's log2
		if rd.IsFloat() {
			b.Emit(enc.FLdstReg(fpMemOp(in), fpr(rd), gp(rn), gp(rm), enc.UXTX, scaled))
		} else {
			b.Emit(enc.LdstReg(gpMemOp(in), gp(rd), gp(rn), gp(rm), enc.UXTX, scaled))
		}
	case mir.STP, mir.LDP:
		off := must(enc.PairOffset(in.Imm, 8))
		switch {
		case rd.IsFloat() && in.Op == mir.STP:
			b.Emit(enc.FPair(enc.STPD, fpr(rd), fpr(rn), enc.SP, off))
		case rd.IsFloat():
			b.Emit(enc.FPair(enc.LDPD, fpr(rd), fpr(rn), enc.SP, off))
		case in.Op == mir.STP:
			b.Emit(enc.Pair(enc.STPX, gp(rd), gp(rn), enc.SP, off))
		default:
			b.Emit(enc.Pair(enc.LDPX, gp(rd), gp(rn), enc.SP, off))
		}
	case mir.STPPRE:
		b.Emit(enc.PairPre(enc.STPX, gp(rd), gp(rn), enc.SP, must(enc.PairOffset(in.Imm, 8))))
	case mir.LDPPOST:
		b.Emit(enc.PairPost(enc.LDPX, gp(rd), gp(rn), enc.SP, must(enc.PairOffset(in.Imm, 8))))
	case mir.B:
		b.B(labels[in.Target])
	case mir.BCOND:
		b.BCond(condMap[in.Cond], labels[in.Target])
	case mir.CBZ:
		b.Cbz(iw(in.W), gp(rn), labels[in.Target])
	case mir.CBNZ:
		b.Cbnz(iw(in.W), gp(rn), labels[in.Target])
	case mir.TBZ:
		b.Tbz(gp(rn), must(enc.TestBit(uint64(in.Imm))), labels[in.Target])
	case mir.TBNZ:
		b.Tbnz(gp(rn), must(enc.TestBit(uint64(in.Imm))), labels[in.Target])
	case mir.FMOVI:
		b.Emit(enc.FmovImm(ft(in.W), fpr(rd), fmovImm(in)))
	case mir.BRTABLE:
		encodeTable(b, gp(rn), in.Table, labels)
	case mir.BL, mir.TRAP:
		b.Call(in.Sym)
	case mir.BLR:
		b.Emit(enc.Blr(gp(rn)))
	case mir.RET:
		b.Emit(enc.Ret())
	case mir.ADRP:
		b.Reloc(obj.ADRPPage21, in.Sym, 0)
		b.Emit(enc.Adrp(gp(rd), must(enc.AdrpPages(0))))
	case mir.ADDLO:
		b.Reloc(obj.AddLo12, in.Sym, 0)
		b.Emit(enc.AddImm(enc.X64, gp(rd), gp(rn), enc.Imm12{}))
	default:
		panic(fmt.Sprintf("encode: no encoding for %s", in.Op.Name()))
	}
}
