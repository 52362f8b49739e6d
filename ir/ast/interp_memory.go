package ast

// Linear memory of the reference interpreter (interp.go): a byte array laid out as the compiled
// program's memory (memory.go), with the static data image at DataBase and a shadow stack below
// StackTop. Before make-memory-explicit a variable whose address is taken lives in a stack slot
// of its call (its box), found by binder ID; an alloca is a slot of its call found by node, so a
// loop reuses it as the compiled frame does; after make-frames-explicit a call with a frame
// moves the stack pointer by the frame's size and frame-addr is an offset from it.

import (
	"encoding/binary"

	"cot/ir/types"
)

// callMem is the memory state of one call.
type callMem struct {
	boxes map[int]int64  // binder ID -> address of its box
	slots map[Node]int64 // alloca -> address of its slot
	fp    int64          // frame pointer, when the function has a frame
}

// memory returns the linear memory, creating it on first use.
func (in *interp) memory() []byte {
	if in.mem == nil {
		in.mem = make([]byte, MemoryPages(len(in.prog.Data))*PageSize)
		copy(in.mem[DataBase:], in.prog.Data)
	}
	return in.mem
}

// bytesAt returns the n bytes at address a (wrapped to 32 bits, as a Wasm access), trapping
// outside the memory.
func (in *interp) bytesAt(a int64, n int) []byte {
	mem := in.memory()
	addr := uint64(uint32(a))
	if addr+uint64(n) > uint64(len(mem)) {
		panic(trapSignal("out of bounds memory access"))
	}
	return mem[addr : addr+uint64(n)]
}

// load reads the scalar of type t at a.
func (in *interp) load(a int64, t types.Type) int64 {
	if t == types.TString {
		return in.loadString(a)
	}
	size := int(types.Sizeof(t))
	var buf [8]byte
	copy(buf[:], in.bytesAt(a, size))
	return norm(int64(binary.LittleEndian.Uint64(buf[:])), t)
}

// store writes the scalar v of type t at a.
func (in *interp) store(a int64, t types.Type, v int64) {
	if t == types.TString {
		in.storeString(a, v)
		return
	}
	var buf [8]byte
	binary.LittleEndian.PutUint64(buf[:], uint64(v))
	copy(in.bytesAt(a, int(types.Sizeof(t))), buf[:])
}

// alloc reserves a stack slot for a value of type t; running out of stack stops the program as
// the compiled frame check does.
func (in *interp) alloc(t types.Type) int64 {
	in.memory()
	size, align := max(types.Sizeof(t), 1), max(types.Alignof(t), 1)
	in.sp = (in.sp - size) &^ (align - 1)
	if in.sp < StackLimitOf(len(in.prog.Data)) {
		in.stderr.WriteString("error: stack overflow\n")
		panic(exitSignal(134))
	}
	return in.sp
}

func (in *interp) top() *callMem { return in.calls[len(in.calls)-1] }

// boxOf returns the address of binder id's box, or false when it lives outside memory.
func (in *interp) boxOf(id int) (int64, bool) {
	if len(in.calls) > 0 {
		if a, ok := in.top().boxes[id]; ok {
			return a, true
		}
	}
	a, ok := in.globalBoxes[id]
	return a, ok
}

// declare gives the local binder id its value v: in its box (allocated once per call) when its
// address is taken, else in the frame.
func (in *interp) declare(id int, t types.Type, v int64, fr frame) {
	if !in.taken[id] && !isAggregate(t) {
		fr[id] = v
		return
	}
	cm := in.top()
	a, ok := cm.boxes[id]
	if !ok {
		a = in.alloc(t)
		cm.boxes[id] = a
		in.boxTypes[id] = t
	}
	in.put(a, t, v)
}

// typeOfBox is the type of the value in binder id's box.
func (in *interp) typeOfBox(id int) types.Type { return in.boxTypes[id] }

// AddressTaken returns the binders of p that appear as the operand of &.
func AddressTaken(p *Program) map[int]bool {
	taken := map[int]bool{}
	for _, d := range p.Decls {
		Inspect(d, func(n Node) bool {
			if a, ok := n.(*AddrOf); ok {
				if ref, ok := a.X.(*Ref); ok {
					taken[ref.Name.ID] = true
				}
			}
			return true
		})
	}
	return taken
}

// memoryStmt runs a store; it reports false for another statement.
func (in *interp) memoryStmt(s Stmt, fr frame) bool {
	st, ok := s.(*Store)
	if !ok {
		return in.structStmt(s, fr)
	}
	a := in.eval(st.Addr, fr)
	in.store(a, st.Value.Type(), in.eval(st.Value, fr))
	return true
}

// memoryExpr evaluates a memory expression; ok is false for another kind.
func (in *interp) memoryExpr(e Expr, fr frame) (v int64, ok bool) {
	switch e := e.(type) {
	case *AddrOf:
		switch x := e.X.(type) {
		case *Ref:
			a, boxed := in.boxOf(x.Name.ID)
			if !boxed {
				panic("interpret: address of a variable without a box")
			}
			return a, true
		case *Deref:
			return in.eval(x.X, fr), true
		case *Field:
			return in.fieldAddr(x, fr), true
		case *Index:
			return in.indexAddr(x, fr), true
		}
		panic("interpret: address of " + e.X.Kind())
	case *Deref:
		return in.get(in.eval(e.X, fr), e.T), true
	case *Load:
		return in.load(in.eval(e.Addr, fr), e.T), true
	case *Alloca:
		cm := in.top()
		a, seen := cm.slots[e]
		if !seen {
			a = in.alloc(e.Elem())
			cm.slots[e] = a
		}
		return a, true
	case *FrameAddr:
		return in.top().fp + e.Offset, true
	case *StackLimit:
		return StackLimitOf(len(in.prog.Data)), true
	}
	return in.structExpr(e, fr)
}

// pointerStep is the operand of `p += n` / `p -= n` in bytes when the target has pointer type t
// (n elements, spec §6.2), n itself otherwise.
func pointerStep(t types.Type, n int64) int64 {
	if p, ok := t.(*types.Pointer); ok {
		return n * types.Sizeof(p.Elem)
	}
	return n
}
