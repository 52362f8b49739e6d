package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"unsafe"

	"github.com/rogpeppe/go-internal/testscript"
)

// scriptCmds are the commands the scripts add to testscript's.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"cmptime":  cmpTime,
	"cmpbench": cmpBench,
	"ptyrun":   ptyRun,
}

// cmpTime is `cmptime ACTUAL EXPECTED`: cmp, with every "(Nms)" duration of both read as "(_ms)",
// since `cot test` prints measured times.
func cmpTime(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: cmptime ACTUAL EXPECTED")
	}
	actual, expected := normMillis(ts.ReadFile(args[0])), normMillis(ts.ReadFile(args[1]))
	if actual != expected {
		ts.Logf("%s:\n%s", args[0], actual)
		ts.Fatalf("%s and %s differ (durations aside)", args[0], args[1])
	}
}

// cmpBench is `cmpbench ACTUAL EXPECTED`: cmp, with the measured figures of `cot bench` lines read
// as "_": the ns/op and the "(S.CCs)" seconds (the iteration counts stay: give --n to fix them).
func cmpBench(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: cmpbench ACTUAL EXPECTED")
	}
	actual, expected := normBench(ts.ReadFile(args[0])), normBench(ts.ReadFile(args[1]))
	if actual != expected {
		ts.Logf("%s:\n%s", args[0], actual)
		ts.Fatalf("%s and %s differ (measured figures aside)", args[0], args[1])
	}
}

// ptyRun is `[!] ptyrun OUT PROGRAM ARGS...`: runs PROGRAM (found on the script's PATH) in the
// script's environment with its stderr on a pseudo-terminal and writes what it wrote there to
// OUT ("\r\n" read as "\n"); stdout is discarded. It fails when the exit status is not 0 (with !,
// when it is).
func ptyRun(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 {
		ts.Fatalf("usage: ptyrun OUT PROGRAM ARGS...")
	}
	prog := args[1]
	for _, dir := range filepath.SplitList(ts.Getenv("PATH")) {
		if p := filepath.Join(dir, prog); fileExists(p) {
			prog = p
			break
		}
	}
	master, slave, err := openPty()
	ts.Check(err)
	defer master.Close()
	cmd := exec.Command(prog, args[2:]...)
	cmd.Dir = ts.Getenv("WORK")
	cmd.Env = scriptEnv(ts)
	cmd.Stderr = slave
	var out bytes.Buffer
	done := make(chan struct{})
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			out.Write(buf[:n])
			if err != nil {
				break
			}
		}
		close(done)
	}()
	runErr := cmd.Run()
	slave.Close()
	<-done
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), bytes.ReplaceAll(out.Bytes(), []byte("\r\n"), []byte("\n")), 0o644))
	var exit *exec.ExitError
	switch {
	case runErr != nil && !errors.As(runErr, &exit):
		ts.Fatalf("ptyrun: %v", runErr)
	case neg && runErr == nil:
		ts.Fatalf("ptyrun: %s succeeded unexpectedly", args[1])
	case !neg && runErr != nil:
		ts.Fatalf("ptyrun: %s: %v", args[1], runErr)
	}
}

func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir()
}

// scriptEnv is the script's environment as KEY=VALUE entries (the variables cot looks at).
func scriptEnv(ts *testscript.TestScript) []string {
	var env []string
	for _, k := range []string{"PATH", "HOME", "TMPDIR", "WORK", "NO_COLOR", "COT_STACK"} {
		if v := ts.Getenv(k); v != "" {
			env = append(env, k+"="+v)
		}
	}
	return env
}

// openPty opens a pseudo-terminal pair (Linux: /dev/ptmx, unlocked, its /dev/pts/N).
func openPty() (master, slave *os.File, err error) {
	master, err = os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil, err
	}
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		master.Close()
		return nil, nil, e
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		master.Close()
		return nil, nil, e
	}
	slave, err = os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		master.Close()
		return nil, nil, err
	}
	return master, slave, nil
}
