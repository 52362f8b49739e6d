package wasm

import (
	"testing"
)

// FuzzDecode: no input makes Decode panic; every module Decode accepts encodes, and the encoded
// bytes decode to the same module (Encode is the inverse of Decode up to encoding choices).
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
	})
}
