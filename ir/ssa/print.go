package ssa

import (
	"fmt"
	"io"
	"strings"
)

// Print writes the deterministic text form of p (only function fn when fn is not empty):
//
//	func NAME index=I (i32, f64) -> (i32)
//	b0(v0:i32, v1:f64):
//	  v2:i32 = i32.add v0, v0
//	  f32.store v0, v3 aux=8
//	  branch v2, b1(v2), b2()
func Print(w io.Writer, p *Program, fn string) {
	for _, f := range p.Funcs {
		if fn != "" && f.Name != fn {
			continue
		}
		PrintFunc(w, f)
	}
}

// PrintFunc writes one function.
func PrintFunc(w io.Writer, f *Func) {
	fmt.Fprintf(w, "func %s index=%d (%s) -> (%s)\n", f.Name, f.Index, typeList(f.Params), typeList(f.Results))
	for _, b := range f.Blocks {
		var ps []string
		for _, p := range b.Params {
			ps = append(ps, fmt.Sprintf("v%d:%s", p.ID, p.Type))
		}
		fmt.Fprintf(w, "b%d(%s):\n", b.ID, strings.Join(ps, ", "))
		for _, v := range b.Instrs {
			fmt.Fprintf(w, "  %s\n", FormatValue(v))
		}
		fmt.Fprintf(w, "  %s\n", FormatTerm(&b.Term))
	}
}

func typeList(ts []Type) string {
	var s []string
	for _, t := range ts {
		s = append(s, t.String())
	}
	return strings.Join(s, ", ")
}

func valueList(vs []*Value) string {
	var s []string
	for _, v := range vs {
		s = append(s, fmt.Sprintf("v%d", v.ID))
	}
	return strings.Join(s, ", ")
}

// FormatValue returns the one-line text form of an instruction.
func FormatValue(v *Value) string {
	var sb strings.Builder
	if v.Type != TNone {
		fmt.Fprintf(&sb, "v%d:%s = ", v.ID, v.Type)
	} else if v.Op == OpCall || v.Op == OpCallIndirect {
		fmt.Fprintf(&sb, "v%d = ", v.ID) // results refer to the call
	}
	sb.WriteString(v.Op.String())
	if len(v.Args) > 0 {
		sb.WriteString(" " + valueList(v.Args))
	}
	if v.Aux != 0 {
		fmt.Fprintf(&sb, " aux=%#x", uint64(v.Aux))
	}
	if v.Aux2 != 0 {
		fmt.Fprintf(&sb, " aux2=%#x", uint64(v.Aux2))
	}
	return sb.String()
}

// FormatTerm returns the text form of a terminator.
func FormatTerm(t *Term) string {
	var parts []string
	if t.Cond != nil {
		parts = append(parts, fmt.Sprintf("v%d", t.Cond.ID))
	}
	for _, e := range t.Succs {
		parts = append(parts, fmt.Sprintf("b%d(%s)", e.To.ID, valueList(e.Args)))
	}
	if len(t.Values) > 0 {
		parts = append(parts, valueList(t.Values))
	}
	if len(parts) == 0 {
		return t.Kind.String()
	}
	return t.Kind.String() + " " + strings.Join(parts, ", ")
}
