package mir

import (
	"strings"
	"testing"
)

const sample = `	.text
	.globl f
	.p2align 2
f:
	// frame: outargs=16 slots=3 saved=x19,x20,d8
.Lf_0:
	movz x%100, #0x1234, lsl #16
	movk x%100, #0x5678
	add w%101, w%100, #12
	add x%102, x%100, x%101
	lsl w%103, w%101, #3
	madd x%102, x%100, x%101, x%102
	ldrsb x%104, [x28, x%102]
	ldrh w%105, [x28, x%102]
	str s%106, [x25, #8]
	ldrsw x%104, [x25, #16]
	fmov s%106, w%105
	fmov d%107, xzr
	fcvtzs w%108, d%107
	scvtf s%106, x%104
	cnt v%109.8b, v%109.8b
	addv b%109, v%109.8b
	cmp w%101, #7
	csel x%110, x%100, x%102, hs
	fcmp d%107, d%107
	b.vs .Lf_2
	cbz w%101, .Lf_1
	mov x0, x%110
	bl g // uses=x0 defs=x0
	adrp x%111, cot_table_0
	add x%111, x%111, :lo12:cot_table_0
	blr x%111 // uses= defs=d0
	b .Lf_1
.Lf_1:
	stp x29, x30, [sp, #-16]!
	ldp x29, x30, [sp], #16
	stp x19, x20, [sp, #16]
	ldp d8, d9, [sp, #504]
	ret // uses=x0 defs=
.Lf_2:
	bl cot_trap_invalid_conversion
`

func TestPrintReadPrint(t *testing.T) {
	p, err := Read(sample)
	if err != nil {
		t.Fatal(err)
	}
	var once strings.Builder
	Print(&once, p, "")
	if once.String() != sample {
		t.Fatalf("print(read(text)) differs:\n%s", once.String())
	}
	f := p.Funcs[0]
	if f.Class[106] != Float || f.Class[100] != Int || f.Blocks[0].Instrs[22].Op != BL || f.Blocks[2].Instrs[0].Op != TRAP {
		t.Fatal("classes or call kinds not recovered")
	}
	if in := f.Blocks[0].Instrs[6]; in.Op != LDRSR || in.W != Byte || in.W2 != X || in.Rn != MemBase {
		t.Fatalf("ldrsb read as %+v", in)
	}
}

func TestReadErrors(t *testing.T) {
	for _, bad := range []string{
		"\tadd x1, x2, x3\n",
		"\t.globl f\nf:\n.Lf_0:\n\tfrobnicate x1\n",
		"\t.globl f\nf:\n.Lg_0:\n\tret\n",
		"\t.globl f\nf:\n.Lf_0:\n\tcset x1, zz\n",
	} {
		if _, err := Read(bad); err == nil {
			t.Errorf("Read accepted:\n%s", bad)
		}
	}
}
