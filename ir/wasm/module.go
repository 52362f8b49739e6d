// Package wasm is the WebAssembly IR family: a module is exactly a Wasm 2.0 module (no SIMD) in
// data form. Function bodies are flat instruction lists with block/loop/if/else/end markers, as in
// the binary format, so the encoder and decoder are direct and every pass sees real Wasm.
//
// Languages of the family (see langs.go): wasm-structured (front-end output, may carry symbolic
// names) and wasm-final (exactly Wasm; fully validated before encoding).
package wasm

// ValType is a Wasm value type, with its binary encoding as value.
type ValType byte

const (
	I32       ValType = 0x7F
	I64       ValType = 0x7E
	F32       ValType = 0x7D
	F64       ValType = 0x7C
	V128      ValType = 0x7B // decoded only to be rejected: SIMD is out of scope
	FuncRef   ValType = 0x70
	ExternRef ValType = 0x6F
)

func (t ValType) String() string {
	switch t {
	case I32:
		return "i32"
	case I64:
		return "i64"
	case F32:
		return "f32"
	case F64:
		return "f64"
	case V128:
		return "v128"
	case FuncRef:
		return "funcref"
	case ExternRef:
		return "externref"
	}
	return "invalid"
}

// FuncType is a function signature.
type FuncType struct {
	Params, Results []ValType
}

// Equal reports whether two signatures are identical.
func (a FuncType) Equal(b FuncType) bool {
	if len(a.Params) != len(b.Params) || len(a.Results) != len(b.Results) {
		return false
	}
	for i := range a.Params {
		if a.Params[i] != b.Params[i] {
			return false
		}
	}
	for i := range a.Results {
		if a.Results[i] != b.Results[i] {
			return false
		}
	}
	return true
}

// ExternKind is the kind of an import or export.
type ExternKind byte

const (
	ExternFunc   ExternKind = 0
	ExternTable  ExternKind = 1
	ExternMemory ExternKind = 2
	ExternGlobal ExternKind = 3
)

// Limits of a memory (in 64 KiB pages) or table (in elements).
type Limits struct {
	Min    uint32
	Max    uint32
	HasMax bool
}

// Table is a table type.
type Table struct {
	Elem   ValType // FuncRef or ExternRef
	Limits Limits
}

// Memory is a memory type.
type Memory struct {
	Limits Limits
}

// GlobalType is the type of a global.
type GlobalType struct {
	Type    ValType
	Mutable bool
}

// Import is one import. Exactly one of the descriptor fields is meaningful, chosen by Kind.
type Import struct {
	Module, Name string
	Kind         ExternKind
	TypeIdx      uint32 // ExternFunc
	Table        Table  // ExternTable
	Memory       Memory // ExternMemory
	Global       GlobalType
	// DebugName is an imported function's name from the name section (ExternFunc only).
	DebugName string
}

// Export is one export.
type Export struct {
	Name  string
	Kind  ExternKind
	Index uint32
}

// Func is a function defined in the module (imported functions are Imports).
type Func struct {
	TypeIdx uint32
	Locals  []ValType // declared locals, after the parameters
	Body    []Instr   // ends with the function's final End
	Name    string    // from the name section or the front end; may be empty
	// Offsets, when set by the decoder, holds the byte offset of each instruction of Body in the
	// module, for diagnostics.
	Offsets []uint32
}

// Global is a global defined in the module.
type Global struct {
	Type GlobalType
	Init []Instr // constant expression, ending with End
	Name string  // symbolic name; the front end allocates runtime globals by symbol
}

// ElemMode says how an element segment is used.
type ElemMode byte

const (
	ElemActive ElemMode = iota
	ElemPassive
	ElemDeclarative
)

// Elem is an element segment. Each element of Init is a constant expression (ref.func i or
// ref.null t) ending with End.
type Elem struct {
	Mode   ElemMode
	Table  uint32
	Offset []Instr // active only: constant expression ending with End
	Type   ValType // FuncRef or ExternRef
	Init   [][]Instr
	// Binary encoding choices kept so that Encode(Decode(b)) == b. Exprs: the items are encoded
	// as expressions (flags 4-7) even if they are all ref.func. TableExplicit: an active segment
	// of table 0 with funcref items names its table (flags 2/6) instead of using flags 0/4.
	Exprs         bool
	TableExplicit bool
}

// DataMode says how a data segment is used.
type DataMode byte

const (
	DataActive DataMode = iota
	DataPassive
)

// Data is a data segment.
type Data struct {
	Mode   DataMode
	Memory uint32
	Offset []Instr // active only: constant expression ending with End
	Bytes  []byte
	// MemExplicit: an active segment of memory 0 names its memory (flag 2) instead of flag 0.
	MemExplicit bool
}

// Custom is a custom section kept verbatim. For the name section ("name"), the function names
// are decoded into Func.Name and Import.DebugName and Bytes keeps only the other subsections;
// Encode regenerates the function names among them.
type Custom struct {
	Name  string
	Bytes []byte
	// After is the id of the last non-custom section before this one (0: right after the
	// header), so custom sections keep their place through a decode/encode round trip.
	After byte
}

// Module is a whole WebAssembly module.
type Module struct {
	Types   []FuncType
	Imports []Import
	Funcs   []Func
	Tables  []Table
	Mems    []Memory
	Globals []Global
	Exports []Export
	Start   *uint32
	Elems   []Elem
	Datas   []Data
	// DataCount is set when the module has (or must have) a data count section; it is required
	// when memory.init or data.drop appear.
	DataCount *uint32
	Customs   []Custom
}

// NumImported returns how many imports of kind k there are; they come first in k's index space.
func (m *Module) NumImported(k ExternKind) int {
	n := 0
	for _, im := range m.Imports {
		if im.Kind == k {
			n++
		}
	}
	return n
}

// FuncTypeOf returns the signature of function index i (imports first).
func (m *Module) FuncTypeOf(i uint32) FuncType {
	for _, im := range m.Imports {
		if im.Kind == ExternFunc {
			if i == 0 {
				return m.Types[im.TypeIdx]
			}
			i--
		}
	}
	return m.Types[m.Funcs[i].TypeIdx]
}

// GlobalTypeOf returns the type of global index i (imports first).
func (m *Module) GlobalTypeOf(i uint32) GlobalType {
	for _, im := range m.Imports {
		if im.Kind == ExternGlobal {
			if i == 0 {
				return im.Global
			}
			i--
		}
	}
	return m.Globals[i].Type
}
