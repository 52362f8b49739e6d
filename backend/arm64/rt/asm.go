package rt

import (
	"fmt"

	. "cot/backend/arm64/enc"
	"cot/backend/arm64/obj"
)

// asm is obj.Builder plus the shorthands the hand-written routines use. Every immediate still
// goes through enc's validating constructors; a value that does not fit panics, since the
// runtime's own code is fixed.
type asm struct{ *obj.Builder }

func newAsm() asm { return asm{obj.NewBuilder()} }

func must[T any](v T, ok bool) T {
	if !ok {
		panic(fmt.Sprintf("rt: immediate does not fit: %T %v", v, v))
	}
	return v
}

// Linux AArch64 system call numbers.
const (
	sysDup3         = 24
	sysFtruncate    = 46
	sysOpenat       = 56
	sysClose        = 57
	sysLseek        = 62
	sysRead         = 63
	sysWrite        = 64
	sysPread64      = 67
	sysPwrite64     = 68
	sysFcntl        = 25
	sysFstat        = 80
	sysFsync        = 82
	sysFdatasync    = 83
	sysSchedYield   = 124
	sysExitGroup    = 94
	sysClockGettime = 113
	sysMmap         = 222
	sysMprotect     = 226
	sysMunmap       = 215
	sysGetrandom    = 278
)

// WASI errno values returned directly by the routines.
const (
	wasiEPERM        = 63
	wasiEBADF        = 8
	wasiEFAULT       = 21
	wasiEINVAL       = 28
	wasiEIO          = 29
	wasiENAMETOOLONG = 37
	wasiENOTSUP      = 58
	wasiENOTCAPABLE  = 76
)

// mov sets a 64-bit register to v.
func (a asm) mov(rd Reg, v uint64) { a.Emit(LoadConst(X64, rd, v)...) }

// syscall sets x8 = nr and executes svc #0; the result is in x0 (negative errno on failure).
func (a asm) syscall(nr uint64) {
	a.mov(X8, nr)
	a.Emit(Svc(must(NewImm16(0))))
}

func (a asm) addImm(w Width, rd, rn Reg, v uint64) { a.Emit(AddImm(w, rd, rn, must(NewImm12(v)))) }
func (a asm) subImm(w Width, rd, rn Reg, v uint64) { a.Emit(SubImm(w, rd, rn, must(NewImm12(v)))) }
func (a asm) cmpImm(w Width, rn Reg, v uint64)     { a.Emit(CmpImm(w, rn, must(NewImm12(v)))) }
func (a asm) add(rd, rn, rm Reg)                   { a.Emit(AddReg(X64, rd, rn, rm, LSL, NoShift(X64))) }
func (a asm) sub(rd, rn, rm Reg)                   { a.Emit(SubReg(X64, rd, rn, rm, LSL, NoShift(X64))) }

// zext zero-extends the i32 in r (upper bits undefined on entry) into the whole register.
func (a asm) zext(rd, rn Reg) { a.Emit(Mov(W32, rd, rn)) }

func (a asm) ld(op MemOp, rt, rn Reg, off int64) {
	a.Emit(Ldst(op, rt, rn, must(UOffset(off, op.Size()))))
}

// ldIdx is op rt, [rn, rm] (64-bit index, unscaled).
func (a asm) ldIdx(op MemOp, rt, rn, rm Reg) { a.Emit(LdstReg(op, rt, rn, rm, UXTX, false)) }

func (a asm) lsl(rd, rn Reg, s uint64) { a.Emit(LslImm(X64, rd, rn, must(ShiftAmount(s, X64)))) }

func (a asm) orrImm(w Width, rd, rn Reg, v uint64) {
	a.Emit(OrrImm(w, rd, rn, must(LogicalImm(v, w == X64))))
}

func (a asm) bit(n uint64) Bit { return must(TestBit(n)) }

// checkGuest branches to fail unless the guest range [off, off+size) lies within linear memory
// (off + size <= x27). off must already be zero-extended; size is a constant. Clobbers x17.
func (a asm) checkGuest(off Reg, size uint64, fail obj.Label) {
	a.addImm(X64, X17, off, size)
	a.Emit(CmpReg(X64, X17, X27, LSL, NoShift(X64)))
	a.BCond(HI, fail)
}

// checkGuestLen is checkGuest with the size in a zero-extended register.
func (a asm) checkGuestLen(off, size Reg, fail obj.Label) {
	a.add(X17, off, size)
	a.Emit(CmpReg(X64, X17, X27, LSL, NoShift(X64)))
	a.BCond(HI, fail)
}

// retErrno returns the constant errno e: mov w0, #e; ret.
func (a asm) retErrno(e uint64) {
	a.Emit(LoadConst(W32, X0, e)...)
	a.Emit(Ret())
}

// failSyscall turns the negative Linux errno in x0 into a WASI errno and returns it
// (tail call to cot_rt_errno).
func (a asm) failSyscall() {
	a.Emit(Neg(X64, X0, X0, LSL, NoShift(X64)))
	a.Jump("cot_rt_errno")
}

// done finishes the code as a text symbol.
func (a asm) done(name string, global bool) obj.Symbol {
	s, err := a.Symbol(name, global)
	if err != nil {
		panic("rt: " + err.Error())
	}
	return s
}

// one wraps a single-symbol builder for define.
func one(name string, global bool, body func(a asm)) func() []obj.Symbol {
	return func() []obj.Symbol {
		a := newAsm()
		body(a)
		return []obj.Symbol{a.done(name, global)}
	}
}

// rodata returns a builder of one read-only data symbol.
func rodata(name string, b []byte) func() []obj.Symbol {
	return func() []obj.Symbol {
		return []obj.Symbol{{Name: name, Section: obj.ROData, Align: 1, Bytes: b}}
	}
}

// bss returns a builder of one zero-initialised, 8-aligned data symbol.
func bss(name string, size int) func() []obj.Symbol {
	return func() []obj.Symbol {
		return []obj.Symbol{{Name: name, Section: obj.BSS, Align: 8, Size: size}}
	}
}
