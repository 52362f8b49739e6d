package arm64

import (
	"regexp"
	"strings"
	"testing"

	"cot/ir/mir"
	"cot/ir/ssa"
	"cot/ir/wasm"
)

// TestSelectLogicalAndZeroTests selects SSA functions and checks asmcheck-style expectations on
// the MIR: logical immediates, constants commuted into the immediate operand, cbz/cbnz for zero
// tests, tst for a tested `and` whose only use is the test, and shifted-register operands.
func TestSelectLogicalAndZeroTests(t *testing.T) {
	cases := []struct{ name, ssa, want, not string }{
		{"and-imm", `func f index=0 (i32) -> (i32)
b0(v0:i32):
  v1:i32 = const aux=0xff
  v2:i32 = i32.and v0, v1
  return v2
`, `and w%\d+, w%\d+, #0xff`, `movz`},
		{"const-first-orr", `func f index=0 (i64) -> (i64)
b0(v0:i64):
  v1:i64 = const aux=0xffff0000
  v2:i64 = i64.or v1, v0
  return v2
`, `orr x%\d+, x%\d+, #0xffff0000`, `movz`},
		{"eor-not-encodable", `func f index=0 (i32) -> (i32)
b0(v0:i32):
  v1:i32 = const aux=0x1235
  v2:i32 = i32.xor v0, v1
  return v2
`, `eor w%\d+, w%\d+, w%\d+`, `eor w%\d+, w%\d+, #`},
		{"cbz", `func f index=0 (i32) -> (i32)
b0(v0:i32):
  v1:i32 = i32.eqz v0
  branch v1, b1(), b2()
b1():
  return v0
b2():
  return v0
`, `cbz w%\d+, `, `cmp`},
		{"cbnz-ne-zero", `func f index=0 (i64) -> (i64)
b0(v0:i64):
  v1:i64 = const aux=0x0
  v2:i32 = i64.ne v1, v0
  branch v2, b1(), b2()
b1():
  return v0
b2():
  return v0
`, `cbnz x%\d+, `, `cmp`},
		{"tst-imm", `func f index=0 (i32) -> (i32)
b0(v0:i32):
  v1:i32 = const aux=0x18
  v2:i32 = i32.and v0, v1
  v3:i32 = i32.eqz v2
  branch v3, b1(), b2()
b1():
  return v0
b2():
  return v0
`, `tst w%\d+, #0x18\n\tb\.eq `, `and |cmp`},
		{"tst-reg", `func f index=0 (i64, i64) -> (i64)
b0(v0:i64, v1:i64):
  v2:i64 = i64.and v0, v1
  v3:i64 = const aux=0x0
  v4:i32 = i64.ne v2, v3
  branch v4, b1(), b2()
b1():
  return v0
b2():
  return v1
`, `tst x%\d+, x%\d+\n\tb\.ne `, `and |cmp`},
		{"and-used-twice", `func f index=0 (i32) -> (i32)
b0(v0:i32):
  v1:i32 = const aux=0x8
  v2:i32 = i32.and v0, v1
  v3:i32 = i32.eqz v2
  branch v3, b1(), b2()
b1():
  return v2
b2():
  return v0
`, `and w%\d+, w%\d+, #0x8\n\tcbz `, `tst`},
		{"add-sub-shifted", `func f index=0 (i64, i64) -> (i64)
b0(v0:i64, v1:i64):
  v2:i64 = const aux=0x2
  v3:i64 = i64.shl v1, v2
  v4:i64 = i64.add v3, v0
  v5:i64 = const aux=0xffffffffffffffc3
  v6:i64 = i64.shl v1, v5
  v7:i64 = i64.sub v4, v6
  return v7
`, `add x%\d+, x%\d+, x%\d+, lsl #2\n\tsub x%\d+, x%\d+, x%\d+, lsl #3`, `lsl x`},
		{"shift-used-twice", `func f index=0 (i32, i32) -> (i32)
b0(v0:i32, v1:i32):
  v2:i32 = const aux=0x2
  v3:i32 = i32.shl v1, v2
  v4:i32 = i32.add v3, v0
  v5:i32 = i32.add v4, v3
  return v5
`, `lsl w%\d+, w%\d+, #2`, `, lsl #`},
	}
	for _, c := range cases {
		p, err := ssa.Read(c.ssa)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		mf := selectFunc(p, newModuleLayout(&wasm.Module{}), p.Funcs[0])
		var b strings.Builder
		mir.PrintFunc(&b, mf)
		text := b.String()
		if !regexp.MustCompile(c.want).MatchString(text) {
			t.Errorf("%s: no %q in\n%s", c.name, c.want, text)
		}
		if regexp.MustCompile(c.not).MatchString(text) {
			t.Errorf("%s: %q in\n%s", c.name, c.not, text)
		}
	}
}
