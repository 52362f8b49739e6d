package rt

import (
	. "cot/backend/arm64/enc"
	"cot/backend/arm64/obj"
)

// The `cot` import module natively (docs/decisions.md "sockets and epoll"; runner/cotnet.go is
// the same for wazero and wasmtime): sockets and epoll as Linux system calls. Every function
// takes i64s in x0..x2 and returns an i64: a result, or a Linux errno negated. The program's
// sockets and epoll instances are net fds, NetFDBase + a slot of cot_rt_net (host fd + 1; 0
// free; lowest free slot first, so numbers match the other engines), never WASI fds. Network
// access is a capability: net_socket and epoll_create give EPERM unless COT_NET=1 in the host
// environment (how `cot run --net` grants it) or the executable was built with it
// (cot_rt_cfg_net).
func init() {
	define("cot_rt_net", bss("cot_rt_net", maxNetFDs*8))
	define("cot_rt_cfg_net", rodata("cot_rt_cfg_net", []byte{0}))
	define("cot_rt_name_cot_net", rodata("cot_rt_name_cot_net", []byte(EnvNet)))
	define("cot_rt_net_adopt", one("cot_rt_net_adopt", false, netAdopt), "cot_rt_net")
	define("cot_rt_net_allowed", one("cot_rt_net_allowed", false, netAllowed),
		"cot_rt_getenv", "cot_rt_name_cot_net", "cot_rt_cfg_net")
	gated := []string{"cot_rt_net", "cot_rt_net_adopt", "cot_rt_net_allowed"}
	define("cot_net_net_socket", one("cot_net_net_socket", true, netSocket), gated...)
	define("cot_net_epoll_create", one("cot_net_epoll_create", true, netEpollCreate), gated...)
	define("cot_net_net_accept", one("cot_net_net_accept", true, netAccept), "cot_rt_net", "cot_rt_net_adopt")
	for name, body := range map[string]func(asm){
		"net_bind": func(a asm) { netAddrCall(a, sysBind) }, "net_connect": func(a asm) { netAddrCall(a, sysConnect) },
		"net_listen": netListen, "net_set_reuse_addr": netReuseAddr, "set_nonblocking": netNonblocking,
		"net_read": func(a asm) { netTransfer(a, sysRead) }, "net_write": func(a asm) { netTransfer(a, sysWrite) },
		"net_close": netClose, "epoll_add": func(a asm) { netEpollCtl(a, epollCtlAdd) },
		"epoll_del": func(a asm) { netEpollCtl(a, epollCtlDel) }, "epoll_wait": netEpollWait,
	} {
		define("cot_net_"+name, one("cot_net_"+name, true, body), "cot_rt_net")
	}
}

const (
	// NetFDBase is the first net fd (runner.NetFDBase); maxNetFDs the table's size.
	NetFDBase = 1 << 20
	maxNetFDs = 256
	// EnvNet names the host variable that grants the network at run time.
	EnvNet = "COT_NET"

	sysEpollCreate1 = 20
	sysEpollCtl     = 21
	sysEpollPwait   = 22
	sysSocket       = 198
	sysBind         = 200
	sysListen       = 201
	sysConnect      = 203
	sysSetsockopt   = 208
	epollCtlAdd     = 1
	epollCtlDel     = 2
	fGetfl          = 3
	fSetfl          = 4
	linuxEPERM      = 1
	linuxEBADF      = 9
	linuxEFAULT     = 14
	linuxEINVAL     = 22
	linuxEMFILE     = 24
	netMaxEvents    = 64 // events per epoll_wait
)

// neg is the two's complement of e: a Linux errno negated.
func neg(e uint64) uint64 { return -e }

// retNeg returns the Linux errno e negated.
func retNeg(a asm, e uint64) {
	a.mov(X0, neg(e))
	a.Emit(Ret())
}

// netLookup sets host to the host fd of the net fd in src, branching to badf when it is not
// open. Clobbers x16, x17.
func netLookup(a asm, host, src Reg, badf obj.Label) {
	a.mov(X16, NetFDBase)
	a.sub(X16, src, X16)
	a.cmpImm(X64, X16, maxNetFDs)
	a.BCond(HS, badf)
	a.lsl(X16, X16, 3)
	a.Addr(X17, "cot_rt_net", 0)
	a.ldIdx(LDRX, host, X17, X16)
	a.Cbz(X64, host, badf)
	a.subImm(X64, host, host, 1)
}

// netGuest makes the guest range (off, n) a host address in off, branching to fault unless it
// lies within linear memory (both values unsigned, so a negative one is out). Clobbers x17.
func netGuest(a asm, off, n Reg, fault obj.Label) {
	a.Emit(CmpReg(X64, off, X27, LSL, NoShift(X64)))
	a.BCond(HI, fault)
	a.Emit(CmpReg(X64, n, X27, LSL, NoShift(X64)))
	a.BCond(HI, fault)
	a.checkGuestLen(off, n, fault)
	a.add(off, X28, off)
}

// netSyscallRetry is svc nr, again while it is interrupted (EINTR); x0..x5 must hold the
// arguments, which it saves in x9..x14.
func netSyscallRetry(a asm, nr uint64) {
	for i := Reg(0); i < 6; i++ {
		a.Emit(Mov(X64, X9+i, X0+i))
	}
	again := a.NewLabel()
	a.Bind(again)
	for i := Reg(0); i < 6; i++ {
		a.Emit(Mov(X64, X0+i, X9+i))
	}
	a.syscall(nr)
	a.Emit(CmnImm(X64, X0, must(NewImm12(linuxEINTR))))
	a.BCond(EQ, again)
}

// netAdopt is cot_rt_net_adopt(x0 host fd or negative errno) -> x0 = a net fd naming it, the
// errno as it is, or EMFILE (the host fd closed) when the table is full. Clobbers x1..x4.
func netAdopt(a asm) {
	loop, found, full := a.NewLabel(), a.NewLabel(), a.NewLabel()
	ok := a.NewLabel()
	a.Tbz(X0, a.bit(63), ok)
	a.Emit(Ret())
	a.Bind(ok)
	a.Addr(X1, "cot_rt_net", 0)
	a.mov(X2, 0)
	a.Bind(loop)
	a.cmpImm(X64, X2, maxNetFDs)
	a.BCond(HS, full)
	a.Emit(LdstReg(LDRX, X3, X1, X2, UXTX, true))
	a.Cbz(X64, X3, found)
	a.addImm(X64, X2, X2, 1)
	a.B(loop)
	a.Bind(found)
	a.addImm(X64, X3, X0, 1)
	a.Emit(LdstReg(STRX, X3, X1, X2, UXTX, true))
	a.mov(X0, NetFDBase)
	a.add(X0, X0, X2)
	a.Emit(Ret())
	a.Bind(full)
	a.syscall(sysClose)
	retNeg(a, linuxEMFILE)
}

// netAllowed is cot_rt_net_allowed() -> x0 = 1 when the program may use the network: COT_NET is
// "1", or COT_NET is unset and the executable was built with the network. Clobbers x1..x6.
func netAllowed(a asm) {
	f := newCallFrame(a, 16)
	baked, yes := a.NewLabel(), a.NewLabel()
	a.Addr(X0, "cot_rt_name_cot_net", 0)
	a.mov(X1, uint64(len(EnvNet)))
	a.Call("cot_rt_getenv")
	a.Cbz(X64, X0, baked)
	a.ld(LDRB, X1, X0, 0)
	a.ld(LDRB, X2, X0, 1)
	a.mov(X0, 0)
	a.cmpImm(W32, X1, '1')
	a.BCond(NE, f.exit)
	a.Cbz(W32, X2, yes)
	a.B(f.exit)
	a.Bind(yes)
	a.mov(X0, 1)
	a.B(f.exit)
	a.Bind(baked)
	a.Addr(X0, "cot_rt_cfg_net", 0)
	a.ld(LDRB, X0, X0, 0)
	a.B(f.exit)
	f.finish()
}

// netGate calls cot_rt_net_allowed (keeping x0..x2 at sp) and leaves with EPERM when the
// network is not granted.
func netGate(a asm, f *frame) {
	a.Emit(Pair(STPX, X0, X1, SP, must(PairOffset(0, 8))))
	a.ld(STRX, X2, SP, 16)
	a.Call("cot_rt_net_allowed")
	refused := a.NewLabel()
	a.Cbz(X64, X0, refused)
	a.Emit(Pair(LDPX, X0, X1, SP, must(PairOffset(0, 8))))
	a.ld(LDRX, X2, SP, 16)
	cont := a.NewLabel()
	a.B(cont)
	a.Bind(refused)
	a.mov(X0, neg(linuxEPERM))
	a.B(f.exit)
	a.Bind(cont)
}

// netSocket is net_socket(domain, type, proto): socket(2), close-on-exec.
func netSocket(a asm) {
	f := newCallFrame(a, 32)
	netGate(a, f)
	a.orrImm(X64, X1, X1, sockCloexec)
	a.syscall(sysSocket)
	a.Call("cot_rt_net_adopt")
	a.B(f.exit)
	f.finish()
}

// netEpollCreate is epoll_create(): epoll_create1(EPOLL_CLOEXEC).
func netEpollCreate(a asm) {
	f := newCallFrame(a, 32)
	netGate(a, f)
	a.mov(X0, sockCloexec) // EPOLL_CLOEXEC is O_CLOEXEC, as SOCK_CLOEXEC
	a.syscall(sysEpollCreate1)
	a.Call("cot_rt_net_adopt")
	a.B(f.exit)
	f.finish()
}

// netAccept is net_accept(fd): accept4 without the peer's address, close-on-exec.
func netAccept(a asm) {
	f := newCallFrame(a, 16)
	badf := a.NewLabel()
	netLookup(a, X0, X0, badf)
	a.mov(X1, 0)
	a.mov(X2, 0)
	a.mov(X3, sockCloexec)
	netSyscallRetry(a, sysAccept4)
	a.Call("cot_rt_net_adopt")
	a.B(f.exit)
	a.Bind(badf)
	a.mov(X0, neg(linuxEBADF))
	a.B(f.exit)
	f.finish()
}

// netAddrCall is net_bind / net_connect(fd, addr, len) with the sockaddr in linear memory.
func netAddrCall(a asm, nr uint64) {
	badf, fault := a.NewLabel(), a.NewLabel()
	netLookup(a, X0, X0, badf)
	netGuest(a, X1, X2, fault)
	a.syscall(nr)
	a.Emit(Ret())
	a.Bind(badf)
	retNeg(a, linuxEBADF)
	a.Bind(fault)
	retNeg(a, linuxEFAULT)
}

// netListen is net_listen(fd, backlog).
func netListen(a asm) {
	badf := a.NewLabel()
	netLookup(a, X0, X0, badf)
	a.syscall(sysListen)
	a.Emit(Ret())
	a.Bind(badf)
	retNeg(a, linuxEBADF)
}

// netReuseAddr is net_set_reuse_addr(fd): setsockopt(SOL_SOCKET, SO_REUSEADDR, 1).
func netReuseAddr(a asm) {
	f := newFrame(a, 16)
	badf := a.NewLabel()
	netLookup(a, X0, X0, badf)
	a.mov(X9, 1)
	a.ld(STRW, X9, SP, 0)
	a.mov(X1, 1) // SOL_SOCKET
	a.mov(X2, 2) // SO_REUSEADDR
	a.Emit(AddImm(X64, X3, SP, must(NewImm12(0))))
	a.mov(X4, 4)
	a.syscall(sysSetsockopt)
	a.B(f.exit)
	a.Bind(badf)
	a.mov(X0, neg(linuxEBADF))
	a.B(f.exit)
	f.finish()
}

// netNonblocking is set_nonblocking(fd): fcntl F_SETFL with O_NONBLOCK added.
func netNonblocking(a asm) {
	badf, failed := a.NewLabel(), a.NewLabel()
	netLookup(a, X9, X0, badf)
	a.Emit(Mov(X64, X0, X9))
	a.mov(X1, fGetfl)
	a.syscall(sysFcntl)
	a.Tbnz(X0, a.bit(63), failed)
	a.orrImm(X64, X2, X0, oNonblock)
	a.Emit(Mov(X64, X0, X9))
	a.mov(X1, fSetfl)
	a.syscall(sysFcntl)
	a.Bind(failed)
	a.Emit(Ret())
	a.Bind(badf)
	retNeg(a, linuxEBADF)
}

// netTransfer is net_read / net_write(fd, p, n).
func netTransfer(a asm, nr uint64) {
	badf, fault := a.NewLabel(), a.NewLabel()
	netLookup(a, X0, X0, badf)
	netGuest(a, X1, X2, fault)
	netSyscallRetry(a, nr)
	a.Emit(Ret())
	a.Bind(badf)
	retNeg(a, linuxEBADF)
	a.Bind(fault)
	retNeg(a, linuxEFAULT)
}

// netClose is net_close(fd): the slot freed, the host fd closed.
func netClose(a asm) {
	badf := a.NewLabel()
	netLookup(a, X0, X0, badf)
	a.Emit(LdstReg(STRX, ZR, X17, X16, UXTX, false)) // netLookup left the slot's address in x17 + x16
	a.syscall(sysClose)
	a.Emit(Ret())
	a.Bind(badf)
	retNeg(a, linuxEBADF)
}

// netEpollCtl is epoll_add(ep, fd, events) / epoll_del(ep, fd): the event's data is the net fd.
func netEpollCtl(a asm, op uint64) {
	f := newFrame(a, 16)
	badf := a.NewLabel()
	a.Emit(Mov(X64, X11, X1))
	netLookup(a, X9, X0, badf)
	netLookup(a, X10, X1, badf)
	a.ld(STRW, X2, SP, 0)  // events
	a.ld(STRX, X11, SP, 8) // data: the net fd (struct epoll_event is 16 bytes on arm64)
	a.Emit(Mov(X64, X0, X9))
	a.mov(X1, op)
	a.Emit(Mov(X64, X2, X10))
	a.Emit(AddImm(X64, X3, SP, must(NewImm12(0))))
	a.syscall(sysEpollCtl)
	a.B(f.exit)
	a.Bind(badf)
	a.mov(X0, neg(linuxEBADF))
	a.B(f.exit)
	f.finish()
}

// netEpollWait is epoll_wait(ep, buf, max): blocks for events and writes them to buf as packed
// 12-byte records (u32 events, u64 the net fd), at most 64 at a time.
//
//	x19.. are not used: x12 guest buf, x13 max, x15 the count while copying
func netEpollWait(a asm) {
	const kernelEvent = 16
	f := newFrame(a, netMaxEvents*kernelEvent)
	badf, fault, inval := a.NewLabel(), a.NewLabel(), a.NewLabel()
	netLookup(a, X0, X0, badf)
	a.Emit(Mov(X64, X12, X1))
	a.Emit(Mov(X64, X13, X2))
	a.cmpImm(X64, X13, 1)
	a.BCond(LT, inval)
	a.cmpImm(X64, X13, netMaxEvents)
	small := a.NewLabel()
	a.BCond(LE, small)
	a.mov(X13, netMaxEvents)
	a.Bind(small)
	a.mov(X14, netEventSize)
	a.Emit(Mul(X64, X14, X13, X14))
	netGuest(a, X12, X14, fault)
	a.Emit(AddImm(X64, X1, SP, must(NewImm12(0))))
	a.Emit(Mov(X64, X2, X13))
	a.mov(X3, ^uint64(0)) // no timeout
	a.mov(X4, 0)
	a.mov(X5, 8)
	// The registers netSyscallRetry keeps (x9..x14) hold x12/x13 too: save the guest buffer.
	a.Emit(Mov(X64, X15, X12))
	netSyscallRetry(a, sysEpollPwait)
	a.Tbnz(X0, a.bit(63), f.exit)
	loop, done := a.NewLabel(), a.NewLabel()
	a.mov(X9, 0) // record index
	a.Emit(AddImm(X64, X10, SP, must(NewImm12(0))))
	a.Bind(loop)
	a.Emit(CmpReg(X64, X9, X0, LSL, NoShift(X64)))
	a.BCond(HS, done)
	a.ld(LDRW, X11, X10, 0)
	a.ld(STRW, X11, X15, 0)
	a.ld(LDRX, X11, X10, 8) // the record's u64 at +4: two aligned u32 stores
	a.ld(STRW, X11, X15, 4)
	a.Emit(LsrImm(X64, X11, X11, must(ShiftAmount(32, X64))))
	a.ld(STRW, X11, X15, 8)
	a.addImm(X64, X10, X10, kernelEvent)
	a.addImm(X64, X15, X15, netEventSize)
	a.addImm(X64, X9, X9, 1)
	a.B(loop)
	a.Bind(done)
	a.B(f.exit)
	a.Bind(badf)
	a.mov(X0, neg(linuxEBADF))
	a.B(f.exit)
	a.Bind(fault)
	a.mov(X0, neg(linuxEFAULT))
	a.B(f.exit)
	a.Bind(inval)
	a.mov(X0, neg(linuxEINVAL))
	a.B(f.exit)
	f.finish()
}

// netEventSize is a guest epoll record.
const netEventSize = 12
