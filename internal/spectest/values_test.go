package spectest

import (
	"testing"

	"cot/ir/wasm"
)

func TestConstantMatches(t *testing.T) {
	tests := []struct {
		want Value
		got  string
		ok   bool
	}{
		{Value{"i32", "4294967295"}, "i32:0xffffffff", true},
		{Value{"i32", "4294967295"}, "i32:0xfffffffe", false},
		{Value{"i32", "1"}, "i64:0x0000000000000001", false},
		{Value{"i64", "9223372036854775808"}, "i64:0x8000000000000000", true},
		{Value{"f32", "2147483648"}, "f32:0x80000000", true}, // -0
		{Value{"f32", "2147483648"}, "f32:0x00000000", false},
		{Value{"f32", "nan:canonical"}, "f32:0x7fc00000", true},
		{Value{"f32", "nan:canonical"}, "f32:0xffc00000", true},
		{Value{"f32", "nan:canonical"}, "f32:0x7fc00001", false},
		{Value{"f32", "nan:arithmetic"}, "f32:0x7fc00001", true},
		{Value{"f32", "nan:arithmetic"}, "f32:0x7f800001", false}, // signalling
		{Value{"f64", "nan:canonical"}, "f64:0x7ff8000000000000", true},
		{Value{"f64", "nan:canonical"}, "f64:0x7ff8000000000001", false},
		{Value{"f64", "nan:arithmetic"}, "f64:0xfff8000000000001", true},
		{Value{"f64", "nan:arithmetic"}, "f64:0x7ff0000000000001", false},
		{Value{"f64", "nan:arithmetic"}, "f32:0x7fc00000", false},
		{Value{"externref", "null"}, "i32:0x00000001", true},
		{Value{"funcref", "null"}, "i32:0x00000000", false},
	}
	for _, tt := range tests {
		c, err := parseConstant(tt.want)
		if err != nil {
			t.Fatal(err)
		}
		r, ok := parseResultLine(tt.got)
		if !ok {
			t.Fatalf("cannot parse %q", tt.got)
		}
		if c.matches(r) != tt.ok {
			t.Errorf("%v matches %s = %v, want %v", tt.want, tt.got, !tt.ok, tt.ok)
		}
	}
}

func TestTrapMatches(t *testing.T) {
	aliases := (&Wazero{}).TrapAliases()
	tests := []struct {
		expected, got string
		aliases       map[string][]string
		ok            bool
	}{
		{"integer divide by zero", "integer divide by zero", nil, true},
		{"uninitialized element 2", "uninitialized element", nil, true},
		{"undefined element", "uninitialized element", nil, false},
		{"out of bounds memory access", "", nil, false},
		{"undefined element", "invalid table access", aliases, true},
		{"undefined element", "invalid table access", nil, false},
		{"call stack exhausted", "stack overflow", aliases, true},
		{"unreachable", "stack overflow", aliases, false},
	}
	for _, tt := range tests {
		if trapMatches(tt.expected, tt.got, tt.aliases) != tt.ok {
			t.Errorf("trapMatches(%q, %q) = %v", tt.expected, tt.got, !tt.ok)
		}
	}
}

func TestParseConstantRejects(t *testing.T) {
	for _, v := range []Value{{"i32", "4294967296"}, {"v128", "0"}, {"i32", "nan:canonical"}, {"f64", "x"}} {
		if _, err := parseConstant(v); err == nil {
			t.Errorf("parseConstant(%v) accepted", v)
		}
	}
	if c, _ := parseConstant(Value{"f32", "2143289344"}); c.Type != wasm.F32 || c.Bits != 0x7fc00000 {
		t.Errorf("f32 bits: %+v", c)
	}
}
