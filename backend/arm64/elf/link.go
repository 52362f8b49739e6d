// Package elf links obj.Symbols into a static ELF64 AArch64 Linux executable: no interpreter, no
// dynamic section, one PT_LOAD segment per permission set, and a symbol table so that
// aarch64-linux-gnu-objdump -d names every function.
package elf

import (
	"encoding/binary"
	"fmt"
	"sort"

	"cot/backend/arm64/enc"
	"cot/backend/arm64/obj"
)

// Base is the address of the first byte of the file image (the ELF header).
const Base = 0x400000

// PageSize is the segment alignment: 64 KiB, so the executable also loads on kernels with
// 64 KiB pages.
const PageSize = 0x10000

// placed is a symbol with its final address.
type placed struct {
	sym  *obj.Symbol
	addr uint64
}

// section is one output section: its symbols in input order, address and file image.
type section struct {
	kind    obj.Section
	align   int
	addr    uint64
	fileOff uint64
	size    uint64
	data    []byte // nil for BSS
	syms    []*placed
}

// Link lays out the symbols, resolves every relocation and returns the executable, whose entry
// point is the symbol named entry. Symbols keep their input order within a section, so the
// output is a function of the input alone.
func Link(syms []obj.Symbol, entry string) ([]byte, error) {
	byName := map[string]*placed{}
	secs := []*section{{kind: obj.Text}, {kind: obj.ROData}, {kind: obj.Data}, {kind: obj.BSS}}
	for i := range syms {
		s := &syms[i]
		if s.Name == "" {
			return nil, fmt.Errorf("elf: symbol #%d has no name", i)
		}
		if _, dup := byName[s.Name]; dup {
			return nil, fmt.Errorf("elf: duplicate symbol %s", s.Name)
		}
		if s.Section > obj.BSS {
			return nil, fmt.Errorf("elf: symbol %s: bad section %v", s.Name, s.Section)
		}
		if s.Section == obj.BSS && len(s.Bytes) != 0 {
			return nil, fmt.Errorf("elf: BSS symbol %s has bytes", s.Name)
		}
		p := &placed{sym: s}
		byName[s.Name] = p
		secs[s.Section].syms = append(secs[s.Section].syms, p)
	}
	if _, ok := byName[entry]; !ok {
		return nil, fmt.Errorf("elf: undefined entry symbol %s", entry)
	}
	for _, s := range syms {
		for _, r := range s.Relocs {
			if _, ok := byName[r.Sym]; !ok {
				return nil, fmt.Errorf("elf: undefined symbol %s (referenced from %s+%#x)", r.Sym, s.Name, r.Offset)
			}
		}
	}
	l := layout(secs)
	for _, sec := range secs {
		for _, p := range sec.syms {
			for _, r := range p.sym.Relocs {
				if err := apply(sec, p, r, byName[r.Sym].addr); err != nil {
					return nil, err
				}
			}
		}
	}
	return l.write(secs, byName[entry].addr), nil
}

func symAlign(s *obj.Symbol) int {
	if s.Align > 0 {
		return s.Align
	}
	if s.Section == obj.Text {
		return 4
	}
	return 8
}

func alignUp(v, a uint64) uint64 { return (v + a - 1) &^ (a - 1) }

// image is the file layout decided by layout.
type image struct {
	headerSize uint64 // ELF header + program headers
	segments   []segment
	fileEnd    uint64 // end of the loadable part of the file
}

// segment is one PT_LOAD (or the GNU_STACK marker when flags say so).
type segment struct {
	flags           uint32
	fileOff, vaddr  uint64
	fileSize, mSize uint64
}

const (
	pfX = 1
	pfW = 2
	pfR = 4
)

// layout assigns addresses. The file is contiguous; each segment starts on a new page in memory
// at an address congruent to its file offset modulo PageSize, so no file padding is needed.
// Segments: headers+.text (R X), .rodata (R), .data+.bss (R W).
func layout(secs []*section) *image {
	text, rodata, data, bss := secs[0], secs[1], secs[2], secs[3]
	nseg := 1 // text always exists (it holds the entry point)
	if rodata.syms != nil {
		nseg++
	}
	if data.syms != nil || bss.syms != nil {
		nseg++
	}
	img := &image{headerSize: ehdrSize + uint64(nseg+1)*phdrSize} // +1: PT_GNU_STACK
	off := img.headerSize
	vaddr := uint64(Base) + off
	place := func(sec *section) {
		sec.align = 1
		for _, p := range sec.syms {
			a := symAlign(p.sym)
			if a > sec.align {
				sec.align = a
			}
		}
		start := alignUp(vaddr, uint64(sec.align))
		off += start - vaddr
		sec.addr, sec.fileOff = start, off
		cur := start
		for _, p := range sec.syms {
			cur = alignUp(cur, uint64(symAlign(p.sym)))
			p.addr = cur
			cur += uint64(p.sym.Len())
		}
		sec.size = cur - start
		if sec.kind != obj.BSS {
			sec.data = make([]byte, sec.size)
			for _, p := range sec.syms {
				copy(sec.data[p.addr-start:], p.sym.Bytes)
			}
			off += sec.size
		}
		vaddr = cur
	}
	newSegment := func() { vaddr = alignUp(vaddr, PageSize) + off%PageSize }

	place(text)
	img.segments = append(img.segments, segment{flags: pfR | pfX, fileOff: 0, vaddr: Base,
		fileSize: off, mSize: off})
	if rodata.syms != nil {
		newSegment()
		place(rodata)
		img.segments = append(img.segments, segment{flags: pfR, fileOff: rodata.fileOff,
			vaddr: rodata.addr, fileSize: rodata.size, mSize: rodata.size})
	}
	if data.syms != nil || bss.syms != nil {
		newSegment()
		place(data)
		place(bss)
		img.segments = append(img.segments, segment{flags: pfR | pfW, fileOff: data.fileOff,
			vaddr: data.addr, fileSize: data.size, mSize: bss.addr + bss.size - data.addr})
	}
	img.fileEnd = off
	return img
}

// apply patches one relocation of symbol p (in section sec) whose target address is target.
func apply(sec *section, p *placed, r obj.Reloc, target uint64) error {
	s := target + uint64(r.Addend)
	pc := p.addr + uint64(r.Offset)
	size := 4
	if r.Kind == obj.Abs64 {
		size = 8
	}
	if r.Offset < 0 || r.Offset+size > len(p.sym.Bytes) {
		return fmt.Errorf("elf: %s: %v relocation at %#x outside the symbol", p.sym.Name, r.Kind, r.Offset)
	}
	buf := sec.data[p.addr-sec.addr+uint64(r.Offset):]
	word := binary.LittleEndian.Uint32(buf)
	rel := int64(s - pc)
	where := func() string { return fmt.Sprintf("%s+%#x", p.sym.Name, r.Offset) }
	outOfRange := func(limit string) error {
		return fmt.Errorf("elf: %v relocation from %s to %s (offset %d bytes) out of range (%s)",
			r.Kind, where(), r.Sym, rel, limit)
	}
	switch r.Kind {
	case obj.Call26, obj.CondBr19, obj.TestBr14:
		check, patch, limit := enc.Off26, enc.PatchBranch26, "±128 MiB"
		if r.Kind == obj.CondBr19 {
			check, patch, limit = enc.Off19, enc.PatchBranch19, "±1 MiB"
		} else if r.Kind == obj.TestBr14 {
			check, patch, limit = enc.Off14, enc.PatchBranch14, "±32 KiB"
		}
		o, ok := check(rel)
		if !ok {
			return outOfRange(limit)
		}
		word = patch(word, o)
	case obj.AdrPrel21:
		o, ok := enc.AdrOffset(rel)
		if !ok {
			return outOfRange("±1 MiB")
		}
		word = enc.PatchAdr(word, o)
	case obj.ADRPPage21:
		o, ok := enc.AdrpPages(int64(s>>12) - int64(pc>>12))
		if !ok {
			return outOfRange("±4 GiB")
		}
		word = enc.PatchAdr(word, o)
	case obj.AddLo12, obj.Ldst8Lo12, obj.Ldst16Lo12, obj.Ldst32Lo12, obj.Ldst64Lo12, obj.Ldst128Lo12:
		shift := map[obj.RelocKind]uint{obj.AddLo12: 0, obj.Ldst8Lo12: 0, obj.Ldst16Lo12: 1,
			obj.Ldst32Lo12: 2, obj.Ldst64Lo12: 3, obj.Ldst128Lo12: 4}[r.Kind]
		lo := s & 0xfff
		if lo&(1<<shift-1) != 0 {
			return fmt.Errorf("elf: %v relocation at %s: %s+%d is not %d-byte aligned", r.Kind, where(), r.Sym, r.Addend, 1<<shift)
		}
		word, _ = enc.PatchImm12(word, lo>>shift)
	case obj.Abs64:
		binary.LittleEndian.PutUint64(buf, s)
		return nil
	case obj.Abs32:
		if s>>32 != 0 {
			return fmt.Errorf("elf: Abs32 relocation at %s: address %#x does not fit", where(), s)
		}
		word = uint32(s)
	case obj.Prel32:
		if rel != int64(int32(rel)) {
			return outOfRange("±2 GiB")
		}
		word = uint32(rel)
	default:
		return fmt.Errorf("elf: %s: unknown relocation kind %v", where(), r.Kind)
	}
	binary.LittleEndian.PutUint32(buf, word)
	return nil
}

// sortedSymbols returns the symbols for .symtab: locals first (as ELF requires), each group in
// address order, ties by name.
func sortedSymbols(secs []*section) []*placed {
	var all []*placed
	for _, sec := range secs {
		all = append(all, sec.syms...)
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.sym.Global != b.sym.Global {
			return !a.sym.Global
		}
		if a.addr != b.addr {
			return a.addr < b.addr
		}
		return a.sym.Name < b.sym.Name
	})
	return all
}
