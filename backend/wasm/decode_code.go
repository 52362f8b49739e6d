package wasm

import (
	"encoding/binary"

	"cot/ir/wasm"
)

// code decodes the code section: for each function its locals (run-length encoded) and its body.
func (d *decoder) code() {
	r, m := &d.r, d.m
	n := r.count()
	if n != len(d.funcDecl) {
		r.fail("function and code section have inconsistent lengths")
	}
	m.Funcs = make([]wasm.Func, n)
	for i := range m.Funcs {
		f := &m.Funcs[i]
		f.TypeIdx = d.funcDecl[i]
		sizeAt := r.pos
		size := r.u32()
		r.limit(sizeAt, "function body size", uint64(size), maxFunctionSize)
		if uint64(size) > uint64(r.end-r.pos) {
			r.fail("unexpected end of section or function")
		}
		sectionEnd := r.end
		r.end = r.pos + int(size)
		groups := r.count()
		params := uint64(d.paramCount(i))
		total := params
		type run struct {
			n uint32
			t wasm.ValType
		}
		runs := make([]run, groups)
		for g := range runs {
			at := r.pos
			runs[g].n = r.u32()
			runs[g].t = r.valType()
			total += uint64(runs[g].n)
			if total > maxLocals {
				r.failLimit(at, "too many locals: %d (parameters included) exceed the implementation limit of %d", total, maxLocals)
			}
		}
		if total > params {
			f.Locals = make([]wasm.ValType, 0, total-params)
			for _, g := range runs {
				for k := uint32(0); k < g.n; k++ {
					f.Locals = append(f.Locals, g.t)
				}
			}
		}
		if d.lazy != nil { // the body is decoded when it is needed (Lazy.Func)
			d.lazy.bodies = append(d.lazy.bodies, span{r.pos, r.end})
			r.pos = r.end
		} else {
			f.Body, f.Offsets = d.expr(true)
			if r.pos != r.end {
				r.fail("section size mismatch")
			}
		}
		r.end = sectionEnd
	}
}

// constExpr decodes a constant expression (its validity is checked by the validator).
func (d *decoder) constExpr() []wasm.Instr {
	body, _ := d.expr(false)
	return body
}

// expr decodes instructions up to and including the End that closes the expression. Block
// structure is tracked only to find that End; typing is the validator's job.
func (d *decoder) expr(withOffsets bool) ([]wasm.Instr, []uint32) {
	r := &d.r
	capacity := (r.end - r.pos) / 2
	if !withOffsets || capacity < 1 {
		capacity = 2
	}
	body := make([]wasm.Instr, 0, capacity)
	var offsets []uint32
	if withOffsets {
		offsets = make([]uint32, 0, capacity)
	}
	depth := 0
	for {
		if r.pos >= r.end {
			if withOffsets {
				r.fail("END opcode expected")
			}
			r.unexpectedEnd()
		}
		if withOffsets {
			offsets = append(offsets, uint32(r.pos))
		}
		body = append(body, wasm.Instr{})
		in := &body[len(body)-1]
		d.instr(in)
		switch in.Op {
		case wasm.OpBlock, wasm.OpLoop, wasm.OpIf:
			depth++
		case wasm.OpEnd:
			if depth == 0 {
				return body, offsets
			}
			depth--
		}
	}
}

// zeroByte reads a reserved byte that must be 0x00 (memory index placeholders).
func (d *decoder) zeroByte() {
	at := d.r.pos
	if d.r.byte() != 0 {
		d.r.failAt(at, "zero byte expected")
	}
}

func (d *decoder) blockType() wasm.BlockType {
	r := &d.r
	if r.pos < r.end {
		switch c := r.b[r.pos]; {
		case c == 0x40:
			r.pos++
			return wasm.BlockType{}
		case c >= 0x40 && c < 0x80: // a one-byte negative s33: must be a value type
			return wasm.BlockType{Kind: wasm.BlockValue, Val: r.valType()}
		}
	}
	at := r.pos
	x := r.s33()
	if x < 0 {
		r.failAt(at, "malformed block type")
	}
	return wasm.BlockType{Kind: wasm.BlockTypeIndex, TypeIdx: uint32(x)}
}

func (d *decoder) memArg(in *wasm.Instr) {
	in.Align = d.r.u32()
	in.Offset = uint64(d.r.u32())
}

// instr decodes one instruction with its immediates into in (which is zero).
func (d *decoder) instr(in *wasm.Instr) {
	r := &d.r
	at := r.pos
	op := wasm.Op(r.byte())
	in.Op = op
	switch {
	case op == wasm.OpBlock || op == wasm.OpLoop || op == wasm.OpIf:
		in.Block = d.blockType()
	case op == wasm.OpBr || op == wasm.OpBrIf || op == wasm.OpCall || op == wasm.OpRefFunc ||
		(op >= wasm.OpLocalGet && op <= wasm.OpTableSet):
		in.Index = r.u32()
	case op == wasm.OpBrTable:
		n := r.count()
		labels := make([]uint32, n)
		for i := range labels {
			labels[i] = r.u32()
		}
		*in = wasm.BrTable(labels, r.u32())
	case op == wasm.OpCallIndirect:
		in.Index = r.u32()
		in.Index2 = r.u32()
	case op == wasm.OpSelectT:
		*in = wasm.SelectT(d.valTypes())
	case op >= wasm.OpI32Load && op <= wasm.OpI64Store32:
		d.memArg(in)
	case op == wasm.OpMemorySize || op == wasm.OpMemoryGrow:
		d.zeroByte()
	case op == wasm.OpI32Const:
		in.Const = uint64(int64(r.s32()))
	case op == wasm.OpI64Const:
		in.Const = uint64(r.s64())
	case op == wasm.OpF32Const:
		in.Const = uint64(binary.LittleEndian.Uint32(r.fixed(4)))
	case op == wasm.OpF64Const:
		in.Const = binary.LittleEndian.Uint64(r.fixed(8))
	case op == wasm.OpRefNull:
		in.RefType = r.refType()
	case op == 0xFC:
		d.prefixed(in)
	case op <= wasm.OpRefFunc && validPlainOp[op]:
	default:
		r.failAt(at, "illegal opcode %x", byte(op))
	}
}

// prefixed decodes the 0xFC-prefixed instructions: saturating truncation, bulk memory and table.
func (d *decoder) prefixed(in *wasm.Instr) {
	r := &d.r
	at := r.pos
	sub := r.u32()
	if sub > 17 {
		r.failAt(at, "illegal opcode fc %x", sub)
	}
	in.Op = wasm.Op(0xFC00 | sub)
	switch in.Op {
	case wasm.OpMemoryInit:
		in.Index = r.u32()
		d.zeroByte()
	case wasm.OpDataDrop, wasm.OpElemDrop:
		in.Index = r.u32()
	case wasm.OpMemoryCopy:
		d.zeroByte()
		d.zeroByte()
	case wasm.OpMemoryFill:
		d.zeroByte()
	case wasm.OpTableInit, wasm.OpTableCopy:
		in.Index = r.u32()
		in.Index2 = r.u32()
	case wasm.OpTableGrow, wasm.OpTableSize, wasm.OpTableFill:
		in.Index = r.u32()
	}
	if (in.Op == wasm.OpMemoryInit || in.Op == wasm.OpDataDrop) && d.m.DataCount == nil {
		r.failAt(at-1, "data count section required")
	}
}

// validPlainOp marks the one-byte opcodes without immediates (and the structural ones handled
// above) that Wasm 2.0 without SIMD defines.
var validPlainOp = func() [256]bool {
	var v [256]bool
	for op := wasm.Op(0); op < 0x100; op++ {
		v[op] = op.Valid()
	}
	return v
}()
