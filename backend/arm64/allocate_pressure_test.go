package arm64

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"cot/ir/mir"
	"cot/verify"
)

// pressureForms is one instruction of every operand shape that takes virtual registers, in MIR
// text; %A is the result, %B, %C, %D the operands (their class follows from the prefix).
var pressureForms = []string{
	"add w%A, w%B, w%C", "madd x%A, x%B, x%C, x%D", "msub w%A, w%B, w%C, w%D", "sdiv x%A, x%B, x%C",
	"lsl w%A, w%B, w%C", "add x%A, x%B, #12", "lsr w%A, w%B, #3", "mov x%A, x%B", "mov w%A, w%B",
	"neg w%A, w%B", "clz x%A, x%B", "sxtw x%A, w%B", "uxtb w%A, w%B", "movz x%A, #0x12, lsl #16",
	"movk x%B, #0x5678, lsl #16", "cmp w%B, w%C", "cmp x%B, #7", "cmn w%B, #1",
	"csel x%A, x%B, x%C, hs", "cset w%A, eq", "fadd d%A, d%B, d%C", "fmin s%A, s%B, s%C",
	"fsqrt d%A, d%B", "fmov d%A, d%B", "fmov s%A, w%B", "fmov x%A, d%B", "fcvt s%A, d%B",
	"scvtf d%A, x%B", "ucvtf s%A, w%B", "fcvtzs w%A, d%B", "fcvtzu x%A, s%B", "fcmp d%B, d%C",
	"fcsel d%A, d%B, d%C, lt", "cnt v%A.8b, v%B.8b", "addv b%A, v%B.8b",
	"ldr w%A, [x%B, #8]", "ldrsb x%A, [x%B, #1]", "ldr d%A, [x%B, #16]", "str x%C, [x%B, #8]",
	"str s%C, [x%B, #4]", "ldr x%A, [x%B, x%C]", "ldrsh w%A, [x%B, x%C]", "str w%D, [x%B, x%C]",
	"str d%D, [x%B, x%C]", "ldr s%A, [x%B, x%C]", "add x%A, x%B, :lo12:cot_table_0", "adrp x%A, cot_table_0",
	"blr x%B", "and w%A, w%B, #0xff", "eor x%A, x%B, #0xffff0000", "tst x%B, #0x8", "tst w%B, w%C",
	"add w%A, w%B, w%C, lsl #2", "sub x%A, x%B, x%C, lsl #63",
}

// operandRe finds a virtual register operand and its width prefix.
var operandRe = regexp.MustCompile(`\b([wxsdvb])%(10[0-3])\b`)

// pressureFunc wraps form in a function where 40 integer and 40 float values, each used four
// times, are live across it; its own operands are loaded first and used once more at the end, so
// they weigh least per instruction they cover.
func pressureFunc(form string) (text, instr string) {
	var b strings.Builder
	b.WriteString("\t.text\n\t.globl f\n\t.p2align 2\nf:\n\t// frame: outargs=0 slots=0\n.Lf_0:\n")
	next := 200
	in := strings.NewReplacer("%A", "%100", "%B", "%101", "%C", "%102", "%D", "%103").Replace(form)
	defined := map[string]bool{}
	var after []string
	for k, m := range operandRe.FindAllStringSubmatch(in, -1) {
		w, n := m[1], m[2]
		if defined[n] {
			continue
		}
		defined[n] = true
		store := map[string]string{"w": "w", "x": "x", "s": "s", "d": "d", "v": "d", "b": "d"}[w]
		after = append(after, fmt.Sprintf("\tstr %s%%%s, [sp, #%d]\n", store, n, 8*k))
		if n == "100" && !strings.HasPrefix(form, "movk") {
			continue // the result
		}
		// Loaded (not constants: a spilled constant is rematerialised, not loaded) before the
		// busy values, and used only here and at the end: the least weight per instruction.
		fmt.Fprintf(&b, "\tldr %s%%%s, [x25, #%d]\n", store, n, 8*k)
	}
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, "\tldr x%%%d, [x25, #%d]\n\tldr d%%%d, [x25, #%d]\n", next+2*i, 8*i, next+2*i+1, 8*i)
	}
	fmt.Fprintf(&b, "\t%s\n", in)
	for k := 0; k < 4; k++ {
		for i := 0; i < 40; i++ {
			fmt.Fprintf(&b, "\tstr x%%%d, [sp, #%d]\n\tstr d%%%d, [sp, #%d]\n", next+2*i, 8*k, next+2*i+1, 8*k)
		}
	}
	b.WriteString(strings.Join(after, ""))
	b.WriteString("\tret // uses= defs=\n")
	return b.String(), in
}

// TestAllocateAllOperandsSpilled compiles every instruction form with all of its register
// operands spilled (80 more used values take every register): allocation must not
// run out of scratch registers, the result must verify as mir-allocated and encode, and each
// operand must really come from its spill slot.
func TestAllocateAllOperandsSpilled(t *testing.T) {
	for _, form := range pressureForms {
		text, instr := pressureFunc(form)
		p, err := mir.Read(text)
		if err != nil {
			t.Fatalf("%s: %v\n%s", form, err, text)
		}
		f := p.Funcs[0]
		var under *mir.Instr
		for _, in := range f.Blocks[0].Instrs {
			if f.Format(in) == instr {
				under = in
			}
		}
		if under == nil {
			t.Fatalf("%s: instruction not found in\n%s", form, text)
		}
		assign := linearScan(f)
		operands, spilled := map[mir.Reg]bool{}, 0
		for _, r := range []mir.Reg{under.Rd, under.Rn, under.Rm, under.Ra} {
			if r.IsVirtual() && !operands[r] {
				operands[r] = true
				if assign.at(r).reg == mir.NoReg {
					spilled++
				}
			}
		}
		if len(operands) == 0 || spilled < len(operands) {
			t.Errorf("%s: %d of %d register operands spilled; the test no longer creates the pressure", form, spilled, len(operands))
		}
		rewriteAllocated(f, assign)
		if errs := verify.MIR(LangMIRAlloc, p); len(errs) > 0 {
			t.Errorf("%s: %v", form, errs[0])
		}
		if _, err := encodeFunc(f); err != nil {
			t.Errorf("%s: encode: %v", form, err)
		}
	}
}
