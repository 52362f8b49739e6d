package wasm

import "fmt"

// BlockType is the type of a block, loop or if: empty, one result, or a type index
// (multi-value). Encoded as in the binary format: Kind selects which field is meaningful.
type BlockType struct {
	Kind    BlockKind
	Val     ValType // BlockValue
	TypeIdx uint32  // BlockTypeIndex
}

// BlockKind selects the form of a BlockType.
type BlockKind byte

const (
	BlockEmpty     BlockKind = iota // [] -> []
	BlockValue                      // [] -> [Val]
	BlockTypeIndex                  // Types[TypeIdx]
)

// Sig returns the block's signature in module m.
func (b BlockType) Sig(m *Module) FuncType {
	switch b.Kind {
	case BlockValue:
		return FuncType{Results: []ValType{b.Val}}
	case BlockTypeIndex:
		return m.Types[b.TypeIdx]
	}
	return FuncType{}
}

// Instr is one instruction. Which immediate fields are meaningful depends on Op:
//
//	block/loop/if            Block
//	br/br_if                 Index (label depth)
//	br_table                 Labels() (targets, out of line in Ext) and Index (default depth)
//	call/return_call         Index (function)
//	call_indirect            Index (type), Index2 (table)
//	local.*, global.*        Index
//	table.get/set/size/grow/fill   Index (table)
//	table.copy               Index (dst table), Index2 (src table)
//	table.init               Index (elem segment), Index2 (table)
//	elem.drop                Index (elem segment)
//	memory.init              Index (data segment)
//	data.drop                Index (data segment)
//	loads/stores             Align (log2), Offset
//	i32.const                Const: the value sign-extended to 64 bits (int64(int32(v)))
//	i64.const                Const: the value
//	f32.const                Const: the IEEE bits in the low 32 bits
//	f64.const                Const: the IEEE bits
//	select (typed)           Types() (one value type, out of line in Ext)
//	ref.null                 RefType
//	ref.func                 Index (function)
//
// The fields are ordered by size so the struct has no padding, and the two list operands only
// br_table and the typed select have live out of line: 48 bytes, not 88 (the front end holds two
// modules' instructions at once; see grammar/budget_test.go). They are referred to by number
// (instr_ext.go), not by pointer, so an Instr holds no pointer: the collector never scans a
// function body, the largest data the front end holds.
type Instr struct {
	ext     extRef // br_table's Labels, the typed select's Types; 0 for every other op
	Offset  uint64
	Const   uint64
	Block   BlockType
	Index   uint32
	Index2  uint32
	Align   uint32
	Op      Op
	RefType ValType
}

// InstrExt holds the rare list operands of an Instr.
type InstrExt struct {
	Labels []uint32  // br_table targets
	Types  []ValType // typed select result
}

// Labels returns br_table's targets (nil for any other instruction).
func (in Instr) Labels() []uint32 { return in.ext.get().Labels }

// Types returns the typed select's result types (nil for any other instruction).
func (in Instr) Types() []ValType { return in.ext.get().Types }

// BrTable returns br_table with targets labels (nil when empty) and default depth def.
func BrTable(labels []uint32, def uint32) Instr {
	if len(labels) == 0 {
		labels = nil
	}
	return Instr{Op: OpBrTable, ext: intern(InstrExt{Labels: labels}), Index: def}
}

// SelectT returns the typed select with result types ts.
func SelectT(ts []ValType) Instr {
	return Instr{Op: OpSelectT, ext: intern(InstrExt{Types: ts})}
}

// String returns the WAT mnemonic of the opcode.
func (o Op) String() string {
	if n, ok := opNames[o]; ok {
		return n
	}
	return fmt.Sprintf("op(0x%X)", uint16(o))
}

// OpByName returns the opcode with WAT mnemonic name (the typed select is "select" with a
// result type, so only the untyped form is returned for "select").
func OpByName(name string) (Op, bool) {
	op, ok := opsByName[name]
	return op, ok
}

var opsByName = func() map[string]Op {
	m := map[string]Op{}
	for op, n := range opNames {
		if op == OpSelectT {
			continue
		}
		m[n] = op
	}
	return m
}()

// Convenience constructors used by front-end lowering and tests.

func I32Const(v int32) Instr         { return Instr{Op: OpI32Const, Const: uint64(int64(v))} }
func I64Const(v int64) Instr         { return Instr{Op: OpI64Const, Const: uint64(v)} }
func LocalGet(i uint32) Instr        { return Instr{Op: OpLocalGet, Index: i} }
func LocalSet(i uint32) Instr        { return Instr{Op: OpLocalSet, Index: i} }
func Call(f uint32) Instr            { return Instr{Op: OpCall, Index: f} }
func Simple(op Op) Instr             { return Instr{Op: op} }
func Br(depth uint32) Instr          { return Instr{Op: OpBr, Index: depth} }
func Block(bt BlockType) Instr       { return Instr{Op: OpBlock, Block: bt} }
func Loop(bt BlockType) Instr        { return Instr{Op: OpLoop, Block: bt} }
func If(bt BlockType) Instr          { return Instr{Op: OpIf, Block: bt} }
func End() Instr                     { return Instr{Op: OpEnd} }
func GlobalGet(i uint32) Instr       { return Instr{Op: OpGlobalGet, Index: i} }
func GlobalSet(i uint32) Instr       { return Instr{Op: OpGlobalSet, Index: i} }
func BrIf(depth uint32) Instr        { return Instr{Op: OpBrIf, Index: depth} }
func ValueBlock(t ValType) BlockType { return BlockType{Kind: BlockValue, Val: t} }
