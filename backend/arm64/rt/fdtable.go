package rt

import (
	. "cot/backend/arm64/enc"
	"cot/backend/arm64/obj"
)

// The guest fd table (docs/decisions.md, "WASI sandbox"): WASI fds are indexes into
// cot_rt_fds, never Linux fds. At start only the open stdio fds and the preopens have entries,
// so a host fd the process inherited is unreachable, and the preopen is whatever directory the
// configuration names, not "whatever Linux fd 3 happens to be".
//
//	entry (64 bytes): host fd + 1 u32 @0 (0 = free), flags u32 @4 (bit 0: preopen, 1: directory),
//	rights_base u64 @8, rights_inheriting u64 @16, preopen name pointer @24 and length @32
func init() {
	define("cot_rt_fds", bss("cot_rt_fds", maxFDs*fdEntrySize))
	define("cot_rt_fd_alloc", one("cot_rt_fd_alloc", false, fdAlloc), "cot_rt_fds")
	define("cot_wasi_fd_close", one("cot_wasi_fd_close", true, fdClose), "cot_rt_errno", "cot_rt_fds")
	define("cot_wasi_fd_renumber", one("cot_wasi_fd_renumber", true, fdRenumber), "cot_rt_fds")
	define("cot_wasi_fd_prestat_get", one("cot_wasi_fd_prestat_get", true, fdPrestatGet), "cot_rt_fds")
	define("cot_wasi_fd_prestat_dir_name", one("cot_wasi_fd_prestat_dir_name", true, fdPrestatDirName), "cot_rt_fds")
	define("cot_wasi_fd_fdstat_set_rights", one("cot_wasi_fd_fdstat_set_rights", true, fdFdstatSetRights),
		"cot_rt_fds")
}

const (
	maxFDs      = 1024 // guest fds 0..1023
	fdEntrySize = 64
	entHost     = 0
	entFlags    = 4
	entBase     = 8
	entInh      = 16
	entName     = 24
	entNameLen  = 32
	flagPreopen = 1
	flagDirBit  = 1 // the host fd is a directory
	flagDir     = 1 << flagDirBit
	wasiEMFILE  = 33
)

// WASI rights bits that decide a path_open'd file's access mode.
const (
	rightFdRead  = 1 << 1
	rightFdWrite = 1 << 6
)

// fdEntry sets ent to the table entry of the guest fd in src (an i32 register) and host to its
// Linux fd, branching to badf when the guest fd is not open. ent and host must not be x16/x17,
// which it clobbers.
func fdEntry(a asm, ent, host, src Reg, badf obj.Label) {
	a.zext(X16, src)
	a.cmpImm(X64, X16, maxFDs)
	a.BCond(HS, badf)
	a.Addr(ent, "cot_rt_fds", 0)
	a.Emit(AddReg(X64, ent, ent, X16, LSL, must(ShiftAmount(6, X64))))
	a.ld(LDRW, host, ent, entHost)
	a.Cbz(W32, host, badf)
	a.subImm(X64, host, host, 1)
}

// fdLookup is fdEntry failing with EBADF through f; with needDir the fd must also be a
// directory (flagDir), as wasmtime requires of the fd a path is resolved under or read as a
// directory. Rights are recorded and reported but, as in wasmtime's preview 1, not enforced:
// the access mode the fd was opened with is (reading a write-only fd is EBADF).
func (f *frame) fdLookup(ent, host, src Reg, needDir bool) {
	fdEntry(f.a, ent, host, src, f.fail(wasiEBADF))
	if needDir {
		f.a.ld(LDRW, X16, ent, entFlags)
		f.a.Tbz(X16, f.a.bit(flagDirBit), f.fail(wasiEBADF))
	}
}

// fdAlloc is cot_rt_fd_alloc(x0 host fd, x1 rights_base, x2 rights_inheriting) -> x0 = the
// lowest free guest fd >= 3, now naming the host fd, or -1 when the table is full. Clobbers
// x3..x5, x16.
func fdAlloc(a asm) {
	loop, found, full := a.NewLabel(), a.NewLabel(), a.NewLabel()
	a.Addr(X3, "cot_rt_fds", 0)
	a.mov(X4, 3)
	a.Bind(loop)
	a.cmpImm(X64, X4, maxFDs)
	a.BCond(HS, full)
	a.Emit(AddReg(X64, X5, X3, X4, LSL, must(ShiftAmount(6, X64))))
	a.ld(LDRW, X16, X5, entHost)
	a.Cbz(W32, X16, found)
	a.addImm(X64, X4, X4, 1)
	a.B(loop)
	a.Bind(found)
	a.addImm(W32, X16, X0, 1)
	a.ld(STRX, X16, X5, entHost) // host + 1, flags 0
	a.Emit(Pair(STPX, X1, X2, X5, must(PairOffset(entBase, 8))))
	a.Emit(Pair(STPX, ZR, ZR, X5, must(PairOffset(entName, 8))))
	a.Emit(Mov(X64, X0, X4))
	a.Emit(Ret())
	a.Bind(full)
	a.Emit(Movn(X64, X0, must(MoveWide(0, 0, true))))
	a.Emit(Ret())
}

// fdClose is fd_close(w0 fd) -> errno: the entry is freed and the host fd closed.
func fdClose(a asm) {
	f := newFrame(a, 16)
	f.fdLookup(X9, X0, X0, false)
	a.ld(STRX, ZR, X9, entHost)
	f.syscallChecked(sysClose)
	f.ok()
	f.finish()
}

// fdRenumber is fd_renumber(w0 from, w1 to) -> errno: both must be open; to's host fd is
// closed and to takes from's entry, which is freed. Renumbering an fd to itself does nothing.
func fdRenumber(a asm) {
	f := newFrame(a, 16)
	f.fdLookup(X9, X10, X0, false)
	f.fdLookup(X11, X12, X1, false)
	a.Emit(CmpReg(X64, X9, X11, LSL, NoShift(X64)))
	a.BCond(EQ, f.fail(0))
	a.Emit(Mov(X64, X0, X12))
	a.syscall(sysClose) // to's old file; an error here (EINTR, EIO) does not undo the move
	for off := int64(0); off < fdEntrySize; off += 16 {
		a.Emit(Pair(LDPX, X13, X14, X9, must(PairOffset(off, 8))))
		a.Emit(Pair(STPX, X13, X14, X11, must(PairOffset(off, 8))))
	}
	a.ld(STRX, ZR, X9, entHost)
	f.ok()
	f.finish()
}

// preopenEntry sets x9 to the entry of the guest fd in w0 when it is a preopen, else fails
// with EBADF (which ends wasi-libc's and Go's preopen scans).
func preopenEntry(f *frame) {
	a := f.a
	f.fdLookup(X9, X10, X0, false)
	a.ld(LDRW, X10, X9, entFlags)
	a.Tbz(X10, a.bit(0), f.fail(wasiEBADF))
}

// fdPrestatGet is fd_prestat_get(w0 fd, w1 result ptr) -> errno: {u8 tag = 0 (dir); u32
// name_len @4} for a preopen.
func fdPrestatGet(a asm) {
	f := newFrame(a, 16)
	preopenEntry(f)
	a.zext(X10, X1)
	a.checkGuest(X10, 8, f.fail(wasiEFAULT))
	a.add(X10, X28, X10)
	a.ld(STRW, ZR, X10, 0)
	a.ld(LDRX, X11, X9, entNameLen)
	a.ld(STRW, X11, X10, 4)
	f.ok()
	f.finish()
}

// fdPrestatDirName is fd_prestat_dir_name(w0 fd, w1 buf, w2 len) -> errno: writes the
// preopen's guest name (no NUL); a buffer shorter than the name is ENAMETOOLONG.
func fdPrestatDirName(a asm) {
	f := newFrame(a, 16)
	preopenEntry(f)
	a.zext(X10, X1)
	a.zext(X11, X2)
	a.ld(LDRX, X12, X9, entNameLen)
	a.Emit(CmpReg(X64, X11, X12, LSL, NoShift(X64)))
	a.BCond(LO, f.fail(wasiENAMETOOLONG))
	a.checkGuestLen(X10, X12, f.fail(wasiEFAULT))
	a.ld(LDRX, X13, X9, entName)
	a.add(X10, X28, X10)
	loop := a.NewLabel()
	a.Bind(loop)
	a.Cbz(X64, X12, f.fail(0))
	a.Emit(LdstPost(LDRB, X14, X13, must(NewSImm9(1))))
	a.Emit(LdstPost(STRB, X14, X10, must(NewSImm9(1))))
	a.subImm(X64, X12, X12, 1)
	a.B(loop)
	f.finish()
}

// fdFdstatSetRights is fd_fdstat_set_rights(w0 fd, x1 base, x2 inheriting) -> errno: accepted
// and ignored, as wasmtime's preview 1 does (rights are not enforced; see fdLookup).
func fdFdstatSetRights(a asm) {
	f := newFrame(a, 16)
	f.fdLookup(X9, X10, X0, false)
	f.ok()
	f.finish()
}
