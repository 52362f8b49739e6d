package ast

import "cot/ir/types"

// Test and bench blocks (spec §2.5): `test "name" { body }` is a Func with TestKind "test", a
// void function without parameters whose binder no expression can name; a bench block the same
// with TestKind "bench". lower-tests turns every test into a plain function and, under
// `cot test`, generates the runner that calls them; under `cot bench` the same for the benches.
//
//	(test "adds two numbers" test#4 (block (assert-eq (+ 1 2) 3)))
//	(bench "sum loop" bench#5 (block ...))

// testSx renders a test block.
func testSx(f *Func) *sx {
	return stmtList(atom(f.TestKind), quoted(f.TestName), atom(f.Name.String()), stmtSx(f.Body))
}

// readTest reads a test or bench block.
func (rd *reader) readTest(s *sx) Decl {
	a := shape(s, 3, false)
	if !a[0].quoted {
		fail(a[0], "want the block's name as a quoted string")
	}
	return &Func{TestKind: s.list[0].atom, TestName: a[0].atom, Name: readName(a[1]), Result: types.TVoid, Body: rd.readBlock(a[2])}
}

func init() {
	// clock_ns(id) reads WASI clock id (1: monotonic) in nanoseconds; the test runner times with it
	// (runtime/clock.cot).
	Runtime["clock_ns"] = RuntimeSig{Params: []types.Type{types.TI64}, Result: types.TI64}
	// heap_blocks() counts the heap blocks allocated and not freed; `cot test --leaks` reads it
	// around each test (runtime/alloc.cot).
	Runtime["heap_blocks"] = RuntimeSig{Result: types.TI64}
	// The bench runner of `cot bench` (runtime/bench.cot): bench_begin starts the run's clock,
	// bench_iterations(t, n) is the calibrated count, bench_report(n, elapsed) and
	// bench_summary(count, colour) write spec §16.5's lines.
	Runtime["bench_begin"] = RuntimeSig{Result: types.TVoid}
	Runtime["bench_iterations"] = RuntimeSig{Params: []types.Type{types.TI64, types.TI64}, Result: types.TI64}
	Runtime["bench_report"] = RuntimeSig{Params: []types.Type{types.TI64, types.TI64}, Result: types.TVoid}
	Runtime["bench_summary"] = RuntimeSig{Params: []types.Type{types.TI64, types.TBool}, Result: types.TVoid}
}
