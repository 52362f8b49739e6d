package wasm

import (
	"cot/ir/wasm"
	"cot/verify"
)

// Lazy is a decoded, validated module whose function bodies are decoded and validated one at a
// time, when a pass asks for them (Func): the module's instructions take some fifty times the
// bytes of their binary form, so a compiler that holds them all holds gigabytes for a large
// module (yosys: 31 MB of Wasm, 12 million instructions, 1.5 GB decoded), one that decodes each
// function as it compiles it holds the binary and a few functions.
type Lazy struct {
	// M is the module without its function bodies (Func.Body and Func.Offsets are nil; names
	// and locals are there).
	M         *wasm.Module
	b         []byte
	bodies    []span // of each defined function, in b
	validator *verify.WasmValidator
}

// span is a byte range [start, end) of the module.
type span struct{ start, end int }

// DecodeLazy decodes b as Decode does, but leaves the function bodies undecoded: it checks every
// rule of the binary format and of validation outside the bodies (each body's size and locals
// included) and returns the first violation; each body's are Func's. b must not change while
// the result is in use.
func DecodeLazy(b []byte) (l *Lazy, err error) {
	l = &Lazy{b: b}
	d := &decoder{r: reader{b: b, end: len(b)}, m: &wasm.Module{}, lazy: l}
	defer func() {
		if x := recover(); x != nil {
			f, ok := x.(decodeFailure)
			if !ok {
				panic(x)
			}
			l, err = nil, f.err
		}
	}()
	d.module()
	l.M = d.m
	var errs []error
	if l.validator, errs = verify.NewWasmValidator(l.M); len(errs) > 0 {
		return nil, toDecodeError(errs[0])
	}
	return l, nil
}

// Func returns defined function i (imports not counted) with its body decoded and validated, or
// the body's first violation as a *DecodeError. Several functions may be decoded at once.
func (l *Lazy) Func(i int) (f wasm.Func, err error) {
	f = l.M.Funcs[i]
	s := l.bodies[i]
	d := &decoder{r: reader{b: l.b, pos: s.start, end: s.end, inSection: true}, m: l.M}
	defer func() {
		if x := recover(); x != nil {
			fail, ok := x.(decodeFailure)
			if !ok {
				panic(x)
			}
			err = fail.err
		}
	}()
	f.Body, f.Offsets = d.expr(true)
	if d.r.pos != d.r.end {
		d.r.fail("section size mismatch")
	}
	if verr := l.validator.Func(i, &f); verr != nil {
		return wasm.Func{}, toDecodeError(verr)
	}
	return f, nil
}

// Full returns the module with every body decoded (for printing), or the first body's violation.
func (l *Lazy) Full() (*wasm.Module, error) {
	m := *l.M
	if len(m.Funcs) == 0 {
		return &m, nil
	}
	m.Funcs = make([]wasm.Func, len(l.M.Funcs))
	for i := range m.Funcs {
		f, err := l.Func(i)
		if err != nil {
			return nil, err
		}
		m.Funcs[i] = f
	}
	return &m, nil
}

// BodySize returns the size in bytes of defined function i's body (its work to compile, roughly).
func (l *Lazy) BodySize(i int) int { return l.bodies[i].end - l.bodies[i].start }
