package elf

import (
	"encoding/binary"

	"cot/backend/arm64/obj"
)

// ELF64 constants used here (System V gABI and the AArch64 ELF ABI).
const (
	ehdrSize = 64
	phdrSize = 56
	shdrSize = 64
	symSize  = 24

	etExec     = 2
	emAArch64  = 183
	ptLoad     = 1
	ptGNUStack = 0x6474e551

	shtProgbits = 1
	shtSymtab   = 2
	shtStrtab   = 3
	shtNobits   = 8

	shfWrite     = 1
	shfAlloc     = 2
	shfExecinstr = 4

	stbLocal  = 0
	stbGlobal = 1
	sttObject = 1
	sttFunc   = 2
)

// strtab builds a string table; the empty string is at offset 0.
type strtab struct{ b []byte }

func newStrtab() *strtab { return &strtab{b: []byte{0}} }

func (t *strtab) add(s string) uint32 {
	off := uint32(len(t.b))
	t.b = append(append(t.b, s...), 0)
	return off
}

// write produces the file: headers, the loadable sections, then .symtab, .strtab, .shstrtab and
// the section header table (not loaded).
func (img *image) write(secs []*section, entry uint64) []byte {
	le := binary.LittleEndian
	out := make([]byte, img.fileEnd)

	// Output sections in the section header table: the non-empty loadable ones.
	type shdr struct {
		name                 uint32
		typ                  uint32
		flags, addr, off, sz uint64
		link, info           uint32
		align, entsize       uint64
	}
	shstr := newStrtab()
	headers := []shdr{{}} // index 0: SHN_UNDEF
	secIndex := map[obj.Section]uint16{}
	for _, sec := range secs {
		if sec.syms == nil {
			continue
		}
		h := shdr{name: shstr.add(sec.kind.String()), typ: shtProgbits, flags: shfAlloc,
			addr: sec.addr, off: sec.fileOff, sz: sec.size, align: uint64(sec.align)}
		switch sec.kind {
		case obj.Text:
			h.flags |= shfExecinstr
		case obj.Data:
			h.flags |= shfWrite
		case obj.BSS:
			h.flags |= shfWrite
			h.typ = shtNobits
		}
		secIndex[sec.kind] = uint16(len(headers))
		headers = append(headers, h)
		if sec.data != nil {
			copy(out[sec.fileOff:], sec.data)
		}
	}

	// .symtab: the null symbol, then one symbol per obj.Symbol (locals first).
	str := newStrtab()
	symtab := make([]byte, symSize)
	ordered := sortedSymbols(secs)
	firstGlobal := uint32(1)
	for _, p := range ordered {
		typ, bind := byte(sttObject), byte(stbLocal)
		if p.sym.Section == obj.Text {
			typ = sttFunc
		}
		if p.sym.Global {
			bind = stbGlobal
		} else {
			firstGlobal++
		}
		var e [symSize]byte
		le.PutUint32(e[0:], str.add(p.sym.Name))
		e[4] = bind<<4 | typ
		le.PutUint16(e[6:], secIndex[p.sym.Section])
		le.PutUint64(e[8:], p.addr)
		le.PutUint64(e[16:], uint64(p.sym.Len()))
		symtab = append(symtab, e[:]...)
	}
	symtabIdx := uint32(len(headers))
	out = alignFile(out, 8)
	headers = append(headers, shdr{name: shstr.add(".symtab"), typ: shtSymtab, off: uint64(len(out)),
		sz: uint64(len(symtab)), link: symtabIdx + 1, info: firstGlobal, align: 8, entsize: symSize})
	out = append(out, symtab...)
	headers = append(headers, shdr{name: shstr.add(".strtab"), typ: shtStrtab, off: uint64(len(out)),
		sz: uint64(len(str.b)), align: 1})
	out = append(out, str.b...)
	shstrName := shstr.add(".shstrtab")
	headers = append(headers, shdr{name: shstrName, typ: shtStrtab, off: uint64(len(out)),
		sz: uint64(len(shstr.b)), align: 1})
	out = append(out, shstr.b...)

	out = alignFile(out, 8)
	shoff := uint64(len(out))
	for _, h := range headers {
		var e [shdrSize]byte
		le.PutUint32(e[0:], h.name)
		le.PutUint32(e[4:], h.typ)
		le.PutUint64(e[8:], h.flags)
		le.PutUint64(e[16:], h.addr)
		le.PutUint64(e[24:], h.off)
		le.PutUint64(e[32:], h.sz)
		le.PutUint32(e[40:], h.link)
		le.PutUint32(e[44:], h.info)
		le.PutUint64(e[48:], h.align)
		le.PutUint64(e[56:], h.entsize)
		out = append(out, e[:]...)
	}

	// ELF header.
	copy(out, []byte{0x7f, 'E', 'L', 'F', 2 /* 64-bit */, 1 /* little endian */, 1 /* version */, 0 /* SysV */})
	le.PutUint16(out[16:], etExec)
	le.PutUint16(out[18:], emAArch64)
	le.PutUint32(out[20:], 1)
	le.PutUint64(out[24:], entry)
	le.PutUint64(out[32:], ehdrSize) // program headers follow the ELF header
	le.PutUint64(out[40:], shoff)
	le.PutUint16(out[52:], ehdrSize)
	le.PutUint16(out[54:], phdrSize)
	le.PutUint16(out[56:], uint16(len(img.segments)+1))
	le.PutUint16(out[58:], shdrSize)
	le.PutUint16(out[60:], uint16(len(headers)))
	le.PutUint16(out[62:], uint16(len(headers)-1)) // .shstrtab is last

	// Program headers: the PT_LOADs, then PT_GNU_STACK (non-executable stack).
	ph := out[ehdrSize:]
	for i, s := range img.segments {
		e := ph[i*phdrSize:]
		le.PutUint32(e[0:], ptLoad)
		le.PutUint32(e[4:], s.flags)
		le.PutUint64(e[8:], s.fileOff)
		le.PutUint64(e[16:], s.vaddr)
		le.PutUint64(e[24:], s.vaddr)
		le.PutUint64(e[32:], s.fileSize)
		le.PutUint64(e[40:], s.mSize)
		le.PutUint64(e[48:], PageSize)
	}
	e := ph[len(img.segments)*phdrSize:]
	le.PutUint32(e[0:], ptGNUStack)
	le.PutUint32(e[4:], pfR|pfW)
	le.PutUint64(e[48:], 16)
	return out
}

func alignFile(b []byte, a int) []byte {
	for len(b)%a != 0 {
		b = append(b, 0)
	}
	return b
}
