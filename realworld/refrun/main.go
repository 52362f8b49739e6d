//go:build cgo

// Command refrun is the real-world suite's reference runner: it runs one WASI preview 1 module on
// wasmtime (Cranelift, through wasmtime-go) with the preopens, environment and arguments given on
// its command line, the way `wasmtime run --dir=HOST::GUEST --env K=V module.wasm ARGS` would.
//
// The suite builds it for linux/arm64 and runs it under qemu-aarch64 next to the `cot aot`
// executable, so both run under the same emulator on the same host (docs/decisions.md, "real-world
// suite").
// Compiled modules are cached on disk (-cache), so a timed run does not include Cranelift.
//
//	refrun [-argv0 NAME] [-dir HOST::GUEST]... [-env K=V]... [-cache DIR] [-compile-only] MODULE.wasm [ARG]...
//
// Its exit status is the module's; a trap prints "error: <trap>" and exits 134 (decisions.md #28),
// any failure of refrun itself prints "refrun: …" and exits 125.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/bytecodealliance/wasmtime-go/v25"
)

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

func main() {
	var dirs, env listFlag
	flag.Var(&dirs, "dir", "preopen HOST as GUEST (HOST::GUEST; GUEST defaults to HOST); repeatable")
	flag.Var(&env, "env", "give the module the environment variable K=V; repeatable")
	cache := flag.String("cache", "", "directory of compiled modules (none when empty)")
	compileOnly := flag.Bool("compile-only", false, "compile MODULE into the cache and exit")
	argv0 := flag.String("argv0", "", "the module's argv[0] (default: MODULE's base name)")
	flag.Parse()
	if flag.NArg() < 1 {
		fmt.Fprintln(os.Stderr, "usage: refrun [-argv0 NAME] [-dir HOST::GUEST]... [-env K=V]... [-cache DIR] [-compile-only] MODULE.wasm [ARG]...")
		os.Exit(125)
	}
	name := *argv0
	if name == "" {
		name = filepath.Base(flag.Arg(0))
	}
	status, err := run(flag.Arg(0), append([]string{name}, flag.Args()[1:]...), dirs, env, *cache, *compileOnly)
	if err != nil {
		fmt.Fprintln(os.Stderr, "refrun:", err)
		os.Exit(125)
	}
	os.Exit(status)
}

func run(path string, argv, dirs, env []string, cache string, compileOnly bool) (int, error) {
	engine := wasmtime.NewEngine()
	module, err := loadModule(engine, path, cache)
	if err != nil || compileOnly {
		return 0, err
	}
	store := wasmtime.NewStore(engine)
	wasi := wasmtime.NewWasiConfig()
	wasi.SetArgv(argv)
	var keys, values []string
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		keys, values = append(keys, k), append(values, v)
	}
	wasi.SetEnv(keys, values)
	wasi.InheritStdin()
	wasi.InheritStdout()
	wasi.InheritStderr()
	for _, d := range dirs {
		host, guest, ok := strings.Cut(d, "::")
		if !ok {
			guest = host
		}
		if err := wasi.PreopenDir(host, guest); err != nil {
			return 0, fmt.Errorf("preopen %s: %w", host, err)
		}
	}
	store.SetWasi(wasi)
	linker := wasmtime.NewLinker(engine)
	if err := linker.DefineWasi(); err != nil {
		return 0, err
	}
	// wasmtime's proc_exit refuses statuses >= 126; record any status and unwind instead.
	exitStatus := -1
	linker.AllowShadowing(true)
	if err := linker.FuncWrap("wasi_snapshot_preview1", "proc_exit", func(status int32) *wasmtime.Trap {
		exitStatus = int(uint32(status) & 0xff)
		return wasmtime.NewTrap("proc_exit")
	}); err != nil {
		return 0, err
	}
	inst, err := linker.Instantiate(store, module)
	if err == nil {
		start := inst.GetFunc(store, "_start")
		if start == nil {
			return 0, errors.New("module exports no _start function")
		}
		_, err = start.Call(store)
	}
	var trap *wasmtime.Trap
	switch {
	case exitStatus >= 0:
		return exitStatus, nil
	case err == nil:
		return 0, nil
	case errors.As(err, &trap):
		fmt.Fprintf(os.Stderr, "error: %s\n", trapKind(trap))
		return 134, nil
	}
	return 0, err
}

// trapKind names a trap by the kinds of cot/runner (wasmtime's words), or by the first line of
// its message when it has no code. Stderr is not compared; this is for the reader of the report.
func trapKind(trap *wasmtime.Trap) string {
	if code := trap.Code(); code != nil {
		if kind, ok := trapKinds[*code]; ok {
			return kind
		}
	}
	msg, _, _ := strings.Cut(trap.Message(), "\n")
	return msg
}

var trapKinds = map[wasmtime.TrapCode]string{
	wasmtime.StackOverflow:          "stack overflow",
	wasmtime.MemoryOutOfBounds:      "out of bounds memory access",
	wasmtime.TableOutOfBounds:       "undefined element",
	wasmtime.IndirectCallToNull:     "undefined element",
	wasmtime.BadSignature:           "indirect call type mismatch",
	wasmtime.IntegerOverflow:        "integer overflow",
	wasmtime.IntegerDivisionByZero:  "integer divide by zero",
	wasmtime.BadConversionToInteger: "invalid conversion to integer",
	wasmtime.UnreachableCodeReached: "unreachable",
}

// loadModule compiles the module at path, or deserializes it from cache (keyed by the module's
// hash, the wasmtime-go version this program is built with and the architecture it runs on).
func loadModule(engine *wasmtime.Engine, path, cache string) (*wasmtime.Module, error) {
	wasm, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if cache == "" {
		return wasmtime.NewModule(engine, wasm)
	}
	sum := sha256.Sum256(wasm)
	cached := filepath.Join(cache, "wasmtime-go-v25.0.0-"+runtime.GOARCH+"-"+hex.EncodeToString(sum[:16])+".cwasm")
	if b, err := os.ReadFile(cached); err == nil {
		if m, err := wasmtime.NewModuleDeserialize(engine, b); err == nil {
			return m, nil
		}
	}
	m, err := wasmtime.NewModule(engine, wasm)
	if err != nil {
		return nil, err
	}
	b, err := m.Serialize()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return nil, err
	}
	tmp := cached + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return nil, err
	}
	return m, os.Rename(tmp, cached)
}
