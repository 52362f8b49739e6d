package passes

// Linear memory for lower-to-wasm (see lower_to_wasm_pass.go): loads, stores and frames.
//
// A pointer is a Wasm i64 holding the address (spec §9.1); an access wraps it to the i32 that
// Wasm's 32-bit memory takes. Each scalar is loaded at its width and extended as its type's
// representation wants (lower_to_wasm_int.go), and stored at its width:
//
//	(load:i8 p)       =>  p i32.wrap_i64 i32.load8_s
//	(load:u16 p)      =>  p i32.wrap_i64 i32.load16_u
//	(store p v:i64)   =>  p i32.wrap_i64 v i64.store
//	(offset p 8)      =>  p i64.const 8 i64.add
//	(elem:(ptr i32) p i)  =>  p i i64.const 4 i64.mul i64.add
//	(copy d s 16)     =>  d i32.wrap_i64 s i32.wrap_i64 i32.const 16 memory.copy
//	(fill d 16)       =>  d i32.wrap_i64 i32.const 0 i32.const 16 memory.fill
//
// A function with a frame keeps its frame pointer in an i64 local. Entry and every return move
// the stack pointer global (allocated by symbol; link-runtime keeps it):
//
//	entry            =>  global.get $sp i64.extend_i32_u i64.const N i64.sub local.tee $fp
//	                     i64.const LIMIT local.get $fp i64.const LIMIT i64.gt_s select
//	                     i32.wrap_i64 global.set $sp
//
// (the stack pointer never goes below the limit, so the body's stack check can report an
// overflow with the runtime's scratch in the red zone, ir/ast/memory.go)
//	return           =>  local.get $fp i64.const N i64.add i32.wrap_i64 global.set $sp return
//	(frame-addr 8)   =>  local.get $fp i64.const 8 i64.add
//	(stack-limit)    =>  i64.const ast.StackLimitOf(len(data))

import (
	"fmt"

	"cot/ir/ast"
	"cot/ir/types"
	"cot/ir/wasm"
	"cot/runtime"
)

// memOps are the load and store instructions of a scalar type and its log2 alignment.
type memOps struct {
	load, store wasm.Op
	align       uint32
}

func scalarMemOps(t types.Type) memOps {
	switch {
	case wide(t):
		return memOps{wasm.OpI64Load, wasm.OpI64Store, 3}
	case t == types.TBool || t == types.TU8:
		return memOps{wasm.OpI32Load8U, wasm.OpI32Store8, 0}
	case t == types.TI8:
		return memOps{wasm.OpI32Load8S, wasm.OpI32Store8, 0}
	case t == types.TU16:
		return memOps{wasm.OpI32Load16U, wasm.OpI32Store16, 1}
	case t == types.TI16:
		return memOps{wasm.OpI32Load16S, wasm.OpI32Store16, 1}
	case t == types.TI32 || t == types.TU32:
		return memOps{wasm.OpI32Load, wasm.OpI32Store, 2}
	case t == types.TF32:
		return memOps{wasm.OpF32Load, wasm.OpF32Store, 2}
	case t == types.TF64:
		return memOps{wasm.OpF64Load, wasm.OpF64Store, 3}
	}
	panic(fmt.Sprintf("lower-to-wasm: no memory access for %v", t))
}

func memInstr(op wasm.Op, align uint32) wasm.Instr { return wasm.Instr{Op: op, Align: align} }

// memoryStmt lowers a store; it reports false for another statement.
func (fl *funcLowerer) memoryStmt(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.Store:
		if s.Value.Type() == types.TString {
			fl.storeString(s)
			return true
		}
		ops := scalarMemOps(s.Value.Type())
		fl.address(s.Addr)
		fl.expr(s.Value)
		fl.emit(memInstr(ops.store, ops.align))
	case *ast.Copy:
		fl.address(s.Dst)
		fl.address(s.Src)
		fl.emit(wasm.I32Const(int32(s.Size)), wasm.Simple(wasm.OpMemoryCopy))
	case *ast.Fill:
		fl.address(s.Dst)
		fl.emit(wasm.I32Const(0), wasm.I32Const(int32(s.Size)), wasm.Simple(wasm.OpMemoryFill))
	default:
		return false
	}
	return true
}

// address emits the Wasm (i32) address of the pointer e.
func (fl *funcLowerer) address(e ast.Expr) {
	fl.expr(e)
	fl.emit(wasm.Simple(wasm.OpI32WrapI64))
}

// memoryExpr lowers a load, a frame address or the stack limit; it reports false for another
// expression.
func (fl *funcLowerer) memoryExpr(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Load:
		ops := scalarMemOps(e.T)
		fl.address(e.Addr)
		fl.emit(memInstr(ops.load, ops.align))
	case *ast.Offset:
		fl.expr(e.X)
		if e.Off != 0 {
			fl.emit(wasm.I64Const(e.Off), wasm.Simple(wasm.OpI64Add))
		}
	case *ast.Elem:
		fl.expr(e.X)
		fl.expr(e.I)
		if size := types.Sizeof(e.T.(*types.Pointer).Elem); size != 1 {
			fl.emit(wasm.I64Const(size), wasm.Simple(wasm.OpI64Mul))
		}
		fl.emit(wasm.Simple(wasm.OpI64Add))
	case *ast.FrameAddr:
		fl.emit(wasm.LocalGet(fl.fp))
		if e.Offset != 0 {
			fl.emit(wasm.I64Const(e.Offset), wasm.Simple(wasm.OpI64Add))
		}
	case *ast.StackLimit:
		fl.emit(wasm.I64Const(ast.StackLimitOf(fl.dataLen)))
	default:
		return false
	}
	return true
}

// enterFrame emits the prologue of a function with a frame (fl.frame > 0).
func (fl *funcLowerer) enterFrame() {
	fl.fp = uint32(fl.nparams + len(fl.localTypes))
	fl.localTypes = append(fl.localTypes, wasm.I64)
	sp := fl.b.globalIndex(runtime.StackPointer)
	limit := ast.StackLimitOf(fl.dataLen)
	fl.emit(wasm.GlobalGet(sp), wasm.Simple(wasm.OpI64ExtendI32U), wasm.I64Const(fl.frame), wasm.Simple(wasm.OpI64Sub),
		wasm.Instr{Op: wasm.OpLocalTee, Index: fl.fp}, wasm.I64Const(limit), wasm.LocalGet(fl.fp), wasm.I64Const(limit),
		wasm.Simple(wasm.OpI64GtS), wasm.Simple(wasm.OpSelect), wasm.Simple(wasm.OpI32WrapI64), wasm.GlobalSet(sp))
}

// leaveFrame emits the epilogue that pops the frame, before a return or the end of the body.
func (fl *funcLowerer) leaveFrame() {
	if fl.frame == 0 {
		return
	}
	fl.emit(wasm.LocalGet(fl.fp), wasm.I64Const(fl.frame), wasm.Simple(wasm.OpI64Add),
		wasm.Simple(wasm.OpI32WrapI64), wasm.GlobalSet(fl.b.globalIndex(runtime.StackPointer)))
}

// usesFrames reports whether a function of p has a frame (the module then needs the stack
// pointer global).
func usesFrames(p *ast.Program) bool {
	for _, d := range p.Decls {
		if f, ok := d.(*ast.Func); ok && f.Frame > 0 {
			return true
		}
	}
	return false
}
