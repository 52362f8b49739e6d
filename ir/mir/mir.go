// Package mir is the AArch64 machine IR: functions of blocks of instructions that are (nearly)
// A64 instructions, over virtual registers first and physical registers after allocation. Its
// text form is GNU-as syntax; the final form assembles with aarch64-linux-gnu-as.
//
// Languages (declared in backend/arm64): mir-virtual, mir-allocated, mir-final.
package mir

// Reg is a register: 0..30 are x0..x30, ZR is xzr/wzr, SP the stack pointer, V0..V31 the float
// registers, and numbers from FirstVirtual up are virtual registers (their class in Func.Class).
type Reg int32

const (
	ZR           Reg = 31
	SP           Reg = 32
	V0           Reg = 33
	FirstVirtual Reg = 100
	NoReg        Reg = -1
)

// Named physical registers of the ABI (docs/arm64-abi.md).
const (
	X0       Reg = 0
	X16      Reg = 16 // IP0: scratch for address arithmetic
	X17      Reg = 17 // IP1
	MemLimit Reg = 18 // memory size - 7 (0 when smaller than 8): ea < MemLimit proves ea+8 <= MemSize
	Ctx      Reg = 25 // module data base (globals, table headers)
	StackLim Reg = 26
	MemSize  Reg = 27
	MemBase  Reg = 28
	FP       Reg = 29
	LR       Reg = 30
)

// V returns float register vN.
func V(n int) Reg { return V0 + Reg(n) }

// IsVirtual reports whether r is a virtual register.
func (r Reg) IsVirtual() bool { return r >= FirstVirtual }

// IsFloat reports whether physical register r is a float register.
func (r Reg) IsFloat() bool { return r >= V0 && r < V0+32 }

// Class is a register class.
type Class uint8

const (
	Int Class = iota
	Float
)

// Width is an operand width: W/X for integer instructions, S/D for float ones, and for memory
// access the access size (B, H, W, X; S, D).
type Width uint8

const (
	W    Width = iota // 32-bit integer
	X                 // 64-bit integer
	S                 // 32-bit float
	D                 // 64-bit float
	Byte              // byte (memory)
	Half              // halfword (memory)
)

// Cond is an A64 condition code (encoding order).
type Cond uint8

const (
	EQ Cond = iota
	NE
	HS
	LO
	MI
	PL
	VS
	VC
	HI
	LS
	GE
	LT
	GT
	LE
	AL
)

var condNames = [...]string{"eq", "ne", "hs", "lo", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "al"}

func (c Cond) String() string { return condNames[c] }

// Invert returns the opposite condition.
func (c Cond) Invert() Cond { return c ^ 1 }

// Instr is one machine instruction. Which fields matter depends on Op (see ops.go).
type Instr struct {
	Op     Op
	W      Width
	W2     Width // second width: source of conversions, register of sign-extending loads
	Rd     Reg
	Rn     Reg
	Rm     Reg
	Ra     Reg
	Imm    int64
	Cond   Cond
	Target int    // branch target block id
	Table  []int  // jump table (BRTABLE): target block ids by index
	Sym    string // symbol operand (bl, adrp, add :lo12:)
	// Uses and Defs list the physical registers a call or return reads (arguments, results) and
	// the registers a call returns results in; a call also clobbers every CallerSaved register.
	Uses []Reg
	Defs []Reg
}

// Block is a basic block; its last instruction is its terminator (a branch, return or trap
// call), except that a block may fall through to the next one after resolve-branches.
type Block struct {
	ID     int
	Instrs []*Instr
}

// Func is one machine function.
type Func struct {
	Name   string
	Blocks []*Block
	Class  map[Reg]Class // class of each virtual register
	NextV  Reg           // next virtual register
	// OutArgs is the size in bytes of the outgoing stack argument area at the bottom of the frame.
	OutArgs int64
	// Slots is the number of 8-byte spill slots (after allocation), above the outgoing area.
	Slots int64
	// Saved lists callee-saved registers the function writes (saved by layout-frame).
	Saved []Reg
}

// Program is a list of functions; Data carries what encode/link need from earlier passes
// (module data layout, segments), opaque to mir.
type Program struct {
	Funcs []*Func
	Data  any
}

// NewVReg allocates a virtual register of class c.
func (f *Func) NewVReg(c Class) Reg {
	if f.NextV < FirstVirtual {
		f.NextV = FirstVirtual
	}
	r := f.NextV
	f.NextV++
	if f.Class == nil {
		f.Class = map[Reg]Class{}
	}
	f.Class[r] = c
	return r
}

// ClassOf returns the class of any register.
func (f *Func) ClassOf(r Reg) Class {
	if r.IsVirtual() {
		return f.Class[r]
	}
	if r.IsFloat() {
		return Float
	}
	return Int
}
