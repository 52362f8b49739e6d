package mir

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

var r3Ops = map[string]Op{"add": ADD, "sub": SUB, "and": AND, "orr": ORR, "eor": EOR, "mul": MUL, "sdiv": SDIV,
	"udiv": UDIV, "lsl": LSLV, "lsr": LSRV, "asr": ASRV, "ror": RORV, "fadd": FADD, "fsub": FSUB, "fmul": FMUL,
	"fdiv": FDIV, "fmin": FMIN, "fmax": FMAX}

var riOps = map[string]Op{"add": ADDI, "sub": SUBI, "lsl": LSLI, "lsr": LSRI, "asr": ASRI, "and": ANDI, "orr": ORRI, "eor": EORI}

var r2Ops = map[string]Op{"mov": MOV, "neg": NEG, "clz": CLZ, "rbit": RBIT, "sxtb": SXTB, "sxth": SXTH,
	"sxtw": SXTW, "uxtb": UXTB, "uxth": UXTH, "fabs": FABS, "fneg": FNEG, "fsqrt": FSQRT, "frintp": FRINTP,
	"frintm": FRINTM, "frintz": FRINTZ, "frintn": FRINTN, "fmov": FMOV, "fcvt": FCVT, "scvtf": SCVTF,
	"ucvtf": UCVTF, "fcvtzs": FCVTZS, "fcvtzu": FCVTZU, "cnt": CNT, "addv": ADDV}

// parseInstr reads one instruction in the syntax of Func.Format.
func parseInstr(f *Func, line string) (*Instr, error) {
	comment := ""
	if i := strings.Index(line, " //"); i >= 0 {
		line, comment = line[:i], strings.TrimSpace(line[i+3:])
	}
	m, rest, _ := strings.Cut(line, " ")
	if m == "adr" {
		return parseTable(f, line)
	}
	ops := splitOperands(rest)
	in := &Instr{Rd: NoReg, Rn: NoReg, Rm: NoReg, Ra: NoReg}
	regs := make([]operand, len(ops))
	for i, o := range ops {
		if o == "" || strings.ContainsAny(o[:1], "#[:.") || !isRegister(o) {
			continue
		}
		r, err := parseReg(f, o)
		if err != nil {
			return nil, err
		}
		regs[i] = r
	}
	need := func(n int) error {
		if len(ops) != n {
			return fmt.Errorf("%s: want %d operands, have %d", m, n, len(ops))
		}
		return nil
	}
	var err error
	switch {
	case m == "add" && len(ops) == 3 && strings.HasPrefix(ops[2], ":lo12:"):
		in.Op, in.Rd, in.Rn, in.Sym = ADDLO, regs[0].reg, regs[1].reg, strings.TrimPrefix(ops[2], ":lo12:")
	case (m == "add" || m == "sub") && len(ops) == 4 && strings.HasPrefix(ops[3], "lsl #"):
		in.Op, in.W, in.Rd, in.Rn, in.Rm = map[string]Op{"add": ADDSH, "sub": SUBSH}[m], regs[0].width, regs[0].reg, regs[1].reg, regs[2].reg
		in.Imm, err = parseImm(strings.TrimPrefix(ops[3], "lsl "))
	case riOps[m] != 0 || m == "add" && len(ops) == 3 && strings.HasPrefix(ops[2], "#"):
		if err = need(3); err == nil && strings.HasPrefix(ops[2], "#") {
			in.Op, in.W, in.Rd, in.Rn = riOps[m], regs[0].width, regs[0].reg, regs[1].reg
			in.Imm, err = parseImm(ops[2])
			break
		}
		fallthrough
	case r3Ops[m] != 0 || m == "add":
		if err = need(3); err == nil {
			in.Op, in.W, in.Rd, in.Rn, in.Rm = r3Ops[m], regs[0].width, regs[0].reg, regs[1].reg, regs[2].reg
		}
	case m == "madd" || m == "msub":
		if err = need(4); err == nil {
			in.Op = map[string]Op{"madd": MADD, "msub": MSUB}[m]
			in.W, in.Rd, in.Rn, in.Rm, in.Ra = regs[0].width, regs[0].reg, regs[1].reg, regs[2].reg, regs[3].reg
		}
	case m == "fmov" && len(ops) == 2 && strings.HasPrefix(ops[1], "#"):
		in.Op, in.Rd, in.W = FMOVI, regs[0].reg, regs[0].width
		in.Imm, err = parseFImm(ops[1], in.W)
	case m == "tbz" || m == "tbnz":
		if err = need(3); err == nil {
			in.Op = map[string]Op{"tbz": TBZ, "tbnz": TBNZ}[m]
			in.W, in.Rn = regs[0].width, regs[0].reg
			if in.Imm, err = parseImm(ops[1]); err == nil {
				in.Target, err = labelID(f.Name, ops[2])
			}
		}
	case r2Ops[m] != 0 || m == "mov":
		if err = need(2); err == nil {
			in.Op, in.Rd, in.Rn, in.W = r2Ops[m], regs[0].reg, regs[1].reg, regs[0].width
			switch in.Op {
			case FCVT, SCVTF, UCVTF, FCVTZS, FCVTZU:
				in.W2 = regs[1].width
			case FMOV:
				if regs[0].class != Float {
					in.W = map[Width]Width{W: S, X: D, S: S, D: D}[regs[1].width]
				}
			case CNT, ADDV:
				in.W = W
			}
		}
	case m == "movz" || m == "movn" || m == "movk":
		in.Op = map[string]Op{"movz": MOVZ, "movn": MOVN, "movk": MOVK}[m]
		in.W, in.Rd = regs[0].width, regs[0].reg
		if in.Imm, err = parseImm(ops[1]); err == nil && len(ops) == 3 {
			var sh int64
			sh, err = parseImm(strings.TrimPrefix(ops[2], "lsl "))
			in.Imm |= sh / 16 << 16
		}
	case m == "cmp" || m == "cmn" || m == "fcmp" || m == "tst":
		if err = need(2); err == nil {
			in.W, in.Rn = regs[0].width, regs[0].reg
			switch {
			case m == "fcmp":
				in.Op, in.Rm = FCMP, regs[1].reg
			case strings.HasPrefix(ops[1], "#"):
				in.Op = map[string]Op{"cmp": CMPI, "cmn": CMNI, "tst": TSTI}[m]
				in.Imm, err = parseImm(ops[1])
			default:
				in.Op, in.Rm = map[string]Op{"cmp": CMP, "cmn": CMP, "tst": TST}[m], regs[1].reg
			}
		}
	case m == "csel" || m == "fcsel":
		if err = need(4); err == nil {
			in.Op = map[string]Op{"csel": CSEL, "fcsel": FCSEL}[m]
			in.W, in.Rd, in.Rn, in.Rm = regs[0].width, regs[0].reg, regs[1].reg, regs[2].reg
			in.Cond, err = parseCond(ops[3])
		}
	case m == "cset":
		if err = need(2); err == nil {
			in.Op, in.W, in.Rd = CSET, regs[0].width, regs[0].reg
			in.Cond, err = parseCond(ops[1])
		}
	case strings.HasPrefix(m, "ldr") || strings.HasPrefix(m, "str"):
		err = parseMem(f, in, m, ops, regs)
	case m == "stp" || m == "ldp":
		if m == "ldp" && len(ops) == 4 { // "[sp], #16" splits at its comma
			ops = append(ops[:2], ops[2]+", "+ops[3])
		}
		if err = need(3); err == nil {
			in.W, in.Rd, in.Rn = regs[0].width, regs[0].reg, regs[1].reg
			if !strings.HasSuffix(ops[2], "!") && !strings.HasPrefix(ops[2], "[sp],") { // [sp, #imm]
				in.Op = map[string]Op{"stp": STP, "ldp": LDP}[m]
				in.Imm, err = parseImm(strings.TrimSuffix(strings.TrimPrefix(ops[2], "[sp, "), "]"))
			} else if m == "stp" {
				in.Op = STPPRE
				in.Imm, err = parseImm(strings.TrimSuffix(strings.TrimPrefix(ops[2], "[sp, "), "]!"))
			} else {
				in.Op = LDPPOST
				in.Imm, err = parseImm(strings.TrimPrefix(ops[2], "[sp], "))
			}
		}
	case m == "b" || strings.HasPrefix(m, "b."):
		in.Op = B
		if m != "b" {
			in.Op = BCOND
			in.Cond, err = parseCond(m[2:])
		}
		if err == nil {
			in.Target, err = labelID(f.Name, ops[0])
		}
	case m == "cbz" || m == "cbnz":
		in.Op = map[string]Op{"cbz": CBZ, "cbnz": CBNZ}[m]
		in.W, in.Rn = regs[0].width, regs[0].reg
		in.Target, err = labelID(f.Name, ops[1])
	case m == "bl":
		in.Op, in.Sym = BL, ops[0]
		if strings.HasPrefix(in.Sym, "cot_trap_") {
			in.Op = TRAP
		}
	case m == "blr":
		in.Op, in.Rn = BLR, regs[0].reg
	case m == "ret":
		in.Op = RET
	case m == "adrp":
		in.Op, in.Rd, in.Sym = ADRP, regs[0].reg, ops[1]
	default:
		return nil, fmt.Errorf("unknown instruction %q", line)
	}
	if err != nil {
		return nil, fmt.Errorf("%q: %v", line, err)
	}
	if comment != "" {
		if in.Uses, in.Defs, err = parseRegComment(f, comment); err != nil {
			return nil, err
		}
	}
	return in, nil
}

func isRegister(s string) bool {
	if s == "sp" || s == "wzr" || s == "xzr" {
		return true
	}
	return len(s) >= 2 && strings.ContainsRune("wxsdvb", rune(s[0])) && (s[1] == '%' || s[1] >= '0' && s[1] <= '9')
}

// parseMem reads loads and stores: "ldrsb x%1, [x28, x%2]" or "str x9, [sp, #8]".
func parseMem(f *Func, in *Instr, m string, ops []string, regs []operand) error {
	if len(ops) != 2 {
		return fmt.Errorf("%s: want 2 operands", m)
	}
	store := strings.HasPrefix(m, "str")
	signed := strings.HasPrefix(m, "ldrs")
	suffix := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(m, "ldrs"), "ldr"), "str")
	in.Rd = regs[0].reg
	switch suffix {
	case "b":
		in.W, in.W2 = Byte, regs[0].width
	case "h":
		in.W, in.W2 = Half, regs[0].width
	case "w":
		in.W = W
	case "":
		in.W = regs[0].width
	default:
		return fmt.Errorf("unknown access %q", m)
	}
	if !signed {
		in.W2 = 0
	}
	addr := strings.TrimSuffix(strings.TrimPrefix(ops[1], "["), "]")
	parts := splitOperands(addr)
	base, err := parseReg(f, parts[0])
	if err != nil {
		return err
	}
	in.Rn = base.reg
	if strings.HasPrefix(parts[1], "#") {
		in.Op = map[[2]bool]Op{{false, false}: LDR, {true, false}: STR, {false, true}: LDRS}[[2]bool{store, signed}]
		in.Imm, err = parseImm(parts[1])
		return err
	}
	idx, err := parseReg(f, parts[1])
	if err != nil {
		return err
	}
	in.Rm = idx.reg
	in.Op = map[[2]bool]Op{{false, false}: LDRR, {true, false}: STRR, {false, true}: LDRSR}[[2]bool{store, signed}]
	if len(parts) == 3 { // scaled: "lsl #3"
		in.Imm, err = parseImm(strings.TrimPrefix(parts[2], "lsl "))
	}
	return err
}

func parseRegComment(f *Func, c string) (uses, defs []Reg, err error) {
	for _, field := range strings.Fields(c) {
		key, list, _ := strings.Cut(field, "=")
		for _, name := range strings.Split(list, ",") {
			if name == "" {
				continue
			}
			r, err := parseReg(f, name)
			if err != nil {
				return nil, nil, err
			}
			if key == "uses" {
				uses = append(uses, r.reg)
			} else {
				defs = append(defs, r.reg)
			}
		}
	}
	return uses, defs, nil
}

// parseFImm reads FMOVI's decimal immediate as the bits of a float of width w.
func parseFImm(s string, w Width) (int64, error) {
	v, err := strconv.ParseFloat(strings.TrimPrefix(s, "#"), 64)
	if err != nil {
		return 0, err
	}
	if w == S {
		return int64(math.Float32bits(float32(v))), nil
	}
	return int64(math.Float64bits(v)), nil
}

// parseTable reads the one-line jump table of formatTable.
func parseTable(f *Func, line string) (*Instr, error) {
	in := &Instr{Op: BRTABLE, Rd: NoReg, Rn: NoReg, Rm: NoReg, Ra: NoReg}
	_, rest, ok := strings.Cut(line, "[x16, ")
	idx, _, ok2 := strings.Cut(rest, ",")
	_, words, ok3 := strings.Cut(line, ".word ")
	if !ok || !ok2 || !ok3 {
		return nil, fmt.Errorf("%q: not a jump table", line)
	}
	r, err := parseReg(f, idx)
	if err != nil {
		return nil, err
	}
	in.Rn, in.W = r.reg, r.width
	for _, e := range splitOperands(words) {
		id, err := labelID(f.Name, strings.TrimSuffix(e, "-1b"))
		if err != nil {
			return nil, err
		}
		in.Table = append(in.Table, id)
	}
	return in, nil
}
