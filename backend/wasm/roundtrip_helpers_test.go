package wasm

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"

	"cot/ir/wasm"
)

// checkRoundTrip re-encodes a decoded spec module. wat2wasm output is canonical and must come
// back byte for byte; hand-written binary modules (module binary ...) may use non-canonical
// encodings (long LEB128s, split local runs, empty sections), so for them the re-encoded bytes
// must decode to the same module.
func checkRoundTrip(t *testing.T, sm specModule, b []byte, m *wasm.Module, counts map[string]int) {
	t.Helper()
	out, err := Encode(m)
	if err != nil {
		t.Errorf("%s.wast:%d: encode of a decoded module failed: %v", sm.file, sm.line, err)
		return
	}
	if bytes.Equal(out, b) {
		counts["identical"]++
		return
	}
	if !sm.binary {
		t.Errorf("%s.wast:%d: wat2wasm module not re-encoded byte for byte (%d bytes, got %d)", sm.file, sm.line, len(b), len(out))
		return
	}
	m2, err := Decode(out)
	if err != nil {
		t.Errorf("%s.wast:%d: re-encoded module does not decode: %v", sm.file, sm.line, err)
		return
	}
	if diff := moduleDiff(m, m2); diff != "" {
		t.Errorf("%s.wast:%d: re-encoded module differs: %s", sm.file, sm.line, diff)
		return
	}
	counts["canonicalised"]++
	if testing.Verbose() {
		t.Logf("%s.wast:%d: non-canonical binary (%d bytes, re-encoded %d)", sm.file, sm.line, len(b), len(out))
	}
}

// moduleDiff compares two modules ignoring byte offsets; "" when equal.
func moduleDiff(a, b *wasm.Module) string {
	strip := func(m *wasm.Module) *wasm.Module {
		c := *m
		c.Funcs = append([]wasm.Func(nil), m.Funcs...)
		for i := range c.Funcs {
			c.Funcs[i].Offsets = nil
		}
		return &c
	}
	a, b = strip(a), strip(b)
	if reflect.DeepEqual(a, b) {
		return ""
	}
	av, bv := reflect.ValueOf(*a), reflect.ValueOf(*b)
	for i := 0; i < av.NumField(); i++ {
		if !reflect.DeepEqual(av.Field(i).Interface(), bv.Field(i).Interface()) {
			return fmt.Sprintf("field %s: %+v != %+v", av.Type().Field(i).Name, av.Field(i).Interface(), bv.Field(i).Interface())
		}
	}
	return "?"
}
