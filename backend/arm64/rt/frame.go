package rt

import (
	. "cot/backend/arm64/enc"
	"cot/backend/arm64/obj"
)

// frame is a routine with a stack area of size bytes (sp -= size on entry) and one exit path:
// every result, errno constant or failed system call leaves through labels that restore sp.
// A frame made by newCallFrame also keeps x30 (at the top of the area) so the routine may call
// helpers, and closes the directories its path lookups opened (closes) on every exit.
type frame struct {
	a       asm
	size    uint64
	exit    obj.Label // w0 holds the result
	sysFail obj.Label // x0 holds a negative Linux errno
	errnos  map[uint64]obj.Label
	order   []uint64
	calls   bool
	closes  [][2]uint64 // {fd slot, base slot}: close the fd at sp+fd unless it equals the one at sp+base
	negated obj.Label   // x0 holds a negative WASI errno (from cot_rt_resolve)
	hasNeg  bool
}

func newFrame(a asm, size uint64) *frame {
	f := &frame{a: a, size: size, exit: a.NewLabel(), sysFail: a.NewLabel(), errnos: map[uint64]obj.Label{}}
	a.subImm(X64, SP, SP, size)
	return f
}

// newCallFrame is newFrame for a routine that calls helpers: x30 is saved at sp+size-8.
func newCallFrame(a asm, size uint64) *frame {
	f := newFrame(a, size)
	f.calls = true
	a.ld(STRX, X30, SP, int64(size-8))
	return f
}

// fail returns the label that returns the WASI errno e.
func (f *frame) fail(e uint64) obj.Label {
	if l, ok := f.errnos[e]; ok {
		return l
	}
	l := f.a.NewLabel()
	f.errnos[e] = l
	f.order = append(f.order, e)
	return l
}

// ok returns 0.
func (f *frame) ok() {
	f.a.mov(X0, 0)
	f.a.B(f.exit)
}

// syscallChecked runs the system call and leaves through sysFail when it fails.
func (f *frame) syscallChecked(nr uint64) {
	f.a.syscall(nr)
	f.a.Tbnz(X0, f.a.bit(63), f.sysFail)
}

// negErrno returns the label that returns the WASI errno -x0.
func (f *frame) negErrno() obj.Label {
	if !f.hasNeg {
		f.negated, f.hasNeg = f.a.NewLabel(), true
	}
	return f.negated
}

// finish emits the exits.
func (f *frame) finish() {
	a := f.a
	if f.hasNeg {
		a.Bind(f.negated)
		a.Emit(Neg(X64, X0, X0, LSL, NoShift(X64)))
		a.B(f.exit)
	}
	for _, e := range f.order {
		a.Bind(f.errnos[e])
		a.Emit(LoadConst(W32, X0, e)...)
		a.B(f.exit)
	}
	a.Bind(f.sysFail)
	if !f.calls {
		a.addImm(X64, SP, SP, f.size)
		a.failSyscall()
	} else {
		a.Emit(Neg(X64, X0, X0, LSL, NoShift(X64)))
		a.Call("cot_rt_errno")
	}
	a.Bind(f.exit)
	if len(f.closes) > 0 {
		a.Emit(Mov(X64, X9, X0))
		for _, c := range f.closes {
			skip := a.NewLabel()
			a.ld(LDRX, X0, SP, int64(c[0]))
			a.ld(LDRX, X1, SP, int64(c[1]))
			a.Emit(CmpReg(X64, X0, X1, LSL, NoShift(X64)))
			a.BCond(EQ, skip)
			a.syscall(sysClose)
			a.Bind(skip)
		}
		a.Emit(Mov(X64, X0, X9))
	}
	if f.calls {
		a.ld(LDRX, X30, SP, int64(f.size-8))
	}
	a.addImm(X64, SP, SP, f.size)
	a.Emit(Ret())
}

// path copies the guest path (offset off, length n; i32 registers) to sp+at, NUL-terminated,
// refusing paths that do not fit in linear memory (EFAULT), are too long (ENAMETOOLONG), empty or
// contain a NUL (EINVAL), or are absolute (EPERM, as a path leaving the directory). Clobbers x13..x17.
func (f *frame) path(off, n Reg, at uint64) {
	a := f.a
	a.zext(X13, off)
	a.zext(X14, n)
	a.checkGuestLen(X13, X14, f.fail(wasiEFAULT))
	a.cmpImm(X64, X14, pathMax-1)
	a.BCond(HI, f.fail(wasiENAMETOOLONG))
	a.Cbz(X64, X14, f.fail(wasiEINVAL))
	a.add(X13, X28, X13)
	a.ld(LDRB, X15, X13, 0)
	a.cmpImm(W32, X15, '/')
	a.BCond(EQ, f.fail(wasiEPERM))
	a.addImm(X64, X16, SP, at)
	loop, done := a.NewLabel(), a.NewLabel()
	a.mov(X17, 0)
	a.Bind(loop)
	a.Emit(CmpReg(X64, X17, X14, LSL, NoShift(X64)))
	a.BCond(HS, done)
	a.ldIdx(LDRB, X15, X13, X17)
	a.Cbz(W32, X15, f.fail(wasiEINVAL))
	a.Emit(LdstReg(STRB, X15, X16, X17, UXTX, false))
	a.addImm(X64, X17, X17, 1)
	a.B(loop)
	a.Bind(done)
	a.Emit(LdstReg(STRB, ZR, X16, X17, UXTX, false))
}
