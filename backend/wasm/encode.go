package wasm

import (
	"errors"
	"fmt"

	"cot/ir/wasm"
	"cot/verify"
)

// Encode validates m in full and returns its binary form. The output is deterministic: the
// shortest LEB128 everywhere, locals grouped in runs of equal type, empty sections omitted, a
// data count section when m has one or its code needs one (memory.init, data.drop), custom
// sections at the place recorded in Custom.After, and the name section's function names
// regenerated from Func.Name and Import.DebugName.
func Encode(m *wasm.Module) ([]byte, error) {
	if errs := verify.Wasm(nil, m); len(errs) > 0 {
		return nil, fmt.Errorf("wasm: encode: invalid module: %w", errors.Join(errs...))
	}
	e := &encoder{m: m}
	return e.module(), nil
}

type encoder struct {
	m   *wasm.Module
	out []byte
	// code, when set (EncodeParts), holds each function's code entry, encoded already;
	// codeSize bounds the code section's size.
	code     [][]byte
	codeSize int
}

// customsAfter emits the custom sections recorded after section id.
func (e *encoder) customsAfter(id byte) {
	for _, c := range e.m.Customs {
		if c.After == id {
			e.custom(c)
		}
	}
}

// custom emits one custom section; the name section's function names are rebuilt.
func (e *encoder) custom(c wasm.Custom) {
	body := appendName(nil, c.Name)
	if c.Name == "name" {
		body = appendNameSection(body, e.m, c.Bytes)
	} else {
		body = append(body, c.Bytes...)
	}
	e.section(secCustom, body)
}

func (e *encoder) section(id byte, body []byte) {
	e.out = append(e.out, id)
	e.out = AppendU32(e.out, uint32(len(body)))
	e.out = append(e.out, body...)
}

func appendName(b []byte, s string) []byte {
	b = AppendU32(b, uint32(len(s)))
	return append(b, s...)
}

func (e *encoder) module() []byte {
	m := e.m
	e.out = append(e.out, "\x00asm\x01\x00\x00\x00"...)
	e.customsAfter(0)
	order := []byte{secType, secImport, secFunction, secTable, secMemory, secGlobal, secExport,
		secStart, secElement, secDataCount, secCode, secData}
	for _, id := range order {
		if body, ok := e.sectionBody(id); ok {
			e.section(id, body)
		}
		e.customsAfter(id)
	}
	hasNames := false
	for _, c := range m.Customs {
		hasNames = hasNames || c.Name == "name"
		if c.After > secDataCount { // not a section id: keep the section, at the end
			e.custom(c)
		}
	}
	if !hasNames && anyFuncName(m) {
		e.custom(wasm.Custom{Name: "name"})
	}
	return e.out
}

func anyFuncName(m *wasm.Module) bool {
	for _, im := range m.Imports {
		if im.DebugName != "" {
			return true
		}
	}
	for _, f := range m.Funcs {
		if f.Name != "" {
			return true
		}
	}
	return false
}

// sectionBody returns the contents of section id, and false when the section is omitted.
func (e *encoder) sectionBody(id byte) ([]byte, bool) {
	m := e.m
	var b []byte
	switch id {
	case secType:
		if len(m.Types) == 0 {
			return nil, false
		}
		b = AppendU32(b, uint32(len(m.Types)))
		for _, t := range m.Types {
			b = append(b, 0x60)
			b = appendValTypes(b, t.Params)
			b = appendValTypes(b, t.Results)
		}
	case secImport:
		if len(m.Imports) == 0 {
			return nil, false
		}
		b = AppendU32(b, uint32(len(m.Imports)))
		for _, im := range m.Imports {
			b = appendName(b, im.Module)
			b = appendName(b, im.Name)
			b = append(b, byte(im.Kind))
			switch im.Kind {
			case wasm.ExternFunc:
				b = AppendU32(b, im.TypeIdx)
			case wasm.ExternTable:
				b = appendTable(b, im.Table)
			case wasm.ExternMemory:
				b = appendLimits(b, im.Memory.Limits)
			case wasm.ExternGlobal:
				b = appendGlobalType(b, im.Global)
			}
		}
	case secFunction:
		if len(m.Funcs) == 0 {
			return nil, false
		}
		b = AppendU32(b, uint32(len(m.Funcs)))
		for _, f := range m.Funcs {
			b = AppendU32(b, f.TypeIdx)
		}
	case secTable:
		if len(m.Tables) == 0 {
			return nil, false
		}
		b = AppendU32(b, uint32(len(m.Tables)))
		for _, t := range m.Tables {
			b = appendTable(b, t)
		}
	case secMemory:
		if len(m.Mems) == 0 {
			return nil, false
		}
		b = AppendU32(b, uint32(len(m.Mems)))
		for _, mem := range m.Mems {
			b = appendLimits(b, mem.Limits)
		}
	case secGlobal:
		if len(m.Globals) == 0 {
			return nil, false
		}
		b = AppendU32(b, uint32(len(m.Globals)))
		for _, g := range m.Globals {
			b = appendGlobalType(b, g.Type)
			b = appendExpr(b, g.Init)
		}
	case secExport:
		if len(m.Exports) == 0 {
			return nil, false
		}
		b = AppendU32(b, uint32(len(m.Exports)))
		for _, x := range m.Exports {
			b = appendName(b, x.Name)
			b = append(b, byte(x.Kind))
			b = AppendU32(b, x.Index)
		}
	case secStart:
		if m.Start == nil {
			return nil, false
		}
		b = AppendU32(b, *m.Start)
	case secElement:
		if len(m.Elems) == 0 {
			return nil, false
		}
		b = AppendU32(b, uint32(len(m.Elems)))
		for _, el := range m.Elems {
			b = appendElem(b, el)
		}
	case secDataCount:
		if m.DataCount == nil && (e.code != nil || !needsDataCount(m)) {
			return nil, false
		}
		b = AppendU32(b, uint32(len(m.Datas)))
	case secCode:
		if len(m.Funcs) == 0 {
			return nil, false
		}
		if e.code != nil {
			b = make([]byte, 0, e.codeSize)
		}
		b = AppendU32(b, uint32(len(m.Funcs)))
		for i := range m.Funcs {
			if e.code != nil {
				b = AppendU32(b, uint32(len(e.code[i])))
				b = append(b, e.code[i]...)
				continue
			}
			body := appendLocals(nil, m.Funcs[i].Locals)
			body = appendExpr(body, m.Funcs[i].Body)
			b = AppendU32(b, uint32(len(body)))
			b = append(b, body...)
		}
	case secData:
		if len(m.Datas) == 0 {
			return nil, false
		}
		b = AppendU32(b, uint32(len(m.Datas)))
		for _, d := range m.Datas {
			switch {
			case d.Mode == wasm.DataPassive:
				b = append(b, 1)
			case d.Memory == 0 && !d.MemExplicit:
				b = append(b, 0)
				b = appendExpr(b, d.Offset)
			default:
				b = append(b, 2)
				b = AppendU32(b, d.Memory)
				b = appendExpr(b, d.Offset)
			}
			b = AppendU32(b, uint32(len(d.Bytes)))
			b = append(b, d.Bytes...)
		}
	}
	return b, true
}

// needsDataCount reports whether some function uses memory.init or data.drop, which the binary
// format allows only after a data count section.
func needsDataCount(m *wasm.Module) bool {
	for _, f := range m.Funcs {
		for _, in := range f.Body {
			if in.Op == wasm.OpMemoryInit || in.Op == wasm.OpDataDrop {
				return true
			}
		}
	}
	return false
}

func appendValTypes(b []byte, ts []wasm.ValType) []byte {
	b = AppendU32(b, uint32(len(ts)))
	for _, t := range ts {
		b = append(b, byte(t))
	}
	return b
}

func appendLimits(b []byte, l wasm.Limits) []byte {
	if l.HasMax {
		b = append(b, 1)
		b = AppendU32(b, l.Min)
		return AppendU32(b, l.Max)
	}
	b = append(b, 0)
	return AppendU32(b, l.Min)
}

func appendTable(b []byte, t wasm.Table) []byte {
	return appendLimits(append(b, byte(t.Elem)), t.Limits)
}

func appendGlobalType(b []byte, g wasm.GlobalType) []byte {
	b = append(b, byte(g.Type))
	if g.Mutable {
		return append(b, 1)
	}
	return append(b, 0)
}

// appendLocals writes the declared locals as runs of equal type.
func appendLocals(b []byte, locals []wasm.ValType) []byte {
	runs := 0
	for i := range locals {
		if i == 0 || locals[i] != locals[i-1] {
			runs++
		}
	}
	b = AppendU32(b, uint32(runs))
	for i := 0; i < len(locals); {
		j := i
		for j < len(locals) && locals[j] == locals[i] {
			j++
		}
		b = AppendU32(b, uint32(j-i))
		b = append(b, byte(locals[i]))
		i = j
	}
	return b
}
