package verify

import (
	"fmt"

	"cot/ir/wasm"
)

// unknownType is the bottom type of the polymorphic stack (spec: Unknown).
const unknownType wasm.ValType = 0

// ctrlFrame is one entry of the control stack of the validation algorithm.
type ctrlFrame struct {
	op          wasm.Op
	start, end  []wasm.ValType
	height      int
	unreachable bool
}

// labelTypes are the types a branch to the frame carries: a loop's parameters, else its results.
func (c *ctrlFrame) labelTypes() []wasm.ValType {
	if c.op == wasm.OpLoop {
		return c.start
	}
	return c.end
}

// funcChecker type-checks one function body; a failure panics with funcFailure (caught in
// function) because the first error makes the rest of the stack state meaningless.
type funcChecker struct {
	mod    *moduleChecker
	locals []wasm.ValType
	vals   []wasm.ValType
	ctrls  []ctrlFrame
}

type funcFailure struct{ msg string }

func (c *funcChecker) fail(format string, args ...any) {
	panic(funcFailure{fmt.Sprintf(format, args...)})
}

func (v *moduleChecker) function(index int, f *wasm.Func) {
	if !v.sigOK(f.TypeIdx) {
		return // already reported as unknown type
	}
	sig := v.m.Types[f.TypeIdx]
	c := &funcChecker{mod: v}
	c.locals = append(append(c.locals, sig.Params...), f.Locals...)
	pos := -1
	defer func() {
		if x := recover(); x != nil {
			ff, ok := x.(funcFailure)
			if !ok {
				panic(x)
			}
			off := -1
			if pos >= 0 && pos < len(f.Offsets) {
				off = int(f.Offsets[pos])
			}
			v.errs = append(v.errs, &WasmError{Func: index, Name: f.Name, Instr: pos, Offset: off, Msg: ff.msg})
		}
	}()
	for _, t := range f.Locals {
		if !isValType(t) {
			c.fail("malformed value type 0x%x", byte(t))
		}
	}
	c.pushCtrl(wasm.OpBlock, nil, sig.Results)
	for i := range f.Body {
		pos = i
		if len(c.ctrls) == 0 {
			c.fail("unexpected instruction after the function's final end")
		}
		c.instr(&f.Body[i])
	}
	pos = len(f.Body)
	if len(c.ctrls) != 0 {
		c.fail("END opcode expected")
	}
}

func (c *funcChecker) push(t wasm.ValType) { c.vals = append(c.vals, t) }

func (c *funcChecker) pushAll(ts []wasm.ValType) { c.vals = append(c.vals, ts...) }

func (c *funcChecker) popAny() wasm.ValType {
	top := &c.ctrls[len(c.ctrls)-1]
	if len(c.vals) == top.height {
		if top.unreachable {
			return unknownType
		}
		c.fail("type mismatch: operand stack empty")
	}
	t := c.vals[len(c.vals)-1]
	c.vals = c.vals[:len(c.vals)-1]
	return t
}

func (c *funcChecker) pop(want wasm.ValType) wasm.ValType {
	got := c.popAny()
	if got != want && got != unknownType && want != unknownType {
		c.fail("type mismatch: expected %s, got %s", want, got)
	}
	return got
}

func (c *funcChecker) popAll(ts []wasm.ValType) {
	for i := len(ts) - 1; i >= 0; i-- {
		c.pop(ts[i])
	}
}

// popAllKeep pops values of types ts (last first) and returns what was popped, Unknown included:
// br_table pushes those back, so that targets of different types meet at the bottom type.
func (c *funcChecker) popAllKeep(ts []wasm.ValType) []wasm.ValType {
	got := make([]wasm.ValType, len(ts))
	for i := len(ts) - 1; i >= 0; i-- {
		got[i] = c.pop(ts[i])
	}
	return got
}

func (c *funcChecker) pushCtrl(op wasm.Op, in, out []wasm.ValType) {
	c.ctrls = append(c.ctrls, ctrlFrame{op: op, start: in, end: out, height: len(c.vals)})
	c.pushAll(in)
}

func (c *funcChecker) popCtrl() ctrlFrame {
	if len(c.ctrls) == 0 {
		c.fail("unexpected end")
	}
	frame := c.ctrls[len(c.ctrls)-1]
	c.popAll(frame.end)
	if len(c.vals) != frame.height {
		c.fail("type mismatch: %d values left on the stack at end of block", len(c.vals)-frame.height)
	}
	c.ctrls = c.ctrls[:len(c.ctrls)-1]
	return frame
}

func (c *funcChecker) setUnreachable() {
	top := &c.ctrls[len(c.ctrls)-1]
	c.vals = c.vals[:top.height]
	top.unreachable = true
}

func (c *funcChecker) label(depth uint32) *ctrlFrame {
	if int(depth) >= len(c.ctrls) {
		c.fail("unknown label %d", depth)
	}
	return &c.ctrls[len(c.ctrls)-1-int(depth)]
}

func (c *funcChecker) blockSig(bt wasm.BlockType) ([]wasm.ValType, []wasm.ValType) {
	switch bt.Kind {
	case wasm.BlockEmpty:
		return nil, nil
	case wasm.BlockValue:
		if !isValType(bt.Val) {
			c.fail("malformed value type 0x%x", byte(bt.Val))
		}
		return nil, []wasm.ValType{bt.Val}
	case wasm.BlockTypeIndex:
		if !c.mod.sigOK(bt.TypeIdx) {
			c.fail("unknown type %d", bt.TypeIdx)
		}
		t := c.mod.m.Types[bt.TypeIdx]
		return t.Params, t.Results
	}
	c.fail("malformed block type")
	return nil, nil
}

func (c *funcChecker) funcSig(i uint32) wasm.FuncType {
	if int(i) >= len(c.mod.funcs) {
		c.fail("unknown function %d", i)
	}
	if !c.mod.sigOK(c.mod.funcs[i]) {
		c.fail("unknown type %d of function %d", c.mod.funcs[i], i)
	}
	return c.mod.m.Types[c.mod.funcs[i]]
}

func (c *funcChecker) table(i uint32) wasm.Table {
	if int(i) >= len(c.mod.tables) {
		c.fail("unknown table %d", i)
	}
	return c.mod.tables[i]
}

func (c *funcChecker) memory() {
	if len(c.mod.mems) == 0 {
		c.fail("unknown memory 0")
	}
}

func (c *funcChecker) global(i uint32) wasm.GlobalType {
	if int(i) >= len(c.mod.globals) {
		c.fail("unknown global %d", i)
	}
	return c.mod.globals[i]
}

func (c *funcChecker) local(i uint32) wasm.ValType {
	if int(i) >= len(c.locals) {
		c.fail("unknown local %d", i)
	}
	return c.locals[i]
}

func (c *funcChecker) elemSeg(i uint32) wasm.Elem {
	if int(i) >= len(c.mod.m.Elems) {
		c.fail("unknown elem segment %d", i)
	}
	return c.mod.m.Elems[i]
}

func (c *funcChecker) dataSeg(i uint32) {
	if int(i) >= len(c.mod.m.Datas) {
		c.fail("unknown data segment %d", i)
	}
}
