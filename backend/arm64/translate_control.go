package arm64

import (
	"cot/ir/ssa"
	"cot/ir/wasm"
)

// control translates the structured-control instructions; it reports false for the others.
func (tr *translator) control(in wasm.Instr, fr *frame) bool {
	switch in.Op {
	case wasm.OpNop:
	case wasm.OpBlock:
		sig := in.Block.Sig(tr.m)
		nf := &frame{kind: frameBlock, sig: sig, stackBase: len(tr.stack) - len(sig.Params), start: tr.pos}
		nf.end = tr.joinBlock(sig.Results, tr.matchEnd[tr.pos])
		tr.pushFrame(nf)
	case wasm.OpLoop:
		sig := in.Block.Sig(tr.m)
		nf := &frame{kind: frameLoop, sig: sig, stackBase: len(tr.stack) - len(sig.Params), start: tr.pos}
		nf.end = tr.joinBlock(sig.Results, tr.matchEnd[tr.pos])
		tr.pushFrame(nf) // the header is inside the loop it starts
		nf.header = tr.joinBlock(sig.Params, tr.pos)
		tr.popFrame()
		tr.jump(tr.edge(nf.header, tr.popN(len(sig.Params))))
		tr.enter(nf.header, nf.stackBase)
		tr.pushFrame(nf)
	case wasm.OpIf:
		sig := in.Block.Sig(tr.m)
		cond := tr.pop()
		nf := &frame{kind: frameIf, sig: sig, stackBase: len(tr.stack) - len(sig.Params), start: tr.pos}
		nf.end = tr.joinBlock(sig.Results, tr.matchEnd[tr.pos])
		nf.savedLocals = tr.saveLocals()
		nf.savedParams = tr.top(len(sig.Params))
		then := tr.f.NewBlock()
		nf.elseBlock = tr.f.NewBlock()
		tr.cur.Term = ssa.Term{Kind: ssa.TermBranch, Cond: cond, Succs: []ssa.Edge{{To: then}, {To: nf.elseBlock}}}
		tr.cur = then
		tr.pushFrame(nf)
	case wasm.OpElse:
		if !fr.unreachable {
			tr.jump(tr.edge(fr.end, tr.popN(len(fr.sig.Results))))
		}
		fr.hasElse = true
		fr.unreachable = false
		tr.cur = fr.elseBlock
		tr.locals = append(tr.locals[:0], fr.savedLocals...) // in place: nothing else holds them
		tr.stack = append(tr.stack[:fr.stackBase], fr.savedParams...)
	case wasm.OpEnd:
		tr.end(fr)
	case wasm.OpBr:
		tr.jump(tr.branchEdge(in.Index))
		tr.setUnreachable()
	case wasm.OpBrIf:
		cond := tr.pop()
		next := tr.f.NewBlock()
		e := tr.branchEdge(in.Index)
		tr.cur.Term = ssa.Term{Kind: ssa.TermBranch, Cond: cond, Succs: []ssa.Edge{e, {To: next}}}
		tr.cur = next
	case wasm.OpBrTable:
		idx := tr.pop()
		t := ssa.Term{Kind: ssa.TermSwitch, Cond: idx}
		for _, l := range in.Labels() {
			t.Succs = append(t.Succs, tr.branchEdge(l))
		}
		t.Succs = append(t.Succs, tr.branchEdge(in.Index))
		tr.cur.Term = t
		tr.setUnreachable()
	case wasm.OpReturn:
		n := len(tr.frames[0].sig.Results)
		tr.cur.Term = ssa.Term{Kind: ssa.TermReturn, Values: tr.top(n)}
		tr.setUnreachable()
	case wasm.OpUnreachable:
		tr.cur.Term = ssa.Term{Kind: ssa.TermUnreachable}
		tr.setUnreachable()
	default:
		return false
	}
	return true
}

// pushFrame opens frame fr, keeping outerLoop: the index of the outermost open loop, or -1.
func (tr *translator) pushFrame(fr *frame) {
	tr.frames = append(tr.frames, fr)
	if fr.kind == frameLoop && tr.outerLoop < 0 {
		tr.outerLoop = len(tr.frames) - 1
	}
}

// popFrame closes the innermost frame.
func (tr *translator) popFrame() {
	tr.frames = tr.frames[:len(tr.frames)-1]
	if tr.outerLoop >= len(tr.frames) {
		tr.outerLoop = -1 // the outermost loop closed: no loop is open
	}
}

// end closes the innermost frame: the fallthrough (if reachable) jumps to the join block, which
// becomes current when anything reaches it.
func (tr *translator) end(fr *frame) {
	tr.popFrame()
	if fr.kind == frameFunc {
		n := len(fr.sig.Results)
		if fr.end == nil {
			if !fr.unreachable {
				tr.cur.Term = ssa.Term{Kind: ssa.TermReturn, Values: tr.top(n)}
			}
			return
		}
		if !fr.unreachable {
			tr.jump(tr.edge(fr.end, tr.popN(n)))
		}
		tr.cur = fr.end
		results := append([]*ssa.Value(nil), fr.end.Params[len(tr.joinLocalsOf(fr.end)):]...)
		tr.cur.Term = ssa.Term{Kind: ssa.TermReturn, Values: results}
		return
	}
	if !fr.unreachable {
		tr.jump(tr.edge(fr.end, tr.popN(len(fr.sig.Results))))
	}
	if fr.kind == frameIf && !fr.hasElse {
		// The missing else arm passes the if's parameters through as its results.
		saveCur, saveLocals := tr.cur, tr.locals
		tr.cur, tr.locals = fr.elseBlock, fr.savedLocals
		tr.jump(tr.edge(fr.end, fr.savedParams))
		tr.cur, tr.locals = saveCur, saveLocals
	}
	if fr.savedLocals != nil { // no longer needed: the else arm has started or is done
		tr.spare = append(tr.spare, fr.savedLocals)
		fr.savedLocals = nil
	}
	if tr.predsOf(fr.end) == 0 {
		// Nothing reaches the join: the enclosing frame's code after this construct is dead.
		tr.stack = tr.stack[:fr.stackBase]
		tr.setUnreachable()
		return
	}
	tr.enter(fr.end, fr.stackBase)
}
