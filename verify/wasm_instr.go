package verify

import "cot/ir/wasm"

// instr applies the typing rule of one instruction to the operand and control stacks.
func (c *funcChecker) instr(in *wasm.Instr) {
	slot := opSlot(in.Op)
	if slot == opSlots {
		c.fail("illegal opcode %s", in.Op)
	}
	if s := &numericSigs[slot]; s.n > 0 {
		for i := s.n - 1; i >= 0; i-- {
			c.pop(s.in[i])
		}
		c.push(s.out)
		return
	}
	if a := &memAccesses[slot]; a.t != 0 {
		c.memory()
		if uint64(in.Align) > uint64(a.log2) {
			c.fail("alignment must not be larger than natural")
		}
		if in.Offset > 1<<32-1 {
			c.fail("offset out of range")
		}
		if a.store {
			c.pop(a.t)
			c.pop(wasm.I32)
		} else {
			c.pop(wasm.I32)
			c.push(a.t)
		}
		return
	}
	switch in.Op {
	case wasm.OpUnreachable:
		c.setUnreachable()
	case wasm.OpNop:
	case wasm.OpBlock, wasm.OpLoop:
		params, results := c.blockSig(in.Block)
		c.popAll(params)
		c.pushCtrl(in.Op, params, results)
	case wasm.OpIf:
		params, results := c.blockSig(in.Block)
		c.pop(wasm.I32)
		c.popAll(params)
		c.pushCtrl(in.Op, params, results)
	case wasm.OpElse:
		if c.ctrls[len(c.ctrls)-1].op != wasm.OpIf {
			c.fail("else without if")
		}
		frame := c.popCtrl()
		c.pushCtrl(wasm.OpElse, frame.start, frame.end)
	case wasm.OpEnd:
		frame := c.popCtrl()
		if frame.op == wasm.OpIf && !sameTypes(frame.start, frame.end) {
			c.fail("type mismatch: if without else must have equal parameter and result types")
		}
		c.pushAll(frame.end)
	case wasm.OpBr:
		c.popAll(c.label(in.Index).labelTypes())
		c.setUnreachable()
	case wasm.OpBrIf:
		c.pop(wasm.I32)
		ts := c.label(in.Index).labelTypes()
		c.popAll(ts)
		c.pushAll(ts)
	case wasm.OpBrTable:
		c.pop(wasm.I32)
		def := c.label(in.Index).labelTypes()
		for _, l := range in.Labels() {
			ts := c.label(l).labelTypes()
			if len(ts) != len(def) {
				c.fail("type mismatch: br_table targets of different arity")
			}
			c.pushAll(c.popAllKeep(ts))
		}
		c.popAll(def)
		c.setUnreachable()
	case wasm.OpReturn:
		c.popAll(c.ctrls[0].end)
		c.setUnreachable()
	case wasm.OpCall:
		sig := c.funcSig(in.Index)
		c.popAll(sig.Params)
		c.pushAll(sig.Results)
	case wasm.OpCallIndirect:
		if c.table(in.Index2).Elem != wasm.FuncRef {
			c.fail("type mismatch: call_indirect through a table of %s", c.table(in.Index2).Elem)
		}
		if !c.mod.sigOK(in.Index) {
			c.fail("unknown type %d", in.Index)
		}
		sig := c.mod.m.Types[in.Index]
		c.pop(wasm.I32)
		c.popAll(sig.Params)
		c.pushAll(sig.Results)
	case wasm.OpDrop:
		c.popAny()
	case wasm.OpSelect:
		c.pop(wasm.I32)
		t1, t2 := c.popAny(), c.popAny()
		if !isNumOrUnknown(t1) || !isNumOrUnknown(t2) {
			c.fail("type mismatch: select of reference types needs a type annotation")
		}
		if t1 != t2 && t1 != unknownType && t2 != unknownType {
			c.fail("type mismatch: select of %s and %s", t2, t1)
		}
		if t1 == unknownType {
			t1 = t2
		}
		c.push(t1)
	case wasm.OpSelectT:
		if len(in.Types()) != 1 {
			c.fail("invalid result arity")
		}
		t := in.Types()[0]
		if !isValType(t) {
			c.fail("malformed value type 0x%x", byte(t))
		}
		c.pop(wasm.I32)
		c.pop(t)
		c.pop(t)
		c.push(t)
	case wasm.OpLocalGet:
		c.push(c.local(in.Index))
	case wasm.OpLocalSet:
		c.pop(c.local(in.Index))
	case wasm.OpLocalTee:
		t := c.local(in.Index)
		c.pop(t)
		c.push(t)
	case wasm.OpGlobalGet:
		c.push(c.global(in.Index).Type)
	case wasm.OpGlobalSet:
		g := c.global(in.Index)
		if !g.Mutable {
			c.fail("global is immutable")
		}
		c.pop(g.Type)
	case wasm.OpI32Const:
		c.push(wasm.I32)
	case wasm.OpI64Const:
		c.push(wasm.I64)
	case wasm.OpF32Const:
		c.push(wasm.F32)
	case wasm.OpF64Const:
		c.push(wasm.F64)
	case wasm.OpMemorySize:
		c.memory()
		c.push(wasm.I32)
	case wasm.OpMemoryGrow:
		c.memory()
		c.pop(wasm.I32)
		c.push(wasm.I32)
	default:
		c.refOrBulk(in)
	}
}

// refOrBulk types the reference, table and bulk-memory instructions.
func (c *funcChecker) refOrBulk(in *wasm.Instr) {
	switch in.Op {
	case wasm.OpRefNull:
		if !isRefType(in.RefType) {
			c.fail("malformed reference type")
		}
		c.push(in.RefType)
	case wasm.OpRefIsNull:
		if t := c.popAny(); t != unknownType && !isRefType(t) {
			c.fail("type mismatch: ref.is_null of %s", t)
		}
		c.push(wasm.I32)
	case wasm.OpRefFunc:
		c.funcSig(in.Index)
		if !c.mod.refs[in.Index] {
			c.fail("undeclared function reference")
		}
		c.push(wasm.FuncRef)
	case wasm.OpTableGet:
		t := c.table(in.Index)
		c.pop(wasm.I32)
		c.push(t.Elem)
	case wasm.OpTableSet:
		t := c.table(in.Index)
		c.pop(t.Elem)
		c.pop(wasm.I32)
	case wasm.OpTableSize:
		c.table(in.Index)
		c.push(wasm.I32)
	case wasm.OpTableGrow:
		t := c.table(in.Index)
		c.pop(wasm.I32)
		c.pop(t.Elem)
		c.push(wasm.I32)
	case wasm.OpTableFill:
		t := c.table(in.Index)
		c.pop(wasm.I32)
		c.pop(t.Elem)
		c.pop(wasm.I32)
	case wasm.OpTableCopy:
		dst, src := c.table(in.Index), c.table(in.Index2)
		if dst.Elem != src.Elem {
			c.fail("type mismatch: table.copy from %s to %s", src.Elem, dst.Elem)
		}
		c.pop3(wasm.I32)
	case wasm.OpTableInit:
		t := c.table(in.Index2)
		if e := c.elemSeg(in.Index); e.Type != t.Elem {
			c.fail("type mismatch: table.init of %s into %s", e.Type, t.Elem)
		}
		c.pop3(wasm.I32)
	case wasm.OpElemDrop:
		c.elemSeg(in.Index)
	case wasm.OpMemoryInit:
		c.memory()
		c.dataSeg(in.Index)
		c.pop3(wasm.I32)
	case wasm.OpDataDrop:
		c.dataSeg(in.Index)
	case wasm.OpMemoryCopy, wasm.OpMemoryFill:
		c.memory()
		c.pop3(wasm.I32)
	default:
		c.fail("illegal opcode %s", in.Op)
	}
}

func (c *funcChecker) pop3(t wasm.ValType) {
	c.pop(t)
	c.pop(t)
	c.pop(t)
}

func isNumOrUnknown(t wasm.ValType) bool {
	switch t {
	case unknownType, wasm.I32, wasm.I64, wasm.F32, wasm.F64:
		return true
	}
	return false
}

func sameTypes(a, b []wasm.ValType) bool {
	return wasm.FuncType{Params: a}.Equal(wasm.FuncType{Params: b})
}
