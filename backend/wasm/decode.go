package wasm

import (
	"cot/ir/wasm"
	"cot/verify"
)

// Section ids of the binary format.
const (
	secCustom    = 0
	secType      = 1
	secImport    = 2
	secFunction  = 3
	secTable     = 4
	secMemory    = 5
	secGlobal    = 6
	secExport    = 7
	secStart     = 8
	secElement   = 9
	secCode      = 10
	secData      = 11
	secDataCount = 12
)

// sectionRank is the position of each non-custom section in the required order (the data count
// section sits between the element and code sections).
var sectionRank = [13]int{
	secType: 1, secImport: 2, secFunction: 3, secTable: 4, secMemory: 5, secGlobal: 6,
	secExport: 7, secStart: 8, secElement: 9, secDataCount: 10, secCode: 11, secData: 12,
}

// Decode parses a binary WebAssembly 2.0 module (without SIMD) and validates it in full, within
// the implementation limits of limits.go. Errors are *DecodeError. Function names from the name section go to Func.Name (and Import.DebugName),
// each instruction's byte offset to Func.Offsets.
func Decode(b []byte) (m *wasm.Module, err error) {
	d := &decoder{r: reader{b: b, end: len(b)}, m: &wasm.Module{}}
	defer func() {
		if x := recover(); x != nil {
			f, ok := x.(decodeFailure)
			if !ok {
				panic(x)
			}
			m, err = nil, f.err
		}
	}()
	d.module()
	if errs := verify.Wasm(nil, d.m); len(errs) > 0 {
		return nil, toDecodeError(errs[0])
	}
	return d.m, nil
}

// toDecodeError turns a validation error into a DecodeError at its byte offset, when known.
func toDecodeError(e error) *DecodeError {
	if ve, ok := e.(*verify.WasmError); ok {
		off := ve.Offset
		if off < 0 {
			off = 0
		}
		return &DecodeError{Offset: off, Msg: ve.Msg}
	}
	return &DecodeError{Msg: e.Error()}
}

type decoder struct {
	r        reader
	m        *wasm.Module
	funcDecl []uint32 // type indices from the function section
	hasFuncs bool     // a function section was present
	hasCode  bool
	names    []byte // the name section, decoded once the functions are known
	nameAt   int    // index in m.Customs where the name section's leftovers go
	// lazy, when set, collects the function bodies undecoded (DecodeLazy).
	lazy *Lazy
}

func (d *decoder) module() {
	r := &d.r
	r.limit(MaxModuleSize, "module size", uint64(len(r.b)), MaxModuleSize)
	if len(r.b) < 4 {
		r.pos = len(r.b)
		r.fail("unexpected end")
	}
	if string(r.b[:4]) != "\x00asm" {
		r.fail("magic header not detected")
	}
	r.pos = 4
	if len(r.b) < 8 {
		r.pos = len(r.b)
		r.fail("unexpected end")
	}
	if string(r.b[4:8]) != "\x01\x00\x00\x00" {
		r.fail("unknown binary version")
	}
	r.pos = 8
	// placed is the last non-custom section the encoder would also emit (empty vector sections
	// are omitted by Encode), so custom sections keep their place through a round trip.
	lastRank, placed := 0, byte(0)
	for r.pos < len(r.b) {
		start := r.pos
		id := r.byte()
		if id > secDataCount {
			r.failAt(start, "malformed section id")
		}
		size := r.u32()
		if uint64(size) > uint64(len(r.b)-r.pos) {
			r.fail("length out of bounds")
		}
		r.end = r.pos + int(size)
		if id != secCustom {
			if sectionRank[id] <= lastRank {
				r.failAt(start, "unexpected content after last section")
			}
			lastRank = sectionRank[id]
		}
		vecStart := r.pos
		r.inSection = true
		d.section(id, placed)
		r.inSection = false
		if id != secCustom && !(id != secStart && id != secDataCount && r.b[vecStart] == 0) {
			placed = id
		}
		if r.pos != r.end {
			r.fail("section size mismatch")
		}
		r.end = len(r.b)
	}
	if d.hasFuncs || d.hasCode {
		if len(d.funcDecl) != len(d.m.Funcs) {
			r.fail("function and code section have inconsistent lengths")
		}
	}
	if d.m.DataCount != nil && int(*d.m.DataCount) != len(d.m.Datas) {
		r.fail("data count and data section have inconsistent lengths")
	}
	if d.names != nil {
		d.nameSection()
	}
	d.dropEmptySections()
}

// dropEmptySections makes a present-but-empty section look like an absent one (nil), the form
// the encoder produces, so that module equality does not depend on such encoding choices.
func (d *decoder) dropEmptySections() {
	m := d.m
	if len(m.Types) == 0 {
		m.Types = nil
	}
	if len(m.Imports) == 0 {
		m.Imports = nil
	}
	if len(m.Funcs) == 0 {
		m.Funcs = nil
	}
	if len(m.Tables) == 0 {
		m.Tables = nil
	}
	if len(m.Mems) == 0 {
		m.Mems = nil
	}
	if len(m.Globals) == 0 {
		m.Globals = nil
	}
	if len(m.Exports) == 0 {
		m.Exports = nil
	}
	if len(m.Elems) == 0 {
		m.Elems = nil
	}
	if len(m.Datas) == 0 {
		m.Datas = nil
	}
}

func (d *decoder) section(id, after byte) {
	r, m := &d.r, d.m
	switch id {
	case secCustom:
		name := r.name()
		if name == "name" && d.names == nil {
			d.names = r.b[r.pos:r.end]
			d.nameAt = len(m.Customs)
		}
		m.Customs = append(m.Customs, wasm.Custom{Name: name, Bytes: clone(r.b[r.pos:r.end]), After: after})
		r.pos = r.end
	case secType:
		n := r.countLimited("types", 0, maxTypes)
		m.Types = make([]wasm.FuncType, n)
		for i := range m.Types {
			if form := r.byte(); form != 0x60 {
				r.failAt(r.pos-1, "integer representation too long")
			}
			r.limit(r.pos, "function type params count", uint64(r.peekU32()), maxParams)
			m.Types[i].Params = d.valTypes()
			r.limit(r.pos, "function type results count", uint64(r.peekU32()), maxResults)
			m.Types[i].Results = d.valTypes()
		}
	case secImport:
		n := r.countLimited("imports", 0, maxImports)
		m.Imports = make([]wasm.Import, n)
		var tables, mems uint64
		for i := range m.Imports {
			im := &m.Imports[i]
			im.Module = r.name()
			im.Name = r.name()
			start := r.pos
			im.Kind = wasm.ExternKind(r.byte())
			switch im.Kind {
			case wasm.ExternFunc:
				im.TypeIdx = r.u32()
			case wasm.ExternTable:
				tables++
				r.limit(start, "tables count", tables, maxTables)
				im.Table = r.tableType()
			case wasm.ExternMemory:
				mems++
				r.limit(start, "memories count", mems, maxMemories)
				im.Memory = wasm.Memory{Limits: r.limits()}
			case wasm.ExternGlobal:
				im.Global = r.globalType()
			default:
				r.failAt(start, "malformed import kind")
			}
		}
	case secFunction:
		d.hasFuncs = true
		n := r.countLimited("functions", d.numImported(byte(wasm.ExternFunc)), maxFunctions)
		d.funcDecl = make([]uint32, n)
		for i := range d.funcDecl {
			d.funcDecl[i] = r.u32()
		}
	case secTable:
		n := r.countLimited("tables", d.numImported(byte(wasm.ExternTable)), maxTables)
		m.Tables = make([]wasm.Table, n)
		for i := range m.Tables {
			m.Tables[i] = r.tableType()
		}
	case secMemory:
		n := r.countLimited("memories", d.numImported(byte(wasm.ExternMemory)), maxMemories)
		m.Mems = make([]wasm.Memory, n)
		for i := range m.Mems {
			m.Mems[i] = wasm.Memory{Limits: r.limits()}
		}
	case secGlobal:
		n := r.countLimited("globals", d.numImported(byte(wasm.ExternGlobal)), maxGlobals)
		m.Globals = make([]wasm.Global, n)
		for i := range m.Globals {
			m.Globals[i].Type = r.globalType()
			m.Globals[i].Init = d.constExpr()
		}
	case secExport:
		n := r.countLimited("exports", 0, maxExports)
		m.Exports = make([]wasm.Export, n)
		for i := range m.Exports {
			e := &m.Exports[i]
			e.Name = r.name()
			start := r.pos
			e.Kind = wasm.ExternKind(r.byte())
			if e.Kind > wasm.ExternGlobal {
				r.failAt(start, "malformed export kind")
			}
			e.Index = r.u32()
		}
	case secStart:
		s := r.u32()
		m.Start = &s
	case secElement:
		n := r.countLimited("element segments", 0, maxElemSegments)
		m.Elems = make([]wasm.Elem, n)
		for i := range m.Elems {
			m.Elems[i] = d.elem()
		}
	case secDataCount:
		r.limit(r.pos, "data count", uint64(r.peekU32()), maxDataSegments)
		c := r.u32()
		m.DataCount = &c
	case secCode:
		d.hasCode = true
		d.code()
	case secData:
		n := r.countLimited("data segments", 0, maxDataSegments)
		m.Datas = make([]wasm.Data, n)
		for i := range m.Datas {
			m.Datas[i] = d.data()
		}
	}
}

func (d *decoder) valTypes() []wasm.ValType {
	n := d.r.count()
	if n == 0 {
		return nil
	}
	ts := make([]wasm.ValType, n)
	for i := range ts {
		ts[i] = d.r.valType()
	}
	return ts
}

// elem decodes one element segment in any of its eight encodings (flags 0-7):
// bit 0 passive/declarative, bit 1 explicit table (active) or declarative (bit 0 set), bit 2
// items as expressions instead of function indices.
func (d *decoder) elem() wasm.Elem {
	r := &d.r
	start := r.pos
	flags := r.u32()
	if flags > 7 {
		r.failAt(start, "malformed elements segment kind")
	}
	e := wasm.Elem{Type: wasm.FuncRef, Exprs: flags&4 != 0}
	switch {
	case flags&1 == 0:
		e.Mode = wasm.ElemActive
		if flags&2 != 0 {
			e.Table = r.u32()
			e.TableExplicit = true
		}
		e.Offset = d.constExpr()
	case flags&2 == 0:
		e.Mode = wasm.ElemPassive
	default:
		e.Mode = wasm.ElemDeclarative
	}
	if flags&3 != 0 { // every form except 0 and 4 states the element kind or type
		if e.Exprs {
			e.Type = r.refType()
		} else if at := r.pos; r.byte() != 0x00 {
			r.failAt(at, "malformed element kind")
		}
	}
	if e.Exprs {
		n := r.count()
		e.Init = make([][]wasm.Instr, n)
		for i := range e.Init {
			e.Init[i] = d.constExpr()
		}
		return e
	}
	n := r.count()
	e.Init = make([][]wasm.Instr, n)
	for i := range e.Init {
		e.Init[i] = []wasm.Instr{{Op: wasm.OpRefFunc, Index: r.u32()}, wasm.End()}
	}
	return e
}

// data decodes one data segment: flags 0 (active, memory 0), 1 (passive), 2 (active, memory x).
func (d *decoder) data() wasm.Data {
	r := &d.r
	start := r.pos
	var s wasm.Data
	switch r.u32() {
	case 0:
		s.Offset = d.constExpr()
	case 1:
		s.Mode = wasm.DataPassive
	case 2:
		s.Memory = r.u32()
		s.MemExplicit = true
		s.Offset = d.constExpr()
	default:
		r.failAt(start, "malformed data segment kind")
	}
	s.Bytes = clone(r.bytesVec())
	return s
}

// clone copies b so the module never aliases the caller's buffer.
func clone(b []byte) []byte { return append([]byte{}, b...) }
