package wasm

import (
	"strings"
	"testing"

	"cot/ir/wasm"
)

// FuzzDecode: no input makes Decode panic; every module Decode accepts encodes, and the encoded
// bytes decode to the same module (Encode is the inverse of Decode up to encoding choices); its
// WAT text reads back to a module that prints the same and encodes to the same bytes.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("\x00asm\x01\x00\x00\x00"))
	f.Add([]byte("\x00asm\x01\x00\x00\x00\x01\x05\x01\x60\x00\x01\x7f\x03\x02\x01\x00\x0a\x06\x01\x04\x00\x41\x00\x0b"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Decode(b)
		if err != nil {
			if _, ok := err.(*DecodeError); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		out, err := Encode(m)
		if err != nil {
			t.Fatalf("decoded module does not encode: %v", err)
		}
		m2, err := Decode(out)
		if err != nil {
			t.Fatalf("encoded module does not decode: %v", err)
		}
		if diff := moduleDiff(m, m2); diff != "" {
			t.Fatalf("round trip changed the module: %s", diff)
		}
		var text, again strings.Builder
		wasm.Print(&text, m, "")
		back, err := wasm.Read(text.String())
		if err != nil {
			t.Fatalf("printed module does not read back: %v\n%s", err, text.String())
		}
		wasm.Print(&again, back, "")
		if again.String() != text.String() {
			t.Fatalf("print(read(print(m))) != print(m)")
		}
		// Not carried by the text form: custom sections, the data count section, and names that
		// are not valid (or not unique) WAT identifiers.
		back.Customs, back.DataCount = m.Customs, m.DataCount
		for i := range back.Funcs {
			back.Funcs[i].Name = m.Funcs[i].Name
		}
		for i := range back.Imports {
			back.Imports[i].DebugName = m.Imports[i].DebugName
		}
		viaText, err := Encode(back)
		if err != nil || string(viaText) != string(out) {
			t.Fatalf("module read from text encodes differently (%v)", err)
		}
	})
}
