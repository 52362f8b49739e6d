// Pass translate: wasm-lazy -> ssa.
//
// Builds SSA from each function's structured Wasm body, decoded (and validated) here, one
// function at a time (backend/wasm.Lazy.Func): an invalid body is the module's decode error. The operand stack and the locals are
// tracked symbolically; every branch target (a block's end, a loop's header, an if's join) is a
// block whose parameters are all the function's locals followed by the label's values, so a local
// changed on some path reaches the join as a block argument. Code after an unconditional branch is
// skipped (it is unreachable by construction).
//
//	(local.set 1 (i32.add (local.get 0) (i32.const 1)))  =>  v3:i32 = i32.add v0, v2
//	loop ... br_if 0 ... end                              =>  b1(locals...): ... branch v7, b1(...), b2()
//
// Design decision: every local is a parameter of every join block; remove-redundant-params then
// removes the parameters whose incoming values are all the same, which is simpler than computing
// dominance frontiers during translation and gives the same result on structured control flow.
package arm64

import (
	"fmt"

	encwasm "cot/backend/wasm"
	"cot/ir/pipeline"
	"cot/ir/ssa"
	"cot/ir/wasm"
)

var translatePass = pipeline.Pass{
	Name: "translate",
	In:   LangWasmLazy,
	Out:  LangSSA,
	Run: func(ctx *pipeline.Ctx, prog any) (any, error) {
		l := prog.(*encwasm.Lazy)
		m := l.M
		p := &ssa.Program{Module: m}
		nimp := m.NumImported(wasm.ExternFunc)
		var names []string
		first, end := 0, len(m.Funcs)
		if u := unitOf(ctx); u != nil { // one function of the stream, or none for the backend's own
			names, first, end = u.layout.funcSyms, u.index, u.index+1
			if u.index < 0 {
				first, end = 0, 0
			}
		} else {
			names = FuncSymbols(m)
		}
		for i := first; i < end; i++ {
			idx := uint32(nimp + i)
			ctx.Func = names[idx]
			wf, err := l.Func(i)
			if err != nil {
				return nil, err
			}
			p.Funcs = append(p.Funcs, translateFunc(m, &wf, idx, names[idx]))
		}
		return p, nil
	},
}

type frameKind uint8

const (
	frameFunc frameKind = iota
	frameBlock
	frameLoop
	frameIf
)

// frame is one open block, loop or if.
type frame struct {
	kind        frameKind
	sig         wasm.FuncType
	header      *ssa.Block // loop: the branch target
	end         *ssa.Block // the join after the construct
	elseBlock   *ssa.Block // if: the block taken when the condition is zero
	hasElse     bool
	stackBase   int
	savedLocals []*ssa.Value // if: locals at the if, restored for the else arm
	savedParams []*ssa.Value // if: the block parameters, restored for the else arm
	unreachable bool         // the rest of this frame's code cannot run
	start       int          // body index of the block/loop/if instruction
}

type translator struct {
	m      *wasm.Module
	f      *ssa.Func
	cur    *ssa.Block
	locals []*ssa.Value
	ltypes []ssa.Type
	stack  []*ssa.Value
	frames []*frame
	preds  []int32 // edges built to each block, by block id (ids are dense while translating)
	skip   int     // nesting depth inside unreachable code
	// outerLoop is the index in frames of the outermost open loop, -1 when none is open (a join
	// needs it; scanning the frames for it made deep nesting quadratic)
	outerLoop int

	// Pruning of join parameters (see joinBlock).
	pos        int // body index of the instruction being translated
	body       []wasm.Instr
	matchEnd   []int                   // body index of the end of the block/loop/if at index i
	lastGet    []int                   // body index of the last local.get of each local, or -1
	joinLocals [][]int                 // the locals a join block receives, in parameter order, by block id
	undef      [ssa.Ref + 1]*ssa.Value // stands for a dead local after a join (never read), by type
	scan       scanSets                // writtenBeforeRead's tables
	// spare are arrays of len(ltypes) locals no frame uses any more, for the next if's saved
	// locals (a function's locals can number thousands: one array per if or join was quadratic)
	spare [][]*ssa.Value
}

func translateFunc(m *wasm.Module, wf *wasm.Func, idx uint32, name string) *ssa.Func {
	sig := m.Types[wf.TypeIdx]
	f := &ssa.Func{Name: name, Index: idx}
	for _, t := range sig.Params {
		f.Params = append(f.Params, ssa.FromWasm(t))
	}
	for _, t := range sig.Results {
		f.Results = append(f.Results, ssa.FromWasm(t))
	}
	tr := &translator{m: m, f: f}
	tr.cur = f.NewBlock()
	for _, t := range f.Params {
		tr.locals = append(tr.locals, f.AddParam(tr.cur, t))
		tr.ltypes = append(tr.ltypes, t)
	}
	for _, wt := range wf.Locals {
		t := ssa.FromWasm(wt)
		tr.ltypes = append(tr.ltypes, t)
		tr.locals = append(tr.locals, tr.emit(ssa.OpConst, t, 0))
	}
	for _, t := range tr.ltypes {
		if tr.undef[t] == nil {
			tr.undef[t] = tr.emit(ssa.OpConst, t, 0)
		}
	}
	tr.scanBody(wf.Body)
	tr.frames, tr.outerLoop = []*frame{{kind: frameFunc, sig: sig}}, -1
	for i, in := range wf.Body {
		tr.pos = i
		tr.instr(in)
	}
	removeUnreachableBlocks(f)
	return f
}

// emit appends a new value to the current block.
func (tr *translator) emit(op ssa.Op, t ssa.Type, aux int64, args ...*ssa.Value) *ssa.Value {
	v := tr.f.NewValue(op, t, args...)
	v.Aux = aux
	return tr.cur.Append(v)
}

func (tr *translator) push(v *ssa.Value) { tr.stack = append(tr.stack, v) }

func (tr *translator) pop() *ssa.Value {
	v := tr.stack[len(tr.stack)-1]
	tr.stack = tr.stack[:len(tr.stack)-1]
	return v
}

// popN pops n values, returned in stack order: a view of the stack, valid until the next push.
func (tr *translator) popN(n int) []*ssa.Value {
	out := tr.stack[len(tr.stack)-n:]
	tr.stack = tr.stack[:len(tr.stack)-n]
	return out
}

func (tr *translator) top(n int) []*ssa.Value {
	return append([]*ssa.Value(nil), tr.stack[len(tr.stack)-n:]...)
}

// scanBody records, for pruning join parameters, where each block/loop/if ends and where each
// local is last read.
func (tr *translator) scanBody(body []wasm.Instr) {
	tr.body = body
	tr.matchEnd = make([]int, len(body))
	tr.lastGet = make([]int, len(tr.ltypes))
	for i := range tr.lastGet {
		tr.lastGet[i] = -1
	}
	var open []int
	for i, in := range body {
		switch in.Op {
		case wasm.OpBlock, wasm.OpLoop, wasm.OpIf:
			open = append(open, i)
		case wasm.OpEnd:
			if len(open) > 0 {
				tr.matchEnd[open[len(open)-1]] = i
				open = open[:len(open)-1]
			}
		case wasm.OpLocalGet:
			tr.lastGet[in.Index] = i
		}
	}
}

// enter makes b the current block, with the locals and stack values taken from its parameters;
// the locals dead at b (no parameter) hold a placeholder that is never read.
func (tr *translator) enter(b *ssa.Block, base int) {
	tr.cur = b
	live := tr.joinLocalsOf(b)
	tr.locals = tr.locals[:len(tr.ltypes)] // in place: nothing else holds the current locals
	for x, t := range tr.ltypes {
		tr.locals[x] = tr.undef[t]
	}
	for j, x := range live {
		tr.locals[x] = b.Params[j]
	}
	tr.stack = append(tr.stack[:base], b.Params[len(live):]...)
}

// saveLocals returns a copy of the current locals, in a spare array when there is one.
func (tr *translator) saveLocals() []*ssa.Value {
	if n := len(tr.spare); n > 0 {
		s := tr.spare[n-1]
		tr.spare = tr.spare[:n-1]
		return append(s[:0], tr.locals...)
	}
	return append([]*ssa.Value(nil), tr.locals...)
}

// edge builds an edge to a join block carrying the locals it receives and args.
func (tr *translator) edge(to *ssa.Block, args []*ssa.Value) ssa.Edge {
	tr.addPred(to)
	live := tr.joinLocalsOf(to)
	all := make([]*ssa.Value, 0, len(live)+len(args))
	for _, x := range live {
		all = append(all, tr.locals[x])
	}
	return ssa.Edge{To: to, Args: append(all, args...)}
}

// labelTarget returns the block a branch to fr goes to and how many values it carries; a nil
// block means the branch returns from the function.
func (tr *translator) labelTarget(fr *frame) (*ssa.Block, int) {
	switch fr.kind {
	case frameFunc:
		return nil, len(fr.sig.Results)
	case frameLoop:
		return fr.header, len(fr.sig.Params)
	}
	return fr.end, len(fr.sig.Results)
}

// branchEdge returns the edge for a branch to label depth d with the label values on the stack
// top. A branch to the function frame goes through a return block.
func (tr *translator) branchEdge(d uint32) ssa.Edge {
	fr := tr.frames[len(tr.frames)-1-int(d)]
	to, n := tr.labelTarget(fr)
	if to == nil {
		if fr.end == nil {
			fr.end = tr.joinBlock(fr.sig.Results, len(tr.matchEnd)-1)
		}
		to = fr.end
	}
	return tr.edge(to, tr.stack[len(tr.stack)-n:]) // edge copies the values
}

// addPred counts an edge to b.
func (tr *translator) addPred(b *ssa.Block) {
	for len(tr.preds) <= b.ID {
		tr.preds = append(tr.preds, 0)
	}
	tr.preds[b.ID]++
}

// predsOf returns the number of edges built to b so far.
func (tr *translator) predsOf(b *ssa.Block) int32 {
	if b.ID < len(tr.preds) {
		return tr.preds[b.ID]
	}
	return 0
}

// setJoinLocals records the locals join block b receives.
func (tr *translator) setJoinLocals(b *ssa.Block, live []int) {
	for len(tr.joinLocals) <= b.ID {
		tr.joinLocals = append(tr.joinLocals, nil)
	}
	tr.joinLocals[b.ID] = live
}

// joinLocalsOf returns the locals block b receives (none unless it is a join block).
func (tr *translator) joinLocalsOf(b *ssa.Block) []int {
	if b.ID < len(tr.joinLocals) {
		return tr.joinLocals[b.ID]
	}
	return nil
}

func (tr *translator) setUnreachable() {
	tr.frames[len(tr.frames)-1].unreachable = true
}

func (tr *translator) jump(e ssa.Edge) {
	tr.cur.Term = ssa.Term{Kind: ssa.TermJump, Succs: []ssa.Edge{e}}
}

func (tr *translator) instr(in wasm.Instr) {
	fr := tr.frames[len(tr.frames)-1]
	if fr.unreachable {
		switch in.Op {
		case wasm.OpBlock, wasm.OpLoop, wasm.OpIf:
			tr.skip++
			return
		case wasm.OpElse:
			if tr.skip > 0 {
				return
			}
		case wasm.OpEnd:
			if tr.skip > 0 {
				tr.skip--
				return
			}
		default:
			return
		}
	}
	if tr.control(in, fr) {
		return
	}
	tr.operation(in)
}

// removeUnreachableBlocks drops blocks no edge reaches (join blocks of constructs that never
// complete) and renumbers nothing: block ids stay as allocated.
func removeUnreachableBlocks(f *ssa.Func) {
	seen := make([]bool, f.Blocks[len(f.Blocks)-1].ID+1) // by block id: ids are dense and increasing
	var walk func(b *ssa.Block)
	walk = func(b *ssa.Block) {
		if seen[b.ID] {
			return
		}
		seen[b.ID] = true
		for _, e := range b.Term.Succs {
			walk(e.To)
		}
	}
	walk(f.Blocks[0])
	keep := f.Blocks[:0]
	for _, b := range f.Blocks {
		if seen[b.ID] {
			keep = append(keep, b)
		}
	}
	clear(f.Blocks[len(keep):])
	f.Blocks = keep
}

func mustf(ok bool, format string, args ...any) {
	if !ok {
		panic(fmt.Sprintf(format, args...))
	}
}
