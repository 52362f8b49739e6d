// Pass optimize-wasm-peephole: wasm-final -> wasm-final.
//
// Removes the local traffic that ANF leaves behind. A value stored into a local and read back
// by the very next instruction stays on the operand stack instead: when that read is the local's
// only use (an ANF temporary), both instructions go; otherwise the pair becomes local.tee.
//
//	local.set $t  local.get $t   (t read nowhere else)  =>  (nothing)
//	local.set $x  local.get $x                          =>  local.tee $x
//
// Design decision: an optional optimization, kept apart from the required lowerings (design.md
// §3); unused locals stay declared, since renumbering locals buys nothing measurable here.
package passes

import (
	"cot/ir/pipeline"
	"cot/ir/wasm"
)

func optimizeWasmPeephole(_ *pipeline.Ctx, prog any) (any, error) {
	in := prog.(*wasm.Module)
	m := *in
	m.Funcs = make([]wasm.Func, len(in.Funcs))
	var uses []int32 // reused by every function: the front end's memory is mostly Wasm here
	for i, f := range in.Funcs {
		f.Body, uses = peephole(f.Body, uses)
		f.Offsets = nil
		m.Funcs[i] = f
	}
	return &m, nil
}

// peephole rewrites body into a new slice of exactly its length; uses is a scratch buffer,
// returned grown for the next function.
func peephole(body []wasm.Instr, uses []int32) ([]wasm.Instr, []int32) {
	uses = uses[:0] // reads and tees of each local, by index
	for _, in := range body {
		if in.Op == wasm.OpLocalGet || in.Op == wasm.OpLocalTee {
			for int(in.Index) >= len(uses) {
				uses = append(uses, 0)
			}
			uses[in.Index]++
		}
	}
	pair := func(i int) bool { // a local.set read back by the next instruction
		return body[i].Op == wasm.OpLocalSet && i+1 < len(body) && body[i+1].Op == wasm.OpLocalGet && body[i+1].Index == body[i].Index
	}
	n := len(body)
	for i := 0; i < len(body); i++ {
		if pair(i) {
			n--
			if uses[body[i].Index] == 1 {
				n--
			}
			i++
		}
	}
	out := make([]wasm.Instr, 0, n)
	for i := 0; i < len(body); i++ {
		in := body[i]
		if pair(i) {
			i++
			if uses[in.Index] == 1 {
				continue // the only read: the value never needed the local
			}
			in.Op = wasm.OpLocalTee
		}
		out = append(out, in)
	}
	return out, uses
}
