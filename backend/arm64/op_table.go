package arm64

import (
	"cot/ir/mir"
	"cot/ir/ssa"
	"cot/ir/wasm"
)

// opTable maps the one-byte Wasm opcodes to V, as a map does, in an array: instruction selection
// and the SSA passes look an operation up for every value, and hashing it cost more than the
// lookup's use. Opcodes past 0xFF (the 0xFC-prefixed ones, the SSA-only operations) are never in
// a table.
type opTable[V any] struct {
	v  [0x100]V
	ok [0x100]bool
}

// newOpTable returns the table holding m (whose keys must be one-byte opcodes).
func newOpTable[V any](m map[wasm.Op]V) *opTable[V] {
	t := &opTable[V]{}
	for op, v := range m {
		if op >= 0x100 {
			panic("opTable: " + op.String() + " is not a one-byte opcode")
		}
		t.v[op], t.ok[op] = v, true
	}
	return t
}

// get returns the value of op and whether op is in the table.
func (t *opTable[V]) get(op wasm.Op) (V, bool) {
	if op >= 0x100 {
		var zero V
		return zero, false
	}
	return t.v[op], t.ok[op]
}

// at returns the value of op, the zero value when op is not in the table.
func (t *opTable[V]) at(op wasm.Op) V {
	v, _ := t.get(op)
	return v
}

// valueMarks is a set of one function's values, by value id, emptied at once by reset (a new
// stamp, not a walk over a map that grew with the largest block): the selector's per-block sets.
// reg is a register per marked value, for the sets that map to one.
type valueMarks struct {
	stamp valueTable[int32]
	now   int32
	reg   valueTable[mir.Reg]
}

func newValueMarks(f *ssa.Func) valueMarks { return valueMarks{stamp: newValueTable[int32](f), now: 1} }

func (m *valueMarks) reset()                { m.now++ }
func (m *valueMarks) add(v *ssa.Value)      { *m.stamp.at(v) = m.now }
func (m *valueMarks) has(v *ssa.Value) bool { return *m.stamp.at(v) == m.now }
