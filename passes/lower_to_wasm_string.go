package passes

// Strings of lower-to-wasm (see lower_to_wasm.go; ir/ast/node_string.go): a string value is one
// i64, len << 32 | ptr; in memory it is ptr@0 (i64), len@8 (i64), spec §3.3.
//
//	(str-len S)       =>  S i64.const 32 i64.shr_u
//	(str-ptr S)       =>  S i64.const 0xffffffff i64.and
//	(str-make P L)    =>  L i64.const 32 i64.shl P i64.const 0xffffffff i64.and i64.or
//	(load:string A)   =>  A wrap (tee a) i64.load 0, a i64.load 8, then packed as str-make
//	(store A V)       =>  A wrap (set a) V (set v), a v&mask i64.store 0, a v>>32 i64.store 8

import (
	"cot/ir/ast"
	"cot/ir/types"
	"cot/ir/wasm"
)

const lowHalf = 0xffffffff

// stringExpr lowers a string primitive or a string load; it reports false for another expression.
func (fl *funcLowerer) stringExpr(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.StrLen:
		fl.expr(e.X)
		fl.emit(wasm.I64Const(32), wasm.Simple(wasm.OpI64ShrU))
	case *ast.StrPtr:
		fl.expr(e.X)
		fl.emit(wasm.I64Const(lowHalf), wasm.Simple(wasm.OpI64And))
	case *ast.StrMake:
		fl.expr(e.Len)
		fl.emit(wasm.I64Const(32), wasm.Simple(wasm.OpI64Shl))
		fl.expr(e.Ptr)
		fl.emit(wasm.I64Const(lowHalf), wasm.Simple(wasm.OpI64And), wasm.Simple(wasm.OpI64Or))
	case *ast.Load:
		if e.T != types.TString {
			return false
		}
		a := fl.scratch(wasm.I32)
		fl.expr(e.Addr)
		fl.emit(wasm.Simple(wasm.OpI32WrapI64), wasm.Instr{Op: wasm.OpLocalTee, Index: a},
			wasm.Instr{Op: wasm.OpI64Load, Align: 3, Offset: 8}, wasm.I64Const(32), wasm.Simple(wasm.OpI64Shl),
			wasm.LocalGet(a), wasm.Instr{Op: wasm.OpI64Load, Align: 3},
			wasm.I64Const(lowHalf), wasm.Simple(wasm.OpI64And), wasm.Simple(wasm.OpI64Or))
	default:
		return false
	}
	return true
}

// storeString lowers a store of a string value.
func (fl *funcLowerer) storeString(st *ast.Store) {
	a, v := fl.scratch(wasm.I32), fl.scratch(wasm.I64)
	fl.expr(st.Addr)
	fl.emit(wasm.Simple(wasm.OpI32WrapI64), wasm.LocalSet(a))
	fl.expr(st.Value)
	fl.emit(wasm.LocalSet(v),
		wasm.LocalGet(a), wasm.LocalGet(v), wasm.I64Const(lowHalf), wasm.Simple(wasm.OpI64And),
		wasm.Instr{Op: wasm.OpI64Store, Align: 3},
		wasm.LocalGet(a), wasm.LocalGet(v), wasm.I64Const(32), wasm.Simple(wasm.OpI64ShrU),
		wasm.Instr{Op: wasm.OpI64Store, Align: 3, Offset: 8})
}

// scratch is a fresh local of type t that no binder names.
func (fl *funcLowerer) scratch(t wasm.ValType) uint32 {
	fl.localTypes = append(fl.localTypes, t)
	return uint32(fl.nparams + len(fl.localTypes) - 1)
}
