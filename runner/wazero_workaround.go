package runner

// wasm -> wasm: the module RunWazero hands to wazero's optimizing compiler.
//
//	a b i{32,64}.{lt,gt,le,ge}_{s,u}   =>   a b i{32,64}.const 0 i{32,64}.or i{32,64}.{lt,…}
//	(unless b is pushed by a constant, load, call or arithmetic other than `and`)
//
// Why: wazero v1.12.0's compiler (amd64 and arm64 alike) fuses `icmp cond, 0, band(x, y)` that
// feeds a branch into one flag-setting `test x, y` / `ands`, then branches on cond as though the
// operands were `band(x, y), 0` — for an ordered comparison with the constant 0 on the left the
// branch goes the wrong way (tryLowerBandToFlag in backend/isa/*/; TestWazeroCompilerMiscompile
// keeps the reproducer). The pattern is matched on wazero's SSA, after locals and redundant block
// parameters are resolved, so whether an operand is a constant 0 cannot be seen in the Wasm. Its
// right operand, though, can be kept from ever being an `and`: `b | 0` is a `bor` in wazero's SSA
// (its only simplification pass removes shifts by 0, never `or 0`), so no comparison of the
// module matches the fused form. Equality tests need nothing: `test` is right for them either way.
// A right operand pushed by the instruction just before the comparison is left alone unless that
// instruction is an `and`: a constant, load, call or other arithmetic is never a `band` in
// wazero's SSA. What remains (operands from local.get/tee and block results) costs one `or`
// each; the differential suite (golden/) judges the rest.

import "cot/ir/wasm"

// orderedCompare reports the integer comparisons whose operand order matters, with the width of
// their operands.
func orderedCompare(op wasm.Op) (wasm.ValType, bool) {
	switch {
	case op >= wasm.OpI32LtS && op <= wasm.OpI32GeU:
		return wasm.I32, true
	case op >= wasm.OpI64LtS && op <= wasm.OpI64GeU:
		return wasm.I64, true
	}
	return 0, false
}

// needsOr reports whether body[j] is an ordered comparison whose right operand may be a `band`
// in wazero's SSA: it is not pushed by the instruction before, or that instruction is an `and`.
func needsOr(body []wasm.Instr, j int) bool {
	if _, ok := orderedCompare(body[j].Op); !ok {
		return false
	}
	if j == 0 {
		return true
	}
	switch op := body[j-1].Op; {
	case op == wasm.OpI32And || op == wasm.OpI64And:
		return true
	case op == wasm.OpCall || op == wasm.OpCallIndirect || op == wasm.OpGlobalGet:
		return false
	case op >= wasm.OpI32Load && op <= wasm.OpI64Load32U:
		return false
	case op >= wasm.OpMemorySize && op <= wasm.OpI64Extend32S: // constants and numeric instructions
		return false
	}
	return true
}

// avoidBandCompareMiscompile returns m with every ordered integer comparison whose right operand
// may be an `and` given that operand through `or 0`, and whether it changed anything.
func avoidBandCompareMiscompile(m *wasm.Module) bool {
	changed := false
	for i := range m.Funcs {
		f := &m.Funcs[i]
		n := 0
		for j := range f.Body {
			if needsOr(f.Body, j) {
				n++
			}
		}
		if n == 0 {
			continue
		}
		body := make([]wasm.Instr, 0, len(f.Body)+2*n)
		for j, in := range f.Body {
			if needsOr(f.Body, j) {
				t, _ := orderedCompare(in.Op)
				if t == wasm.I32 {
					body = append(body, wasm.I32Const(0), wasm.Simple(wasm.OpI32Or))
				} else {
					body = append(body, wasm.I64Const(0), wasm.Simple(wasm.OpI64Or))
				}
			}
			body = append(body, in)
		}
		f.Body, f.Offsets = body, nil
		changed = true
	}
	return changed
}
