// Package obj is the small object model shared by compiled code and the native runtime: named
// symbols with their bytes, section and relocations, which backend/arm64/elf links into one
// executable. Builder is a tiny assembler for hand-written code on top of backend/arm64/enc.
package obj

import "fmt"

// Section is where a symbol lives in the executable.
type Section uint8

const (
	Text   Section = iota // code, read + execute
	ROData                // read-only data
	Data                  // initialised read-write data
	BSS                   // zero-initialised read-write data (Size bytes, no Bytes)
)

func (s Section) String() string {
	switch s {
	case Text:
		return ".text"
	case ROData:
		return ".rodata"
	case Data:
		return ".data"
	case BSS:
		return ".bss"
	}
	return fmt.Sprintf("Section(%d)", uint8(s))
}

// Symbol is one function or data object.
type Symbol struct {
	Name    string
	Section Section
	Align   int    // byte alignment, a power of two; 0 means the section default (Text 4, others 8)
	Bytes   []byte // contents; for Text the little-endian instruction words
	Size    int    // BSS only: the number of zero bytes
	Relocs  []Reloc
	Global  bool // exported (STB_GLOBAL) in the symbol table; otherwise local
}

// Len returns the symbol's size in the image.
func (s *Symbol) Len() int {
	if s.Section == BSS {
		return s.Size
	}
	return len(s.Bytes)
}

// RelocKind says which field of the bytes at Reloc.Offset receives the target address, and how.
// S is the target symbol's address plus Addend, P the address of the patched bytes.
type RelocKind uint8

const (
	Call26      RelocKind = iota // B/BL imm26 = (S - P) / 4, within ±128 MiB
	CondBr19                     // B.cond/CBZ/CBNZ/LDR (literal) imm19 = (S - P) / 4, within ±1 MiB
	TestBr14                     // TBZ/TBNZ imm14 = (S - P) / 4, within ±32 KiB
	AdrPrel21                    // ADR immhi:immlo = S - P, within ±1 MiB
	ADRPPage21                   // ADRP = Page(S) - Page(P), within ±4 GiB
	AddLo12                      // ADD (immediate) imm12 = S & 0xfff
	Ldst8Lo12                    // LDRB/STRB (unsigned offset) imm12 = S & 0xfff
	Ldst16Lo12                   // LDRH/STRH imm12 = (S & 0xfff) / 2, S 2-aligned
	Ldst32Lo12                   // LDR/STR w or s imm12 = (S & 0xfff) / 4, S 4-aligned
	Ldst64Lo12                   // LDR/STR x or d imm12 = (S & 0xfff) / 8, S 8-aligned
	Ldst128Lo12                  // LDR/STR q imm12 = (S & 0xfff) / 16, S 16-aligned
	Abs64                        // 8 bytes = S (data words holding addresses)
	Abs32                        // 4 bytes = S, which must fit in 32 bits
	Prel32                       // 4 bytes = S - P, signed 32-bit (position-independent tables)
)

var relocNames = [...]string{"Call26", "CondBr19", "TestBr14", "AdrPrel21", "ADRPPage21", "AddLo12",
	"Ldst8Lo12", "Ldst16Lo12", "Ldst32Lo12", "Ldst64Lo12", "Ldst128Lo12", "Abs64", "Abs32", "Prel32"}

func (k RelocKind) String() string {
	if int(k) < len(relocNames) {
		return relocNames[k]
	}
	return fmt.Sprintf("RelocKind(%d)", uint8(k))
}

// Reloc asks the linker to patch the bytes at Offset (within the symbol) with the address of Sym
// plus Addend.
type Reloc struct {
	Offset int
	Kind   RelocKind
	Sym    string
	Addend int64
}
