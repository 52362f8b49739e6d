package format

import (
	"bytes"
	"testing"

	"cot/grammar/progen"
)

// TestGeneratedPrograms: the benchmark's generated programs cover the whole syntax (ParseOnly:
// structs, enums, unions, impl blocks, generics, closures, switch, optionals, error unions,
// interpolation, tests) and everything the compiler compiles (Compilable). Formatting either is
// idempotent; the Compilable program is written in the canonical layout already, and keeps its
// meaning (the same Wasm bytes) when its layout is perturbed and formatted back.
func TestGeneratedPrograms(t *testing.T) {
	for _, tc := range []struct {
		name    string
		dialect progen.Dialect
	}{{"parse-only", progen.ParseOnly}, {"compilable", progen.Compilable}, {"rich", progen.Rich}} {
		text := progen.Program(32<<10, tc.dialect)
		once, err := Source(tc.name+".cot", text)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		twice, err := Source(tc.name+".cot", once)
		if err != nil || !bytes.Equal(once, twice) {
			t.Errorf("%s: formatting is not idempotent (%v)", tc.name, err)
		}
		if tc.dialect == progen.ParseOnly {
			continue
		}
		if !bytes.Equal(once, text) {
			t.Errorf("%s: the generated program is not in the canonical layout", tc.name)
		}
		// Perturbed: trailing blanks after every line, every line indented by one tab more.
		messy := bytes.ReplaceAll(text, []byte("\n"), []byte(" \n\t"))
		back, err := Source(tc.name+".cot", messy)
		if err != nil || !bytes.Equal(back, text) {
			t.Errorf("%s: the perturbed program does not format back (%v)", tc.name, err)
		}
		want, err1 := compileWasm(text)
		got, err2 := compileWasm(messy)
		if err1 != nil || err2 != nil || !bytes.Equal(want, got) {
			t.Errorf("%s: the perturbed program compiles differently (%v, %v)", tc.name, err1, err2)
		}
	}
}
