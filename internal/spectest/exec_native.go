package spectest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"time"
)

// Native compiles harness modules to AArch64 ELF executables with Compile (the backend) and runs
// them under qemu-aarch64 (or directly when Qemu is empty, on an arm64 host).
type Native struct {
	Compile func(wasmBytes []byte) ([]byte, error)
	Qemu    string        // path of qemu-aarch64; empty to execute the ELF directly
	TmpDir  string        // where executables are written
	Timeout time.Duration // per run; 0 means one minute
}

func (n *Native) Name() string { return "native" }

// TrapAliases: the native runtime reports every table fault as "undefined element", as every
// engine of cot does (docs/decisions.md, "table traps"), and stack exhaustion as "stack overflow"
// (decisions.md #28).
func (n *Native) TrapAliases() map[string][]string {
	return map[string][]string{
		"undefined element": {"out of bounds table access", "uninitialized element"},
		"stack overflow":    {"call stack exhausted"},
	}
}

func (n *Native) Prepare(harness []byte) (Program, error) {
	elf, err := n.Compile(harness)
	if err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(n.TmpDir, "harness-*.elf")
	if err != nil {
		return nil, err
	}
	_, werr := f.Write(elf)
	cerr := f.Close()
	if werr != nil || cerr != nil {
		os.Remove(f.Name())
		return nil, fmt.Errorf("writing executable: %v %v", werr, cerr)
	}
	if err := os.Chmod(f.Name(), 0o755); err != nil {
		return nil, err
	}
	return &nativeProgram{n: n, path: f.Name()}, nil
}

type nativeProgram struct {
	n    *Native
	path string
}

func (p *nativeProgram) Run(arg uint32) (Outcome, error) {
	timeout := p.n.Timeout
	if timeout == 0 {
		timeout = time.Minute
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	argv := []string{p.path, strconv.FormatUint(uint64(arg), 10)}
	if p.n.Qemu != "" {
		argv = append([]string{p.n.Qemu}, argv...)
	}
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	out := Outcome{Stdout: stdout.String(), Stderr: stderr.String()}
	var exitErr *exec.ExitError
	switch {
	case ctx.Err() != nil:
		return out, fmt.Errorf("timed out after %v", timeout)
	case errors.As(err, &exitErr):
		out.Exit = exitErr.ExitCode()
		if out.Exit < 0 { // killed by a signal: report it like a shell would
			out.Exit = 128
			if ws, ok := exitErr.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				out.Exit = 128 + int(ws.Signal())
				out.Stderr += fmt.Sprintf("\nkilled by signal %v", ws.Signal())
			}
		}
	case err != nil:
		return out, err
	}
	if out.Exit == trapExitStatus {
		out.Trap = trapFromStderr(out.Stderr)
	}
	return out, nil
}

func (p *nativeProgram) Close() { os.Remove(p.path) }
