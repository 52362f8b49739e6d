package arm64

import "cot/ir/wasm"

// Expressions of the generator (fuzz_gen_test.go): each pushes one value of the type asked for.

func (g *gen) expr(t wasm.ValType, d int) {
	if d <= 0 || g.r.Intn(5) == 0 {
		g.leaf(t)
		return
	}
	if t == wasm.I32 || t == wasm.I64 {
		g.intExpr(t, d-1)
	} else {
		g.floatExpr(t, d-1)
	}
}

func (g *gen) leaf(t wasm.ValType) {
	switch g.r.Intn(5) {
	case 0, 1:
		if l, ok := g.variable(t, false); ok {
			g.emit(wasm.LocalGet(l))
			return
		}
	case 2:
		var gs []uint32
		for i, gl := range g.m.Globals {
			if gl.Type.Type == t {
				gs = append(gs, uint32(i))
			}
		}
		if len(gs) > 0 {
			g.emit(wasm.GlobalGet(gs[g.r.Intn(len(gs))]))
			return
		}
	}
	g.emit(g.constant(t))
}

// intBase is the first opcode of t's binary operators (add … rotr), comparisons (eq … ge_u) and
// unary operators (clz, ctz, popcnt).
func intBase(t wasm.ValType) (bin, cmp, un wasm.Op) {
	if t == wasm.I32 {
		return wasm.OpI32Add, wasm.OpI32Eq, wasm.OpI32Clz
	}
	return wasm.OpI32Add + 0x12, wasm.OpI64Eq, wasm.OpI32Clz + 0x12
}

func (g *gen) intExpr(t wasm.ValType, d int) {
	bin, cmp, un := intBase(t)
	switch n := g.r.Intn(24); {
	case n < 8:
		op := bin + wasm.Op(g.r.Intn(15))
		if g.r.Intn(6) == 0 { // constant operands, which optimize-constants folds
			g.emit(g.constant(t), g.constant(t))
		} else {
			g.expr(t, d)
			g.expr(t, d)
		}
		if op >= bin+3 && op <= bin+6 && g.r.Intn(100) > 0 { // div and rem: mostly not by zero
			g.emit(g.one(t), wasm.Simple(bin+8)) // | 1
		}
		g.emit(wasm.Simple(op))
	case n < 10:
		u := genTypes[g.r.Intn(4)]
		g.compare(u, d)
		if t == wasm.I64 {
			g.emit(wasm.Simple(wasm.OpI64ExtendI32S + 1)) // extend_i32_u
		}
	case n < 11:
		if g.r.Intn(4) == 0 {
			g.emit(g.constant(t))
		} else {
			g.expr(t, d)
		}
		g.emit(wasm.Simple(un + wasm.Op(g.r.Intn(3))))
	case n < 14:
		ops := loadOps[t]
		op := ops[g.r.Intn(len(ops))]
		g.address(op.size)
		g.emit(wasm.Instr{Op: op.op, Align: uint32(g.r.Intn(op.log + 1)), Offset: g.offset()})
	case n < 17:
		g.convert(t, d)
	case n < 18:
		g.selectExpr(t, d)
	case n < 19:
		if !g.call(&t) {
			g.leaf(t)
		}
	case n < 20:
		g.ifExpr(t, d)
	case n < 21:
		g.tee(t, d)
	case n < 22 && t == wasm.I32:
		g.emit(wasm.Instr{Op: wasm.OpMemorySize})
	default:
		// A shift or rotate by a loop counter, as array code does.
		if c, ok := g.counter(); ok && t == wasm.I32 {
			g.expr(t, d)
			g.emit(wasm.LocalGet(c), wasm.Simple(bin+10+wasm.Op(g.r.Intn(5))))
			return
		}
		g.expr(t, d)
		g.emit(wasm.Simple(cmp - 1)) // eqz
		if t == wasm.I64 {
			g.emit(wasm.Simple(wasm.OpI64ExtendI32S + 1))
		}
	}
}

func (g *gen) one(t wasm.ValType) wasm.Instr {
	if t == wasm.I64 {
		return wasm.I64Const(1)
	}
	return wasm.I32Const(1)
}

// compare pushes an i32 comparison of two values of type u.
func (g *gen) compare(u wasm.ValType, d int) {
	g.expr(u, d)
	g.expr(u, d)
	switch u {
	case wasm.I32, wasm.I64:
		_, cmp, _ := intBase(u)
		g.emit(wasm.Simple(cmp + wasm.Op(g.r.Intn(10))))
	case wasm.F32:
		g.emit(wasm.Simple(wasm.OpF32Eq + wasm.Op(g.r.Intn(6))))
	default:
		g.emit(wasm.Simple(wasm.OpF64Eq + wasm.Op(g.r.Intn(6))))
	}
}

func (g *gen) floatExpr(t wasm.ValType, d int) {
	un, bin := wasm.OpF32Abs, wasm.OpF32Add // abs neg ceil floor trunc nearest sqrt; add sub mul div min max copysign
	if t == wasm.F64 {
		un, bin = wasm.OpF32Abs+14, wasm.OpF32Add+14
	}
	switch n := g.r.Intn(20); {
	case n < 7:
		op := bin + wasm.Op(g.r.Intn(7))
		g.expr(t, d)
		g.expr(t, d)
		g.emit(wasm.Simple(op))
		if op < bin+4 {
			g.denan(t)
		}
	case n < 9:
		op := un + wasm.Op(g.r.Intn(7))
		g.expr(t, d)
		g.emit(wasm.Simple(op))
		if op == un+6 {
			g.denan(t)
		}
	case n < 11:
		ops := loadOps[t]
		g.address(ops[0].size)
		g.emit(wasm.Instr{Op: ops[0].op, Align: uint32(g.r.Intn(ops[0].log + 1)), Offset: g.offset()})
		g.denan(t)
	case n < 15:
		g.convert(t, d)
	case n < 16:
		g.selectExpr(t, d)
	case n < 17:
		if !g.call(&t) {
			g.leaf(t)
		}
	case n < 18:
		g.ifExpr(t, d)
	default:
		g.tee(t, d)
	}
}

// denan replaces a NaN on top of the stack by 0: x != x ? 0 : x.
func (g *gen) denan(t wasm.ValType) {
	s, ok := g.scratch[t]
	if !ok {
		s = g.newLocal(t)
		g.scratch[t] = s
	}
	zero, eq := wasm.Instr{Op: wasm.OpF32Const}, wasm.OpF32Eq
	if t == wasm.F64 {
		zero, eq = wasm.Instr{Op: wasm.OpF64Const}, wasm.OpF64Eq
	}
	g.emit(wasm.Instr{Op: wasm.OpLocalTee, Index: s}, zero, wasm.LocalGet(s), wasm.LocalGet(s), wasm.Simple(eq),
		wasm.Simple(wasm.OpSelect))
}

// conversion is an operator from one type to another: trapping float-to-int truncations are
// rare, reinterpretations to floats are denanned.
type conversion struct {
	op       wasm.Op
	from, to wasm.ValType
	trap     bool
}

var conversions = func() []conversion {
	i32, i64, f32, f64 := wasm.I32, wasm.I64, wasm.F32, wasm.F64
	cs := []conversion{{wasm.OpI32WrapI64, i64, i32, false}, {0xA8, f32, i32, true}, {0xA9, f32, i32, true},
		{0xAA, f64, i32, true}, {0xAB, f64, i32, true}, {0xAC, i32, i64, false}, {0xAD, i32, i64, false},
		{0xAE, f32, i64, true}, {0xAF, f32, i64, true}, {0xB0, f64, i64, true}, {0xB1, f64, i64, true},
		{0xB2, i32, f32, false}, {0xB3, i32, f32, false}, {0xB4, i64, f32, false}, {0xB5, i64, f32, false},
		{0xB6, f64, f32, false}, {0xB7, i32, f64, false}, {0xB8, i32, f64, false}, {0xB9, i64, f64, false},
		{0xBA, i64, f64, false}, {0xBB, f32, f64, false}, {0xBC, f32, i32, false}, {0xBD, f64, i64, false},
		{0xBE, i32, f32, false}, {0xBF, i64, f64, false}, {0xC0, i32, i32, false}, {0xC1, i32, i32, false},
		{0xC2, i64, i64, false}, {0xC3, i64, i64, false}, {0xC4, i64, i64, false}}
	for k, from := range []wasm.ValType{f32, f32, f64, f64, f32, f32, f64, f64} {
		to := i32
		if k >= 4 {
			to = i64
		}
		cs = append(cs, conversion{wasm.OpI32TruncSatF32S + wasm.Op(k), from, to, false})
	}
	return cs
}()

func (g *gen) convert(t wasm.ValType, d int) {
	var cands []conversion
	for _, c := range conversions {
		if c.to == t && (!c.trap || g.r.Intn(40) == 0) {
			cands = append(cands, c)
		}
	}
	c := cands[g.r.Intn(len(cands))]
	g.expr(c.from, d)
	g.emit(wasm.Simple(c.op))
	if c.op == 0xBE || c.op == 0xBF {
		g.denan(t)
	}
}

func (g *gen) selectExpr(t wasm.ValType, d int) {
	g.expr(t, d)
	g.expr(t, d)
	g.expr(wasm.I32, d)
	if g.r.Intn(2) == 0 {
		g.emit(wasm.SelectT([]wasm.ValType{t}))
	} else {
		g.emit(wasm.Simple(wasm.OpSelect))
	}
}

func (g *gen) ifExpr(t wasm.ValType, d int) {
	g.expr(wasm.I32, d)
	g.emit(wasm.If(wasm.ValueBlock(t)))
	g.push(genLabel{closed: true}) // expressions hold no branches, but the depths must count it
	g.expr(t, d)
	g.emit(wasm.Instr{Op: wasm.OpElse})
	g.expr(t, d)
	g.pop()
	g.emit(wasm.End())
}

// tee assigns a local and keeps the value.
func (g *gen) tee(t wasm.ValType, d int) {
	l, ok := g.variable(t, true)
	if !ok {
		l = g.newLocal(t)
	}
	g.expr(t, d)
	g.emit(wasm.Instr{Op: wasm.OpLocalTee, Index: l})
}
