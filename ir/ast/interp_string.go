package ast

// Strings in the reference interpreter (node_string.go): a string value is the packed header
// len << 32 | ptr, as in the compiled program; the bytes of a literal met before layout-data
// places it are appended to the interpreter's memory above the compiled memory's end (where
// the compiled program's heap would be), once per distinct literal.

import (
	"encoding/binary"
	"strings"

	"cot/ir/types"
)

// literalAddr returns the address of a copy of s in memory.
func (in *interp) literalAddr(s string) int64 {
	if a, ok := in.strs[s]; ok {
		return a
	}
	mem := in.memory()
	a := int64(len(mem))
	in.mem = append(mem, s...)
	in.strs[s] = a
	return a
}

// wholePages rounds the memory up to whole pages and returns their number: the bytes of
// literals and new strings appended above the compiled memory's end then lie below what the
// runtime's allocator sees as the end of memory, so its heap never overlaps them.
func (in *interp) wholePages() int64 {
	mem := in.memory()
	if r := len(mem) % PageSize; r != 0 {
		in.mem = append(mem, make([]byte, PageSize-r)...)
	}
	return int64(len(in.mem) / PageSize)
}

// stringBytes returns the bytes of the string value v (trapping outside memory, as an access).
func (in *interp) stringBytes(v int64) []byte {
	p, n := UnpackString(v)
	return in.bytesAt(p, int(n))
}

// evalString evaluates a string node, or reports false for another expression.
func (in *interp) evalString(e Expr, fr frame) (int64, bool) {
	switch e := e.(type) {
	case *StrLit:
		return PackString(in.literalAddr(e.Value), int64(len(e.Value))), true
	case *BytesString: // the slice's bytes, no copy; an empty slice gives an empty string
		base, n := in.seq(e.X, fr)
		if n == 0 {
			return PackString(in.literalAddr(""), 0), true
		}
		return PackString(base, n), true
	case *StringBytes: // a slice header of the string's bytes, capacity = length
		p, n := UnpackString(in.eval(e.X, fr))
		a := in.slotFor(e, e.T)
		in.store(a+SlicePtr, types.TI64, p)
		in.store(a+SliceLen, types.TI64, n)
		in.store(a+SliceCap, types.TI64, n)
		return a, true
	case *Interp: // a new string, as the runtime's interp_* routines make
		return in.newString([]byte(in.formatParts(e, fr))), true
	case *StrLen:
		_, n := UnpackString(in.eval(e.X, fr))
		return n, true
	case *StrPtr:
		p, _ := UnpackString(in.eval(e.X, fr))
		return p, true
	case *StrMake:
		p, n := in.eval(e.Ptr, fr), in.eval(e.Len, fr)
		if uint64(p) > 0xffffffff || uint64(n) > 0xffffffff { // lower-strings' check of @string
			in.outOfBounds()
		}
		return PackString(p, n), true
	case *Index:
		if e.X.Type() != types.TString {
			return 0, false
		}
		s, i := in.eval(e.X, fr), in.eval(e.I, fr)
		p, n := UnpackString(s)
		if uint64(i) >= uint64(n) {
			in.outOfBounds()
		}
		return int64(in.bytesAt(p+i, 1)[0]), true
	case *SliceExpr:
		if e.X.Type() != types.TString {
			return 0, false
		}
		s := in.eval(e.X, fr)
		p, n := UnpackString(s)
		lo, hi := int64(0), n
		if e.Lo != nil {
			lo = in.eval(e.Lo, fr)
		}
		if e.Hi != nil {
			hi = in.eval(e.Hi, fr)
		}
		if uint64(hi) > uint64(n) || uint64(lo) > uint64(hi) {
			in.outOfBounds()
		}
		return PackString(p+lo, hi-lo), true
	case *Binary:
		if e.X.Type() == types.TString && e.Op == "+" { // a new string, as str_concat makes
			x := in.eval(e.X, fr)
			return in.concat(x, in.eval(e.Y, fr)), true
		}
		if e.X.Type() != types.TString || (e.Op != "==" && e.Op != "!=") {
			return 0, false
		}
		x, y := in.stringBytes(in.eval(e.X, fr)), in.stringBytes(in.eval(e.Y, fr))
		return b2i((string(x) == string(y)) == (e.Op == "==")), true
	}
	return 0, false
}

// loadString reads a string laid out in memory at a (ptr@0, len@8).
func (in *interp) loadString(a int64) int64 {
	b := in.bytesAt(a, 16)
	return PackString(int64(binary.LittleEndian.Uint64(b)), int64(binary.LittleEndian.Uint64(b[8:])))
}

// storeString lays the string value v out in memory at a.
func (in *interp) storeString(a, v int64) {
	p, n := UnpackString(v)
	b := in.bytesAt(a, 16)
	binary.LittleEndian.PutUint64(b, uint64(p))
	binary.LittleEndian.PutUint64(b[8:], uint64(n))
}

// combine applies the operator of a compound assignment: `+=` of strings concatenates.
func (in *interp) combine(op string, t types.Type, x, y int64) int64 {
	if t == types.TString {
		return in.concat(x, y)
	}
	return in.binary(op, t, x, y)
}

// concat is a new string holding the bytes of the strings x and y.
func (in *interp) concat(x, y int64) int64 {
	return in.newString(append(append([]byte{}, in.stringBytes(x)...), in.stringBytes(y)...))
}

// equal compares two values of type t as == does: strings by content.
func (in *interp) equal(t types.Type, x, y int64) bool {
	if t == types.TString {
		return string(in.stringBytes(x)) == string(in.stringBytes(y))
	}
	return x == y
}

// formatParts is the text print writes for x: an interpolation's embedded expressions are all
// evaluated, left to right, before its parts are formatted (lower-print binds them first).
func (in *interp) formatParts(x Expr, fr frame) string {
	parts := []Expr{x}
	if i, ok := x.(*Interp); ok {
		parts = i.Parts
	}
	text := make([]string, len(parts))
	for i, a := range parts {
		switch {
		case a.Type() == types.TString:
			if lit, ok := a.(*StrLit); ok {
				text[i] = lit.Value
				continue
			}
			text[i] = string(in.stringBytes(in.eval(a, fr)))
		default:
			text[i] = formatValue(in.eval(a, fr), a.Type())
		}
	}
	return strings.Join(text, "")
}

// newString is a string value holding a copy of b, above the memory in use (as the runtime's
// allocator would place it).
func (in *interp) newString(b []byte) int64 {
	mem := in.memory()
	in.mem = append(mem, b...)
	return PackString(int64(len(mem)), int64(len(b)))
}
