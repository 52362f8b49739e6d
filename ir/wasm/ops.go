package wasm

// Valid reports whether o is an opcode of Wasm 2.0 without SIMD.
func (o Op) Valid() bool {
	_, ok := opNames[o]
	return ok
}
