package runner

// The `cot` import module (docs/decisions.md, "sockets and epoll"): the sockets and epoll of
// language.md §10, which WASI preview 1 lacks, for wazero and wasmtime; the native runtime has
// the same functions as Linux system calls (backend/arm64/rt/cot_net.go). Every function takes
// and returns i64: a result, or a Linux errno negated.
//
// The program's sockets and epoll instances are "net fds", numbered from NetFDBase upward in a
// table of their own (lowest free slot first, so the numbers are the same on every engine): WASI
// knows nothing of them, and the program's runtime sends @fd_read, @fd_write and @fd_close of a
// net fd here (runtime/net.cot). Network access is a capability: without Config.Net every
// net_socket and epoll_create is refused with EPERM, as a path outside the preopens is.

import (
	"encoding/binary"
	"syscall"
)

const (
	// NetFDBase is the first net fd; MaxNetFDs how many a program may hold at once.
	NetFDBase = 1 << 20
	MaxNetFDs = 256

	netEPERM  = 1
	netEBADF  = 9
	netEFAULT = 14
	netEINVAL = 22
	netEMFILE = 24
	// netMaxEvents bounds one epoll_wait.
	netMaxEvents = 64
	// netEventSize is a guest epoll record: u32 events, u64 data (the net fd), packed.
	netEventSize = 12
)

// NetFuncs are the functions of the `cot` module and their numbers of i64 parameters.
var NetFuncs = map[string]int{
	"net_socket": 3, "net_bind": 3, "net_listen": 2, "net_accept": 1, "net_connect": 3,
	"net_set_reuse_addr": 1, "set_nonblocking": 1, "net_read": 3, "net_write": 3, "net_close": 1,
	"epoll_create": 0, "epoll_add": 3, "epoll_del": 2, "epoll_wait": 3,
}

// netHost is the state of the `cot` module for one run: the host fds behind the net fds.
type netHost struct {
	allowed bool
	fds     [MaxNetFDs]int // host fd + 1; 0: free
	// mem returns the guest memory [off, off+n), or false when it is not all inside.
	mem func(off, n int64) ([]byte, bool)
}

// close releases every host fd the program left open.
func (h *netHost) close() {
	for i, fd := range h.fds {
		if fd != 0 {
			syscall.Close(fd - 1)
			h.fds[i] = 0
		}
	}
}

// call runs function name with args.
func (h *netHost) call(name string, a []int64) int64 {
	switch name {
	case "net_socket":
		if !h.allowed {
			return -netEPERM
		}
		fd, err := syscall.Socket(int(int32(a[0])), int(int32(a[1]))|syscall.SOCK_CLOEXEC, int(int32(a[2])))
		return h.adopt(fd, err)
	case "epoll_create":
		if !h.allowed {
			return -netEPERM
		}
		fd, err := syscall.EpollCreate1(syscall.EPOLL_CLOEXEC)
		return h.adopt(fd, err)
	case "net_bind", "net_connect":
		fd, ok := h.host(a[0])
		if !ok {
			return -netEBADF
		}
		addr, ok := h.mem(a[1], a[2])
		if !ok {
			return -netEFAULT
		}
		return h.sockaddrCall(name, fd, addr)
	case "net_listen":
		return h.withFD(a[0], func(fd int) error { return syscall.Listen(fd, int(int32(a[1]))) })
	case "net_accept":
		fd, ok := h.host(a[0])
		if !ok {
			return -netEBADF
		}
		for {
			conn, _, err := syscall.Accept4(fd, syscall.SOCK_CLOEXEC)
			if err != syscall.EINTR {
				return h.adopt(conn, err)
			}
		}
	case "net_set_reuse_addr":
		return h.withFD(a[0], func(fd int) error {
			return syscall.SetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_REUSEADDR, 1)
		})
	case "set_nonblocking":
		return h.withFD(a[0], func(fd int) error { return syscall.SetNonblock(fd, true) })
	case "net_read", "net_write":
		fd, ok := h.host(a[0])
		if !ok {
			return -netEBADF
		}
		buf, ok := h.mem(a[1], a[2])
		if !ok {
			return -netEFAULT
		}
		for {
			var n int
			var err error
			if name == "net_read" {
				n, err = syscall.Read(fd, buf)
			} else {
				n, err = syscall.Write(fd, buf)
			}
			if err != syscall.EINTR {
				return result(int64(n), err)
			}
		}
	case "net_close":
		i := a[0] - NetFDBase
		if i < 0 || i >= MaxNetFDs || h.fds[i] == 0 {
			return -netEBADF
		}
		err := syscall.Close(h.fds[i] - 1)
		h.fds[i] = 0
		return result(0, err)
	case "epoll_add", "epoll_del":
		ep, ok1 := h.host(a[0])
		fd, ok2 := h.host(a[1])
		if !ok1 || !ok2 {
			return -netEBADF
		}
		if name == "epoll_del" {
			return result(0, syscall.EpollCtl(ep, syscall.EPOLL_CTL_DEL, fd, &syscall.EpollEvent{}))
		}
		ev := syscall.EpollEvent{Events: uint32(a[2]), Fd: int32(a[1])}
		return result(0, syscall.EpollCtl(ep, syscall.EPOLL_CTL_ADD, fd, &ev))
	case "epoll_wait":
		return h.epollWait(a[0], a[1], a[2])
	}
	return -netEINVAL
}

// epollWait blocks until events come and writes them to the guest as 12-byte records.
func (h *netHost) epollWait(epfd, buf, max int64) int64 {
	ep, ok := h.host(epfd)
	if !ok {
		return -netEBADF
	}
	if max <= 0 {
		return -netEINVAL
	}
	max = min(max, netMaxEvents)
	out, ok := h.mem(buf, max*netEventSize)
	if !ok {
		return -netEFAULT
	}
	events := make([]syscall.EpollEvent, max)
	for {
		n, err := syscall.EpollWait(ep, events, -1)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return result(0, err)
		}
		for i, ev := range events[:n] {
			binary.LittleEndian.PutUint32(out[i*netEventSize:], ev.Events)
			binary.LittleEndian.PutUint64(out[i*netEventSize+4:], uint64(int64(ev.Fd)))
		}
		return int64(n)
	}
}

// sockaddrCall binds or connects fd to the sockaddr the guest built (Linux's layout: family u16,
// then the family's fields; AF_INET and AF_INET6).
func (h *netHost) sockaddrCall(name string, fd int, addr []byte) int64 {
	sa, ok := parseSockaddr(addr)
	if !ok {
		return -netEINVAL
	}
	if name == "net_bind" {
		return result(0, syscall.Bind(fd, sa))
	}
	err := syscall.Connect(fd, sa)
	for err == syscall.EINTR {
		// The connection goes on in the kernel: wait for it, then ask how it ended.
		var w syscall.FdSet
		w.Bits[fd/64] |= 1 << (uint(fd) % 64)
		_, err = syscall.Select(fd+1, nil, &w, nil, nil)
		if err == nil {
			var code int
			code, err = syscall.GetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_ERROR)
			if err == nil && code != 0 {
				err = syscall.Errno(code)
			}
		}
	}
	return result(0, err)
}

func parseSockaddr(b []byte) (syscall.Sockaddr, bool) {
	if len(b) < 2 {
		return nil, false
	}
	switch binary.LittleEndian.Uint16(b) {
	case syscall.AF_INET:
		if len(b) < 8 {
			return nil, false
		}
		sa := &syscall.SockaddrInet4{Port: int(binary.BigEndian.Uint16(b[2:]))}
		copy(sa.Addr[:], b[4:8])
		return sa, true
	case syscall.AF_INET6:
		if len(b) < 28 {
			return nil, false
		}
		sa := &syscall.SockaddrInet6{Port: int(binary.BigEndian.Uint16(b[2:])), ZoneId: binary.LittleEndian.Uint32(b[24:])}
		copy(sa.Addr[:], b[8:24])
		return sa, true
	}
	return nil, false
}

// adopt gives the host fd a net fd.
func (h *netHost) adopt(fd int, err error) int64 {
	if err != nil {
		return result(0, err)
	}
	for i, slot := range h.fds {
		if slot == 0 {
			h.fds[i] = fd + 1
			return NetFDBase + int64(i)
		}
	}
	syscall.Close(fd)
	return -netEMFILE
}

// host is the host fd of a net fd.
func (h *netHost) host(netfd int64) (int, bool) {
	i := netfd - NetFDBase
	if i < 0 || i >= MaxNetFDs || h.fds[i] == 0 {
		return 0, false
	}
	return h.fds[i] - 1, true
}

func (h *netHost) withFD(netfd int64, f func(fd int) error) int64 {
	fd, ok := h.host(netfd)
	if !ok {
		return -netEBADF
	}
	return result(0, f(fd))
}

// result is v, or the errno of err negated.
func result(v int64, err error) int64 {
	if err == nil {
		return v
	}
	if e, ok := err.(syscall.Errno); ok {
		return -int64(e)
	}
	return -netEINVAL
}
