// Package wasm is the WebAssembly binary codec of cot: Decode turns .wasm bytes into an ir/wasm
// Module (and validates it in full), Encode turns a validated Module into deterministic bytes.
package wasm

import "errors"

// LEB128 (https://webassembly.github.io/spec/core/binary/values.html#integers): an N-bit integer
// takes at most ceil(N/7) bytes, and the bits of the last byte beyond N must be zero (unsigned) or
// a sign extension of bit N-1 (signed). Violations are malformed modules with the spec's messages.

var (
	errUnexpectedEnd = errors.New("unexpected end")
	errTooLong       = errors.New("integer representation too long")
	errTooLarge      = errors.New("integer too large")
)

// readUnsigned reads an unsigned LEB128 integer of at most bits bits from b, returning the value
// and the number of bytes used.
func readUnsigned(b []byte, bits uint) (uint64, int, error) {
	maxLen := int((bits + 6) / 7)
	var v uint64
	for i := 0; ; i++ {
		if i >= maxLen {
			return 0, 0, errTooLong
		}
		if i >= len(b) {
			return 0, 0, errUnexpectedEnd
		}
		c := b[i]
		shift := uint(7 * i)
		if i == maxLen-1 {
			// Last possible byte: the continuation bit must be clear and the unused bits zero.
			if c&0x80 != 0 {
				return 0, 0, errTooLong
			}
			if used := bits - shift; used < 7 && c>>used != 0 {
				return 0, 0, errTooLarge
			}
		}
		v |= uint64(c&0x7F) << shift
		if c&0x80 == 0 {
			return v, i + 1, nil
		}
	}
}

// readSigned reads a signed LEB128 integer of at most bits bits, sign-extended to int64.
func readSigned(b []byte, bits uint) (int64, int, error) {
	maxLen := int((bits + 6) / 7)
	var v int64
	for i := 0; ; i++ {
		if i >= maxLen {
			return 0, 0, errTooLong
		}
		if i >= len(b) {
			return 0, 0, errUnexpectedEnd
		}
		c := b[i]
		shift := uint(7 * i)
		if i == maxLen-1 {
			if c&0x80 != 0 {
				return 0, 0, errTooLong
			}
			// The bits of the last byte above bit bits-1 must all equal the sign bit.
			if used := bits - shift; used < 7 {
				rest := int8(c<<1) >> used // payload bits used-1..6 (sign bit and unused bits): all equal?
				if rest != 0 && rest != -1 {
					return 0, 0, errTooLarge
				}
			}
		}
		v |= int64(c&0x7F) << shift
		if c&0x80 == 0 {
			shift += 7
			if shift < 64 && c&0x40 != 0 {
				v |= -1 << shift
			}
			return v, i + 1, nil
		}
	}
}

// ReadU32 reads an unsigned 32-bit LEB128 integer.
func ReadU32(b []byte) (uint32, int, error) {
	v, n, err := readUnsigned(b, 32)
	return uint32(v), n, err
}

// ReadU64 reads an unsigned 64-bit LEB128 integer.
func ReadU64(b []byte) (uint64, int, error) { return readUnsigned(b, 64) }

// ReadS32 reads a signed 32-bit LEB128 integer.
func ReadS32(b []byte) (int32, int, error) {
	v, n, err := readSigned(b, 32)
	return int32(v), n, err
}

// ReadS33 reads a signed 33-bit LEB128 integer (block type indices).
func ReadS33(b []byte) (int64, int, error) { return readSigned(b, 33) }

// ReadS64 reads a signed 64-bit LEB128 integer.
func ReadS64(b []byte) (int64, int, error) { return readSigned(b, 64) }

// AppendU32 appends the shortest unsigned LEB128 encoding of v.
func AppendU32(b []byte, v uint32) []byte { return AppendU64(b, uint64(v)) }

// AppendU64 appends the shortest unsigned LEB128 encoding of v.
func AppendU64(b []byte, v uint64) []byte {
	for {
		c := byte(v & 0x7F)
		v >>= 7
		if v == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

// AppendS32 appends the shortest signed LEB128 encoding of v.
func AppendS32(b []byte, v int32) []byte { return AppendS64(b, int64(v)) }

// AppendS33 appends the shortest signed LEB128 encoding of a 33-bit value (same as S64).
func AppendS33(b []byte, v int64) []byte { return AppendS64(b, v) }

// AppendS64 appends the shortest signed LEB128 encoding of v.
func AppendS64(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7F)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
