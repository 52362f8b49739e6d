package main

import (
	"os"
	"path/filepath"
	"time"
)

// compileCost measures compiling DIR/m.wasm with cot aot, Cranelift (wasmtime's precompile) and
// wazero's optimizing compiler (no cache, load only), each an AArch64 binary under qemu: the
// instructions of all threads minus compiling the empty module, and the median wall time of the
// runs, taken interleaved (cot, Cranelift, wazero, cot, ...) so that machine load hits all alike.
func (h *harness) compileCost(dir string) (map[string]result, error) {
	anchorsBin := os.Getenv("ANCHORS_BIN")
	if anchorsBin == "" {
		anchorsBin = "/tmp/anchors-bin"
	}
	empty := filepath.Join(h.work, "empty", "m.wasm")
	goEnv := []string{"GOMAXPROCS=2", "GOGC=100"}
	cmds := map[string]func(wasm string) []string{
		"cot": func(wasm string) []string {
			return []string{h.cotArm64, "aot", wasm, "-o", filepath.Join(dir, "compiled.out")}
		},
		"cot-off": func(wasm string) []string {
			return []string{h.cotArm64, "aot", wasm, "-o", filepath.Join(dir, "compiled.out"), "--verify=off"}
		},
		"cranelift": func(wasm string) []string {
			return []string{filepath.Join(anchorsBin, "wasmrun-wasmtime"), "-precompile", filepath.Join(dir, "compiled.cwasm"), wasm}
		},
		"wazero": func(wasm string) []string {
			return []string{filepath.Join(anchorsBin, "wasmrun-wazero"), "-cache", "", "-load-only", wasm}
		},
	}
	order := []string{"cot", "cranelift", "wazero"}
	if h.verifyOff {
		order = append(order, "cot-off")
	}
	out := map[string]result{}
	walls := map[string][]time.Duration{}
	for i := 0; i < h.reps; i++ {
		for _, name := range order {
			r, err := count(h.icount, dir, goEnv, cmds[name](filepath.Join(dir, "m.wasm"))...)
			if err != nil {
				return nil, err
			}
			walls[name] = append(walls[name], r.wall)
			if i == 0 || r.insns < out[name].insns {
				out[name] = r
			}
		}
	}
	for _, name := range order {
		base, err := count(h.icount, dir, goEnv, cmds[name](empty)...)
		if err != nil {
			return nil, err
		}
		r := out[name]
		r.insns -= base.insns
		r.wall = median(walls[name])
		out[name] = r
	}
	return out, nil
}
