package pipeline

import (
	"encoding/hex"
	"fmt"
	"io"

	"cot/ir/src"
)

// Source is the family of the front end's input: one source file (*src.File).
var Source = &Family{
	Name: "source",
	Print: func(w io.Writer, prog any, _ string) {
		f := prog.(*src.File)
		fmt.Fprintf(w, ";; file %s\n%s", f.Name, f.Text)
	},
	Verify: func(_ *Lang, prog any) []error {
		if _, ok := prog.(*src.File); !ok {
			return []error{fmt.Errorf("source: want *src.File, have %T", prog)}
		}
		return nil
	},
}

// Binary is the family of byte-level artifacts ([]byte): encoded .wasm modules and ELF files.
// Its text form is a hex dump.
var Binary = &Family{
	Name: "binary",
	Print: func(w io.Writer, prog any, _ string) {
		b := prog.([]byte)
		fmt.Fprintf(w, ";; %d bytes\n%s", len(b), hex.Dump(b))
	},
	Verify: func(_ *Lang, prog any) []error {
		if _, ok := prog.([]byte); !ok {
			return []error{fmt.Errorf("binary: want []byte, have %T", prog)}
		}
		return nil
	},
}

// Languages of the boundary families.
var (
	LangSource     = &Lang{Name: "source", Family: Source}
	LangWasmBinary = &Lang{Name: "wasm-binary", Family: Binary}
	LangELF        = &Lang{Name: "elf-arm64", Family: Binary}
)
