package spectest

import (
	"fmt"
	"strconv"
	"strings"

	"cot/ir/wasm"
)

// nanClass is the class of NaN an expected float result allows ("" for an exact value).
type nanClass string

const (
	nanExact      nanClass = ""
	nanCanonical  nanClass = "nan:canonical"
	nanArithmetic nanClass = "nan:arithmetic"
)

// constant is a parsed Value: its type and bits, or a NaN class, or for references whether it is
// null (a non-null reference is the host's opaque number, which the harness cannot create).
type constant struct {
	Type    wasm.ValType
	Bits    uint64
	NaN     nanClass
	RefNull bool
}

func parseValType(s string) (wasm.ValType, error) {
	switch s {
	case "i32":
		return wasm.I32, nil
	case "i64":
		return wasm.I64, nil
	case "f32":
		return wasm.F32, nil
	case "f64":
		return wasm.F64, nil
	case "funcref":
		return wasm.FuncRef, nil
	case "externref":
		return wasm.ExternRef, nil
	}
	return 0, fmt.Errorf("unsupported value type %q", s)
}

// parseConstant parses a wast2json value. Integers and floats are written as the unsigned decimal
// value of their bits, so NaN payloads and negative zero survive exactly.
func parseConstant(v Value) (constant, error) {
	t, err := parseValType(v.Type)
	if err != nil {
		return constant{}, err
	}
	c := constant{Type: t}
	switch {
	case t == wasm.FuncRef || t == wasm.ExternRef:
		c.RefNull = v.Value == "null"
		return c, nil
	case v.Value == string(nanCanonical) || v.Value == string(nanArithmetic):
		if t != wasm.F32 && t != wasm.F64 {
			return constant{}, fmt.Errorf("%s for %s", v.Value, v.Type)
		}
		c.NaN = nanClass(v.Value)
		return c, nil
	}
	bits := 64
	if t == wasm.I32 || t == wasm.F32 {
		bits = 32
	}
	c.Bits, err = strconv.ParseUint(v.Value, 10, bits)
	if err != nil {
		return constant{}, fmt.Errorf("bad %s value %q: %v", v.Type, v.Value, err)
	}
	return c, nil
}

// String renders the constant as the harness prints it, so expected and got read alike.
func (c constant) String() string {
	switch {
	case c.NaN != nanExact:
		return fmt.Sprintf("%s:%s", c.Type, c.NaN)
	case c.Type == wasm.FuncRef || c.Type == wasm.ExternRef:
		if c.RefNull {
			return fmt.Sprintf("%s:null", c.Type)
		}
		return fmt.Sprintf("%s:non-null", c.Type)
	}
	return formatResult(c.Type, c.Bits)
}

// formatResult is the line the cot_harness result_* functions print for a value.
func formatResult(t wasm.ValType, bits uint64) string {
	switch t {
	case wasm.I32, wasm.F32:
		return fmt.Sprintf("%s:0x%08x", t, uint32(bits))
	}
	return fmt.Sprintf("%s:0x%016x", t, bits)
}

// resultLine is one parsed result line of the harness output.
type resultLine struct {
	Type wasm.ValType
	Bits uint64
}

func parseResultLine(line string) (resultLine, bool) {
	typ, hex, ok := strings.Cut(line, ":0x")
	if !ok {
		return resultLine{}, false
	}
	t, err := parseValType(typ)
	if err != nil || t == wasm.FuncRef || t == wasm.ExternRef {
		return resultLine{}, false
	}
	bits, err := strconv.ParseUint(hex, 16, 64)
	if err != nil {
		return resultLine{}, false
	}
	return resultLine{Type: t, Bits: bits}, true
}

// matches reports whether a printed result satisfies the expected constant. A reference result is
// printed by the harness as the i32 of ref.is_null, so it is compared against the null-ness.
func (c constant) matches(r resultLine) bool {
	switch c.Type {
	case wasm.FuncRef, wasm.ExternRef:
		return r.Type == wasm.I32 && (r.Bits == 1) == c.RefNull
	}
	if r.Type != c.Type {
		return false
	}
	switch c.NaN {
	case nanCanonical:
		if c.Type == wasm.F32 {
			return uint32(r.Bits)&0x7fffffff == 0x7fc00000
		}
		return r.Bits&0x7fffffffffffffff == 0x7ff8000000000000
	case nanArithmetic:
		if c.Type == wasm.F32 {
			return uint32(r.Bits)&0x7fc00000 == 0x7fc00000
		}
		return r.Bits&0x7ff8000000000000 == 0x7ff8000000000000
	}
	return r.Bits == c.Bits
}

// trapMatches reports whether the trap message printed by the executor (without "error: ") is the
// one the assertion expects. The spec's messages are prefixes of the reference interpreter's
// ("uninitialized element 2" names the index), so a prefix in either direction matches. The
// wazero cross-check reports every table fault as "invalid table access"; aliases lists, per
// executor, the spec messages one of its messages stands for.
func trapMatches(expected, got string, aliases map[string][]string) bool {
	if strings.HasPrefix(expected, got) || strings.HasPrefix(got, expected) {
		return got != ""
	}
	for _, alias := range aliases[got] {
		if strings.HasPrefix(expected, alias) {
			return true
		}
	}
	return false
}
