package wasm

import (
	"strings"
	"testing"
)

// FuzzRead: the WAT reader never panics, and whatever it accepts prints to text it reads back
// to the same printed form.
func FuzzRead(f *testing.F) {
	f.Add(printed(sample(), ""))
	f.Add("(module (func (type 0) f32.const -nan:0x1 drop))")
	f.Add(`(module (data (;0;) (offset i32.const 0) "\00\ff"))`)
	f.Fuzz(func(t *testing.T, text string) {
		m, err := Read(text)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "wat: line ") {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		first := printed(m, "")
		m2, err := Read(first)
		if err != nil {
			t.Fatalf("printed text does not read back: %v\n%s", err, first)
		}
		if second := printed(m2, ""); second != first {
			t.Fatalf("print(read(print(m))) != print(m)\n%s\n%s", first, second)
		}
	})
}
