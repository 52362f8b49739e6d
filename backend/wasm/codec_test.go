package wasm

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"cot/ir/wasm"
)

// wat2wasm compiles a WAT file with wabt; the test is skipped when wabt is missing.
func wat2wasm(t testing.TB, path string, flags ...string) []byte {
	t.Helper()
	if _, err := exec.LookPath("wat2wasm"); err != nil {
		t.Skipf("wat2wasm (wabt) not installed: %v", err)
	}
	out := filepath.Join(t.TempDir(), "out.wasm")
	args := append(append([]string{}, flags...), path, "-o", out)
	if msg, err := exec.Command("wat2wasm", args...).CombinedOutput(); err != nil {
		t.Fatalf("wat2wasm %s: %v\n%s", path, err, msg)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func testdataWATs(t testing.TB) []string {
	files, _ := filepath.Glob("testdata/*.wat")
	if len(files) == 0 {
		t.Fatal("no testdata/*.wat")
	}
	return files
}

// TestRoundTripWAT: Encode(Decode(b)) == b for wat2wasm output, with and without a name section.
func TestRoundTripWAT(t *testing.T) {
	for _, f := range testdataWATs(t) {
		for _, flags := range [][]string{nil, {"--debug-names"}} {
			b := wat2wasm(t, f, flags...)
			m, err := Decode(b)
			if err != nil {
				t.Errorf("%s %v: %v", f, flags, err)
				continue
			}
			for i, fn := range m.Funcs {
				if len(fn.Offsets) != len(fn.Body) || int(fn.Offsets[len(fn.Offsets)-1]) >= len(b) ||
					b[fn.Offsets[len(fn.Offsets)-1]] != byte(wasm.OpEnd) {
					t.Errorf("%s: func %d: offsets do not point at the body's instructions", f, i)
				}
			}
			out, err := Encode(m)
			if err != nil {
				t.Errorf("%s %v: encode: %v", f, flags, err)
				continue
			}
			if !bytes.Equal(out, b) {
				t.Errorf("%s %v: round trip differs: %d bytes in, %d out", f, flags, len(b), len(out))
			}
		}
	}
}

// TestNames: the name section's function names land in Func.Name and Import.DebugName.
func TestNames(t *testing.T) {
	b := wat2wasm(t, "testdata/mvp.wat", "--debug-names")
	m, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if m.Imports[0].DebugName != "log" || m.Funcs[0].Name != "add" || m.Funcs[1].Name != "fac" {
		t.Fatalf("names: import %q, funcs %q %q", m.Imports[0].DebugName, m.Funcs[0].Name, m.Funcs[1].Name)
	}
	// Renaming a function changes the encoded name section accordingly.
	m.Funcs[0].Name = "plus"
	out, err := Encode(m)
	if err != nil {
		t.Fatal(err)
	}
	m2, err := Decode(out)
	if err != nil || m2.Funcs[0].Name != "plus" {
		t.Fatalf("renamed function: %v %q", err, m2.Funcs[0].Name)
	}
}

// TestDataCountEmitted: a module built without DataCount that uses memory.init gets a data
// count section from Encode, so that it decodes again.
func TestDataCountEmitted(t *testing.T) {
	m := &wasm.Module{
		Types: []wasm.FuncType{{}},
		Mems:  []wasm.Memory{{Limits: wasm.Limits{Min: 1}}},
		Funcs: []wasm.Func{{Body: []wasm.Instr{
			wasm.I32Const(0), wasm.I32Const(0), wasm.I32Const(1),
			{Op: wasm.OpMemoryInit}, {Op: wasm.OpDataDrop}, wasm.End()}}},
		Datas: []wasm.Data{{Mode: wasm.DataPassive, Bytes: []byte("x")}},
	}
	b, err := Encode(m)
	if err != nil {
		t.Fatal(err)
	}
	m2, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if m2.DataCount == nil || *m2.DataCount != 1 {
		t.Fatalf("data count = %v", m2.DataCount)
	}
}

// TestEncodeValidates: Encode refuses an invalid module and says why.
func TestEncodeValidates(t *testing.T) {
	m := &wasm.Module{Types: []wasm.FuncType{{}}, Funcs: []wasm.Func{{Body: []wasm.Instr{wasm.I32Const(1), wasm.End()}}}}
	_, err := Encode(m)
	if err == nil || !strings.Contains(err.Error(), "type mismatch") {
		t.Fatalf("got %v", err)
	}
}

// TestMalformed: hand-made malformed binaries give the spec's messages and DecodeError offsets.
func TestMalformed(t *testing.T) {
	hdr := "\x00asm\x01\x00\x00\x00"
	cases := []struct {
		in, msg string
		off     int
	}{
		{"", "unexpected end", 0},
		{"\x00as", "unexpected end", 3},
		{"\x00asn\x01\x00\x00\x00", "magic header not detected", 0},
		{"\x00asm\x01", "unexpected end", 5},
		{"\x00asm\x02\x00\x00\x00", "unknown binary version", 4},
		{hdr + "\x0d\x00", "malformed section id", 8},
		{hdr + "\x01\x05\x01\x60\x00\x00", "length out of bounds", 10},
		{hdr + "\x01\x05\x01\x60\x00\x00\x00\x00", "section size mismatch", 14},
		{hdr + "\x03\x01\x00\x01\x01\x00", "unexpected content after last section", 11},
		{hdr + "\x01\x04\x01\x60\x00\x00\x03\x02\x01\x00", "function and code section have inconsistent lengths", 18},
		{hdr + "\x05\x03\x01\x02\x00", "integer too large", 11},
		{hdr + "\x06\x06\x01\x7f\x02\x41\x00\x0b", "malformed mutability", 12},
		{hdr + "\x04\x04\x01\x71\x00\x00", "malformed reference type", 11},
		{hdr + "\x00\x03\x02\xff\xfe", "malformed UTF-8 encoding", 10},
		{hdr + "\x01\x08\x01\x60\x80\x80\x80\x80\x80\x00", "integer representation too long", 12},
		{hdr + "\x01\x04\x01\x60\x00\x00\x03\x02\x01\x00\x0a\x05\x01\x03\x00\x06\x0b", "illegal opcode 6", 23},
		{hdr + "\x01\x04\x01\x60\x00\x00\x03\x02\x01\x00\x0a\x04\x01\x02\x00\x01", "END opcode expected", 24},
		{hdr + "\x01\x04\x01\x60\x00\x00\x03\x02\x01\x00\x0a\x0a\x01\x08\x02\xff\xff\xff\xff\x0f\x7f\x0b", "too many locals: 4294967295 (parameters included) exceed the implementation limit of 50000", 23},
	}
	for _, c := range cases {
		_, err := Decode([]byte(c.in))
		var de *DecodeError
		if !errors.As(err, &de) || de.Msg != c.msg || de.Offset != c.off {
			t.Errorf("%q: got %v, want offset 0x%x: %s", c.in, err, c.off, c.msg)
		}
	}
}

// TestInvalidReportsOffset: a validation error in a body carries the byte offset of the
// instruction where it is found (here the end that closes the body).
func TestInvalidReportsOffset(t *testing.T) {
	// (func (result i32) (i64.const 0))
	b := []byte("\x00asm\x01\x00\x00\x00\x01\x05\x01\x60\x00\x01\x7f\x03\x02\x01\x00\x0a\x06\x01\x04\x00\x42\x00\x0b")
	_, err := Decode(b)
	if err == nil || err.Error() != "wasm: offset 0x1a: type mismatch: expected i32, got i64" {
		t.Fatalf("got %v", err)
	}
}
