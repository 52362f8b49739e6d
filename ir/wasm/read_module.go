package wasm

import (
	"math"
	"strconv"
	"strings"
)

func (r *watReader) module() {
	r.open("module")
	for r.peek() == "(" {
		switch kw := r.peekForm(); kw {
		case "type":
			r.open("type")
			r.open("func")
			var t FuncType
			t.Params = r.valTypes("param")
			t.Results = r.valTypes("result")
			r.expect(")")
			r.expect(")")
			r.m.Types = append(r.m.Types, t)
		case "import":
			r.importField()
		case "func":
			r.funcField()
		case "table":
			r.open("table")
			r.m.Tables = append(r.m.Tables, r.tableType())
			r.expect(")")
		case "memory":
			r.open("memory")
			r.m.Mems = append(r.m.Mems, Memory{Limits: r.limits()})
			r.expect(")")
		case "global":
			r.open("global")
			g := Global{Name: r.optID()}
			g.Type = r.globalType()
			g.Init = r.foldedConst()
			r.expect(")")
			r.m.Globals = append(r.m.Globals, g)
		case "export":
			r.open("export")
			e := Export{Name: string(r.str())}
			r.expect("(")
			switch k := r.next(); k {
			case "func":
				e.Kind = ExternFunc
			case "table":
				e.Kind = ExternTable
			case "memory":
				e.Kind = ExternMemory
			case "global":
				e.Kind = ExternGlobal
			default:
				r.pos--
				r.failf("unknown export kind %q", k)
			}
			e.Index = r.u32()
			r.expect(")")
			r.expect(")")
			r.m.Exports = append(r.m.Exports, e)
		case "start":
			r.open("start")
			s := r.u32()
			r.m.Start = &s
			r.expect(")")
		case "elem":
			r.elemField()
		case "data":
			r.dataField()
		default:
			r.failf("unknown module field %q", kw)
		}
	}
	r.expect(")")
	if r.pos != len(r.toks) {
		r.failf("text after the module")
	}
}

func (r *watReader) tableType() Table {
	l := r.limits()
	t := r.valType()
	return Table{Elem: t, Limits: l}
}

func (r *watReader) importField() {
	r.open("import")
	im := Import{Module: string(r.str()), Name: string(r.str())}
	r.expect("(")
	switch k := r.next(); k {
	case "func":
		im.Kind = ExternFunc
		im.DebugName = r.optID()
		r.open("type")
		im.TypeIdx = r.u32()
		r.expect(")")
	case "table":
		im.Kind = ExternTable
		im.Table = r.tableType()
	case "memory":
		im.Kind = ExternMemory
		im.Memory = Memory{Limits: r.limits()}
	case "global":
		im.Kind = ExternGlobal
		im.Global = r.globalType()
	default:
		r.pos--
		r.failf("unknown import kind %q", k)
	}
	r.expect(")")
	r.expect(")")
	r.m.Imports = append(r.m.Imports, im)
}

func (r *watReader) funcField() {
	r.open("func")
	f := Func{Name: r.optID()}
	r.open("type")
	f.TypeIdx = r.u32()
	r.expect(")")
	r.valTypes("param") // repeated from the type for readers; the type index is authoritative
	r.valTypes("result")
	for r.peekForm() == "local" {
		r.open("local")
		for r.peek() != ")" {
			f.Locals = append(f.Locals, r.valType())
		}
		r.expect(")")
	}
	for r.peek() != ")" {
		f.Body = append(f.Body, r.instr())
	}
	r.expect(")")
	f.Body = append(f.Body, End())
	r.m.Funcs = append(r.m.Funcs, f)
}

// foldedConst reads a constant expression written as folded instructions: (i32.const 1) ...
func (r *watReader) foldedConst() []Instr {
	var expr []Instr
	for r.peek() == "(" {
		r.expect("(")
		expr = append(expr, r.instr())
		r.expect(")")
	}
	return append(expr, End())
}

// flatConstIn reads (keyword instr*) as a constant expression.
func (r *watReader) flatConstIn(keyword string) []Instr {
	r.open(keyword)
	var expr []Instr
	for r.peek() != ")" {
		expr = append(expr, r.instr())
	}
	r.expect(")")
	return append(expr, End())
}

func (r *watReader) elemField() {
	r.open("elem")
	e := Elem{Type: FuncRef}
	switch {
	case r.peek() == "declare":
		r.next()
		e.Mode = ElemDeclarative
	case r.peekForm() == "table" || r.peekForm() == "offset":
		if r.peekForm() == "table" {
			r.open("table")
			e.Table = r.u32()
			e.TableExplicit = true
			r.expect(")")
		}
		e.Offset = r.flatConstIn("offset")
	default:
		e.Mode = ElemPassive
	}
	if r.peek() == "func" {
		r.next()
		for r.peek() != ")" {
			e.Init = append(e.Init, []Instr{{Op: OpRefFunc, Index: r.u32()}, End()})
		}
	} else {
		e.Type = r.valType()
		e.Exprs = true
		for r.peek() != ")" {
			e.Init = append(e.Init, r.flatConstIn("item"))
		}
	}
	r.expect(")")
	r.m.Elems = append(r.m.Elems, e)
}

func (r *watReader) dataField() {
	r.open("data")
	d := Data{Mode: DataPassive}
	if r.peekForm() == "memory" {
		r.open("memory")
		d.Memory = r.u32()
		d.MemExplicit = true
		r.expect(")")
	}
	if r.peekForm() == "offset" {
		d.Mode = DataActive
		d.Offset = r.flatConstIn("offset")
	}
	d.Bytes = r.str()
	r.expect(")")
	r.m.Datas = append(r.m.Datas, d)
}

// instr reads one flat instruction with its immediates (the inverse of InstrText).
func (r *watReader) instr() Instr {
	name := r.next()
	if name == "select" && r.peekForm() == "result" {
		return SelectT(r.valTypes("result"))
	}
	op, ok := OpByName(name)
	if !ok {
		r.pos--
		r.failf("unknown instruction %q", name)
	}
	in := Instr{Op: op}
	switch {
	case op == OpBlock || op == OpLoop || op == OpIf:
		switch r.peekForm() {
		case "result":
			r.open("result")
			in.Block = BlockType{Kind: BlockValue, Val: r.valType()}
			r.expect(")")
		case "type":
			r.open("type")
			in.Block = BlockType{Kind: BlockTypeIndex, TypeIdx: r.u32()}
			r.expect(")")
		}
	case op == OpBr || op == OpBrIf || op == OpCall || op == OpRefFunc || op == OpLocalGet ||
		op == OpLocalSet || op == OpLocalTee || op == OpGlobalGet || op == OpGlobalSet ||
		op == OpTableGet || op == OpTableSet || op == OpTableGrow || op == OpTableSize ||
		op == OpTableFill || op == OpMemoryInit || op == OpDataDrop || op == OpElemDrop:
		in.Index = r.u32()
	case op == OpBrTable:
		var labels []uint32
		for t := r.peek(); t != "" && t[0] >= '0' && t[0] <= '9'; t = r.peek() {
			labels = append(labels, r.u32())
		}
		if len(labels) == 0 {
			r.failf("br_table needs a default label")
		}
		in = BrTable(labels[:len(labels)-1], labels[len(labels)-1])
	case op == OpCallIndirect:
		in.Index2 = r.u32()
		r.open("type")
		in.Index = r.u32()
		r.expect(")")
	case op == OpTableCopy:
		in.Index, in.Index2 = r.u32(), r.u32()
	case op == OpTableInit:
		in.Index2, in.Index = r.u32(), r.u32()
	case op >= OpI32Load && op <= OpI64Store32:
		in.Align = naturalAlign(op)
		if strings.HasPrefix(r.peek(), "offset=") {
			v, err := strconv.ParseUint(strings.TrimPrefix(r.next(), "offset="), 0, 64)
			if err != nil {
				r.pos--
				r.failf("bad offset")
			}
			in.Offset = v
		}
		if strings.HasPrefix(r.peek(), "align=") {
			v, err := strconv.ParseUint(strings.TrimPrefix(r.next(), "align="), 0, 64)
			if err != nil || v == 0 || v&(v-1) != 0 {
				r.pos--
				r.failf("bad alignment")
			}
			in.Align = uint32(63 - leadingZeros64(v))
		}
	case op == OpI32Const:
		v, err := strconv.ParseInt(r.next(), 0, 32)
		if err != nil {
			r.pos--
			r.failf("bad i32 constant")
		}
		in.Const = uint64(v)
	case op == OpI64Const:
		v, err := strconv.ParseInt(r.next(), 0, 64)
		if err != nil {
			r.pos--
			r.failf("bad i64 constant")
		}
		in.Const = uint64(v)
	case op == OpF32Const:
		in.Const = uint64(r.float(32))
	case op == OpF64Const:
		in.Const = r.float(64)
	case op == OpRefNull:
		switch t := r.next(); t {
		case "func":
			in.RefType = FuncRef
		case "extern":
			in.RefType = ExternRef
		default:
			r.pos--
			r.failf("bad heap type %q", t)
		}
	}
	return in
}

func leadingZeros64(v uint64) int {
	n := 0
	for v&(1<<63) == 0 {
		v <<= 1
		n++
	}
	return n
}

// float reads the text of F32Text/F64Text (or a decimal float) and returns its IEEE bits.
func (r *watReader) float(bits int) uint64 {
	t := r.next()
	neg := strings.HasPrefix(t, "-")
	body := strings.TrimLeft(t, "+-")
	var signBit, expAll, quiet uint64
	if bits == 32 {
		signBit, expAll, quiet = 1<<31, 0xFF<<23, 1<<22
	} else {
		signBit, expAll, quiet = 1<<63, 0x7FF<<52, 1<<51
	}
	var v uint64
	switch {
	case body == "inf":
		v = expAll
	case body == "nan":
		v = expAll | quiet
	case strings.HasPrefix(body, "nan:0x"):
		p, err := strconv.ParseUint(body[len("nan:0x"):], 16, 64)
		if err != nil || p == 0 || p >= quiet<<1 {
			r.pos--
			r.failf("bad NaN payload %q", t)
		}
		v = expAll | p
	default:
		f, err := strconv.ParseFloat(body, bits)
		if err != nil {
			r.pos--
			r.failf("bad float %q", t)
		}
		if bits == 32 {
			v = uint64(math.Float32bits(float32(f)))
		} else {
			v = math.Float64bits(f)
		}
	}
	if neg {
		v |= signBit
	}
	return v
}
