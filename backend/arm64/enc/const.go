package enc

// LoadConst returns the shortest instruction sequence this package knows that sets rd to v:
// a single MOVZ or MOVN, a single ORR with a bitmask immediate, or MOVZ/MOVN followed by MOVKs
// for the remaining 16-bit chunks. For W32, only the low 32 bits of v are used.
func LoadConst(w Width, rd Reg, v uint64) []uint32 {
	n := 4
	if w == W32 {
		v &= 0xffffffff
		n = 2
	}
	mask := uint64(0xffff)
	chunk := func(x uint64, i int) uint64 { return x >> (16 * i) & mask }
	zeros, ones := 0, 0
	for i := 0; i < n; i++ {
		switch chunk(v, i) {
		case 0:
			zeros++
		case mask:
			ones++
		}
	}
	if zeros < n-1 && ones < n-1 {
		if bm, ok := LogicalImm(v, w == X64); ok {
			return []uint32{OrrImm(w, rd, ZR, bm)}
		}
	}
	// MOVN starts from all ones: better when more chunks are 0xffff than 0.
	inverted := ones > zeros
	var out []uint32
	for i := 0; i < n; i++ {
		c := chunk(v, i)
		skip := uint64(0)
		if inverted {
			skip = mask
		}
		if c == skip {
			continue
		}
		if out == nil {
			if inverted {
				m, _ := MoveWide(^c&mask, uint(16*i), w == X64)
				out = append(out, Movn(w, rd, m))
			} else {
				m, _ := MoveWide(c, uint(16*i), w == X64)
				out = append(out, Movz(w, rd, m))
			}
			continue
		}
		m, _ := MoveWide(c, uint(16*i), w == X64)
		out = append(out, Movk(w, rd, m))
	}
	if out == nil { // every chunk equals the skipped value: v is 0 or all ones
		m, _ := MoveWide(0, 0, w == X64)
		if inverted {
			return []uint32{Movn(w, rd, m)}
		}
		return []uint32{Movz(w, rd, m)}
	}
	return out
}
