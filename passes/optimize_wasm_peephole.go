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
//
// Design decision: the pass rewrites its input module in place (the driver never reads a pass's
// input again; decisions.md, front-end memory): the bodies only shrink, so no second module's
// worth of instructions is allocated or held. Streamed (front_stream.go) it rewrites one body.
package passes

import (
	"sync"

	"cot/ir/pipeline"
	"cot/ir/wasm"
)

func optimizeWasmPeephole(ctx *pipeline.Ctx, prog any) (any, error) {
	if unitOf(ctx) != nil { // streamed (front_stream.go): one function's body
		lf := prog.(*loweredFunc)
		ctx.Func = lf.symbol
		uses, _ := usesBuffers.Get().(*[]int32)
		if uses == nil {
			uses = new([]int32)
		}
		lf.body, *uses = peephole(lf.body, *uses)
		usesBuffers.Put(uses)
		return lf, nil
	}
	m := prog.(*wasm.Module)
	var uses []int32 // reused by every function: the front end's memory is mostly Wasm here
	for i := range m.Funcs {
		f := &m.Funcs[i]
		f.Body, uses = peephole(f.Body, uses)
		f.Offsets = nil
	}
	return m, nil
}

// usesBuffers holds the scratch buffers of the streamed units not under way.
var usesBuffers sync.Pool

// peephole rewrites body in place (it only shrinks) and returns it; uses is a scratch buffer,
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
	n := 0 // the write position, never past the read position i
	for i := 0; i < len(body); i++ {
		in := body[i]
		if pair(i) {
			i++
			if uses[in.Index] == 1 {
				continue // the only read: the value never needed the local
			}
			in.Op = wasm.OpLocalTee
		}
		body[n] = in
		n++
	}
	clear(body[n:]) // no stale br_table operands past the end
	return body[:n], uses
}
