package arm64

import (
	"slices"

	"cot/ir/wasm"
)

// Statements of the generator (fuzz_gen_test.go): each leaves the operand stack as it found it.

func (g *gen) stmt() {
	if g.depth > 4 || !g.room(30) {
		if g.room(12) {
			g.assign()
		}
		return
	}
	g.depth++
	defer func() { g.depth-- }()
	switch g.r.Intn(20) {
	case 0, 1, 2, 3:
		g.loop()
	case 4, 5:
		g.ifElse()
	case 6:
		g.blockWithBreak()
	case 7:
		g.switchStmt()
	case 8, 9:
		if !g.call(nil) {
			g.assign()
		}
	case 10:
		g.bulk()
	case 11:
		t := genTypes[g.r.Intn(4)]
		g.expr(t, 3)
		g.emit(wasm.Call(uint32(t2i(t))))
	case 12:
		gi := g.r.Intn(len(g.m.Globals))
		g.expr(g.m.Globals[gi].Type.Type, 3)
		g.emit(wasm.GlobalSet(uint32(gi)))
	case 13, 14, 15:
		g.store()
	case 16:
		g.branch()
	case 17:
		if g.r.Intn(10) == 0 {
			g.emit(wasm.I32Const(1), wasm.Instr{Op: wasm.OpMemoryGrow}, wasm.Simple(wasm.OpDrop))
		} else {
			g.earlyReturn()
		}
	default:
		g.assign()
	}
}

// t2i is the index of the log import of type t.
func t2i(t wasm.ValType) int {
	for i, im := range genImports {
		if im.t == t {
			return i
		}
	}
	panic("no log import")
}

// assign sets a local (a new one if none of the type can be assigned).
func (g *gen) assign() {
	t := genTypes[g.r.Intn(4)]
	l, ok := g.variable(t, true)
	if !ok {
		l = g.newLocal(t)
	}
	g.expr(t, 4)
	g.emit(wasm.LocalSet(l))
}

func (g *gen) push(l genLabel) { g.labels = append(g.labels, l) }
func (g *gen) pop()            { g.labels = g.labels[:len(g.labels)-1] }

func (g *gen) stmts(lo, n int) {
	for k := lo + g.r.Intn(n); k > 0; k-- {
		g.stmt()
	}
}

// loop is a counted loop of 1 to 16 iterations, its test at the top (a continue is allowed)
// or at the bottom (a continue would skip the increment, so the loop's label is closed to it):
//
//	i = 0; block; loop; [if i >= k: br 1; i++]; body; [i++; br_if i < k 0 | br 0]; end; end
func (g *gen) loop() {
	k := int64(1 + g.r.Intn(16))
	if g.r.Intn(4) == 0 {
		k = int64(20 + g.r.Intn(100))
	}
	if !g.room(k * 60) {
		k = 2
		if !g.room(k * 60) {
			g.assign()
			return
		}
	}
	i := g.newLocal(wasm.I32)
	g.counters[i] = true
	bottom := g.r.Intn(2) == 0
	g.emit(wasm.I32Const(0), wasm.LocalSet(i), wasm.Block(wasm.BlockType{}), wasm.Loop(wasm.BlockType{}))
	g.push(genLabel{})
	g.push(genLabel{closed: bottom})
	g.mult *= k
	inc := []wasm.Instr{wasm.LocalGet(i), wasm.I32Const(1), wasm.Simple(wasm.OpI32Add), wasm.LocalSet(i)}
	if !bottom {
		g.emit(wasm.LocalGet(i), wasm.I32Const(int32(k)), wasm.Simple(wasm.OpI32GeU), wasm.BrIf(1))
		g.emit(inc...)
	}
	g.stmts(1, 4)
	if bottom {
		g.emit(inc...)
		g.emit(wasm.LocalGet(i), wasm.I32Const(int32(k)), wasm.Simple(wasm.OpI32LtU), wasm.BrIf(0))
	} else {
		g.emit(wasm.Br(0))
	}
	g.mult /= k
	g.pop()
	g.pop()
	g.emit(wasm.End(), wasm.End())
}

func (g *gen) ifElse() {
	g.expr(wasm.I32, 3)
	g.emit(wasm.If(wasm.BlockType{}))
	g.push(genLabel{})
	g.stmts(1, 3)
	if g.r.Intn(2) == 0 {
		g.emit(wasm.Instr{Op: wasm.OpElse})
		g.stmts(1, 3)
	}
	g.pop()
	g.emit(wasm.End())
}

func (g *gen) blockWithBreak() {
	g.emit(wasm.Block(wasm.BlockType{}))
	g.push(genLabel{})
	g.stmts(0, 2)
	g.expr(wasm.I32, 2)
	g.emit(wasm.BrIf(0))
	g.stmts(1, 2)
	g.pop()
	g.emit(wasm.End())
}

// switchStmt is a br_table over nested blocks, each arm's statements after its block's end.
func (g *gen) switchStmt() {
	arms := 2 + g.r.Intn(3)
	for a := 0; a < arms; a++ {
		g.emit(wasm.Block(wasm.BlockType{}))
		g.push(genLabel{})
	}
	g.expr(wasm.I32, 2)
	if g.r.Intn(2) == 0 {
		g.emit(wasm.I32Const(7), wasm.Simple(wasm.OpI32And))
	}
	targets := make([]uint32, 1+g.r.Intn(6))
	for i := range targets {
		targets[i] = uint32(g.r.Intn(arms))
	}
	g.emit(wasm.BrTable(targets, uint32(g.r.Intn(arms))))
	for a := 0; a < arms; a++ {
		g.pop()
		g.emit(wasm.End())
		g.stmts(0, 2)
	}
}

// branch leaves an enclosing block, or continues an enclosing loop whose test is at its top.
func (g *gen) branch() {
	var depths []uint32
	for d := range g.labels {
		if !g.labels[len(g.labels)-1-d].closed {
			depths = append(depths, uint32(d))
		}
	}
	if len(depths) == 0 {
		g.assign()
		return
	}
	g.expr(wasm.I32, 2)
	g.emit(wasm.BrIf(depths[g.r.Intn(len(depths))]))
}

func (g *gen) earlyReturn() {
	g.expr(wasm.I32, 2)
	g.emit(wasm.If(wasm.BlockType{}))
	for _, t := range g.results {
		g.expr(t, 2)
	}
	g.emit(wasm.Simple(wasm.OpReturn), wasm.End())
}

// call calls a function defined before this one (directly or through the table) and drops its
// results, or, when want is its first result's type, leaves that one (the others are assigned to
// new locals); false when none fits.
func (g *gen) call(want *wasm.ValType) bool {
	var cands []int
	for j, f := range g.funcs {
		ok := want == nil || (len(f.sig.Results) > 0 && f.sig.Results[0] == *want)
		if ok && g.room(f.cost+20) {
			cands = append(cands, j)
		}
	}
	if len(cands) == 0 {
		return false
	}
	j := cands[g.r.Intn(len(cands))]
	f := g.funcs[j]
	for _, p := range f.sig.Params {
		g.expr(p, 2)
	}
	if g.r.Intn(3) > 0 {
		g.emit(wasm.Call(uint32(len(genImports) + j)))
	} else {
		slot := g.slot[j]
		if g.r.Intn(40) == 0 { // a trap: an undefined element, or an earlier function of another type
			slot = len(g.slot)
			for k, other := range g.funcs {
				if other.typ != f.typ {
					slot = g.slot[k]
				}
			}
		}
		g.emit(wasm.I32Const(int32(slot)))
		g.emit(wasm.Instr{Op: wasm.OpCallIndirect, Index: f.typ})
	}
	g.cost += f.cost * g.mult
	if want == nil {
		for range f.sig.Results {
			g.emit(wasm.Simple(wasm.OpDrop))
		}
		return true
	}
	// The results after the first go to new locals (printed when the function returns).
	for k := len(f.sig.Results) - 1; k > 0; k-- {
		g.emit(wasm.LocalSet(g.newLocal(f.sig.Results[k])))
	}
	return true
}

func (g *gen) store() {
	t := genTypes[g.r.Intn(4)]
	ops := storeOps[t]
	op := ops[g.r.Intn(len(ops))]
	g.address(op.size)
	g.expr(t, 3)
	g.emit(wasm.Instr{Op: op.op, Align: uint32(g.r.Intn(op.log + 1)), Offset: g.offset()})
}

// bulk is memory.fill or memory.copy of up to 255 bytes.
func (g *gen) bulk() {
	g.address(256)
	if g.r.Intn(2) == 0 {
		g.expr(wasm.I32, 2)
		g.lengthExpr()
		g.emit(wasm.Instr{Op: wasm.OpMemoryFill})
		return
	}
	g.address(256)
	g.lengthExpr()
	g.emit(wasm.Instr{Op: wasm.OpMemoryCopy})
}

func (g *gen) lengthExpr() {
	g.expr(wasm.I32, 2)
	g.emit(wasm.I32Const(255), wasm.Simple(wasm.OpI32And))
}

type memOp struct {
	op   wasm.Op
	size int // bytes accessed
	log  int // log2 of size: the largest valid alignment
}

var storeOps = map[wasm.ValType][]memOp{
	wasm.I32: {{wasm.OpI32Store, 4, 2}, {wasm.OpI32Store8, 1, 0}, {wasm.OpI32Store8 + 1, 2, 1}},
	wasm.I64: {{wasm.OpI32Store + 1, 8, 3}, {wasm.OpI32Store8 + 2, 1, 0}, {wasm.OpI32Store8 + 3, 2, 1}, {wasm.OpI64Store32, 4, 2}},
	wasm.F32: {{wasm.OpI32Store + 2, 4, 2}},
	wasm.F64: {{wasm.OpI32Store + 3, 8, 3}},
}

var loadOps = map[wasm.ValType][]memOp{
	wasm.I32: {{wasm.OpI32Load, 4, 2}, {wasm.OpI32Load8S, 1, 0}, {wasm.OpI32Load8S + 1, 1, 0}, {wasm.OpI32Load8S + 2, 2, 1}, {wasm.OpI32Load8S + 3, 2, 1}},
	wasm.I64: {{wasm.OpI32Load + 1, 8, 3}, {wasm.OpI32Load8S + 4, 1, 0}, {wasm.OpI32Load8S + 5, 1, 0}, {wasm.OpI32Load8S + 6, 2, 1},
		{wasm.OpI32Load8S + 7, 2, 1}, {wasm.OpI64Load32U - 1, 4, 2}, {wasm.OpI64Load32U, 4, 2}},
	wasm.F32: {{wasm.OpF32Load, 4, 2}},
	wasm.F64: {{wasm.OpF32Load + 1, 8, 3}},
}

// address pushes an i32 address for an access of size bytes: mostly in the first page, indexed
// by a loop counter like an array or masked from any value, sometimes anything at all.
func (g *gen) address(size int) {
	counter, hasCounter := g.counter()
	switch n := g.r.Intn(64); {
	case n < 28 && hasCounter:
		base := g.r.Intn(genAddressMask + 1)
		if n == 0 { // an array running off the end of the first page: a trap at some iteration
			base = genMemPages<<16 - size*g.r.Intn(24)
		}
		g.emit(wasm.LocalGet(counter), wasm.I32Const(int32(size)), wasm.Simple(wasm.OpI32Mul),
			wasm.I32Const(int32(base)), wasm.Simple(wasm.OpI32Add))
	case n < 63:
		g.expr(wasm.I32, 2)
		g.emit(wasm.I32Const(genAddressMask&^15), wasm.Simple(wasm.OpI32And))
	default:
		g.expr(wasm.I32, 2)
	}
}

// offset is a load or store's static offset: small, or (rarely) past the runtime's guard
// window, where the access is checked explicitly.
func (g *gen) offset() uint64 {
	switch n := g.r.Intn(400); {
	case n == 0:
		return 64<<20 + uint64(g.r.Intn(3))*8
	case n < 240:
		return 0
	default:
		return uint64(g.r.Intn(9) * 4)
	}
}

// counter is a loop counter in scope, or false.
func (g *gen) counter() (uint32, bool) {
	var cs []uint32
	for c := range g.counters {
		cs = append(cs, c)
	}
	if len(cs) == 0 {
		return 0, false
	}
	slices.Sort(cs)
	return cs[g.r.Intn(len(cs))], true
}
