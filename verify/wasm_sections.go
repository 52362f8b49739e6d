package verify

// The module-level sections of the Wasm validator (wasm.go): declared references, exports,
// element and data segments, constant expressions.

import (
	"cot/ir/wasm"
)

// collectRefs gathers the functions that ref.func may name in bodies: those referenced in
// exports, global initialisers and element segments (spec: C.refs).
func (v *moduleChecker) collectRefs() {
	v.refs = map[uint32]bool{}
	add := func(expr []wasm.Instr) {
		for _, in := range expr {
			if in.Op == wasm.OpRefFunc {
				v.refs[in.Index] = true
			}
		}
	}
	for _, e := range v.m.Exports {
		if e.Kind == wasm.ExternFunc {
			v.refs[e.Index] = true
		}
	}
	for _, g := range v.m.Globals {
		add(g.Init)
	}
	for _, e := range v.m.Elems {
		add(e.Offset)
		for _, it := range e.Init {
			add(it)
		}
	}
	for _, d := range v.m.Datas {
		add(d.Offset)
	}
}

func (v *moduleChecker) exports() {
	seen := map[string]bool{}
	for _, e := range v.m.Exports {
		var n int
		var what string
		switch e.Kind {
		case wasm.ExternFunc:
			n, what = len(v.funcs), "function"
		case wasm.ExternTable:
			n, what = len(v.tables), "table"
		case wasm.ExternMemory:
			n, what = len(v.mems), "memory"
		case wasm.ExternGlobal:
			n, what = len(v.globals), "global"
		default:
			v.errorf("malformed export kind")
			continue
		}
		if int(e.Index) >= n {
			v.errorf("unknown %s %d", what, e.Index)
		}
		if seen[e.Name] {
			v.errorf("duplicate export name %q", e.Name)
		}
		seen[e.Name] = true
	}
}

func (v *moduleChecker) elems() {
	for i, e := range v.m.Elems {
		if !isRefType(e.Type) {
			v.errorf("malformed reference type in elem segment %d", i)
			continue
		}
		if e.Mode == wasm.ElemActive {
			if int(e.Table) >= len(v.tables) {
				v.errorf("unknown table %d", e.Table)
			} else if v.tables[e.Table].Elem != e.Type {
				v.errorf("type mismatch: elem segment %d of %s in table of %s", i, e.Type, v.tables[e.Table].Elem)
			}
			v.constExpr(e.Offset, wasm.I32)
		}
		for _, it := range e.Init {
			v.constExpr(it, e.Type)
		}
	}
}

func (v *moduleChecker) datas() {
	for _, d := range v.m.Datas {
		if d.Mode != wasm.DataActive {
			continue
		}
		if int(d.Memory) >= len(v.mems) {
			v.errorf("unknown memory %d", d.Memory)
		}
		v.constExpr(d.Offset, wasm.I32)
	}
}

// constExpr checks a constant expression producing one value of type want. Spec 2.0: only
// t.const, ref.null, ref.func and global.get of an imported immutable global.
func (v *moduleChecker) constExpr(expr []wasm.Instr, want wasm.ValType) {
	var stack []wasm.ValType
	for i, in := range expr {
		var t wasm.ValType
		switch in.Op {
		case wasm.OpI32Const:
			t = wasm.I32
		case wasm.OpI64Const:
			t = wasm.I64
		case wasm.OpF32Const:
			t = wasm.F32
		case wasm.OpF64Const:
			t = wasm.F64
		case wasm.OpRefNull:
			if !isRefType(in.RefType) {
				v.errorf("malformed reference type")
				return
			}
			t = in.RefType
		case wasm.OpRefFunc:
			if int(in.Index) >= len(v.funcs) {
				v.errorf("unknown function %d", in.Index)
				return
			}
			t = wasm.FuncRef
		case wasm.OpGlobalGet:
			if int(in.Index) >= v.nImpGlb {
				v.errorf("unknown global %d", in.Index)
				return
			}
			if v.globals[in.Index].Mutable {
				v.errorf("constant expression required")
				return
			}
			t = v.globals[in.Index].Type
		case wasm.OpEnd:
			if i != len(expr)-1 {
				v.errorf("constant expression required")
				return
			}
			if len(stack) != 1 || stack[0] != want {
				v.errorf("type mismatch: constant expression of %v, want %s", stack, want)
			}
			return
		default:
			v.errorf("constant expression required")
			return
		}
		stack = append(stack, t)
	}
	v.errorf("constant expression must end with end")
}
