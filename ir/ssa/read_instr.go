package ssa

import (
	"fmt"
	"strconv"
	"strings"
)

// parseValue reads "[vN:T = ]op [args] [aux=X] [aux2=Y]".
func (r *reader) parseValue(t string) error {
	v := &Value{Block: r.b}
	id := -1
	if lhs, rhs, ok := strings.Cut(t, " = "); ok {
		name, typ, typed := strings.Cut(lhs, ":")
		ty := TNone
		if typed {
			var err error
			if ty, err = parseType(typ); err != nil {
				return err
			}
		}
		n, err := strconv.Atoi(strings.TrimPrefix(name, "v"))
		if err != nil {
			return err
		}
		v.Type, id, t = ty, n, rhs
	}
	fields := strings.Fields(strings.ReplaceAll(t, ",", " "))
	op, ok := OpByName(fields[0])
	if !ok {
		return fmt.Errorf("unknown operation %q", fields[0])
	}
	v.Op = op
	for _, f := range fields[1:] {
		switch {
		case strings.HasPrefix(f, "aux="):
			x, err := strconv.ParseUint(strings.TrimPrefix(f, "aux="), 0, 64)
			if err != nil {
				return err
			}
			v.Aux = int64(x)
		case strings.HasPrefix(f, "aux2="):
			x, err := strconv.ParseUint(strings.TrimPrefix(f, "aux2="), 0, 64)
			if err != nil {
				return err
			}
			v.Aux2 = int64(x)
		default:
			i := len(v.Args)
			v.Args = append(v.Args, nil)
			if err := r.ref(f, func(a *Value) { v.Args[i] = a }); err != nil {
				return err
			}
		}
	}
	if id >= 0 {
		if err := r.define(id, v); err != nil {
			return err
		}
	} else {
		v.ID = r.f.NextID
		r.f.NextID++
	}
	r.b.Instrs = append(r.b.Instrs, v)
	return nil
}

// parseTerm reads the operands of a terminator: "[vC, ]bN(args), ..." or return values.
func (r *reader) parseTerm(kind TermKind, rest string) error {
	term := &r.b.Term
	term.Kind = kind
	for _, item := range splitTop(rest) {
		switch {
		case strings.HasPrefix(item, "b"):
			open := strings.Index(item, "(")
			if open < 0 {
				return fmt.Errorf("bad edge %q", item)
			}
			id, err := strconv.Atoi(item[1:open])
			if err != nil {
				return err
			}
			e := Edge{To: r.block(id)}
			k := len(term.Succs)
			term.Succs = append(term.Succs, e)
			if inner := strings.TrimSuffix(item[open+1:], ")"); inner != "" {
				args := strings.Split(inner, ",")
				term.Succs[k].Args = make([]*Value, len(args))
				for i, a := range args {
					i := i
					if err := r.ref(a, func(v *Value) { term.Succs[k].Args[i] = v }); err != nil {
						return err
					}
				}
			}
		case kind == TermReturn:
			i := len(term.Values)
			term.Values = append(term.Values, nil)
			if err := r.ref(item, func(v *Value) { term.Values[i] = v }); err != nil {
				return err
			}
		default:
			if err := r.ref(item, func(v *Value) { term.Cond = v }); err != nil {
				return err
			}
		}
	}
	return nil
}

// splitTop splits s at commas outside parentheses.
func splitTop(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, c := range s {
		switch c {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	if last := strings.TrimSpace(s[start:]); last != "" {
		out = append(out, last)
	}
	return out
}
