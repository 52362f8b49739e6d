package wasm

import (
	"unicode/utf8"

	"cot/ir/wasm"
)

// The name section (custom section "name") is a sequence of subsections (id byte, size, bytes).
// Subsection 1, the function names, is decoded into Func.Name / Import.DebugName; the other
// subsections (module name, local names, ...) stay verbatim in the module's "name" Custom so
// Encode can put them back around the regenerated function names.
const nameSubFuncs = 1

// nameSection decodes the function names. A malformed name section is not an error (custom
// sections have no validity requirements): the section is then kept verbatim, with no names.
func (d *decoder) nameSection() {
	subs, ok := splitNameSubsections(d.names)
	if !ok {
		return
	}
	var rest []byte
	var funcNames []byte
	for _, s := range subs {
		if s.id == nameSubFuncs {
			if funcNames != nil {
				return // two function-name subsections: keep the section verbatim
			}
			funcNames = s.body
			continue
		}
		rest = append(rest, s.raw...)
	}
	if funcNames == nil {
		return
	}
	names, ok := parseNameMap(funcNames)
	if !ok {
		return
	}
	imported := d.importedFuncs()
	for _, n := range names {
		switch {
		case int(n.index) < len(imported):
			d.m.Imports[imported[n.index]].DebugName = n.name
		case int(n.index)-len(imported) < len(d.m.Funcs):
			d.m.Funcs[int(n.index)-len(imported)].Name = n.name
		}
	}
	if !namesRoundTrip(d.m, names, len(imported)) {
		// Names out of order, duplicated or out of range: keep the section exactly as it was.
		clearNames(d.m)
		return
	}
	d.m.Customs[d.nameAt].Bytes = rest
}

type nameSub struct {
	id   byte
	body []byte
	raw  []byte
}

func splitNameSubsections(b []byte) ([]nameSub, bool) {
	var out []nameSub
	for pos := 0; pos < len(b); {
		start := pos
		id := b[pos]
		size, n, err := ReadU32(b[pos+1:])
		if err != nil {
			return nil, false
		}
		pos += 1 + n
		if uint64(size) > uint64(len(b)-pos) {
			return nil, false
		}
		out = append(out, nameSub{id: id, body: b[pos : pos+int(size)], raw: b[start : pos+int(size)]})
		pos += int(size)
	}
	return out, true
}

type nameAssoc struct {
	index uint32
	name  string
}

func parseNameMap(b []byte) ([]nameAssoc, bool) {
	count, n, err := ReadU32(b)
	if err != nil || uint64(count) > uint64(len(b)) {
		return nil, false
	}
	pos := n
	out := make([]nameAssoc, 0, count)
	for i := uint32(0); i < count; i++ {
		idx, n, err := ReadU32(b[pos:])
		if err != nil {
			return nil, false
		}
		pos += n
		l, n, err := ReadU32(b[pos:])
		if err != nil || uint64(l) > uint64(len(b)-pos-n) {
			return nil, false
		}
		pos += n
		s := b[pos : pos+int(l)]
		if !utf8.Valid(s) {
			return nil, false
		}
		pos += int(l)
		out = append(out, nameAssoc{idx, string(s)})
	}
	return out, pos == len(b)
}

func (d *decoder) importedFuncs() []int {
	var out []int
	for i, im := range d.m.Imports {
		if im.Kind == wasm.ExternFunc {
			out = append(out, i)
		}
	}
	return out
}

// namesRoundTrip reports whether regenerating the function-name map from the module gives the
// same associations (strictly increasing indices, all in range, no empty names).
func namesRoundTrip(m *wasm.Module, names []nameAssoc, nImported int) bool {
	total := nImported + len(m.Funcs)
	for i, n := range names {
		if int(n.index) >= total || n.name == "" || (i > 0 && n.index <= names[i-1].index) {
			return false
		}
	}
	return true
}

func clearNames(m *wasm.Module) {
	for i := range m.Imports {
		m.Imports[i].DebugName = ""
	}
	for i := range m.Funcs {
		m.Funcs[i].Name = ""
	}
}

// appendNameSection builds the name section's content: the kept subsections with the function
// names regenerated from the module inserted among them.
func appendNameSection(out []byte, m *wasm.Module, kept []byte) []byte {
	subs, ok := splitNameSubsections(kept)
	if !ok || hasFuncNames(subs) { // kept verbatim by the decoder: names were not understood
		return append(out, kept...)
	}
	var body []byte
	count := uint32(0)
	idx := uint32(0)
	appendName := func(name string) {
		if name != "" {
			body = AppendU32(body, idx)
			body = AppendU32(body, uint32(len(name)))
			body = append(body, name...)
			count++
		}
		idx++
	}
	for _, im := range m.Imports {
		if im.Kind == wasm.ExternFunc {
			appendName(im.DebugName)
		}
	}
	for _, f := range m.Funcs {
		appendName(f.Name)
	}
	var funcNames []byte
	if count > 0 {
		sub := AppendU32(nil, count)
		sub = append(sub, body...)
		funcNames = append(funcNames, nameSubFuncs)
		funcNames = AppendU32(funcNames, uint32(len(sub)))
		funcNames = append(funcNames, sub...)
	}
	// The kept subsections stay in their order; the function names go before the first one
	// with a higher id (the order the spec's appendix prescribes).
	placed := false
	for _, s := range subs {
		if s.id > nameSubFuncs && !placed {
			out = append(out, funcNames...)
			placed = true
		}
		out = append(out, s.raw...)
	}
	if !placed {
		out = append(out, funcNames...)
	}
	return out
}

func hasFuncNames(subs []nameSub) bool {
	for _, s := range subs {
		if s.id == nameSubFuncs {
			return true
		}
	}
	return false
}
