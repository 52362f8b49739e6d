// Package enc encodes AArch64 (A64) instructions: one function per instruction form, each
// returning the 32-bit instruction word.
//
// Registers are small typed values. Register number 31 means either the stack pointer or the
// zero register depending on the instruction field, so the two are distinct values here (SP and
// ZR) and every encoder states which one its field accepts: passing SP where the field means ZR
// (or the reverse) panics, because it is a compiler bug, never a user error.
//
// Immediates are typed values that only validating constructors can build (Imm12, LogicalImm,
// MoveWide, UOffset, ...): a constructor reports whether the value is encodable, so an
// out-of-range immediate can never be encoded silently.
package enc

import "fmt"

// Reg is a general-purpose register: X0..X30, ZR (the zero register) or SP.
// The same value names the 32-bit (w) or 64-bit (x) view; the Width argument of an
// encoder selects which.
type Reg uint8

const (
	X0 Reg = iota
	X1
	X2
	X3
	X4
	X5
	X6
	X7
	X8
	X9
	X10
	X11
	X12
	X13
	X14
	X15
	X16
	X17
	X18
	X19
	X20
	X21
	X22
	X23
	X24
	X25
	X26
	X27
	X28
	X29
	X30
	ZR // xzr / wzr: register field value 31 where it means "zero"
	SP // sp / wsp: register field value 31 where it means "stack pointer"
)

// Conventional names.
const (
	IP0 = X16 // intra-procedure-call scratch
	IP1 = X17
	FP  = X29 // frame pointer
	LR  = X30 // link register
)

func (r Reg) String() string {
	switch {
	case r == ZR:
		return "xzr"
	case r == SP:
		return "sp"
	case r <= X30:
		return fmt.Sprintf("x%d", uint8(r))
	}
	return fmt.Sprintf("Reg(%d)", uint8(r))
}

// VReg is a SIMD&FP register V0..V31, used as s (32-bit float), d (64-bit float) or a vector.
type VReg uint8

const (
	V0 VReg = iota
	V1
	V2
	V3
	V4
	V5
	V6
	V7
	V8
	V9
	V10
	V11
	V12
	V13
	V14
	V15
	V16
	V17
	V18
	V19
	V20
	V21
	V22
	V23
	V24
	V25
	V26
	V27
	V28
	V29
	V30
	V31
)

func (v VReg) String() string { return fmt.Sprintf("v%d", uint8(v)) }

// Width selects the 32-bit (w registers, sf=0) or 64-bit (x registers, sf=1) form.
type Width uint8

const (
	W32 Width = iota
	X64
)

func (w Width) bits() uint { return 32 << uint(w) }

// sf is the size bit at position 31.
func (w Width) sf() uint32 { return uint32(w) << 31 }

// FPType selects single (s) or double (d) precision.
type FPType uint8

const (
	S32 FPType = iota // ftype 00
	D64               // ftype 01
)

func (t FPType) ftype() uint32 { return uint32(t) << 22 }

// Cond is a condition code.
type Cond uint8

const (
	EQ Cond = iota
	NE
	HS // CS: unsigned >=
	LO // CC: unsigned <
	MI
	PL
	VS
	VC
	HI // unsigned >
	LS // unsigned <=
	GE
	LT
	GT
	LE
	AL
	NV
)

// Invert returns the opposite condition (EQ <-> NE, ...). AL and NV have no opposite.
func (c Cond) Invert() Cond {
	if c >= AL {
		panic("enc: AL/NV cannot be inverted")
	}
	return c ^ 1
}

// Shift is the shift applied to the second register of shifted-register forms.
type Shift uint8

const (
	LSL Shift = iota
	LSR
	ASR
	ROR // logical instructions only
)

// Extend is the extension applied to the second register of extended-register forms and
// register-offset loads/stores.
type Extend uint8

const (
	UXTB Extend = iota
	UXTH
	UXTW
	UXTX // written LSL when it is the natural width
	SXTB
	SXTH
	SXTW
	SXTX
)

// rz returns the field value of a register in a field where 31 means the zero register.
func rz(r Reg) uint32 {
	if r > ZR {
		panic(fmt.Sprintf("enc: %v not allowed here (zero-register field)", r))
	}
	return uint32(r)
}

// rs returns the field value of a register in a field where 31 means the stack pointer.
func rs(r Reg) uint32 {
	switch {
	case r <= X30:
		return uint32(r)
	case r == SP:
		return 31
	}
	panic(fmt.Sprintf("enc: %v not allowed here (stack-pointer field)", r))
}

// rv returns the field value of a SIMD&FP register.
func rv(v VReg) uint32 {
	if v > V31 {
		panic(fmt.Sprintf("enc: bad vector register %d", uint8(v)))
	}
	return uint32(v)
}
