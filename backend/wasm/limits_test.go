package wasm

import (
	"errors"
	"strings"
	"testing"
)

// Hand-made modules at and one past each implementation limit (limits.go). The ones past are
// rejected with the limit's message at the byte that crosses it; the ones at the limit decode.
func TestImplementationLimits(t *testing.T) {
	hdr := "\x00asm\x01\x00\x00\x00"
	u32 := func(v uint32) string { return string(AppendU32(nil, v)) }
	section := func(id byte, body string) string { return string([]byte{id}) + u32(uint32(len(body))) + body }
	// funcWithLocals: one function of type (params × i32) -> () declaring locals more i32 locals.
	funcWithLocals := func(params, locals uint32) string {
		body := "\x01" + u32(locals) + "\x7f" + "\x0b"
		return hdr + section(1, "\x01\x60"+u32(params)+strings.Repeat("\x7f", int(params))+"\x00") +
			section(3, "\x01\x00") + section(10, "\x01"+u32(uint32(len(body)))+body)
	}
	table := func(min uint32) string { return hdr + section(4, "\x01\x70\x00"+u32(min)) }
	count := func(id byte, n uint32) string { return hdr + section(id, u32(n)) }
	over := []struct {
		name, in, msg string
		off           int
	}{
		{"locals", funcWithLocals(0, 50001), "too many locals: 50001 (parameters included) exceed the implementation limit of 50000", 0x17},
		{"locals with params", funcWithLocals(2, 49999), "too many locals: 50001 (parameters included) exceed the implementation limit of 50000", 0x19},
		{"params", funcWithLocals(1001, 0), "function type params count 1001 exceeds the implementation limit of 1000", 0xd},
		{"table", table(10_000_001), "table size 10000001 exceeds the implementation limit of 10000000", 0xc},
		{"table of 600M", table(600_000_000), "table size 600000000 exceeds the implementation limit of 10000000", 0xc},
		{"types", count(1, 1_000_001), "types count 1000001 exceeds the implementation limit of 1000000", 0xa},
		{"imports", count(2, 1_000_001), "imports count 1000001 exceeds the implementation limit of 1000000", 0xa},
		{"functions", count(3, 1_000_001), "functions count 1000001 exceeds the implementation limit of 1000000", 0xa},
		{"tables", count(4, 101), "tables count 101 exceeds the implementation limit of 100", 0xa},
		{"memories", count(5, 101), "memories count 101 exceeds the implementation limit of 100", 0xa},
		{"globals", count(6, 1_000_001), "globals count 1000001 exceeds the implementation limit of 1000000", 0xa},
		{"exports", count(7, 1_000_001), "exports count 1000001 exceeds the implementation limit of 1000000", 0xa},
		{"element segments", count(9, 100_001), "element segments count 100001 exceeds the implementation limit of 100000", 0xa},
		{"data count", count(12, 100_001), "data count 100001 exceeds the implementation limit of 100000", 0xa},
		{"data segments", count(11, 100_001), "data segments count 100001 exceeds the implementation limit of 100000", 0xa},
		{"function body", hdr + section(1, "\x01\x60\x00\x00") + section(3, "\x01\x00") + section(10, "\x01"+u32(7_654_322)),
			"function body size 7654322 exceeds the implementation limit of 7654321", 0x15},
		{"name", hdr + section(0, u32(100_001)), "name size 100001 exceeds the implementation limit of 100000", 0xa},
	}
	for _, c := range over {
		_, err := Decode([]byte(c.in))
		var de *DecodeError
		if !errors.As(err, &de) || de.Msg != c.msg || de.Offset != c.off {
			t.Errorf("%s: got %v, want offset 0x%x: %s", c.name, err, c.off, c.msg)
		}
	}
	at := map[string]string{
		"50000 locals":           funcWithLocals(0, 50000),
		"2 params, 49998 locals": funcWithLocals(2, 49998),
		"1000 params":            funcWithLocals(1000, 0),
		"table of 10M":           table(10_000_000),
	}
	for name, in := range at {
		if _, err := Decode([]byte(in)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
