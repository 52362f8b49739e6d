package wasm

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Print writes m as WebAssembly text (WAT) that wat2wasm accepts and Read reads back. The form
// is flat (one instruction per line, indented by block depth), every reference is a numeric
// index, definitions carry their index in a (;N;) comment, and floats are hexadecimal so that
// every bit, NaN payloads included, survives a text round trip. A non-empty fn prints only the
// functions whose name or index is fn (without the surrounding module).
//
// Design decision: names (Func.Name, Import.DebugName, Global.Name) are printed as $ids when
// they are valid WAT identifiers and unique in their space; other names are not printed (the
// text format of wabt 1.0.32 has no quoted identifiers), so such a round trip drops them.
func Print(w io.Writer, m *Module, fn string) {
	p := &printer{w: w, m: m}
	p.funcIDs, p.globalIDs = p.ids()
	if fn != "" {
		p.funcsMatching(fn)
		return
	}
	p.module()
}

type printer struct {
	w         io.Writer
	m         *Module
	funcIDs   map[int]string // function index -> $id (without $)
	globalIDs map[int]string
}

func (p *printer) printf(format string, args ...any) { fmt.Fprintf(p.w, format, args...) }

// ids picks the printable names of functions and globals.
func (p *printer) ids() (funcs, globals map[int]string) {
	funcs, globals = map[int]string{}, map[int]string{}
	var fnames, gnames []string
	for _, im := range p.m.Imports {
		switch im.Kind {
		case ExternFunc:
			fnames = append(fnames, im.DebugName)
		case ExternGlobal:
			gnames = append(gnames, "")
		}
	}
	for _, f := range p.m.Funcs {
		fnames = append(fnames, f.Name)
	}
	for _, g := range p.m.Globals {
		gnames = append(gnames, g.Name)
	}
	pick := func(names []string, into map[int]string) {
		count := map[string]int{}
		for _, n := range names {
			count[n]++
		}
		for i, n := range names {
			if n != "" && count[n] == 1 && IsWATName(n) {
				into[i] = n
			}
		}
	}
	pick(fnames, funcs)
	pick(gnames, globals)
	return funcs, globals
}

// IsWATName reports whether s can be written as a WAT identifier $s.
func IsWATName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7F || strings.IndexByte("\"(),;[]{}", c) >= 0 {
			return false
		}
	}
	return true
}

func (p *printer) id(ids map[int]string, i int) string {
	if n, ok := ids[i]; ok {
		return " $" + n
	}
	return ""
}

func (p *printer) module() {
	m := p.m
	p.printf("(module\n")
	for i, t := range m.Types {
		p.printf("  (type (;%d;) (func%s))\n", i, sigText(t))
	}
	nf, ng, nt, nm := 0, 0, 0, 0
	for _, im := range m.Imports {
		p.printf("  (import %s %s ", quote(im.Module), quote(im.Name))
		switch im.Kind {
		case ExternFunc:
			p.printf("(func%s (;%d;) (type %d)))\n", p.id(p.funcIDs, nf), nf, im.TypeIdx)
			nf++
		case ExternTable:
			p.printf("(table (;%d;) %s))\n", nt, tableText(im.Table))
			nt++
		case ExternMemory:
			p.printf("(memory (;%d;) %s))\n", nm, limitsText(im.Memory.Limits))
			nm++
		case ExternGlobal:
			p.printf("(global (;%d;) %s))\n", ng, globalTypeText(im.Global))
			ng++
		}
	}
	for i := range m.Funcs {
		p.function(nf+i, &m.Funcs[i])
	}
	for i, t := range m.Tables {
		p.printf("  (table (;%d;) %s)\n", nt+i, tableText(t))
	}
	for i, mem := range m.Mems {
		p.printf("  (memory (;%d;) %s)\n", nm+i, limitsText(mem.Limits))
	}
	for i, g := range m.Globals {
		p.printf("  (global%s (;%d;) %s %s)\n", p.id(p.globalIDs, ng+i), ng+i, globalTypeText(g.Type), constText(g.Init))
	}
	for _, e := range m.Exports {
		p.printf("  (export %s (%s %d))\n", quote(e.Name), externKeyword[e.Kind], e.Index)
	}
	if m.Start != nil {
		p.printf("  (start %d)\n", *m.Start)
	}
	for i, e := range m.Elems {
		p.elem(i, e)
	}
	for i, d := range m.Datas {
		p.printf("  (data (;%d;)", i)
		if d.Mode == DataActive {
			if d.Memory != 0 || d.MemExplicit {
				p.printf(" (memory %d)", d.Memory)
			}
			p.printf(" (offset %s)", flatConst(d.Offset))
		}
		p.printf(" %s)\n", quoteBytes(d.Bytes))
	}
	p.printf(")\n")
}

var externKeyword = map[ExternKind]string{ExternFunc: "func", ExternTable: "table", ExternMemory: "memory", ExternGlobal: "global"}

func (p *printer) elem(i int, e Elem) {
	p.printf("  (elem (;%d;)", i)
	switch e.Mode {
	case ElemActive:
		if e.Table != 0 || e.TableExplicit || e.Type != FuncRef {
			p.printf(" (table %d)", e.Table)
		}
		p.printf(" (offset %s)", flatConst(e.Offset))
	case ElemDeclarative:
		p.printf(" declare")
	}
	if !e.Exprs && e.Type == FuncRef && allRefFuncItems(e.Init) {
		p.printf(" func")
		for _, it := range e.Init {
			p.printf(" %d", it[0].Index)
		}
		p.printf(")\n")
		return
	}
	p.printf(" %s", e.Type)
	for _, it := range e.Init {
		p.printf(" (item %s)", flatConst(it))
	}
	p.printf(")\n")
}

func allRefFuncItems(items [][]Instr) bool {
	for _, it := range items {
		if len(it) != 2 || it[0].Op != OpRefFunc || it[1].Op != OpEnd {
			return false
		}
	}
	return true
}

func (p *printer) funcsMatching(fn string) {
	nf := p.m.NumImported(ExternFunc)
	for i := range p.m.Funcs {
		if p.m.Funcs[i].Name == fn || strconv.Itoa(nf+i) == fn {
			p.function(nf+i, &p.m.Funcs[i])
		}
	}
}

func (p *printer) function(index int, f *Func) {
	p.printf("  (func%s (;%d;) (type %d)", p.id(p.funcIDs, index), index, f.TypeIdx)
	if int(f.TypeIdx) < len(p.m.Types) {
		p.printf("%s", sigText(p.m.Types[f.TypeIdx]))
	}
	p.printf("\n")
	if len(f.Locals) > 0 {
		p.printf("    (local")
		for _, t := range f.Locals {
			p.printf(" %s", t)
		}
		p.printf(")\n")
	}
	depth := 0
	body := f.Body
	if n := len(body); n > 0 && body[n-1].Op == OpEnd {
		body = body[:n-1] // the final end is the closing parenthesis
	}
	for i := range body {
		in := &body[i]
		if in.Op == OpEnd || in.Op == OpElse {
			depth--
		}
		p.printf("    %s%s\n", strings.Repeat("  ", max(depth, 0)), InstrText(in))
		if in.Op == OpBlock || in.Op == OpLoop || in.Op == OpIf || in.Op == OpElse {
			depth++
		}
	}
	p.printf("  )\n")
}

func sigText(t FuncType) string {
	var b strings.Builder
	if len(t.Params) > 0 {
		b.WriteString(" (param")
		for _, v := range t.Params {
			b.WriteString(" " + v.String())
		}
		b.WriteString(")")
	}
	if len(t.Results) > 0 {
		b.WriteString(" (result")
		for _, v := range t.Results {
			b.WriteString(" " + v.String())
		}
		b.WriteString(")")
	}
	return b.String()
}

func limitsText(l Limits) string {
	if l.HasMax {
		return fmt.Sprintf("%d %d", l.Min, l.Max)
	}
	return strconv.FormatUint(uint64(l.Min), 10)
}

func tableText(t Table) string { return limitsText(t.Limits) + " " + t.Elem.String() }

func globalTypeText(g GlobalType) string {
	if g.Mutable {
		return "(mut " + g.Type.String() + ")"
	}
	return g.Type.String()
}

// constText prints a constant expression as folded instructions: (i32.const 1).
func constText(expr []Instr) string {
	var parts []string
	for i := range expr {
		if expr[i].Op != OpEnd {
			parts = append(parts, "("+InstrText(&expr[i])+")")
		}
	}
	return strings.Join(parts, " ")
}

// flatConst prints a constant expression as flat instructions (inside offset/item).
func flatConst(expr []Instr) string {
	var parts []string
	for i := range expr {
		if expr[i].Op != OpEnd {
			parts = append(parts, InstrText(&expr[i]))
		}
	}
	return strings.Join(parts, " ")
}

func quote(s string) string { return quoteBytes([]byte(s)) }

// quoteBytes writes a WAT string: printable ASCII as is, everything else as \hh.
func quoteBytes(b []byte) string {
	var sb strings.Builder
	sb.WriteByte('"')
	for _, c := range b {
		if c >= 0x20 && c < 0x7F && c != '"' && c != '\\' {
			sb.WriteByte(c)
		} else {
			fmt.Fprintf(&sb, "\\%02x", c)
		}
	}
	sb.WriteByte('"')
	return sb.String()
}
