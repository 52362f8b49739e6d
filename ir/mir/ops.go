package mir

// Op is a machine operation. Most are one A64 instruction; the operand roles of each are given by
// its Form.
type Op uint8

const (
	// integer three-register: rd, rn, rm
	ADD Op = iota
	SUB
	AND
	ORR
	EOR
	MUL
	SDIV
	UDIV
	LSLV
	LSRV
	ASRV
	RORV
	// rd, rn, rm, ra
	MADD
	MSUB
	// rd, rn, #imm
	ADDI // imm 0..4095
	SUBI
	LSLI // imm 0..width-1
	LSRI
	ASRI
	// rd, rn
	MOV // register move (either class, same class both sides)
	NEG
	CLZ
	RBIT
	SXTB
	SXTH
	SXTW
	UXTB
	UXTH
	// rd, #imm16 (lsl #16*k in Imm>>16)
	MOVZ
	MOVN
	MOVK // also reads rd
	// flags: rn, rm / rn, #imm
	CMP
	CMPI
	CMNI
	// rd, rn, rm, cond / rd, cond
	CSEL
	CSET
	// float three-register
	FADD
	FSUB
	FMUL
	FDIV
	FMIN
	FMAX
	// float rd, rn
	FABS
	FNEG
	FSQRT
	FRINTP
	FRINTM
	FRINTZ
	FRINTN
	FMOV  // between classes (int <-> float bits) of width W (W/X and S/D)
	FCVT  // float width conversion: W is the destination width, W2 the source width
	SCVTF // int W2 -> float W
	UCVTF
	FCVTZS // float W2 -> int W
	FCVTZU
	FCMP  // rn, rm
	FCSEL // rd, rn, rm, cond
	CNT   // cnt vd.8b, vn.8b
	ADDV  // addv bd, vn.8b
	// memory: rt = Rd, base Rn, index Rm (register offset) or Imm (byte offset, scaled form)
	LDR     // zero-extending for B/H
	LDRS    // sign-extending: W is the access size, W2 the register width (W or X)
	STR     // stores Rd
	LDRR    // register offset [rn, rm], or [rn, rm, lsl #Imm] scaled by the access size when Imm != 0
	LDRSR   // register offset, sign-extending
	STRR    // register offset store
	STPPRE  // stp rd, rn, [sp, #imm]!
	LDPPOST // ldp rd, rn, [sp], #imm
	STP     // stp rd, rn, [sp, #imm] (x or d registers)
	LDP     // ldp rd, rn, [sp, #imm]
	// control
	B     // Target
	BCOND // Cond, Target
	CBZ   // Rn, Target
	CBNZ
	BL   // Sym; Uses/Defs list argument/result registers; clobbers caller-saved registers
	BLR  // Rn
	RET  // Uses lists the result registers
	TRAP // bl Sym to a trap routine that never returns
	// addresses
	ADRP  // rd, Sym (page)
	ADDLO // rd, rn, :lo12:Sym
	// logical immediates (bitmask-encodable Imm): rd, rn, #imm
	ANDI
	ORRI
	EORI
	// flags of rn & rm / rn & #imm
	TST
	TSTI
	// rd, rn, rm, lsl #Imm
	ADDSH
	SUBSH
	// test bit and branch: rn, #Imm (the bit), Target
	TBZ
	TBNZ
	// fmov rd, #imm: Imm holds the bits of a float of width W that FMOV's 8-bit immediate encodes
	FMOVI
	// jump table: branch to block Table[rn] (rn a zero-extended index known to be in range);
	// clobbers x16 and x17
	BRTABLE
	numOps
)

// Form is an operand shape.
type Form uint8

const (
	FormR3 Form = iota
	FormR4
	FormRI
	FormR2
	FormMovW
	FormCmp
	FormCmpI
	FormCsel
	FormCset
	FormFcmp
	FormMem
	FormMemR
	FormPair
	FormB
	FormBcond
	FormCbz
	FormCall
	FormCallR
	FormRet
	FormAdrp
	FormAddLo
	FormR3Shift
	FormTbz
	FormFImm
	FormTable
)

type opInfo struct {
	name string
	form Form
}

var ops = [numOps]opInfo{
	ADD: {"add", FormR3}, SUB: {"sub", FormR3}, AND: {"and", FormR3}, ORR: {"orr", FormR3},
	EOR: {"eor", FormR3}, MUL: {"mul", FormR3}, SDIV: {"sdiv", FormR3}, UDIV: {"udiv", FormR3},
	LSLV: {"lsl", FormR3}, LSRV: {"lsr", FormR3}, ASRV: {"asr", FormR3}, RORV: {"ror", FormR3},
	MADD: {"madd", FormR4}, MSUB: {"msub", FormR4},
	ADDI: {"add", FormRI}, SUBI: {"sub", FormRI}, LSLI: {"lsl", FormRI}, LSRI: {"lsr", FormRI}, ASRI: {"asr", FormRI},
	MOV: {"mov", FormR2}, NEG: {"neg", FormR2}, CLZ: {"clz", FormR2}, RBIT: {"rbit", FormR2},
	SXTB: {"sxtb", FormR2}, SXTH: {"sxth", FormR2}, SXTW: {"sxtw", FormR2}, UXTB: {"uxtb", FormR2}, UXTH: {"uxth", FormR2},
	MOVZ: {"movz", FormMovW}, MOVN: {"movn", FormMovW}, MOVK: {"movk", FormMovW},
	CMP: {"cmp", FormCmp}, CMPI: {"cmp", FormCmpI}, CMNI: {"cmn", FormCmpI},
	CSEL: {"csel", FormCsel}, CSET: {"cset", FormCset},
	FADD: {"fadd", FormR3}, FSUB: {"fsub", FormR3}, FMUL: {"fmul", FormR3}, FDIV: {"fdiv", FormR3},
	FMIN: {"fmin", FormR3}, FMAX: {"fmax", FormR3},
	FABS: {"fabs", FormR2}, FNEG: {"fneg", FormR2}, FSQRT: {"fsqrt", FormR2}, FRINTP: {"frintp", FormR2},
	FRINTM: {"frintm", FormR2}, FRINTZ: {"frintz", FormR2}, FRINTN: {"frintn", FormR2},
	FMOV: {"fmov", FormR2}, FCVT: {"fcvt", FormR2}, SCVTF: {"scvtf", FormR2}, UCVTF: {"ucvtf", FormR2},
	FCVTZS: {"fcvtzs", FormR2}, FCVTZU: {"fcvtzu", FormR2},
	FCMP: {"fcmp", FormFcmp}, FCSEL: {"fcsel", FormCsel}, CNT: {"cnt", FormR2}, ADDV: {"addv", FormR2},
	LDR: {"ldr", FormMem}, LDRS: {"ldrs", FormMem}, STR: {"str", FormMem},
	LDRR: {"ldr", FormMemR}, LDRSR: {"ldrs", FormMemR}, STRR: {"str", FormMemR},
	STPPRE: {"stp", FormPair}, LDPPOST: {"ldp", FormPair}, STP: {"stp", FormPair}, LDP: {"ldp", FormPair},
	B: {"b", FormB}, BCOND: {"b.", FormBcond}, CBZ: {"cbz", FormCbz}, CBNZ: {"cbnz", FormCbz},
	BL: {"bl", FormCall}, BLR: {"blr", FormCallR}, RET: {"ret", FormRet}, TRAP: {"bl", FormCall},
	ADRP: {"adrp", FormAdrp}, ADDLO: {"add", FormAddLo},
	ANDI: {"and", FormRI}, ORRI: {"orr", FormRI}, EORI: {"eor", FormRI}, TST: {"tst", FormCmp}, TSTI: {"tst", FormCmpI},
	ADDSH: {"add", FormR3Shift}, SUBSH: {"sub", FormR3Shift},
	TBZ: {"tbz", FormTbz}, TBNZ: {"tbnz", FormTbz}, FMOVI: {"fmov", FormFImm}, BRTABLE: {"br", FormTable},
}

// Form returns the operand shape of op.
func (o Op) Form() Form { return ops[o].form }

// Name returns the base mnemonic of op.
func (o Op) Name() string { return ops[o].name }

// IsLogicalImm reports whether op takes a bitmask immediate (printed in hex).
func (o Op) IsLogicalImm() bool { return o == ANDI || o == ORRI || o == EORI || o == TSTI }

// IsStore reports whether op reads Rd as the value to store.
func (o Op) IsStore() bool { return o == STR || o == STRR }

// IsTerminator reports whether op ends a block.
func (o Op) IsTerminator() bool {
	return o == B || o == RET || o == TRAP || o == BRTABLE
}

// IsBranch reports whether op may transfer control to Target.
func (o Op) IsBranch() bool {
	return o == B || o == BCOND || o == CBZ || o == CBNZ || o == TBZ || o == TBNZ
}

// Targets returns the blocks in may branch to: Target for a branch, Table for a jump table.
func (in *Instr) Targets() []int {
	if in.Op == BRTABLE {
		return in.Table
	}
	if in.Op.IsBranch() {
		return []int{in.Target}
	}
	return nil
}

// IsCall reports whether op calls a function that clobbers the caller-saved registers.
func (o Op) IsCall() bool { return o == BL || o == BLR }

// DefsUses returns the registers the instruction writes and reads (ZR and SP excluded from
// neither: callers filter what they need).
func (in *Instr) DefsUses() (defs, uses []Reg) {
	switch in.Op.Form() {
	case FormR3, FormR3Shift:
		return []Reg{in.Rd}, []Reg{in.Rn, in.Rm}
	case FormR4:
		return []Reg{in.Rd}, []Reg{in.Rn, in.Rm, in.Ra}
	case FormRI, FormR2, FormAddLo:
		return []Reg{in.Rd}, []Reg{in.Rn}
	case FormMovW:
		if in.Op == MOVK {
			return []Reg{in.Rd}, []Reg{in.Rd}
		}
		return []Reg{in.Rd}, nil
	case FormCmp, FormFcmp:
		return nil, []Reg{in.Rn, in.Rm}
	case FormCmpI, FormCbz, FormTbz, FormTable:
		return nil, []Reg{in.Rn}
	case FormFImm:
		return []Reg{in.Rd}, nil
	case FormCsel:
		return []Reg{in.Rd}, []Reg{in.Rn, in.Rm}
	case FormCset, FormAdrp:
		return []Reg{in.Rd}, nil
	case FormMem:
		if in.Op.IsStore() {
			return nil, []Reg{in.Rd, in.Rn}
		}
		return []Reg{in.Rd}, []Reg{in.Rn}
	case FormMemR:
		if in.Op.IsStore() {
			return nil, []Reg{in.Rd, in.Rn, in.Rm}
		}
		return []Reg{in.Rd}, []Reg{in.Rn, in.Rm}
	case FormPair:
		if in.Op == STPPRE || in.Op == STP {
			return nil, []Reg{in.Rd, in.Rn}
		}
		return []Reg{in.Rd, in.Rn}, nil
	case FormCall:
		return in.Defs, in.Uses
	case FormCallR:
		return in.Defs, append([]Reg{in.Rn}, in.Uses...)
	case FormRet:
		return nil, in.Uses
	}
	return nil, nil
}

// CallerSaved lists the registers a call may clobber (docs/arm64-abi.md): x0..x17, x30,
// v0..v7 and v16..v31.
func CallerSaved() []Reg {
	var out []Reg
	for r := Reg(0); r <= 17; r++ {
		out = append(out, r)
	}
	out = append(out, LR)
	for n := 0; n < 8; n++ {
		out = append(out, V(n))
	}
	for n := 16; n < 32; n++ {
		out = append(out, V(n))
	}
	return out
}
