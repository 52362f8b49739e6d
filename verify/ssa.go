package verify

// SSA checks an *ssa.Program (family ir/ssa, languages ssa and ssa-opt). Invariants:
//
//   - every function has an entry block whose parameters have the function's parameter types;
//   - value ids are unique; every value sits in the block its Block field names;
//   - every operand is non-nil and typed (not TNone), and Wasm operations get the operand types
//     and count of their opcode and produce the result type of their opcode;
//   - one terminator per block, with the right shape: jump 1 successor, branch 2, switch at
//     least 1 (the default last), return none with values matching the function's result types,
//     unreachable none; branch and switch conditions are i32;
//   - block-parameter arity and types: every edge passes as many arguments as the target has
//     parameters, each of the parameter's type; edges target blocks of the same function;
//   - dominance: every use is dominated by its definition (earlier in the same block, or in a
//     dominating block; parameters are defined at their block's start);
//   - a call's results (result values) follow the call directly, in order;
//   - "no-dead-values" (ssa-opt): no pure value is left unused.

import (
	"fmt"
	"strings"

	"cot/ir/pipeline"
	"cot/ir/ssa"
	"cot/ir/wasm"
)

// SSA verifies p against lang and returns every violation.
func SSA(lang *pipeline.Lang, p *ssa.Program) []error {
	var errs []error
	v := ssaVerifiers.Get().(*ssaVerifier)
	defer ssaVerifiers.Put(v)
	for _, f := range p.Funcs {
		v.f, v.lang, v.errs = f, lang, nil
		v.check()
		errs = append(errs, v.errs...)
	}
	v.f, v.lang, v.errs = nil, nil, nil
	return errs
}

type ssaVerifier struct {
	f    *ssa.Func
	lang *pipeline.Lang
	errs []error
	// pos holds the position of each value defined in the function, by value id (ids are dense:
	// a slice costs a fraction of a map on the functions of a large module)
	pos []valuePos
	// the dominator tree, by block position: immediate dominator (-1: unreachable) and preorder
	// interval
	blocks            ssa.BlockIndex // block positions
	idom, enter, exit []int
	// scratch of check and dominators, kept for the next function
	used        []bool
	order, rpo  []int
	seen        []bool
	preds, kids [][]int
}

// valuePos is where value x is defined: block position b in f.Blocks, instruction index i (-1
// for parameters). Positions, not pointers: the table is written for every value after every
// SSA pass, and dominance compares positions.
type valuePos struct {
	x    *ssa.Value
	b, i int32
}

// where returns the block position and index at which x is defined, ok false when x is not a
// value of the function.
func (v *ssaVerifier) where(x *ssa.Value) (int, int, bool) {
	if x.ID < 0 || x.ID >= len(v.pos) || v.pos[x.ID].x != x {
		return 0, 0, false
	}
	p := v.pos[x.ID]
	return int(p.b), int(p.i), true
}

func (v *ssaVerifier) errorf(format string, args ...any) {
	v.errs = append(v.errs, fmt.Errorf("func %s: %s", v.f.Name, fmt.Sprintf(format, args...)))
}

func (v *ssaVerifier) check() {
	f := v.f
	if len(f.Blocks) == 0 {
		v.errorf("no blocks")
		return
	}
	entry := f.Blocks[0]
	if len(entry.Params) != len(f.Params) {
		v.errorf("entry b%d has %d parameters, the function %d", entry.ID, len(entry.Params), len(f.Params))
	} else {
		for i, p := range entry.Params {
			if p.Type != f.Params[i] {
				v.errorf("entry parameter v%d is %s, want %s", p.ID, p.Type, f.Params[i])
			}
		}
	}
	v.blocks.Reset(f)
	maxID := -1
	for _, b := range f.Blocks {
		for _, x := range b.Params {
			maxID = max(maxID, x.ID)
		}
		for _, x := range b.Instrs {
			maxID = max(maxID, x.ID)
		}
	}
	v.pos = reuse(v.pos, maxID+1)
	define := func(x *ssa.Value, bi int, b *ssa.Block, i int) {
		if x.ID < 0 {
			v.errorf("v%d has a negative id", x.ID)
			return
		}
		if v.pos[x.ID].x != nil {
			v.errorf("v%d defined twice", x.ID)
		}
		if x.Block != b {
			v.errorf("v%d is in b%d but records another block", x.ID, b.ID)
		}
		v.pos[x.ID] = valuePos{x, int32(bi), int32(i)}
	}
	for bi, b := range f.Blocks {
		for _, p := range b.Params {
			define(p, bi, b, -1)
		}
		for i, x := range b.Instrs {
			define(x, bi, b, i)
		}
		for _, e := range b.Term.Succs {
			if v.blocks.Pos(e.To) < 0 {
				v.errorf("b%d branches to b%d outside the function", b.ID, e.To.ID)
			}
		}
	}
	v.dominators()
	v.used = reuse(v.used, len(v.pos))
	used := v.used
	use := func(a *ssa.Value) {
		if a != nil && a.ID >= 0 && a.ID < len(used) {
			used[a.ID] = true
		}
	}
	for bi, b := range f.Blocks {
		for i, x := range b.Instrs {
			for _, a := range x.Args {
				use(a)
			}
			v.value(bi, b, i, x)
		}
		v.term(bi, b)
		b.Term.EachUse(use)
	}
	if v.lang != nil && v.lang.Has("no-dead-values") {
		for _, b := range f.Blocks {
			for _, x := range b.Instrs {
				if ssa.IsPure(x.Op) && x.Op != ssa.OpResult && x.ID >= 0 && !used[x.ID] {
					v.errorf("dead value: %s", ssa.FormatValue(x))
				}
			}
		}
	}
}

// use checks that operand a of something at (b, i) is defined and dominates it; bi is b's
// position.
func (v *ssaVerifier) use(bi int, b *ssa.Block, i int, a *ssa.Value, describe func() string) {
	if a == nil {
		v.errorf("b%d: %s has a nil operand", b.ID, describe())
		return
	}
	db, di, ok := v.where(a)
	if !ok {
		v.errorf("b%d: %s uses v%d, which is not defined in the function", b.ID, describe(), a.ID)
		return
	}
	if db == bi {
		if di >= i {
			v.errorf("b%d: %s uses v%d before its definition", b.ID, describe(), a.ID)
		}
		return
	}
	if !v.dominates(db, bi) {
		v.errorf("b%d: %s uses v%d from b%d, which does not dominate it", b.ID, describe(), a.ID, v.f.Blocks[db].ID)
	}
}

func (v *ssaVerifier) value(bi int, b *ssa.Block, i int, x *ssa.Value) {
	what := func() string { return ssa.FormatValue(x) } // only for an error: formatting is costly
	for _, a := range x.Args {
		v.use(bi, b, i, a, what)
		if a != nil && a.Type == ssa.TNone && x.Op != ssa.OpResult {
			v.errorf("b%d: %s uses v%d, which has no value", b.ID, what(), a.ID)
		}
	}
	switch x.Op {
	case ssa.OpConst, ssa.OpGlobalGet:
		v.arity(x, 0)
	case ssa.OpParam:
		v.errorf("b%d: parameter v%d among the instructions", b.ID, x.ID)
	case ssa.OpGlobalSet:
		v.arity(x, 1)
	case ssa.OpSelect:
		if v.arity(x, 3) && (x.Args[0].Type != x.Type || x.Args[1].Type != x.Type || x.Args[2].Type != ssa.I32) {
			v.errorf("b%d: %s: operand types", b.ID, what())
		}
	case ssa.OpResult:
		if v.arity(x, 1) {
			c := x.Args[0]
			cb, ci, _ := v.where(c)
			ok := cb == bi && (c.Op == ssa.OpCall || c.Op == ssa.OpCallIndirect)
			for k := ci + 1; ok && k < i; k++ {
				ok = b.Instrs[k].Op == ssa.OpResult && b.Instrs[k].Args[0] == c
			}
			if !ok {
				v.errorf("b%d: %s does not directly follow its call", b.ID, what())
			}
		}
	case ssa.OpCall, ssa.OpCallIndirect:
	default:
		v.wasmOp(b, x, what)
	}
}

func (v *ssaVerifier) arity(x *ssa.Value, n int) bool {
	if len(x.Args) != n {
		v.errorf("%s: %d operands, want %d", ssa.FormatValue(x), len(x.Args), n)
		return false
	}
	for _, a := range x.Args {
		if a == nil {
			return false
		}
	}
	return true
}

// operandType returns the operand type of a numeric opcode from its mnemonic: the type named
// after the operation (i64.extend_i32_s takes i32), else the result prefix (i32.add takes i32).
func operandType(op wasm.Op) (ssa.Type, bool) {
	name := op.String()
	dot := strings.IndexByte(name, '.')
	if dot < 0 {
		return 0, false
	}
	for _, t := range []ssa.Type{ssa.I32, ssa.I64, ssa.F32, ssa.F64} {
		if strings.Contains(name[dot:], "_"+t.String()) {
			return t, true
		}
	}
	for _, t := range []ssa.Type{ssa.I32, ssa.I64, ssa.F32, ssa.F64} {
		if name[:dot] == t.String() {
			return t, true
		}
	}
	return 0, false
}

// operandTypes caches operandType for the one-byte opcodes and the 0xFC-prefixed saturating
// truncations (the verifier asks for every numeric value after every SSA pass; the mnemonic is
// parsed once).
var operandTypes = func() (t [0x100 + 8]struct {
	t  ssa.Type
	ok bool
}) {
	for op := range 0x100 {
		t[op].t, t[op].ok = operandType(wasm.Op(op))
	}
	for k := range 8 {
		t[0x100+k].t, t[0x100+k].ok = operandType(wasm.OpI32TruncSatF32S + wasm.Op(k))
	}
	return t
}()

// cachedOperandType is operandType through the operandTypes cache.
func cachedOperandType(op wasm.Op) (ssa.Type, bool) {
	switch {
	case op < 0x100:
		return operandTypes[op].t, operandTypes[op].ok
	case op >= wasm.OpI32TruncSatF32S && op <= wasm.OpI32TruncSatF32S+7:
		e := operandTypes[0x100+op-wasm.OpI32TruncSatF32S]
		return e.t, e.ok
	}
	return operandType(op)
}

func (v *ssaVerifier) wasmOp(b *ssa.Block, x *ssa.Value, what func() string) {
	op := wasm.Op(x.Op)
	t, n := ssa.WasmResult(op)
	if n < 0 {
		v.errorf("b%d: unknown operation in %s", b.ID, what())
		return
	}
	if x.Type != t {
		v.errorf("b%d: %s has type %s, the operation produces %s", b.ID, what(), x.Type, t)
	}
	if !v.arity(x, n) {
		return
	}
	switch {
	case op >= wasm.OpI32Load && op <= wasm.OpI64Load32U:
		if x.Args[0].Type != ssa.I32 {
			v.errorf("b%d: %s: address is %s, want i32", b.ID, what(), x.Args[0].Type)
		}
	case op >= wasm.OpI32Store && op <= wasm.OpI64Store32:
		want, _ := cachedOperandType(op)
		if x.Args[0].Type != ssa.I32 || x.Args[1].Type != want {
			v.errorf("b%d: %s: operand types %s, %s", b.ID, what(), x.Args[0].Type, x.Args[1].Type)
		}
	case op >= wasm.OpI32Eqz && op <= wasm.OpI64Extend32S || op >= wasm.OpI32TruncSatF32S && op <= wasm.OpI64TruncSatF64U:
		want, ok := cachedOperandType(op)
		if !ok {
			return
		}
		for _, a := range x.Args {
			if a.Type != want {
				v.errorf("b%d: %s: operand v%d is %s, want %s", b.ID, what(), a.ID, a.Type, want)
			}
		}
	}
}

// termSuccs is the number of successors of each terminator kind but switch.
// (-1: any number, checked apart)
var termSuccs = [...]int{ssa.TermJump: 1, ssa.TermBranch: 2, ssa.TermSwitch: -1, ssa.TermReturn: 0, ssa.TermUnreachable: 0}

func (v *ssaVerifier) term(bi int, b *ssa.Block) {
	t := &b.Term
	n := len(b.Instrs)
	what := func() string { return "terminator " + ssa.FormatTerm(t) }
	t.EachUse(func(a *ssa.Value) { v.use(bi, b, n, a, what) })
	if int(t.Kind) < len(termSuccs) && termSuccs[t.Kind] >= 0 && len(t.Succs) != termSuccs[t.Kind] || t.Kind == ssa.TermSwitch && len(t.Succs) == 0 {
		v.errorf("b%d: %s has %d successors", b.ID, t.Kind, len(t.Succs))
	}
	if (t.Kind == ssa.TermBranch || t.Kind == ssa.TermSwitch) != (t.Cond != nil) {
		v.errorf("b%d: %s condition presence is wrong", b.ID, t.Kind)
	}
	if t.Cond != nil && t.Cond.Type != ssa.I32 {
		v.errorf("b%d: condition v%d is %s, want i32", b.ID, t.Cond.ID, t.Cond.Type)
	}
	if t.Kind == ssa.TermReturn {
		if len(t.Values) != len(v.f.Results) {
			v.errorf("b%d: returns %d values, the function %d", b.ID, len(t.Values), len(v.f.Results))
		} else {
			for i, x := range t.Values {
				if x != nil && x.Type != v.f.Results[i] {
					v.errorf("b%d: return value v%d is %s, want %s", b.ID, x.ID, x.Type, v.f.Results[i])
				}
			}
		}
	} else if len(t.Values) > 0 {
		v.errorf("b%d: %s carries return values", b.ID, t.Kind)
	}
	for _, e := range t.Succs {
		if len(e.Args) != len(e.To.Params) {
			v.errorf("b%d: edge to b%d passes %d arguments for %d parameters", b.ID, e.To.ID, len(e.Args), len(e.To.Params))
			continue
		}
		for i, a := range e.Args {
			if a != nil && a.Type != e.To.Params[i].Type {
				v.errorf("b%d: edge to b%d passes v%d:%s for parameter v%d:%s", b.ID, e.To.ID, a.ID, a.Type, e.To.Params[i].ID, e.To.Params[i].Type)
			}
		}
	}
}
