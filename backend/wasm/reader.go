package wasm

import (
	"fmt"
	"unicode/utf8"

	"cot/ir/wasm"
)

// DecodeError is a malformed or invalid module: the byte offset where the problem was found and
// the rule it breaks, worded like the WebAssembly spec test suite where it has a message.
type DecodeError struct {
	Offset int
	Msg    string
	// Limit: the module crosses one of the implementation limits of limits.go (it may be a valid
	// module, too large for cot and wasmtime).
	Limit bool
}

func (e *DecodeError) Error() string { return fmt.Sprintf("wasm: offset 0x%x: %s", e.Offset, e.Msg) }

// decodeFailure carries a *DecodeError out of the recursive decoder through panic; Decode
// recovers exactly this type and nothing else.
type decodeFailure struct{ err *DecodeError }

// reader reads the module bytes b from pos up to end (the end of the current section or body).
type reader struct {
	b         []byte
	pos       int
	end       int
	inSection bool // reading a section's contents (not the header or a section id/size)
}

func (r *reader) failAt(off int, format string, args ...any) {
	panic(decodeFailure{&DecodeError{Offset: off, Msg: fmt.Sprintf(format, args...)}})
}

func (r *reader) fail(format string, args ...any) { r.failAt(r.pos, format, args...) }

func (r *reader) eof() bool { return r.pos >= r.end }

func (r *reader) unexpectedEnd() {
	if r.inSection {
		r.fail("unexpected end of section or function")
	}
	r.fail("unexpected end")
}

func (r *reader) byte() byte {
	if r.pos >= r.end {
		r.unexpectedEnd()
	}
	c := r.b[r.pos]
	r.pos++
	return c
}

func (r *reader) leb(err error) {
	if err == errUnexpectedEnd {
		r.unexpectedEnd()
	}
	r.fail("%s", err.Error())
}

func (r *reader) u32() uint32 {
	v, n, err := ReadU32(r.b[r.pos:r.end])
	if err != nil {
		r.leb(err)
	}
	r.pos += n
	return v
}

func (r *reader) s32() int32 {
	v, n, err := ReadS32(r.b[r.pos:r.end])
	if err != nil {
		r.leb(err)
	}
	r.pos += n
	return v
}

func (r *reader) s33() int64 {
	v, n, err := ReadS33(r.b[r.pos:r.end])
	if err != nil {
		r.leb(err)
	}
	r.pos += n
	return v
}

func (r *reader) s64() int64 {
	v, n, err := ReadS64(r.b[r.pos:r.end])
	if err != nil {
		r.leb(err)
	}
	r.pos += n
	return v
}

// peekU32 returns the u32 at pos without consuming it, or 0 when it is malformed (the read that
// follows reports that).
func (r *reader) peekU32() uint32 {
	v, _, err := ReadU32(r.b[r.pos:r.end])
	if err != nil {
		return 0
	}
	return v
}

// fixed reads n raw bytes (float constants).
func (r *reader) fixed(n int) []byte {
	if r.end-r.pos < n {
		r.pos = r.end
		r.unexpectedEnd()
	}
	out := r.b[r.pos : r.pos+n]
	r.pos += n
	return out
}

// count reads a vector length, rejecting lengths larger than the remaining bytes (every
// element takes at least one byte), so a hostile length never makes a large allocation. Such a
// vector would run out of bytes, hence the message.
func (r *reader) count() int {
	n := r.u32()
	if uint64(n) > uint64(r.end-r.pos) {
		r.pos = r.end
		r.unexpectedEnd()
	}
	return int(n)
}

// bytesVec reads a length-prefixed byte string.
func (r *reader) bytesVec() []byte {
	start := r.pos
	n := r.u32()
	if uint64(n) > uint64(r.end-r.pos) {
		r.failAt(start, "length out of bounds")
	}
	out := r.b[r.pos : r.pos+int(n)]
	r.pos += int(n)
	return out
}

func (r *reader) name() string {
	start := r.pos
	r.limit(start, "name size", uint64(r.peekU32()), maxNameSize)
	b := r.bytesVec()
	if !utf8.Valid(b) {
		r.failAt(start, "malformed UTF-8 encoding")
	}
	return string(b)
}

func (r *reader) valType() wasm.ValType {
	start := r.pos
	switch t := wasm.ValType(r.byte()); t {
	case wasm.I32, wasm.I64, wasm.F32, wasm.F64, wasm.FuncRef, wasm.ExternRef:
		return t
	}
	r.failAt(start, "malformed value type")
	return 0
}

func (r *reader) refType() wasm.ValType {
	start := r.pos
	switch t := wasm.ValType(r.byte()); t {
	case wasm.FuncRef, wasm.ExternRef:
		return t
	}
	r.failAt(start, "malformed reference type")
	return 0
}

func (r *reader) limits() wasm.Limits {
	start := r.pos
	switch flag := r.byte(); flag {
	case 0:
		return wasm.Limits{Min: r.u32()}
	case 1:
		min := r.u32()
		return wasm.Limits{Min: min, Max: r.u32(), HasMax: true}
	default:
		// The spec reads the flag as a u32: a continuation bit makes it "too long", others "too large".
		if flag&0x80 != 0 {
			r.failAt(start, "integer representation too long")
		}
		r.failAt(start, "integer too large")
	}
	return wasm.Limits{}
}

func (r *reader) tableType() wasm.Table {
	elem := r.refType()
	start := r.pos
	t := wasm.Table{Elem: elem, Limits: r.limits()}
	r.limit(start, "table size", uint64(t.Limits.Min), maxTableEntries)
	return t
}

func (r *reader) globalType() wasm.GlobalType {
	t := r.valType()
	start := r.pos
	switch r.byte() {
	case 0:
		return wasm.GlobalType{Type: t}
	case 1:
		return wasm.GlobalType{Type: t, Mutable: true}
	}
	r.failAt(start, "malformed mutability")
	return wasm.GlobalType{}
}
