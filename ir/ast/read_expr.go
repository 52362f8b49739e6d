package ast

// Expressions of the ast text form (see read.go).

import (
	"strconv"
	"strings"

	"cot/ir/types"
)

func (rd *reader) readOptExpr(s *sx) Expr {
	if !s.isList && !s.quoted && s.atom == "-" {
		return nil
	}
	return rd.readExpr(s)
}

// splitHead separates "name:type" into the name and the type (nil when there is none); a
// composite type follows the colon as a list (x#3:(ptr i64)).
func (rd *reader) splitHead(s *sx, text string) (string, types.Type) {
	i := strings.IndexByte(text, ':')
	switch {
	case i <= 0:
		return text, nil
	case i == len(text)-1 && s.ann != nil:
		return text[:i], rd.readType(s.ann)
	}
	return text[:i], rd.readType(atom(text[i+1:]))
}

var unaryOps = map[string]bool{"neg": true, "not": true, "bnot": true}

func (rd *reader) readExpr(s *sx) Expr {
	if s.quoted {
		fail(s, "a string needs (str ...)")
	}
	if !s.isList {
		name, t := rd.splitHead(s, s.atom)
		switch {
		case name == "true" || name == "false":
			return &BoolLit{Typed: Typed{t}, Value: name == "true"}
		case name[0] >= '0' && name[0] <= '9':
			v, err := strconv.ParseUint(name, 10, 64)
			if err != nil {
				fail(s, "bad integer")
			}
			return &IntLit{Typed: Typed{t}, Value: v}
		}
		return &Ref{Typed: Typed{t}, Name: readName(atom(name))}
	}
	if len(s.list) == 0 || s.list[0].isList {
		fail(s, "want an expression")
	}
	h, t := rd.splitHead(s.list[0], s.list[0].atom)
	ty := Typed{t}
	if f := rd.readFloatExpr(s, h, t); f != nil {
		return f
	}
	if x := rd.readStringExpr(s, h, t); x != nil {
		return x
	}
	switch {
	case h == "str" || h == "str-addr":
		a := shape(s, 1, false)
		if !a[0].quoted {
			fail(s, "want a quoted string")
		}
		if h == "str" {
			return &StrLit{Typed: ty, Value: a[0].atom}
		}
		return &StrAddr{Typed: ty, Value: a[0].atom}
	case h == "data-addr":
		off, err := strconv.ParseInt(shape(s, 1, false)[0].atom, 10, 64)
		if err != nil {
			fail(s, "bad offset")
		}
		return &DataAddr{Typed: ty, Offset: off}
	case unaryOps[h]:
		return &Unary{Typed: ty, Op: h, X: rd.readExpr(shape(s, 1, false)[0])}
	case h == "and" || h == "or":
		a := shape(s, 2, false)
		return &Logical{Typed: ty, Op: h, X: rd.readExpr(a[0]), Y: rd.readExpr(a[1])}
	case h == "host":
		return rd.readHost(s, ty)
	case h == "call" || h == "call-runtime":
		a := shape(s, 1, true)
		var args []Expr
		for _, x := range a[1:] {
			args = append(args, rd.readExpr(x))
		}
		if h == "call" {
			return &Call{Typed: ty, Callee: rd.readExpr(a[0]), Args: args}
		}
		return &RuntimeCall{Typed: ty, Name: a[0].atom, Args: args}
	case h == "char":
		v, err := strconv.ParseUint(shape(s, 1, false)[0].atom, 10, 8)
		if err != nil {
			fail(s, "bad character code")
		}
		return &CharLit{Typed: ty, Value: byte(v)}
	case h == "int-cast":
		a := shape(s, 2, false)
		return &IntCast{Typed: ty, TypeX: rd.readTypeExpr(a[0]), X: rd.readExpr(a[1])}
	case h == "member":
		a := shape(s, 2, false)
		return &Member{Typed: ty, X: rd.readExpr(a[0]), Name: a[1].atom}
	case h == "size-of" || h == "align-of":
		return &SizeOf{Typed: ty, Align: h == "align-of", TypeX: rd.readTypeExpr(shape(s, 1, false)[0])}
	case h == "comptime":
		return rd.readComptime(s, ty)
	case h == "await":
		return rd.readAwait(s, ty)
	case h == "convert":
		return &Convert{Typed: ty, X: rd.readExpr(shape(s, 1, false)[0])}
	case h == "if-expr":
		a := shape(s, 3, false)
		x := &If{Typed: ty, Cond: rd.readExpr(a[0]), Then: asBlock(rd.readBranch(a[1])), Else: rd.readBranch(a[2])}
		if !x.HasValue() {
			fail(s, "an if-expr needs branches with values")
		}
		return x
	case h == "block":
		return rd.readBlockBody(s, t)
	case h == "switch-expr":
		return rd.readSwitch(s, ty, true)
	}
	if m := rd.readMemoryExpr(s, h, ty); m != nil {
		return m
	}
	if x := rd.readErrorExpr(s, h, ty); x != nil {
		return x
	}
	if o := rd.readOptionalExpr(s, h, ty); o != nil {
		return o
	}
	if c := rd.readClosureExpr(s, h, ty); c != nil {
		return c
	}
	if i := rd.readInstance(s, h, ty); i != nil {
		return i
	}
	if u := rd.readUnionExpr(s, h, ty); u != nil {
		return u

	}
	if m := rd.readStructExpr(s, h, ty); m != nil {
		return m
	}
	if m := rd.readArrayExpr(s, h, ty); m != nil {
		return m
	}
	if n := rd.readNewExpr(s, h, ty); n != nil {
		return n
	}
	for _, op := range BinaryOps {
		if h == op {
			a := shape(s, 2, false)
			return &Binary{Typed: ty, Op: h, X: rd.readExpr(a[0]), Y: rd.readExpr(a[1])}
		}
	}
	fail(s, "unknown expression")
	return nil
}

// readBlockBody reads (block S... (value E)?) whose head gave the type t.
func (rd *reader) readBlockBody(s *sx, t types.Type) *Block {
	b := &Block{Typed: Typed{t}, Stmts: []Stmt{}}
	items := s.list[1:]
	if n := len(items); n > 0 && items[n-1].isList && len(items[n-1].list) > 0 && items[n-1].list[0].atom == "value" {
		b.Value = rd.readExpr(shape(items[n-1], 1, false)[0])
		items = items[:n-1]
	}
	for _, c := range items {
		b.Stmts = append(b.Stmts, rd.readStmt(c))
	}
	return b
}

// readBranch reads a branch of an if-expr: a block, an if-expr (else if), or an expression,
// which stands for a block of nothing but that value.
func (rd *reader) readBranch(s *sx) Stmt {
	if s.isList && len(s.list) > 0 {
		if h, t := rd.splitHead(s.list[0], s.list[0].atom); h == "block" {
			return rd.readBlockBody(s, t)
		}
	}
	x := rd.readExpr(s)
	if i, ok := x.(*If); ok {
		return i
	}
	return &Block{Typed: Typed{x.Type()}, Stmts: []Stmt{}, Value: x}
}

// asBlock makes a branch a block (an else-if chain in the then position is the value of a block).
func asBlock(s Stmt) *Block {
	if b, ok := s.(*Block); ok {
		return b
	}
	x := s.(*If)
	return &Block{Typed: Typed{x.T}, Stmts: []Stmt{}, Value: x}
}
