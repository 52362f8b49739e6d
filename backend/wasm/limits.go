package wasm

import "fmt"

// The implementation limits Decode enforces. The spec allows modules far larger than any engine
// compiles (2^32-1 locals, tables of 2^32-1 entries); a hostile module within the spec could make
// cot aot spend gigabytes and minutes. These are wasmparser's limits, the validator of wasmtime
// (wasmparser::limits, agreed with V8 "for consistency"): a module wasmtime rejects for its size,
// cot rejects too, at the byte where the limit is crossed, before anything large is allocated.
//
// One difference: wasmtime v25 (our wasmtime-go) still has wasmparser's older br_table limit of
// 131,072 targets and no function-size limit; current wasmparser bounds both by 7,654,321 (a
// br_table's targets take a byte each, so the function-size limit bounds it here).
const (
	// MaxModuleSize is the largest module: 1 GiB. cot aot refuses a larger file before reading it.
	MaxModuleSize = 1 << 30

	maxTypes        = 1_000_000
	maxFunctions    = 1_000_000 // imported and defined
	maxImports      = 1_000_000
	maxExports      = 1_000_000
	maxGlobals      = 1_000_000 // imported and defined
	maxElemSegments = 100_000
	maxDataSegments = 100_000
	maxTables       = 100 // imported and defined
	maxMemories     = 100 // imported and defined
	maxNameSize     = 100_000
	maxFunctionSize = 7_654_321 // bytes of one function body
	maxLocals       = 50_000    // parameters included
	maxParams       = 1_000
	maxResults      = 1_000
	maxTableEntries = 10_000_000 // a table's initial size
)

// limit fails at off when n exceeds max: "<what> count N exceeds the implementation limit of M".
func (r *reader) limit(off int, what string, n, max uint64) {
	if n > max {
		r.failLimit(off, "%s %d exceeds the implementation limit of %d", what, n, max)
	}
}

// failLimit fails at off with a DecodeError marked as a crossed implementation limit.
func (r *reader) failLimit(off int, format string, args ...any) {
	panic(decodeFailure{&DecodeError{Offset: off, Msg: fmt.Sprintf(format, args...), Limit: true}})
}

// countLimited reads a vector length that, with the already present, may not exceed max.
func (r *reader) countLimited(what string, already int, max uint64) int {
	start := r.pos
	n := r.u32()
	r.limit(start, what+" count", uint64(already)+uint64(n), max)
	r.pos = start
	return r.count()
}

// numImported returns how many imports of kind k the module has so far.
func (d *decoder) numImported(k byte) int {
	n := 0
	for _, im := range d.m.Imports {
		if byte(im.Kind) == k {
			n++
		}
	}
	return n
}

// paramCount returns the number of parameters of the type of defined function i, or 0 when its
// type index is invalid (the validator reports that).
func (d *decoder) paramCount(i int) int {
	if t := d.funcDecl[i]; int(t) < len(d.m.Types) {
		return len(d.m.Types[t].Params)
	}
	return 0
}
