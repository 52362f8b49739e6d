// Package ssa is the backend's SSA family: a Program of Funcs made of Blocks with typed
// parameters; every value is defined once and used where it dominates. Numeric operations reuse
// the Wasm opcodes (an SSA value with Op i32.add has exactly Wasm's semantics, traps included), so
// translation from Wasm is direct and instruction selection sees real Wasm meaning.
//
// Languages (langs.go): ssa (translated) and ssa-opt (after the optional optimisations).
package ssa

import "cot/ir/wasm"

// Type is the type of an SSA value. References (funcref, externref) are 64-bit pointers.
type Type uint8

const (
	TNone Type = iota // operations without a result (stores, global.set, ...)
	I32
	I64
	F32
	F64
	Ref
)

var typeNames = [...]string{"none", "i32", "i64", "f32", "f64", "ref"}

func (t Type) String() string { return typeNames[t] }

// IsFloat reports whether values of t live in float registers.
func (t Type) IsFloat() bool { return t == F32 || t == F64 }

// FromWasm maps a Wasm value type to an SSA type.
func FromWasm(v wasm.ValType) Type {
	switch v {
	case wasm.I32:
		return I32
	case wasm.I64:
		return I64
	case wasm.F32:
		return F32
	case wasm.F64:
		return F64
	}
	return Ref
}

// Op is an SSA operation: a Wasm opcode for the numeric, memory and reference instructions, or
// one of the SSA-only operations below (which live above the Wasm opcode space).
type Op uint16

const (
	OpConst        Op = 0xF000 + iota // Aux: the bits (i32 sign-extended; floats as IEEE bits)
	OpParam                           // a block parameter (never in Instrs)
	OpCall                            // Aux: callee function index; Args: arguments; results via OpResult
	OpCallIndirect                    // Aux: type index, Aux2: table; Args: arguments..., element index
	OpResult                          // Aux: which result of Args[0] (a call)
	OpGlobalGet                       // Aux: global index
	OpGlobalSet                       // Aux: global index; Args: value
	OpSelect                          // Args: a, b, cond (cond != 0 ? a : b)
)

// AccessInBounds in a load's or store's Aux2 says that a dominating access already proved its
// range in bounds (eliminate-bounds-checks): it is selected without a bounds check.
const AccessInBounds = 1

// Value is one SSA value (or a side effect when Type is TNone).
type Value struct {
	ID    int
	Op    Op
	Type  Type
	Args  []*Value
	Aux   int64 // constant bits, index, or memory offset (see Op)
	Aux2  int64 // second immediate (table index, source table, ...)
	Block *Block
}

// TermKind says how a block ends.
type TermKind uint8

const (
	TermJump        TermKind = iota // goto Succs[0]
	TermBranch                      // if Cond != 0 goto Succs[0] else Succs[1]
	TermSwitch                      // goto Succs[Cond] if in range else the last Succ
	TermReturn                      // return Values
	TermUnreachable                 // trap: unreachable
)

var termNames = [...]string{"jump", "branch", "switch", "return", "unreachable"}

func (k TermKind) String() string { return termNames[k] }

// Edge is a control-flow edge with the arguments bound to the target's parameters.
type Edge struct {
	To   *Block
	Args []*Value
}

// Term is a block terminator.
type Term struct {
	Kind   TermKind
	Cond   *Value   // branch condition or switch index
	Succs  []Edge   // successors (jump 1, branch 2, switch n+1 with the default last)
	Values []*Value // return values
}

// Block is a basic block with parameters.
type Block struct {
	ID     int
	Params []*Value
	Instrs []*Value
	Term   Term
}

// Func is one function defined in the module.
type Func struct {
	Name    string // symbol name
	Index   uint32 // Wasm function index (imports first)
	Params  []Type
	Results []Type
	Blocks  []*Block // Blocks[0] is the entry; its params are the function's params
	NextID  int      // next value id

	// NewValue carves values and their argument lists out of these chunks: one allocation per
	// chunk instead of two per value (a function's values all die with it).
	values []Value
	args   []*Value
}

// Chunk sizes of Func.values and Func.args: they grow with the function (as many values as it
// has so far), from a few for the many small functions to maxChunk values.
const (
	minChunk = 16
	maxChunk = 512
)

// Program is a translated module: its functions plus the Wasm module for everything that is
// data (globals, tables, segments, imports, types).
type Program struct {
	Module *wasm.Module
	Funcs  []*Func
	// Imported function names, indexed by function index, for call printing.
	Imports []string
}

// NewValue creates a value in f (not yet placed in a block).
// The arguments are copied: args may be reused by the caller. The copy's capacity is its length,
// so appending to Args never writes into another value's arguments.
func (f *Func) NewValue(op Op, t Type, args ...*Value) *Value {
	if len(f.values) == 0 {
		f.values = make([]Value, min(max(f.NextID, minChunk), maxChunk))
	}
	v := &f.values[0]
	f.values = f.values[1:]
	*v = Value{ID: f.NextID, Op: op, Type: t}
	if n := len(args); n > 0 {
		if n > len(f.args) {
			f.args = make([]*Value, max(min(max(2*f.NextID, minChunk), maxChunk), n))
		}
		v.Args = f.args[:n:n]
		f.args = f.args[n:]
		copy(v.Args, args)
	}
	f.NextID++
	return v
}

// NewBlock appends a new empty block to f.
func (f *Func) NewBlock() *Block {
	id := 0
	if n := len(f.Blocks); n > 0 {
		id = f.Blocks[n-1].ID + 1
	}
	b := &Block{ID: id}
	f.Blocks = append(f.Blocks, b)
	return b
}

// AddParam appends a parameter of type t to b.
func (f *Func) AddParam(b *Block, t Type) *Value {
	v := f.NewValue(OpParam, t)
	v.Block = b
	b.Params = append(b.Params, v)
	return v
}

// Append places v at the end of b's instructions.
func (b *Block) Append(v *Value) *Value {
	v.Block = b
	b.Instrs = append(b.Instrs, v)
	return v
}

// Uses returns every value used by the terminator.
func (t *Term) Uses() []*Value {
	var out []*Value
	if t.Cond != nil {
		out = append(out, t.Cond)
	}
	for _, e := range t.Succs {
		out = append(out, e.Args...)
	}
	return append(out, t.Values...)
}

// EachUse calls fn on each value t uses, in the order of Uses, without building a list.
func (t *Term) EachUse(fn func(*Value)) {
	if t.Cond != nil {
		fn(t.Cond)
	}
	for _, e := range t.Succs {
		for _, a := range e.Args {
			fn(a)
		}
	}
	for _, a := range t.Values {
		fn(a)
	}
}
