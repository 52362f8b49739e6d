package ssa

import (
	"strings"
	"testing"
)

const sample = `func loop index=2 (i32, f64) -> (i32, f64)
b0(v0:i32, v1:f64):
  v2:i32 = const aux=0x1
  jump b1(v0, v2)
b1(v3:i32, v4:i32):
  v5:i32 = i32.add v4, v3
  v6:i32 = i32.load v5 aux=0x10
  i32.store v5, v6 aux=0x4
  v8 = call v6, v1 aux=0x3
  v9:f64 = result v8
  v10:i32 = i32.eqz v3
  branch v10, b2(), b1(v5, v6)
b2():
  switch v3, b3(), b3(), b4(v9)
b3():
  return v4, v1
b4(v11:f64):
  unreachable
`

func TestPrintReadPrint(t *testing.T) {
	p, err := Read(sample)
	if err != nil {
		t.Fatal(err)
	}
	var once strings.Builder
	Print(&once, p, "")
	if once.String() != sample {
		t.Fatalf("print(read(text)) differs:\n%s\nwant:\n%s", once.String(), sample)
	}
	q, err := Read(once.String())
	if err != nil {
		t.Fatal(err)
	}
	var twice strings.Builder
	Print(&twice, q, "")
	if twice.String() != once.String() {
		t.Fatalf("print(read(print(x))) != print(x):\n%s", twice.String())
	}
	f := p.Funcs[0]
	if f.Blocks[1].Instrs[3].Args[0] != f.Blocks[1].Instrs[1] || f.Blocks[4].Params[0] != f.Blocks[4].Params[0] {
		t.Fatal("operands not linked to their definitions")
	}
	if got := f.Blocks[1].Term.Succs[1].To; got != f.Blocks[1] {
		t.Fatalf("back edge goes to b%d", got.ID)
	}
}

func TestReadErrors(t *testing.T) {
	for _, bad := range []string{
		"b0():\n  return\n", // outside a function
		"func f index=0 () -> ()\nb0():\n  v1:i32 = frob\n",        // unknown op
		"func f index=0 () -> ()\nb0():\n  return v9\n",            // undefined value
		"func f index=0 () -> ()\nb0(v1:i32, v1:i32):\n  return\n", // defined twice
	} {
		if _, err := Read(bad); err == nil {
			t.Errorf("Read accepted:\n%s", bad)
		}
	}
}
