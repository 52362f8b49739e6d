// Package rt is the native runtime of docs/arm64-abi.md, written as AArch64 machine code with
// backend/arm64/enc and obj.Builder: _start, linear memory (cot_rt_memory_init/grow), the trap
// stubs, WASI preview 1 as Linux system calls, the spectest printers and the cot_harness
// routines. Symbols returns only the routines a module needs (plus _start and the traps), with
// everything they depend on.
//
// Register discipline (the ABI's "runtime routines" contract): routines use only x0..x17 and
// x30, keep sp balanced, and never touch x19..x28 except that cot_rt_memory_init sets x27/x28
// and cot_rt_memory_grow updates x27. Guest pointers are u32 offsets from x28, each access
// checked against x27 (EFAULT = 21 when out of range); i32 arguments have undefined upper bits,
// so every one is zero-extended (mov wN, wN) before use.
package rt

import (
	"fmt"
	"sort"
	"strings"

	. "cot/backend/arm64/enc"
	"cot/backend/arm64/obj"
)

// Import is one function import of a Wasm module.
type Import struct{ Module, Name string }

// Needs says what a module uses from the runtime.
type Needs struct {
	Imports []Import // function imports; each must satisfy Has
	Memory  bool     // the module defines or imports a linear memory (cot_rt_memory_init/grow)
	WASI    Config   // preopens and environment, when the module imports WASI
}

// Config is the WASI sandbox configuration baked into an executable (docs/decisions.md, "WASI
// sandbox"): the values of `--dir=HOST[::GUEST]`, `--env=NAME[=VALUE]` and `--net`. Nil Dirs
// means the default, DefaultDirs; the host variables EnvDirs, EnvEnv and EnvNet override them at
// run time.
type Config struct {
	Dirs []string
	Env  []string
	Net  bool // the program may use sockets and epoll (the `cot` module, cot_net.go)
}

// ConfigKey is the pipeline.Ctx.Store key under which the driver passes a Config to the link
// pass.
const ConfigKey = "rt.wasi-config"

// CheckConfigValue reports why a --dir or --env value cannot be baked in, or nil: the lists are
// joined by ';' and NUL-terminated.
func CheckConfigValue(v string) error {
	if strings.ContainsAny(v, ";\x00") {
		return fmt.Errorf("%q contains ';' or a NUL byte", v)
	}
	if v == "" {
		return fmt.Errorf("the value is empty")
	}
	return nil
}

func (c Config) lists() (dirs, env string, err error) {
	dirList := c.Dirs
	if dirList == nil {
		dirList = []string{DefaultDirs}
	}
	for _, v := range append(append([]string(nil), dirList...), c.Env...) {
		if err := CheckConfigValue(v); err != nil {
			return "", "", err
		}
	}
	return strings.Join(dirList, ";"), strings.Join(c.Env, ";"), nil
}

// routine builds the symbols of one runtime entry (normally one function; data symbols are
// routines too) and names the symbols its code references.
type routine struct {
	build func() []obj.Symbol
	deps  []string
}

// routines maps a symbol name to its builder. Filled by the init functions of the files that
// define the routines.
var routines = map[string]routine{}

func define(name string, build func() []obj.Symbol, deps ...string) {
	if _, dup := routines[name]; dup {
		panic("rt: routine defined twice: " + name)
	}
	routines[name] = routine{build: build, deps: deps}
}

// importModules maps an import module to the prefix of its runtime symbols.
var importModules = map[string]string{
	"wasi_snapshot_preview1": "cot_wasi_",
	"spectest":               "cot_spectest_",
	"cot_harness":            "cot_harness_",
	"cot":                    "cot_net_",
}

// SymbolName returns the runtime symbol implementing import module.name
// (wasi_snapshot_preview1.fd_write → cot_wasi_fd_write), and whether the runtime provides it.
func SymbolName(module, name string) (string, bool) {
	prefix, ok := importModules[module]
	if !ok {
		return "", false
	}
	sym := prefix + name
	_, ok = routines[sym]
	return sym, ok
}

// Has reports whether the runtime provides import module.name natively.
func Has(module, name string) bool {
	_, ok := SymbolName(module, name)
	return ok
}

// Traps lists the trap stubs, which every program includes.
var Traps = []string{
	"cot_trap_unreachable", "cot_trap_int_div_zero", "cot_trap_int_overflow",
	"cot_trap_invalid_conversion", "cot_trap_oob", "cot_trap_table_oob", "cot_trap_indirect_type",
	"cot_trap_undefined_element", "cot_trap_uninitialized_element", "cot_trap_stack_exhausted",
	"cot_trap_out_of_memory",
}

// Symbols returns the runtime symbols a module needs: _start first, then every needed routine
// and its dependencies in name order (so the output is deterministic). An import the runtime
// does not provide is an error naming it.
func Symbols(need Needs) ([]obj.Symbol, error) {
	roots := append([]string{"_start"}, Traps...)
	if need.Memory {
		roots = append(roots, "cot_rt_memory_init", "cot_rt_memory_grow")
	}
	var missing []string
	wasi := false
	for _, im := range need.Imports {
		sym, ok := SymbolName(im.Module, im.Name)
		if !ok {
			missing = append(missing, fmt.Sprintf("%s.%s", im.Module, im.Name))
		}
		wasi = wasi || im.Module == "wasi_snapshot_preview1"
		roots = append(roots, sym)
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("imports not provided by the native runtime: %s", strings.Join(missing, ", "))
	}
	dirs, env, err := need.WASI.lists()
	if err != nil {
		return nil, err
	}
	// A module without WASI imports has no fd table to set up; the baked-in lists are data.
	override := map[string]routine{
		"cot_rt_cfg_dirs": {build: rodata("cot_rt_cfg_dirs", []byte(dirs+"\x00"))},
		"cot_rt_cfg_env":  {build: rodata("cot_rt_cfg_env", []byte(env+"\x00"))},
	}
	if need.WASI.Net {
		override["cot_rt_cfg_net"] = routine{build: rodata("cot_rt_cfg_net", []byte{1})}
	}
	if !wasi {
		override["cot_rt_wasi_init"] = routine{build: one("cot_rt_wasi_init", false, func(a asm) { a.Emit(Ret()) })}
	}
	lookup := func(name string) (routine, bool) {
		if r, ok := override[name]; ok {
			return r, true
		}
		r, ok := routines[name]
		return r, ok
	}
	seen := map[string]bool{}
	var visit func(string)
	visit = func(name string) {
		if seen[name] {
			return
		}
		r, ok := lookup(name)
		if !ok {
			panic("rt: no routine " + name)
		}
		seen[name] = true
		for _, d := range r.deps {
			visit(d)
		}
	}
	for _, r := range roots {
		visit(r)
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		if n != "_start" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var out []obj.Symbol
	for _, n := range append([]string{"_start"}, names...) {
		r, _ := lookup(n)
		out = append(out, r.build()...)
	}
	return out, nil
}
