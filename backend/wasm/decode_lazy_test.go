package wasm

import (
	"os"
	"reflect"
	"testing"

	"cot/ir/wasm"
)

// TestDecodeLazyAgreesWithDecode: on every binary module of the spec suite, DecodeLazy with
// every body decoded (Full) accepts what Decode accepts, with an equal module, and rejects what
// it rejects, with the same message.
func TestDecodeLazyAgreesWithDecode(t *testing.T) {
	mods, _ := specModules(t)
	for _, sm := range mods {
		b, err := os.ReadFile(sm.path)
		if err != nil {
			t.Fatal(err)
		}
		want, werr := Decode(b)
		l, err := DecodeLazy(b)
		var got *wasm.Module
		if err == nil {
			got, err = l.Full()
		}
		switch {
		case werr != nil && err != nil && werr.Error() != err.Error():
			t.Errorf("%s:%d: Decode: %v; DecodeLazy: %v", sm.file, sm.line, werr, err)
		case (werr == nil) != (err == nil):
			t.Errorf("%s:%d: Decode: %v; DecodeLazy: %v", sm.file, sm.line, werr, err)
		case werr == nil && !reflect.DeepEqual(want, got):
			t.Errorf("%s:%d: DecodeLazy's module differs from Decode's", sm.file, sm.line)
		}
	}
}
