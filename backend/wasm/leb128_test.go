package wasm

import (
	"math"
	"testing"
)

func TestReadLEB128(t *testing.T) {
	type read func([]byte) (int64, int, error)
	u32 := func(b []byte) (int64, int, error) { v, n, err := ReadU32(b); return int64(v), n, err }
	s32 := func(b []byte) (int64, int, error) { v, n, err := ReadS32(b); return int64(v), n, err }
	u64 := func(b []byte) (int64, int, error) { v, n, err := ReadU64(b); return int64(v), n, err }
	cases := []struct {
		name string
		fn   read
		in   string
		want int64
		n    int
		err  error
	}{
		{"u32 zero", u32, "\x00", 0, 1, nil},
		{"u32 padded zero", u32, "\x80\x80\x80\x80\x00", 0, 5, nil},
		{"u32 max", u32, "\xff\xff\xff\xff\x0f", math.MaxUint32, 5, nil},
		{"u32 unused bits", u32, "\xff\xff\xff\xff\x1f", 0, 0, errTooLarge},
		{"u32 too long", u32, "\x80\x80\x80\x80\x80\x00", 0, 0, errTooLong},
		{"u32 truncated", u32, "\x80\x80", 0, 0, errUnexpectedEnd},
		{"s32 -1", s32, "\x7f", -1, 1, nil},
		{"s32 min", s32, "\x80\x80\x80\x80\x78", math.MinInt32, 5, nil},
		{"s32 max", s32, "\xff\xff\xff\xff\x07", math.MaxInt32, 5, nil},
		{"s32 padded -1", s32, "\xff\xff\xff\xff\x7f", -1, 5, nil},
		{"s32 bad sign bits", s32, "\xff\xff\xff\xff\x4f", 0, 0, errTooLarge},
		{"s32 bad positive", s32, "\x80\x80\x80\x80\x08", 0, 0, errTooLarge},
		{"u64 max", u64, "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", -1, 10, nil},
		{"u64 unused bits", u64, "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02", 0, 0, errTooLarge},
	}
	for _, c := range cases {
		v, n, err := c.fn([]byte(c.in))
		if err != c.err || (err == nil && (v != c.want || n != c.n)) {
			t.Errorf("%s: got (%d, %d, %v), want (%d, %d, %v)", c.name, v, n, err, c.want, c.n, c.err)
		}
	}
	// s33 block type indices and s64 extremes.
	if v, _, err := ReadS33([]byte("\xff\xff\xff\xff\x0f")); err != nil || v != math.MaxUint32 {
		t.Errorf("s33 2^32-1: %d %v", v, err)
	}
	if _, _, err := ReadS33([]byte("\xff\xff\xff\xff\x1f")); err != errTooLarge {
		t.Errorf("s33 with sign bit set but unused bits clear: %v", err)
	}
	if v, _, err := ReadS33([]byte("\xff\xff\xff\xff\x7f")); err != nil || v != -1 {
		t.Errorf("s33 padded -1: %d %v", v, err)
	}
	if v, _, err := ReadS64([]byte("\x80\x80\x80\x80\x80\x80\x80\x80\x80\x7f")); err != nil || v != math.MinInt64 {
		t.Errorf("s64 min: %d %v", v, err)
	}
	if _, _, err := ReadS64([]byte("\x80\x80\x80\x80\x80\x80\x80\x80\x80\x3f")); err != errTooLarge {
		t.Errorf("s64 bad last byte: %v", err)
	}
}

// TestLEB128RoundTrip: writing then reading gives the value back, in the shortest form.
func TestLEB128RoundTrip(t *testing.T) {
	for _, v := range []int64{0, 1, -1, 63, 64, -64, -65, 127, 128, math.MaxInt32, math.MinInt32, math.MaxInt64, math.MinInt64} {
		b := AppendS64(nil, v)
		got, n, err := ReadS64(b)
		if err != nil || got != v || n != len(b) {
			t.Errorf("s64 %d: %x -> %d %v", v, b, got, err)
		}
		if v == int64(int32(v)) {
			got32, _, err := ReadS32(AppendS32(nil, int32(v)))
			if err != nil || int64(got32) != v {
				t.Errorf("s32 %d: %d %v", v, got32, err)
			}
		}
		u := uint64(v)
		bu := AppendU64(nil, u)
		gotu, _, err := ReadU64(bu)
		if err != nil || gotu != u {
			t.Errorf("u64 %d: %d %v", u, gotu, err)
		}
	}
	if b := AppendU32(nil, 624485); string(b) != "\xe5\x8e\x26" {
		t.Errorf("u32 624485 = %x", b)
	}
	if b := AppendS64(nil, -123456); string(b) != "\xc0\xbb\x78" {
		t.Errorf("s64 -123456 = %x", b)
	}
}
