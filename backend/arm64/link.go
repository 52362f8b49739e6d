// Pass link: obj -> elf-arm64.
//
// Adds the module's data symbols to the encoded code — the module data block (globals, table
// sizes and maxima, segment lengths: all known at compile time), one zero-filled block per table,
// the data and element segments, and a descriptor per function for function references — then
// the native runtime's symbols, and links a static executable with backend/arm64/elf.
//
//	{code symbols} => ELF executable (entry _start, from the runtime)
//
// Design decision: a function reference is the address of the function's descriptor
// {code address, canonical signature id}; null is 0. call_indirect compares signature ids, so
// structurally equal types match as the spec requires.
package arm64

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"

	"cot/backend/arm64/elf"
	"cot/backend/arm64/obj"
	"cot/backend/arm64/rt"
	"cot/ir/pipeline"
	"cot/ir/wasm"
)

var linkPass = pipeline.Pass{
	Name: "link",
	In:   LangObj,
	Out:  pipeline.LangELF,
	Run: func(ctx *pipeline.Ctx, prog any) (any, error) {
		p := prog.(*ObjProgram)
		syms := append(append([]obj.Symbol(nil), p.Syms...), dataSymbols(p.Layout)...)
		need := rt.Needs{}
		if cfg, ok := ctx.Store[rt.ConfigKey].(rt.Config); ok {
			need.WASI = cfg // cot aot --dir/--env
		}
		_, need.Memory = p.Layout.memoryLimits()
		for _, im := range p.Layout.m.Imports {
			if im.Kind == wasm.ExternFunc {
				need.Imports = append(need.Imports, rt.Import{Module: im.Module, Name: im.Name})
			}
		}
		runtime, err := rt.Symbols(need)
		if err != nil {
			return nil, err
		}
		return elf.Link(append(syms, runtime...), "_start")
	},
}

// spectest globals provided by the backend (docs/arm64-abi.md).
var spectestGlobals = map[string]uint64{
	"global_i32": 666,
	"global_i64": 666,
	"global_f32": uint64(math.Float32bits(666.6)),
	"global_f64": math.Float64bits(666.6),
}

// globalInit returns the initial bits of global i when they are a plain constant.
func (l *moduleLayout) globalInit(i int) uint64 {
	for _, im := range l.m.Imports {
		if im.Kind == wasm.ExternGlobal {
			if i == 0 {
				return spectestGlobals[im.Name]
			}
			i--
		}
	}
	in := l.m.Globals[i].Init[0]
	switch in.Op {
	case wasm.OpI32Const:
		return in.Const & 0xFFFFFFFF
	case wasm.OpI64Const, wasm.OpF32Const, wasm.OpF64Const:
		return in.Const
	case wasm.OpGlobalGet:
		return l.globalInit(int(in.Index))
	}
	return 0 // ref.null; ref.func is a relocation
}

// globalRef returns the function whose reference initialises global i, if any.
func (l *moduleLayout) globalRef(i int) (uint32, bool) {
	n := l.m.NumImported(wasm.ExternGlobal)
	if i < n {
		return 0, false
	}
	in := l.m.Globals[i-n].Init[0]
	if in.Op == wasm.OpRefFunc {
		return in.Index, true
	}
	if in.Op == wasm.OpGlobalGet {
		return l.globalRef(int(in.Index))
	}
	return 0, false
}

func dataSymbols(l *moduleLayout) []obj.Symbol {
	var out []obj.Symbol
	data := make([]byte, l.size())
	var relocs []obj.Reloc
	for i := 0; i < l.nGlobals; i++ {
		off := l.globalOff(i)
		if f, ok := l.globalRef(i); ok {
			relocs = append(relocs, obj.Reloc{Offset: int(off), Kind: obj.Abs64, Sym: funcRefSym(int(f))})
			continue
		}
		binary.LittleEndian.PutUint64(data[off:], l.globalInit(i))
	}
	for t, tab := range l.tables {
		binary.LittleEndian.PutUint64(data[l.tableSizeOff(t):], uint64(tab.Limits.Min))
		max := uint64(l.tableCap[t])
		binary.LittleEndian.PutUint64(data[l.tableMaxOff(t):], max)
		out = append(out, obj.Symbol{Name: tableSym(t), Section: obj.BSS, Align: 8, Size: 8 * int(l.tableCap[t])})
	}
	for d, seg := range l.m.Datas {
		binary.LittleEndian.PutUint64(data[l.dataLenOff(d):], uint64(len(seg.Bytes)))
		out = append(out, obj.Symbol{Name: dataSym(d), Section: obj.ROData, Align: 8, Bytes: append(append([]byte(nil), seg.Bytes...), 0)})
	}
	for e, seg := range l.m.Elems {
		if seg.Mode != wasm.ElemDeclarative {
			binary.LittleEndian.PutUint64(data[l.elemLenOff(e):], uint64(len(seg.Init)))
		}
		sym := obj.Symbol{Name: elemSym(e), Section: obj.Data, Align: 8, Bytes: make([]byte, 8*len(seg.Init)+8)}
		for k, expr := range seg.Init {
			if f, ok := elemFunc(l, expr); ok {
				sym.Relocs = append(sym.Relocs, obj.Reloc{Offset: 8 * k, Kind: obj.Abs64, Sym: funcRefSym(int(f))})
			}
		}
		out = append(out, sym)
	}
	out = append(out, obj.Symbol{Name: moduleDataSym, Section: obj.Data, Align: 16, Bytes: data, Relocs: relocs})
	for f, name := range l.funcSyms {
		desc := make([]byte, 16)
		sig := l.m.FuncTypeOf(uint32(f))
		id := -1
		for ti, t := range l.m.Types {
			if t.Equal(sig) {
				id = l.typeID[ti]
				break
			}
		}
		binary.LittleEndian.PutUint64(desc[8:], uint64(id))
		out = append(out, obj.Symbol{Name: funcRefSym(f), Section: obj.Data, Align: 8, Bytes: desc,
			Relocs: []obj.Reloc{{Offset: 0, Kind: obj.Abs64, Sym: name}}})
	}
	return out
}

// elemFunc returns the function an element expression refers to (ref.func, or global.get of a
// global initialised with one).
func elemFunc(l *moduleLayout, expr []wasm.Instr) (uint32, bool) {
	switch expr[0].Op {
	case wasm.OpRefFunc:
		return expr[0].Index, true
	case wasm.OpGlobalGet:
		return l.globalRef(int(expr[0].Index))
	}
	return 0, false
}

// ObjFamily is the family of encoded programs: its text form lists the symbols.
var ObjFamily = &pipeline.Family{
	Name: "obj",
	Print: func(w io.Writer, prog any, fn string) {
		p := prog.(*ObjProgram)
		for _, s := range p.Syms {
			if fn != "" && s.Name != fn {
				continue
			}
			fmt.Fprintf(w, "%s %s %d bytes, %d relocs\n", s.Section, s.Name, s.Len(), len(s.Relocs))
			for i := 0; i+4 <= len(s.Bytes); i += 4 {
				fmt.Fprintf(w, "  %04x: %08x\n", i, binary.LittleEndian.Uint32(s.Bytes[i:]))
			}
			for _, r := range s.Relocs {
				fmt.Fprintf(w, "  reloc %#x %s %s%+d\n", r.Offset, r.Kind, r.Sym, r.Addend)
			}
		}
	},
	Verify: func(_ *pipeline.Lang, prog any) []error {
		if _, ok := prog.(*ObjProgram); !ok {
			return []error{fmt.Errorf("obj: want *ObjProgram, have %T", prog)}
		}
		return nil
	},
}
