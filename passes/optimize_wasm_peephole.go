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
	for i, f := range in.Funcs {
		f.Body = peephole(f.Body)
		f.Offsets = nil
		m.Funcs[i] = f
	}
	return &m, nil
}

func peephole(body []wasm.Instr) []wasm.Instr {
	uses := map[uint32]int{} // reads and tees of each local
	for _, in := range body {
		if in.Op == wasm.OpLocalGet || in.Op == wasm.OpLocalTee {
			uses[in.Index]++
		}
	}
	out := make([]wasm.Instr, 0, len(body))
	for i := 0; i < len(body); i++ {
		in := body[i]
		if in.Op == wasm.OpLocalSet && i+1 < len(body) && body[i+1].Op == wasm.OpLocalGet && body[i+1].Index == in.Index {
			i++
			if uses[in.Index] == 1 {
				continue // the only read: the value never needed the local
			}
			in.Op = wasm.OpLocalTee
		}
		out = append(out, in)
	}
	return out
}
