package mir

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Print writes p in GNU-as syntax (only function fn when fn is not empty). Virtual registers
// print as w%N/x%N/s%N/d%N, which only the reader accepts; allocated code assembles.
func Print(w io.Writer, p *Program, fn string) {
	fmt.Fprintf(w, "\t.text\n")
	for _, f := range p.Funcs {
		if fn != "" && f.Name != fn {
			continue
		}
		PrintFunc(w, f)
	}
}

// PrintFunc writes one function.
func PrintFunc(w io.Writer, f *Func) {
	fmt.Fprintf(w, "\t.globl %s\n\t.p2align 2\n%s:\n", f.Name, f.Name)
	if f.OutArgs != 0 || f.Slots != 0 || len(f.Saved) > 0 {
		fmt.Fprintf(w, "\t// frame: outargs=%d slots=%d", f.OutArgs, f.Slots)
		if len(f.Saved) > 0 {
			var names []string
			for _, r := range f.Saved {
				w := X
				if r.IsFloat() {
					w = D
				}
				names = append(names, f.RegName(r, w))
			}
			fmt.Fprintf(w, " saved=%s", strings.Join(names, ","))
		}
		fmt.Fprintln(w)
	}
	for _, b := range f.Blocks {
		fmt.Fprintf(w, "%s:\n", Label(f.Name, b.ID))
		for _, in := range b.Instrs {
			fmt.Fprintf(w, "\t%s\n", f.Format(in))
		}
	}
}

// Label returns the assembler label of block id of function fn.
func Label(fn string, id int) string { return fmt.Sprintf(".L%s_%d", fn, id) }

// RegName returns the assembler name of r used at width w.
func (f *Func) RegName(r Reg, w Width) string {
	wide := w == X || w == D
	switch {
	case r == SP:
		return "sp"
	case r == ZR:
		if wide {
			return "xzr"
		}
		return "wzr"
	}
	prefix := ""
	if f.ClassOf(r) == Float {
		prefix = map[bool]string{false: "s", true: "d"}[wide]
	} else {
		prefix = map[bool]string{false: "w", true: "x"}[wide]
	}
	switch {
	case r.IsVirtual():
		return fmt.Sprintf("%s%%%d", prefix, int(r))
	case r.IsFloat():
		return fmt.Sprintf("%s%d", prefix, int(r-V0))
	}
	return fmt.Sprintf("%s%d", prefix, int(r))
}

// vecName returns the vN.8b form of a float register.
func (f *Func) vecName(r Reg) string {
	if r.IsVirtual() {
		return fmt.Sprintf("v%%%d.8b", int(r))
	}
	return fmt.Sprintf("v%d.8b", int(r-V0))
}

var memSuffix = map[Width]string{Byte: "b", Half: "h"}

// memReg is the register width of the data register of a load or store.
func (in *Instr) memReg() Width {
	switch in.W {
	case Byte, Half:
		if in.Op == LDRS || in.Op == LDRSR {
			return in.W2
		}
		return W
	case W:
		if in.Op == LDRS || in.Op == LDRSR {
			return X
		}
	}
	return in.W
}

// Mnemonic returns the full mnemonic of in (with size suffixes and conditions).
func (in *Instr) Mnemonic() string {
	switch in.Op.Form() {
	case FormMem, FormMemR:
		return in.Op.Name() + memSuffix[in.W] + map[bool]string{true: "w"}[in.W == W && (in.Op == LDRS || in.Op == LDRSR)]
	case FormBcond:
		return "b." + in.Cond.String()
	}
	return in.Op.Name()
}

// Format returns one instruction in assembler syntax.
func (f *Func) Format(in *Instr) string {
	r := func(x Reg) string { return f.RegName(x, in.W) }
	m := in.Mnemonic()
	switch in.Op.Form() {
	case FormR3:
		return fmt.Sprintf("%s %s, %s, %s", m, r(in.Rd), r(in.Rn), r(in.Rm))
	case FormR3Shift:
		return fmt.Sprintf("%s %s, %s, %s, lsl #%d", m, r(in.Rd), r(in.Rn), r(in.Rm), in.Imm)
	case FormR4:
		return fmt.Sprintf("%s %s, %s, %s, %s", m, r(in.Rd), r(in.Rn), r(in.Rm), r(in.Ra))
	case FormRI:
		if in.Op.IsLogicalImm() {
			return fmt.Sprintf("%s %s, %s, #0x%x", m, r(in.Rd), r(in.Rn), uint64(in.Imm))
		}
		return fmt.Sprintf("%s %s, %s, #%d", m, r(in.Rd), r(in.Rn), in.Imm)
	case FormR2:
		return f.formatR2(in)
	case FormMovW:
		s := fmt.Sprintf("%s %s, #0x%x", m, r(in.Rd), in.Imm&0xFFFF)
		if sh := in.Imm >> 16; sh != 0 {
			s += fmt.Sprintf(", lsl #%d", 16*sh)
		}
		return s
	case FormCmp, FormFcmp:
		return fmt.Sprintf("%s %s, %s", m, r(in.Rn), r(in.Rm))
	case FormCmpI:
		if in.Op.IsLogicalImm() {
			return fmt.Sprintf("%s %s, #0x%x", m, r(in.Rn), uint64(in.Imm))
		}
		return fmt.Sprintf("%s %s, #%d", m, r(in.Rn), in.Imm)
	case FormCsel:
		return fmt.Sprintf("%s %s, %s, %s, %s", m, r(in.Rd), r(in.Rn), r(in.Rm), in.Cond)
	case FormCset:
		return fmt.Sprintf("%s %s, %s", m, r(in.Rd), in.Cond)
	case FormMem:
		return fmt.Sprintf("%s %s, [%s, #%d]", m, f.RegName(in.Rd, in.memReg()), f.RegName(in.Rn, X), in.Imm)
	case FormMemR:
		if in.Imm != 0 {
			return fmt.Sprintf("%s %s, [%s, %s, lsl #%d]", m, f.RegName(in.Rd, in.memReg()), f.RegName(in.Rn, X), f.RegName(in.Rm, X), in.Imm)
		}
		return fmt.Sprintf("%s %s, [%s, %s]", m, f.RegName(in.Rd, in.memReg()), f.RegName(in.Rn, X), f.RegName(in.Rm, X))
	case FormPair:
		if in.Op == STP || in.Op == LDP {
			return fmt.Sprintf("%s %s, %s, [sp, #%d]", m, r(in.Rd), r(in.Rn), in.Imm)
		}
		if in.Op == STPPRE {
			return fmt.Sprintf("stp %s, %s, [sp, #%d]!", r(in.Rd), r(in.Rn), in.Imm)
		}
		return fmt.Sprintf("ldp %s, %s, [sp], #%d", r(in.Rd), r(in.Rn), in.Imm)
	case FormB, FormBcond:
		return fmt.Sprintf("%s %s", m, Label(f.Name, in.Target))
	case FormCbz:
		return fmt.Sprintf("%s %s, %s", m, r(in.Rn), Label(f.Name, in.Target))
	case FormTbz:
		return fmt.Sprintf("%s %s, #%d, %s", m, r(in.Rn), in.Imm, Label(f.Name, in.Target))
	case FormFImm:
		return fmt.Sprintf("fmov %s, #%s", r(in.Rd), fimmText(in))
	case FormTable:
		return f.formatTable(in)
	case FormCall:
		return fmt.Sprintf("%s %s%s", m, in.Sym, f.regComment(in))
	case FormCallR:
		return fmt.Sprintf("%s %s%s", m, f.RegName(in.Rn, X), f.regComment(in))
	case FormRet:
		return "ret" + f.regComment(in)
	case FormAdrp:
		return fmt.Sprintf("adrp %s, %s", f.RegName(in.Rd, X), in.Sym)
	case FormAddLo:
		return fmt.Sprintf("add %s, %s, :lo12:%s", f.RegName(in.Rd, X), f.RegName(in.Rn, X), in.Sym)
	}
	return "?" + m
}

// regComment lists the implicit registers of calls and returns as an assembler comment.
func (f *Func) regComment(in *Instr) string {
	if len(in.Uses) == 0 && len(in.Defs) == 0 {
		return ""
	}
	list := func(rs []Reg) string {
		var s []string
		for _, x := range rs {
			s = append(s, f.RegName(x, X))
		}
		return strings.Join(s, ",")
	}
	return fmt.Sprintf(" // uses=%s defs=%s", list(in.Uses), list(in.Defs))
}

func (f *Func) formatR2(in *Instr) string {
	m := in.Mnemonic()
	dw, sw := in.W, in.W
	switch in.Op {
	case FCVT, SCVTF, UCVTF, FCVTZS, FCVTZU:
		sw = in.W2
	case SXTB, SXTH, UXTB, UXTH, SXTW:
		sw = W
	case CNT:
		return fmt.Sprintf("cnt %s, %s", f.vecName(in.Rd), f.vecName(in.Rn))
	case ADDV:
		name := f.RegName(in.Rd, D)
		return fmt.Sprintf("addv b%s, %s", name[1:], f.vecName(in.Rn))
	}
	return fmt.Sprintf("%s %s, %s", m, f.RegName(in.Rd, dw), f.RegName(in.Rn, sw))
}

// fimmText is the decimal text of FMOVI's immediate (the values FMOV encodes are short and
// exact in decimal), with a point so that assemblers read it as a float.
func fimmText(in *Instr) string {
	v := math.Float64frombits(uint64(in.Imm))
	if in.W == S {
		v = float64(math.Float32frombits(uint32(in.Imm)))
	}
	t := strconv.FormatFloat(v, 'f', -1, 64)
	if !strings.Contains(t, ".") {
		t += ".0"
	}
	return t
}

// formatTable prints a jump table as the instructions it encodes to, on one line (`;` separates
// statements in GNU as for AArch64): the table of 32-bit offsets from its start follows the br.
func (f *Func) formatTable(in *Instr) string {
	var entries []string
	for _, t := range in.Table {
		entries = append(entries, Label(f.Name, t)+"-1b")
	}
	return fmt.Sprintf("adr x16, 1f ; ldrsw x17, [x16, %s, uxtw #2] ; add x16, x16, x17 ; br x16 ; 1: .word %s",
		f.RegName(in.Rn, W), strings.Join(entries, ", "))
}
