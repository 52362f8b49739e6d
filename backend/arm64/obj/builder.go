package obj

import (
	"encoding/binary"
	"fmt"

	"cot/backend/arm64/enc"
)

// Builder assembles hand-written code: Emit appends instruction words, labels are bound to
// positions and branches to them are patched at Finish, and references to other symbols become
// relocations. Keep one Builder per function (labels are local to it).
type Builder struct {
	words  []uint32
	labels []int // word index of each bound label, -1 while unbound
	fixups []fixup
	relocs []Reloc
}

// Label is a position inside the Builder's code.
type Label int

type fixupKind uint8

const (
	fix26    fixupKind = iota // B, BL
	fix19                     // B.cond, CBZ, CBNZ, LDR literal
	fix14                     // TBZ, TBNZ
	fixAdr                    // ADR
	fixRel32                  // a data word: the label's offset from base (jump tables)
)

type fixup struct {
	at    int // word index of the instruction to patch
	label Label
	kind  fixupKind
	base  Label // fixRel32 only
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder { return &Builder{} }

// Emit appends instruction words.
func (b *Builder) Emit(words ...uint32) { b.words = append(b.words, words...) }

// PC returns the byte offset of the next instruction.
func (b *Builder) PC() int { return 4 * len(b.words) }

// NewLabel returns a fresh, unbound label.
func (b *Builder) NewLabel() Label {
	b.labels = append(b.labels, -1)
	return Label(len(b.labels) - 1)
}

// Bind places the label at the next instruction. Binding a label twice panics.
func (b *Builder) Bind(l Label) {
	if b.labels[l] >= 0 {
		panic(fmt.Sprintf("obj: label %d bound twice", l))
	}
	b.labels[l] = len(b.words)
}

func (b *Builder) emitFixup(word uint32, l Label, k fixupKind) {
	b.fixups = append(b.fixups, fixup{at: len(b.words), label: l, kind: k})
	b.words = append(b.words, word)
}

// Zero offsets used as placeholders until Finish patches the real ones.
var (
	zero26, _  = enc.Off26(0)
	zero19, _  = enc.Off19(0)
	zero14, _  = enc.Off14(0)
	zeroAdr, _ = enc.AdrOffset(0)
	zeroPg, _  = enc.AdrpPages(0)
)

// B emits B label.
func (b *Builder) B(l Label) { b.emitFixup(enc.B(zero26), l, fix26) }

// BL emits BL label (a call to local code).
func (b *Builder) BL(l Label) { b.emitFixup(enc.Bl(zero26), l, fix26) }

// BCond emits B.cond label.
func (b *Builder) BCond(c enc.Cond, l Label) { b.emitFixup(enc.BCond(c, zero19), l, fix19) }

// Cbz emits CBZ rt, label.
func (b *Builder) Cbz(w enc.Width, rt enc.Reg, l Label) {
	b.emitFixup(enc.Cbz(w, rt, zero19), l, fix19)
}

// Cbnz emits CBNZ rt, label.
func (b *Builder) Cbnz(w enc.Width, rt enc.Reg, l Label) {
	b.emitFixup(enc.Cbnz(w, rt, zero19), l, fix19)
}

// Tbz emits TBZ rt, #bit, label.
func (b *Builder) Tbz(rt enc.Reg, bit enc.Bit, l Label) {
	b.emitFixup(enc.Tbz(rt, bit, zero14), l, fix14)
}

// Tbnz emits TBNZ rt, #bit, label.
func (b *Builder) Tbnz(rt enc.Reg, bit enc.Bit, l Label) {
	b.emitFixup(enc.Tbnz(rt, bit, zero14), l, fix14)
}

// Adr emits ADR rd, label.
func (b *Builder) Adr(rd enc.Reg, l Label) { b.emitFixup(enc.Adr(rd, zeroAdr), l, fixAdr) }

// Rel32 emits a 32-bit data word holding the byte offset of label l from label base (an entry
// of a jump table whose start is base).
func (b *Builder) Rel32(l, base Label) {
	b.fixups = append(b.fixups, fixup{at: len(b.words), label: l, kind: fixRel32, base: base})
	b.words = append(b.words, 0)
}

// Reloc records a relocation against the next emitted instruction.
func (b *Builder) Reloc(kind RelocKind, sym string, addend int64) {
	b.relocs = append(b.relocs, Reloc{Offset: b.PC(), Kind: kind, Sym: sym, Addend: addend})
}

// Call emits BL sym.
func (b *Builder) Call(sym string) {
	b.Reloc(Call26, sym, 0)
	b.Emit(enc.Bl(zero26))
}

// Jump emits B sym (a tail call or a jump to a trap stub).
func (b *Builder) Jump(sym string) {
	b.Reloc(Call26, sym, 0)
	b.Emit(enc.B(zero26))
}

// JumpCond emits B.cond sym (the target must be within ±1 MiB once linked).
func (b *Builder) JumpCond(c enc.Cond, sym string) {
	b.Reloc(CondBr19, sym, 0)
	b.Emit(enc.BCond(c, zero19))
}

// Addr emits ADRP rd, sym+addend; ADD rd, rd, :lo12:sym+addend (the address, ±4 GiB).
func (b *Builder) Addr(rd enc.Reg, sym string, addend int64) {
	b.Reloc(ADRPPage21, sym, addend)
	b.Emit(enc.Adrp(rd, zeroPg))
	b.Reloc(AddLo12, sym, addend)
	b.Emit(enc.AddImm(enc.X64, rd, rd, enc.Imm12{}))
}

// Finish resolves label fixups and returns the code bytes and the symbol relocations. An
// unbound label or an out-of-range branch is an error.
func (b *Builder) Finish() ([]byte, []Reloc, error) {
	for _, f := range b.fixups {
		to := b.labels[f.label]
		if to < 0 {
			return nil, nil, fmt.Errorf("obj: label %d used at +%#x but never bound", f.label, 4*f.at)
		}
		off := int64(4 * (to - f.at))
		w := b.words[f.at]
		var ok bool
		switch f.kind {
		case fix26:
			var o enc.BranchOff
			if o, ok = enc.Off26(off); ok {
				w = enc.PatchBranch26(w, o)
			}
		case fix19:
			var o enc.BranchOff
			if o, ok = enc.Off19(off); ok {
				w = enc.PatchBranch19(w, o)
			}
		case fix14:
			var o enc.BranchOff
			if o, ok = enc.Off14(off); ok {
				w = enc.PatchBranch14(w, o)
			}
		case fixRel32:
			from := b.labels[f.base]
			if ok = from >= 0; ok {
				w = uint32(int32(4 * (to - from)))
			}
		case fixAdr:
			var o enc.AdrOff
			if o, ok = enc.AdrOffset(off); ok {
				w = enc.PatchAdr(w, o)
			}
		}
		if !ok {
			return nil, nil, fmt.Errorf("obj: branch at +%#x to label %d (offset %d) out of range", 4*f.at, f.label, off)
		}
		b.words[f.at] = w
	}
	code := make([]byte, 0, 4*len(b.words))
	for _, w := range b.words {
		code = binary.LittleEndian.AppendUint32(code, w)
	}
	return code, append([]Reloc(nil), b.relocs...), nil
}

// Symbol finishes the code as a Text symbol named name.
func (b *Builder) Symbol(name string, global bool) (Symbol, error) {
	code, relocs, err := b.Finish()
	if err != nil {
		return Symbol{}, fmt.Errorf("%s: %w", name, err)
	}
	return Symbol{Name: name, Section: Text, Align: 4, Bytes: code, Relocs: relocs, Global: global}, nil
}
