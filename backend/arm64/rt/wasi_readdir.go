package rt

import (
	. "cot/backend/arm64/enc"
	"cot/backend/arm64/obj"
)

func init() {
	define("cot_wasi_fd_readdir", one("cot_wasi_fd_readdir", true, fdReaddir),
		"cot_rt_errno", "cot_rt_filetypes", "cot_rt_fds")
}

const (
	sysGetdents64 = 61
	direntsBuf    = 2048 // getdents64 buffer at sp; the WASI dirent header is built at sp+direntsBuf
	direntHeader  = 24   // WASI dirent: d_next u64, d_ino u64, d_namlen u32, d_type u8, 3 pad bytes
)

// fdReaddir is fd_readdir(w0 fd, w1 buf, w2 buf_len, x3 cookie, w4 result ptr) -> errno.
// It seeks the directory to cookie (0 = start; otherwise a d_next it returned, which is the
// kernel's d_off) and converts getdents64 records into WASI dirents until the buffer is full:
//
//	linux_dirent64 {d_ino u64 @0, d_off i64 @8, d_reclen u16 @16, d_type u8 @18, d_name @19 NUL}
//	=> WASI dirent {d_next = d_off, d_ino, d_namlen = strlen(d_name), d_type} + name (no NUL)
//
// The last dirent may be cut off at the end of the buffer; *result = buf_len then tells the
// caller to read again from the last complete entry, as WASI specifies. DT_* values are
// st_mode >> 12, so the filetype table of fd_fdstat_get maps them.
//
//	x9 fd, x10 host buffer, x11 buf_len, x12 result offset, x13 bytes used, x14/x15 record cursor/end
func fdReaddir(a asm) {
	f := newFrame(a, pathMax)
	full, outer, inner := a.NewLabel(), a.NewLabel(), a.NewLabel()
	f.fdLookup(X5, X9, X0, true)
	a.zext(X10, X1)
	a.zext(X11, X2)
	a.zext(X12, X4)
	a.checkGuestLen(X10, X11, f.fail(wasiEFAULT))
	a.checkGuest(X12, 4, f.fail(wasiEFAULT))
	a.add(X10, X28, X10)
	a.mov(X13, 0)
	a.Emit(Mov(X64, X0, X9))
	a.Emit(Mov(X64, X1, X3))
	a.mov(X2, 0) // SEEK_SET
	f.syscallChecked(sysLseek)

	a.Bind(outer)
	a.Emit(Mov(X64, X0, X9))
	a.Emit(MovSP(X64, X1, SP))
	a.mov(X2, direntsBuf)
	f.syscallChecked(sysGetdents64)
	a.Cbz(X64, X0, full) // end of the directory
	a.Emit(MovSP(X64, X14, SP))
	a.add(X15, X14, X0)

	a.Bind(inner)
	a.Emit(CmpReg(X64, X14, X15, LSL, NoShift(X64)))
	a.BCond(HS, outer)
	a.ld(LDRX, X1, X14, 0)  // d_ino
	a.ld(LDRX, X2, X14, 8)  // d_off
	a.ld(LDRH, X3, X14, 16) // d_reclen
	a.ld(LDRB, X4, X14, 18) // d_type
	a.addImm(X64, X5, X14, 19)
	strlen, measured := a.NewLabel(), a.NewLabel()
	a.mov(X6, 0)
	a.Bind(strlen)
	a.ldIdx(LDRB, X7, X5, X6)
	a.Cbz(W32, X7, measured)
	a.addImm(X64, X6, X6, 1)
	a.B(strlen)
	a.Bind(measured)
	a.addImm(X64, X7, SP, direntsBuf)
	a.ld(STRX, X2, X7, 0)
	a.ld(STRX, X1, X7, 8)
	a.ld(STRX, X6, X7, 16) // d_namlen, and zeroes d_type and the padding
	a.Emit(AndImm(W32, X4, X4, must(LogicalImm(15, false))))
	a.Addr(X1, "cot_rt_filetypes", 0)
	a.ldIdx(LDRB, X4, X1, X4)
	a.ld(STRB, X4, X7, 20)
	a.mov(X2, direntHeader)
	copyOut(a, X7, X2, full)
	copyOut(a, X5, X6, full)
	a.add(X14, X14, X3)
	a.B(inner)

	a.Bind(full)
	a.Emit(LdstReg(STRW, X13, X28, X12, UXTX, false))
	f.ok()
	f.finish()
}

// copyOut appends n bytes from src to the guest buffer (x10, used x13, size x11), branching to
// full when the buffer is full. Clobbers x16, x17.
func copyOut(a asm, src, n Reg, full obj.Label) {
	loop, done := a.NewLabel(), a.NewLabel()
	a.mov(X16, 0)
	a.Bind(loop)
	a.Emit(CmpReg(X64, X16, n, LSL, NoShift(X64)))
	a.BCond(HS, done)
	a.Emit(CmpReg(X64, X13, X11, LSL, NoShift(X64)))
	a.BCond(HS, full)
	a.ldIdx(LDRB, X17, src, X16)
	a.Emit(LdstReg(STRB, X17, X10, X13, UXTX, false))
	a.addImm(X64, X13, X13, 1)
	a.addImm(X64, X16, X16, 1)
	a.B(loop)
	a.Bind(done)
}
