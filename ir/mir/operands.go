package mir

// OperandBuf is scratch storage for DefsUsesIn: the analyses that walk every instruction of a
// function after every pass (liveness, live intervals, the verifier) read the operands of each
// without allocating two slices per instruction.
type OperandBuf [4]Reg

// DefsUsesIn returns what DefsUses returns, without allocating for the fixed-operand forms: their
// registers are written to buf and the results alias it (valid until buf is reused; capacities
// are cut so that appending to one never overwrites the other). Calls and returns give their own
// Defs and Uses lists, which callers must not modify. Any form not listed here is DefsUses'
// (TestDefsUsesInAgrees compares the two over every operation).
func (in *Instr) DefsUsesIn(buf *OperandBuf) (defs, uses []Reg) {
	switch in.Op.Form() {
	case FormR3, FormR3Shift, FormCsel:
		buf[0], buf[1], buf[2] = in.Rd, in.Rn, in.Rm
		return buf[0:1:1], buf[1:3:3]
	case FormR4:
		buf[0], buf[1], buf[2], buf[3] = in.Rd, in.Rn, in.Rm, in.Ra
		return buf[0:1:1], buf[1:4:4]
	case FormRI, FormR2, FormAddLo:
		buf[0], buf[1] = in.Rd, in.Rn
		return buf[0:1:1], buf[1:2:2]
	case FormMovW:
		buf[0], buf[1] = in.Rd, in.Rd
		if in.Op == MOVK {
			return buf[0:1:1], buf[1:2:2]
		}
		return buf[0:1:1], nil
	case FormCmp, FormFcmp:
		buf[0], buf[1] = in.Rn, in.Rm
		return nil, buf[0:2:2]
	case FormCmpI, FormCbz, FormTbz, FormTable:
		buf[0] = in.Rn
		return nil, buf[0:1:1]
	case FormCset, FormAdrp, FormFImm:
		buf[0] = in.Rd
		return buf[0:1:1], nil
	case FormMem:
		buf[0], buf[1] = in.Rd, in.Rn
		if in.Op.IsStore() {
			return nil, buf[0:2:2]
		}
		return buf[0:1:1], buf[1:2:2]
	case FormMemR:
		buf[0], buf[1], buf[2] = in.Rd, in.Rn, in.Rm
		if in.Op.IsStore() {
			return nil, buf[0:3:3]
		}
		return buf[0:1:1], buf[1:3:3]
	case FormPair:
		buf[0], buf[1] = in.Rd, in.Rn
		if in.Op == STPPRE || in.Op == STP {
			return nil, buf[0:2:2]
		}
		return buf[0:2:2], nil
	case FormCall:
		return in.Defs, in.Uses
	case FormRet:
		return nil, in.Uses
	case FormB, FormBcond:
		return nil, nil
	}
	return in.DefsUses()
}
