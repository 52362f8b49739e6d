// Package runtime holds the runtime the front end links into every program.
//
// The runtime is Cot source, runtime/*.cot, embedded with go:embed and compiled by the same
// front-end passes as the program (passes/import_runtime.go): runtime.cot imports one file per
// topic (write.cot, print.cot, print_int.cot, print_float.cot, fail.cot, host.cot, alloc.cot,
// clock.cot, string.cot, interp.cot, bench.cot, fs.cot, …). A lowering pass calls a routine by name
// (ast.RuntimeCall, the names and signatures of ast.Runtime); import-runtime adds the functions
// the program calls, transitively, and nothing else. The runtime reaches the host only through
// the host builtins (@fd_write, @exit, …), which lower-to-wasm makes WASI preview 1 calls.
//
// To add a routine: write it in the file of its topic (or a new file imported by runtime.cot),
// list its name and signature in ast.Runtime, and emit an ast.RuntimeCall of it. A routine's
// file sees only the runtime's names, never the program's.
package runtime

import (
	"embed"
	"strings"
	"sync"
)

//go:embed *.cot
var files embed.FS

// Root is the file of the runtime that imports all the others.
const Root = "runtime.cot"

// Read returns the text of the runtime file name (as an import of Root names it).
func Read(name string) ([]byte, error) { return files.ReadFile(name) }

// StackPointer is the symbol of the global holding the top of the shadow stack (grows down);
// link-runtime allocates it.
const StackPointer = "__stack_pointer"

// WASIModule is the import module of WASI preview 1.
const WASIModule = "wasi_snapshot_preview1"

// NetModule is the import module of the sockets and epoll WASI preview 1 lacks (runner/cotnet.go,
// backend/arm64/rt/cot_net.go).
const NetModule = "cot"

// FileOf returns the runtime file that declares the top-level function name ("" when none
// does): import-runtime compiles only the files of the routines a program calls.
func FileOf(name string) string { return fileOf()[name] }

// fileOf maps each top-level function of the runtime to its file, found once.
var fileOf = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	entries, _ := files.ReadDir(".")
	for _, e := range entries {
		if e.Name() == Root {
			continue
		}
		text, _ := files.ReadFile(e.Name())
		for _, line := range strings.Split(string(text), "\n") {
			if rest, ok := strings.CutPrefix(line, "fn "); ok {
				if name, _, ok := strings.Cut(rest, "("); ok {
					m[name] = e.Name()
				}
			}
		}
	}
	return m
})
