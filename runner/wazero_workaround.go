package runner

// wasm -> wasm: the module RunWazero hands to wazero's optimizing compiler.
//
//	a b i{32,64}.{lt,gt,le,ge}_{s,u}   =>   a b i{32,64}.const 0 i{32,64}.or i{32,64}.{lt,…}
//	(only where b may be an `and`'s result)
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
//
// The `or` costs about two instructions, so it goes only where b may be a `band` in wazero's SSA,
// whose only source in Wasm code is i32.and/i64.and: b pushed by an `and`; b read from a local
// that may hold an `and`'s result (assigned one, directly or through other locals: bandLocals);
// b of unknown origin (a block's result). A b pushed by a constant, load, call or any other
// arithmetic is left alone, as is a loop bound in a local assigned only constants or parameters.
// The differential suite (golden/) judges the rest.

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

// nonBand reports whether op pushes a value that is never a `band` in wazero's SSA.
func nonBand(op wasm.Op) bool {
	switch {
	case op == wasm.OpI32And || op == wasm.OpI64And:
		return false
	case op == wasm.OpCall || op == wasm.OpCallIndirect || op == wasm.OpGlobalGet:
		return true
	case op >= wasm.OpI32Load && op <= wasm.OpI64Load32U:
		return true
	case op >= wasm.OpMemorySize && op <= wasm.OpI64Extend32S: // constants and numeric instructions
		return true
	}
	return false
}

// bandLocals returns the locals of body that may hold an `and`'s result: those assigned (set or
// tee) a value that is not nonBand — an `and`, a block's result, or a local that may hold one.
// Parameters and the zero a local starts with are never a `band`.
func bandLocals(body []wasm.Instr) map[uint32]bool {
	tainted := map[uint32]bool{}
	copies := map[uint32][]uint32{} // local -> locals assigned its value
	var work []uint32
	for k, in := range body {
		if in.Op != wasm.OpLocalSet && in.Op != wasm.OpLocalTee || k == 0 {
			continue
		}
		switch src := body[k-1]; {
		case src.Op == wasm.OpLocalGet || src.Op == wasm.OpLocalTee:
			copies[src.Index] = append(copies[src.Index], in.Index)
		case !nonBand(src.Op) && !tainted[in.Index]:
			tainted[in.Index] = true
			work = append(work, in.Index)
		}
	}
	for len(work) > 0 {
		l := work[len(work)-1]
		work = work[:len(work)-1]
		for _, to := range copies[l] {
			if !tainted[to] {
				tainted[to] = true
				work = append(work, to)
			}
		}
	}
	return tainted
}

// needsOr reports whether body[j] is an ordered comparison whose right operand may be a `band`.
func needsOr(body []wasm.Instr, j int, tainted map[uint32]bool) bool {
	if _, ok := orderedCompare(body[j].Op); !ok {
		return false
	}
	if j == 0 {
		return true
	}
	switch b := body[j-1]; {
	case b.Op == wasm.OpLocalGet || b.Op == wasm.OpLocalTee:
		return tainted[b.Index]
	default:
		return !nonBand(b.Op)
	}
}

// avoidBandCompareMiscompile returns m with every ordered integer comparison whose right operand
// may be an `and` given that operand through `or 0`, and whether it changed anything.
func avoidBandCompareMiscompile(m *wasm.Module) bool {
	changed := false
	for i := range m.Funcs {
		f := &m.Funcs[i]
		tainted := bandLocals(f.Body)
		n := 0
		for j := range f.Body {
			if needsOr(f.Body, j, tainted) {
				n++
			}
		}
		if n == 0 {
			continue
		}
		body := make([]wasm.Instr, 0, len(f.Body)+2*n)
		for j, in := range f.Body {
			if needsOr(f.Body, j, tainted) {
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
