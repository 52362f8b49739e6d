package rt

import (
	"io"
	"net"
	"os"
	"testing"
	"time"

	. "cot/backend/arm64/enc"
)

// sockCall emits routine(w0 = the fd in w19, w1 = iovOff, w2 = 1, w3 = flags, w4 = resOff+8,
// w5 = resOff+12) and prints the errno and the count at resOff+8.
func sockCall(a asm, routine string, flags uint32) {
	a.Emit(Mov(W32, X0, X19))
	arg(a, X1, iovOff)
	arg(a, X2, 1)
	arg(a, X3, flags)
	arg(a, X4, resOff+8)
	arg(a, X5, resOff+12)
	call(a, routine)
	printW0(a)
	printMem32(a, resOff+8)
}

// TestWASISockets gives the program a listening TCP socket as stdin: sock_accept takes the
// test's connection, sock_recv reads "ping" (recv_waitall), sock_send answers "pong",
// sock_shutdown ends it; clock_res_get and proc_raise run too.
func TestWASISockets(t *testing.T) {
	var ln *net.TCPListener
	got := make(chan string, 1)
	runProgs(t, []prog{{
		name: "sockets",
		stdinF: func(t *testing.T) *os.File {
			l, err := net.ListenTCP("tcp", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)})
			if err != nil {
				t.Fatal(err)
			}
			ln = l
			f, err := l.File()
			if err != nil {
				t.Fatal(err)
			}
			go func() {
				c, err := net.DialTimeout("tcp", l.Addr().String(), 10*time.Second)
				if err != nil {
					got <- err.Error()
					return
				}
				defer c.Close()
				c.SetDeadline(time.Now().Add(30 * time.Second))
				c.Write([]byte("pi"))
				time.Sleep(50 * time.Millisecond)
				c.Write([]byte("ng"))
				b, _ := io.ReadAll(c)
				got <- string(b)
			}()
			return f
		},
		body: func(a asm) {
			arg(a, X0, 0)
			arg(a, X1, 0)
			arg(a, X2, resOff)
			call(a, "cot_wasi_sock_accept")
			printW0(a)
			guest(a, X9, resOff)
			a.ld(LDRW, X19, X9, 0) // callee-saved: the runtime preserves it
			iovec(a, iovOff, bufOff, 4)
			sockCall(a, "cot_wasi_sock_recv", 2) // recv_waitall: all four bytes
			iovec(a, iovOff, bufOff, 4)
			write(a, 1, 1)
			poke(a, strOff, []byte("pong"))
			iovec(a, iovOff, strOff, 4)
			sockCall(a, "cot_wasi_sock_send", 0)
			a.Emit(Mov(W32, X0, X19))
			arg(a, X1, 2) // wr
			call(a, "cot_wasi_sock_shutdown")
			printW0(a)
			a.Emit(Mov(W32, X0, X19))
			arg(a, X1, 4)
			call(a, "cot_wasi_sock_shutdown")
			printW0(a) // EINVAL
			arg(a, X0, 1)
			arg(a, X1, resOff)
			call(a, "cot_wasi_clock_res_get")
			printW0(a)
			guest(a, X9, resOff)
			a.ld(LDRX, X0, X9, 0)
			a.Emit(CmpImm(X64, X0, must(NewImm12(0))))
			a.Emit(Cset(W32, X0, NE))
			printW0(a) // a resolution > 0
			arg(a, X0, 9)
			arg(a, X1, resOff)
			call(a, "cot_wasi_clock_res_get")
			printW0(a) // EINVAL
			arg(a, X0, 15)
			call(a, "cot_wasi_proc_raise")
			printW0(a) // ENOTSUP
		},
		stdout: ok32(0) + ok32(0) + ok32(4) + "ping" + ok32(0) + ok32(0) + ok32(4) + ok32(0) + ok32(28) +
			ok32(0) + ok32(1) + ok32(28) + ok32(58),
	}})
	if ln != nil {
		ln.Close()
	}
	select {
	case s := <-got:
		if s != "pong" {
			t.Errorf("the peer read %q, want \"pong\"", s)
		}
	case <-time.After(30 * time.Second):
		t.Error("the peer got no answer")
	}
}
