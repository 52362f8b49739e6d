package verify

// MIR checks a *mir.Program (family ir/mir: mir-virtual, mir-allocated, mir-final). Invariants:
//
//   - every block is non-empty and ends with exactly one terminator (b, ret, or a trap call) and
//     has none elsewhere; in mir-final (after layout-frame) a block other than the last may
//     instead fall through to the next one;
//   - branch targets are blocks of the same function; block ids are unique;
//   - register classes: integer operations use integer registers, float operations float
//     registers, fmov/conversions cross classes as their form says, memory bases are integer
//     registers, the data register's class matches the access width; virtual registers have a
//     class;
//   - immediates in range: add/sub/cmp/cmn 0..4095, shifts below the width, move-wide chunks of 16
//     bits at a shift the width allows, scaled load/store offsets, pair offsets;
//   - "no-vregs" (mir-allocated, mir-final): no virtual register is left;
//   - "no-clobber-across-call": no register live after a call is clobbered by it, other than
//     the call's result registers (liveness over physical registers, x0..x24 and v0..v31).

import (
	"fmt"

	"cot/ir/mir"
	"cot/ir/pipeline"
)

// MIR verifies p against lang and returns every violation.
func MIR(lang *pipeline.Lang, p *mir.Program) []error {
	var errs []error
	v := mirVerifiers.Get().(*mirVerifier)
	defer mirVerifiers.Put(v)
	v.noVregs = lang != nil && lang.Has("no-vregs") // asked for every register operand
	for _, f := range p.Funcs {
		v.f, v.lang, v.errs = f, lang, nil
		v.check()
		errs = append(errs, v.errs...)
	}
	v.f, v.lang, v.errs = nil, nil, nil
	return errs
}

type mirVerifier struct {
	f    *mir.Func
	lang *pipeline.Lang
	errs []error
	// tables kept for the next function: block positions by id, the clobber analysis'
	ids     []int32
	scratch clobberScratch
	noVregs bool // lang has "no-vregs"
	// classes holds the class of each virtual register FirstVirtual+i (noClass: none), read from
	// f.Class once per function instead of once per operand; empty when the function's virtual
	// registers are too sparse for a table (then f.Class is asked)
	classes []mir.Class
}

// noClass marks a virtual register without a class.
const noClass mir.Class = 255

// loadClasses fills v.classes for v.f.
func (v *mirVerifier) loadClasses() {
	f := v.f
	n := int(f.NextV - mir.FirstVirtual)
	if n <= 0 || n > 4*len(f.Class)+1024 {
		v.classes = v.classes[:0]
		return
	}
	v.classes = reuse(v.classes, n)
	for i := range v.classes {
		v.classes[i] = noClass
	}
	for r, c := range f.Class {
		if i := int(r - mir.FirstVirtual); r.IsVirtual() && i < n {
			v.classes[i] = c
		}
	}
}

func (v *mirVerifier) errorf(b *mir.Block, in *mir.Instr, format string, args ...any) {
	where := fmt.Sprintf("func %s", v.f.Name)
	if b != nil {
		where += fmt.Sprintf(" block %d", b.ID)
	}
	if in != nil {
		where += fmt.Sprintf(" `%s`", v.f.Format(in))
	}
	v.errs = append(v.errs, fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...)))
}

func (v *mirVerifier) has(inv string) bool { return v.lang != nil && v.lang.Has(inv) }

func (v *mirVerifier) check() {
	f := v.f
	v.classes = v.classes[:0]
	if !v.noVregs { // after allocation a virtual register is an error anyway: no table
		v.loadClasses()
	}
	index := v.blockIndex(f)
	for i, b := range f.Blocks {
		if index(b.ID) != i { // a later block has the same id
			v.errorf(b, nil, "duplicate block id")
		}
	}
	fallthroughOK := v.has("frame-laid-out")
	for bi, b := range f.Blocks {
		if len(b.Instrs) == 0 && !(fallthroughOK && bi+1 < len(f.Blocks)) {
			v.errorf(b, nil, "empty block")
			continue
		}
		for i, in := range b.Instrs {
			last := i == len(b.Instrs)-1
			if in.Op.IsTerminator() && !last {
				v.errorf(b, in, "terminator in the middle of the block")
			}
			if last && !in.Op.IsTerminator() && !(fallthroughOK && bi+1 < len(f.Blocks)) {
				v.errorf(b, in, "block does not end with a terminator")
			}
			if in.Op.IsBranch() && index(in.Target) < 0 {
				v.errorf(b, in, "branch to unknown block %d", in.Target)
			}
			for _, t := range in.Table {
				if index(t) < 0 {
					v.errorf(b, in, "jump table entry to unknown block %d", t)
				}
			}
			v.instr(b, in)
		}
	}
	if v.has("no-clobber-across-call") {
		v.clobbers(index)
	}
}

// class returns the register class of r, reporting virtual registers without one.
func (v *mirVerifier) class(r mir.Reg) mir.Class {
	if !r.IsVirtual() {
		return v.f.ClassOf(r)
	}
	if i := int(r - mir.FirstVirtual); i < len(v.classes) {
		return v.classes[i]
	}
	if c, ok := v.f.Class[r]; ok {
		return c
	}
	return noClass
}

func (v *mirVerifier) want(b *mir.Block, in *mir.Instr, c mir.Class, regs ...mir.Reg) {
	for _, r := range regs {
		if r == mir.NoReg {
			v.errorf(b, in, "missing register operand")
			continue
		}
		if r.IsVirtual() && v.noVregs {
			v.errorf(b, in, "virtual register %d after allocation", r)
		}
		if got := v.class(r); got != c {
			v.errorf(b, in, "register %d has class %d, want %d", r, got, c)
		}
	}
}

func isFloatWidth(w mir.Width) bool { return w == mir.S || w == mir.D }

func bits(w mir.Width) int64 {
	if w == mir.X || w == mir.D {
		return 64
	}
	return 32
}

func accessBytes(w mir.Width) int64 {
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

func (v *mirVerifier) instr(b *mir.Block, in *mir.Instr) {
	I, F := mir.Int, mir.Float
	switch in.Op {
	case mir.ADD, mir.SUB, mir.AND, mir.ORR, mir.EOR, mir.MUL, mir.SDIV, mir.UDIV, mir.LSLV, mir.LSRV, mir.ASRV, mir.RORV:
		v.want(b, in, I, in.Rd, in.Rn, in.Rm)
	case mir.MADD, mir.MSUB:
		v.want(b, in, I, in.Rd, in.Rn, in.Rm, in.Ra)
	case mir.ADDI, mir.SUBI:
		v.want(b, in, I, in.Rd, in.Rn)
		v.imm(b, in, in.Imm >= 0 && in.Imm <= 4095)
	case mir.ADDSH, mir.SUBSH:
		v.want(b, in, I, in.Rd, in.Rn, in.Rm)
		v.imm(b, in, in.Imm >= 0 && in.Imm < bits(in.W))
	case mir.LSLI, mir.LSRI, mir.ASRI:
		v.want(b, in, I, in.Rd, in.Rn)
		v.imm(b, in, in.Imm >= 0 && in.Imm < bits(in.W))
	case mir.MOV:
		c := v.class(in.Rd)
		v.want(b, in, c, in.Rn)
	case mir.NEG, mir.CLZ, mir.RBIT, mir.SXTB, mir.SXTH, mir.SXTW, mir.UXTB, mir.UXTH:
		v.want(b, in, I, in.Rd, in.Rn)
	case mir.MOVZ, mir.MOVN, mir.MOVK:
		v.want(b, in, I, in.Rd)
		sh := in.Imm >> 16
		v.imm(b, in, in.Imm >= 0 && sh >= 0 && sh < bits(in.W)/16)
	case mir.CMP, mir.TST:
		v.want(b, in, I, in.Rn, in.Rm)
	case mir.ANDI, mir.ORRI, mir.EORI:
		// Whether the bitmask encodes is the encoder's to check (it needs backend/arm64/enc).
		v.want(b, in, I, in.Rd, in.Rn)
		v.imm(b, in, in.Imm != 0 && (in.W == mir.X || in.Imm>>32 == 0))
	case mir.TSTI:
		v.want(b, in, I, in.Rn)
		v.imm(b, in, in.Imm != 0 && (in.W == mir.X || in.Imm>>32 == 0))
	case mir.CMPI, mir.CMNI:
		v.want(b, in, I, in.Rn)
		v.imm(b, in, in.Imm >= 0 && in.Imm <= 4095)
	case mir.CSEL:
		v.want(b, in, I, in.Rd, in.Rn, in.Rm)
	case mir.CSET:
		v.want(b, in, I, in.Rd)
	case mir.FADD, mir.FSUB, mir.FMUL, mir.FDIV, mir.FMIN, mir.FMAX:
		v.want(b, in, F, in.Rd, in.Rn, in.Rm)
	case mir.FABS, mir.FNEG, mir.FSQRT, mir.FRINTP, mir.FRINTM, mir.FRINTZ, mir.FRINTN, mir.FCVT, mir.CNT, mir.ADDV:
		v.want(b, in, F, in.Rd, in.Rn)
	case mir.FMOV:
		v.want(b, in, v.class(in.Rd), in.Rd)
		if in.Rn != mir.ZR {
			v.want(b, in, v.class(in.Rn), in.Rn)
		}
		if v.class(in.Rd) == mir.Int && v.class(in.Rn) == mir.Int {
			v.errorf(b, in, "fmov between two integer registers")
		}
	case mir.SCVTF, mir.UCVTF:
		v.want(b, in, F, in.Rd)
		v.want(b, in, I, in.Rn)
	case mir.FCVTZS, mir.FCVTZU:
		v.want(b, in, I, in.Rd)
		v.want(b, in, F, in.Rn)
	case mir.FCMP:
		v.want(b, in, F, in.Rn, in.Rm)
	case mir.FCSEL:
		v.want(b, in, F, in.Rd, in.Rn, in.Rm)
	case mir.LDR, mir.LDRS, mir.STR, mir.LDRR, mir.LDRSR, mir.STRR:
		c := I
		if isFloatWidth(in.W) {
			c = F
		}
		if in.Rd != mir.ZR {
			v.want(b, in, c, in.Rd)
		}
		v.want(b, in, I, in.Rn)
		if in.Op == mir.LDRR || in.Op == mir.LDRSR || in.Op == mir.STRR {
			v.want(b, in, I, in.Rm)
			n := accessBytes(in.W)
			v.imm(b, in, in.Imm == 0 || int64(1)<<in.Imm == n) // scaled by the access size
		} else {
			n := accessBytes(in.W)
			v.imm(b, in, in.Imm >= 0 && in.Imm%n == 0 && in.Imm/n < 4096)
		}
	case mir.STPPRE, mir.LDPPOST:
		v.want(b, in, I, in.Rd, in.Rn)
		v.imm(b, in, in.Imm%8 == 0 && in.Imm >= -512 && in.Imm <= 504)
	case mir.STP, mir.LDP:
		v.want(b, in, v.class(in.Rd), in.Rn) // both of one class, x or d
		v.imm(b, in, in.Imm%8 == 0 && in.Imm >= -512 && in.Imm <= 504)
	case mir.CBZ, mir.CBNZ:
		v.want(b, in, I, in.Rn)
	case mir.TBZ, mir.TBNZ:
		v.want(b, in, I, in.Rn)
		v.imm(b, in, in.Imm >= 0 && in.Imm < bits(in.W))
	case mir.FMOVI:
		v.want(b, in, F, in.Rd)
	case mir.BRTABLE:
		v.want(b, in, I, in.Rn)
		if len(in.Table) == 0 {
			v.errorf(b, in, "empty jump table")
		}
	case mir.BLR:
		v.want(b, in, I, in.Rn)
	case mir.BL, mir.TRAP, mir.ADRP:
		if in.Sym == "" {
			v.errorf(b, in, "missing symbol")
		}
		if in.Op == mir.ADRP {
			v.want(b, in, I, in.Rd)
		}
	case mir.ADDLO:
		v.want(b, in, I, in.Rd, in.Rn)
	}
}

func (v *mirVerifier) imm(b *mir.Block, in *mir.Instr, ok bool) {
	if !ok {
		v.errorf(b, in, "immediate %d out of range", in.Imm)
	}
}
