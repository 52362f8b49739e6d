// Package runner runs a compiled Cot program: a .wasm module as a WASI preview 1 command on wazero
// (in-process) or wasmtime-go, or an AArch64 ELF natively or under qemu-aarch64.
//
// Every engine reports the same Result for the same program: the bytes written to stdout and
// stderr, the exit status, and the trap kind. A Wasm trap becomes the line "error: <kind>" on
// stderr and exit status 134 (decisions.md #28), with the kind spelled as wasmtime spells its trap
// codes, so the differential suite can compare engines byte for byte.
package runner

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// TrapExitCode is the exit status of a program stopped by a trap (decisions.md #28; 128+SIGABRT).
const TrapExitCode = 134

// The trap kinds, in wasmtime's words except stack exhaustion, which is "stack overflow" as
// decisions.md #28 names it. Every engine's trap is normalised onto one of these.
const (
	TrapDivideByZero      = "integer divide by zero"
	TrapIntegerOverflow   = "integer overflow"
	TrapBadConversion     = "invalid conversion to integer"
	TrapOutOfBoundsMemory = "out of bounds memory access"
	TrapIndirectCallType  = "indirect call type mismatch"
	TrapUndefinedElement  = "undefined element"
	TrapUnreachable       = "unreachable"
	TrapStackOverflow     = "stack overflow"
)

// Config is what the program sees of its environment.
type Config struct {
	// Name is argv[0]; "main.wasm" (or the ELF path) when empty.
	Name string
	// Args are the arguments after argv[0].
	Args []string
	// Env holds "KEY=VALUE" entries; the program gets exactly these (none when nil).
	Env []string
	// Stdin is the program's standard input (empty when nil).
	Stdin io.Reader
	// Stdout and Stderr, when set, receive the program's output as well as Result (for `cot run`).
	Stdout, Stderr io.Writer
	// Dir is the working directory: a native program runs in it, a relative Preopen.Host is taken
	// from it, and it is the one preopen, as "/" (the native runtime's default, --dir=.::/), when
	// Preopens is nil. The current directory when empty.
	Dir string
	// Preopens are the host directories the program may reach and the names it sees them under
	// (`--dir=HOST[::GUEST]`), guest fds 3, 4, … in order. Nothing under them leads out: not
	// `..`, not a symlink (confined_fs.go on wazero, cap-std in wasmtime, the runtime natively).
	Preopens []Preopen
	// Net grants the network (`--net`): the `cot` module's sockets and epoll (cotnet.go).
	Net bool
}

// Preopen is one preopened directory.
type Preopen struct {
	Host, Guest string
}

// preopens returns the directories to preopen, with Host made absolute.
func (cfg *Config) preopens() ([]Preopen, error) {
	dir, err := cfg.dir()
	if err != nil {
		return nil, err
	}
	if cfg.Preopens == nil {
		return []Preopen{{Host: dir, Guest: "/"}}, nil
	}
	out := make([]Preopen, len(cfg.Preopens))
	for i, p := range cfg.Preopens {
		out[i] = p
		if !filepath.IsAbs(p.Host) {
			out[i].Host = filepath.Join(dir, p.Host)
		}
	}
	return out, nil
}

// Result is what a run produced.
type Result struct {
	Stdout, Stderr []byte
	ExitCode       int
	// Trap is the normalised trap kind when the program trapped, else "".
	Trap string
}

// output collects one stream of the program, forwarding it to the caller's writer if any.
type output struct {
	buf bytes.Buffer
	fwd io.Writer
}

func (o *output) Write(p []byte) (int, error) {
	o.buf.Write(p)
	if o.fwd != nil {
		o.fwd.Write(p)
	}
	return len(p), nil
}

// trapped records a trap in r the way every engine reports it: the kind, the stderr line, the
// exit status.
func (r *Result) trapped(kind string, stderr *output) {
	r.Trap = kind
	r.ExitCode = TrapExitCode
	if stderr != nil {
		stderr.Write([]byte("error: " + kind + "\n"))
	}
}

// stdinBytes reads all of cfg.Stdin (engines that take a file need it up front).
func (cfg *Config) stdinBytes() ([]byte, error) {
	if cfg.Stdin == nil {
		return nil, nil
	}
	return io.ReadAll(cfg.Stdin)
}

func (cfg *Config) dir() (string, error) {
	if cfg.Dir != "" {
		return cfg.Dir, nil
	}
	return os.Getwd()
}

func (cfg *Config) argv(defaultName string) []string {
	name := cfg.Name
	if name == "" {
		name = defaultName
	}
	return append([]string{name}, cfg.Args...)
}

// splitEnv splits "K=V" entries into keys and values.
func splitEnv(env []string) (keys, values []string) {
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		keys = append(keys, k)
		values = append(values, v)
	}
	return keys, values
}

// TrapFromStderr recovers the trap kind from the last line of a native program's stderr, which the
// backend's runtime writes as "error: <kind>" before exiting with TrapExitCode.
func TrapFromStderr(stderr []byte, exitCode int) string {
	if exitCode != TrapExitCode {
		return ""
	}
	lines := strings.Split(strings.TrimRight(string(stderr), "\n"), "\n")
	last := lines[len(lines)-1]
	if kind, ok := strings.CutPrefix(last, "error: "); ok {
		return kind
	}
	return ""
}
