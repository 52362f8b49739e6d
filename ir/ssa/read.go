package ssa

import (
	"fmt"
	"strconv"
	"strings"
)

// Read parses the text form written by Print. The result has no Module (the text form holds
// functions only); value and block ids are those of the text, so Print(Read(Print(p))) equals
// Print(p).
func Read(text string) (*Program, error) {
	r := &reader{}
	p := &Program{}
	for n, line := range strings.Split(text, "\n") {
		r.line = n + 1
		if err := r.parseLine(p, line); err != nil {
			return nil, fmt.Errorf("ssa: line %d: %v", r.line, err)
		}
	}
	if err := r.finishFunc(); err != nil {
		return nil, err
	}
	return p, nil
}

type reader struct {
	line   int
	f      *Func
	b      *Block
	values map[int]*Value
	blocks map[int]*Block
	// pending references to values not yet defined (uses before definition in block order)
	fix []func() error
}

func (r *reader) parseLine(p *Program, line string) error {
	t := strings.TrimSpace(line)
	switch {
	case t == "" || strings.HasPrefix(t, ";"):
		return nil
	case strings.HasPrefix(t, "func "):
		if err := r.finishFunc(); err != nil {
			return err
		}
		return r.parseFuncHeader(p, t)
	case r.f == nil:
		return fmt.Errorf("text outside a function: %q", t)
	case strings.HasPrefix(t, "b") && strings.HasSuffix(t, ":"):
		return r.parseBlockHeader(strings.TrimSuffix(t, ":"))
	case r.b == nil:
		return fmt.Errorf("instruction outside a block: %q", t)
	}
	word := strings.Fields(t)[0]
	for k, name := range termNames {
		if word == name {
			return r.parseTerm(TermKind(k), strings.TrimSpace(strings.TrimPrefix(t, word)))
		}
	}
	return r.parseValue(t)
}

func (r *reader) finishFunc() error {
	for _, f := range r.fix {
		if err := f(); err != nil {
			return err
		}
	}
	r.fix = nil
	return nil
}

func parseTypes(s string) ([]Type, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(s), "("), ")"))
	if s == "" {
		return nil, nil
	}
	var out []Type
	for _, f := range strings.Split(s, ",") {
		t, err := parseType(strings.TrimSpace(f))
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

func parseType(s string) (Type, error) {
	for i, n := range typeNames {
		if n == s {
			return Type(i), nil
		}
	}
	return 0, fmt.Errorf("unknown type %q", s)
}

func (r *reader) parseFuncHeader(p *Program, t string) error {
	// func NAME index=I (params) -> (results)
	rest := strings.TrimPrefix(t, "func ")
	sp := strings.Index(rest, " ")
	arrow := strings.Index(rest, " -> ")
	paren := strings.Index(rest, " (")
	if sp < 0 || arrow < 0 || paren < 0 {
		return fmt.Errorf("bad function header %q", t)
	}
	f := &Func{Name: rest[:sp]}
	idx, err := strconv.ParseUint(strings.TrimPrefix(rest[sp+1:paren], "index="), 10, 32)
	if err != nil {
		return err
	}
	f.Index = uint32(idx)
	if f.Params, err = parseTypes(rest[paren+1 : arrow]); err != nil {
		return err
	}
	if f.Results, err = parseTypes(rest[arrow+4:]); err != nil {
		return err
	}
	p.Funcs = append(p.Funcs, f)
	r.f, r.b = f, nil
	r.values, r.blocks = map[int]*Value{}, map[int]*Block{}
	return nil
}

func (r *reader) block(id int) *Block {
	if b, ok := r.blocks[id]; ok {
		return b
	}
	b := &Block{ID: id}
	r.blocks[id] = b
	return b
}

func (r *reader) define(id int, v *Value) error {
	if _, dup := r.values[id]; dup {
		return fmt.Errorf("v%d defined twice", id)
	}
	v.ID = id
	r.values[id] = v
	if id >= r.f.NextID {
		r.f.NextID = id + 1
	}
	return nil
}

// ref resolves "vN" now or, for a forward reference, when the function is complete.
func (r *reader) ref(s string, set func(*Value)) error {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "v") {
		return fmt.Errorf("want a value, have %q", s)
	}
	id, err := strconv.Atoi(s[1:])
	if err != nil {
		return fmt.Errorf("bad value %q", s)
	}
	if v, ok := r.values[id]; ok {
		set(v)
		return nil
	}
	line := r.line
	r.fix = append(r.fix, func() error {
		v, ok := r.values[id]
		if !ok {
			return fmt.Errorf("ssa: line %d: v%d is never defined", line, id)
		}
		set(v)
		return nil
	})
	return nil
}

func (r *reader) parseBlockHeader(t string) error {
	open := strings.Index(t, "(")
	if open < 0 || !strings.HasSuffix(t, ")") {
		return fmt.Errorf("bad block header %q", t)
	}
	id, err := strconv.Atoi(t[1:open])
	if err != nil {
		return err
	}
	b := r.block(id)
	r.f.Blocks = append(r.f.Blocks, b)
	r.b = b
	if inner := t[open+1 : len(t)-1]; inner != "" {
		for _, p := range strings.Split(inner, ",") {
			name, typ, ok := strings.Cut(strings.TrimSpace(p), ":")
			if !ok {
				return fmt.Errorf("bad parameter %q", p)
			}
			ty, err := parseType(typ)
			if err != nil {
				return err
			}
			v := &Value{Op: OpParam, Type: ty, Block: b}
			pid, err := strconv.Atoi(strings.TrimPrefix(name, "v"))
			if err != nil {
				return err
			}
			if err := r.define(pid, v); err != nil {
				return err
			}
			b.Params = append(b.Params, v)
		}
	}
	return nil
}
