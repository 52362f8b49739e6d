package ast

import (
	"fmt"
	"strconv"
	"strings"

	"cot/ir/types"
)

// Read parses the text form written by Fprint. Positions are left unset.
func Read(text string) (prog *Program, err error) {
	items, err := parseSx(text)
	if err != nil {
		return nil, err
	}
	if len(items) != 1 || !items[0].isList || len(items[0].list) == 0 || items[0].list[0].atom != "program" {
		return nil, fmt.Errorf("ast text: want one (program ...)")
	}
	defer func() {
		if r := recover(); r != nil {
			if re, ok := r.(readError); ok {
				prog, err = nil, re
				return
			}
			panic(r)
		}
	}()
	prog = &Program{}
	rd := &reader{named: map[string]*types.Named{}}
	for _, d := range items[0].list[1:] {
		switch {
		case d.isList && len(d.list) == 2 && d.list[0].atom == "data":
			prog.Data = []byte(d.list[1].atom)
		case d.isList && len(d.list) > 0 && d.list[0].atom == "module":
			prog.Modules = append(prog.Modules, readModule(d))
		case d.isList && len(d.list) > 0 && d.list[0].atom == "types":
			prog.Types = rd.readTypes(d)
		default:
			prog.Decls = append(prog.Decls, rd.readDecl(d))
		}
	}
	if err := CheckModules(prog); err != nil {
		return nil, fmt.Errorf("ast text: %v", err)
	}
	return prog, nil
}

type readError struct{ msg string }

func (e readError) Error() string { return "ast text: " + e.msg }

func fail(s *sx, format string, args ...any) {
	var sb strings.Builder
	s.render(&sb, 0)
	panic(readError{fmt.Sprintf(format, args...) + " in " + sb.String()})
}

// shape checks that s is a list with a head and n (or at least n when more is set) arguments.
func shape(s *sx, n int, more bool) []*sx {
	if !s.isList || len(s.list) == 0 {
		fail(s, "want a list")
	}
	args := s.list[1:]
	if len(args) < n || (!more && len(args) != n) {
		fail(s, "want %d arguments to %s, have %d", n, s.list[0].atom, len(args))
	}
	return args
}

func readName(s *sx) Name {
	if s.isList || s.quoted {
		fail(s, "want a name")
	}
	if i := strings.LastIndexByte(s.atom, '#'); i > 0 {
		id, err := strconv.Atoi(s.atom[i+1:])
		if err != nil {
			fail(s, "bad name id")
		}
		return Name{Name: s.atom[:i], ID: id}
	}
	return Name{Name: s.atom}
}

func (rd *reader) readDecl(s *sx) Decl {
	if !s.isList || len(s.list) == 0 {
		fail(s, "want a declaration")
	}
	switch s.list[0].atom {
	case "func":
		a := shape(s, 4, true)
		f := &Func{Name: readName(a[0])}
		f.ResultX, f.Result = rd.readTypeSlot(a[2])
		if !a[1].isList {
			fail(a[1], "want a parameter list")
		}
		for _, p := range a[1].list {
			pa := p.list
			if !p.isList || len(pa) != 2 {
				fail(p, "want (name type)")
			}
			prm := &Param{Name: readName(pa[0])}
			prm.TypeX, prm.Type = rd.readTypeSlot(pa[1])
			f.Params = append(f.Params, prm)
		}
		rest := a[3:]
		if len(rest) >= 2 && rest[0].isList && len(rest[0].list) > 0 && rest[0].list[0].atom == "export" {
			ex := shape(rest[0], 1, false)
			if !ex[0].quoted {
				fail(rest[0], "want (export \"name\")")
			}
			f.Export = ex[0].atom
			rest = rest[1:]
		}
		if len(rest) >= 2 && rest[0].isList && len(rest[0].list) > 0 && rest[0].list[0].atom == "frame" {
			n, err := strconv.ParseInt(shape(rest[0], 1, false)[0].atom, 10, 64)
			if err != nil || n <= 0 {
				fail(rest[0], "want (frame BYTES)")
			}
			f.Frame = n
			rest = rest[1:]
		}
		if len(rest) != 1 {
			fail(s, "want one body block")
		}
		f.Body = rd.readBlock(rest[0])
		return f
	case "enum":
		return rd.readEnum(s)
	case "union":
		return rd.readUnion(s)
	case "test", "bench":
		return rd.readTest(s)
	case "struct":
		return rd.readStructDecl(s)
	case "type-alias":
		a := shape(s, 2, false)
		return &AliasDecl{Name: readName(a[0]), TypeX: rd.readTypeExpr(a[1])}
	case "global":
		a := shape(s, 4, false)
		if a[0].atom != "var" && a[0].atom != "const" {
			fail(s, "want var or const")
		}
		g := &Global{Const: a[0].atom == "const", Name: readName(a[1]), Init: rd.readOptExpr(a[3])}
		g.TypeX, g.Type = rd.readTypeSlot(a[2])
		return g
	}
	fail(s, "unknown declaration")
	return nil
}

func (rd *reader) readBlock(s *sx) *Block {
	b, ok := rd.readStmt(s).(*Block)
	if !ok {
		fail(s, "want a block")
	}
	return b
}

func (rd *reader) readStmt(s *sx) Stmt {
	if !s.isList || len(s.list) == 0 {
		fail(s, "want a statement")
	}
	if h := s.list[0].atom; h == "block" || strings.HasPrefix(h, "block:") {
		_, t := rd.splitHead(s.list[0], h)
		return rd.readBlockBody(s, t)
	}
	switch h := s.list[0].atom; h {
	case "var", "const":
		a := shape(s, 3, false)
		v := &VarDecl{Const: h == "const", Name: readName(a[0]), Init: rd.readOptExpr(a[2])}
		v.TypeX, v.Type = rd.readTypeSlot(a[1])
		return v
	case "assign":
		a := shape(s, 2, false)
		return &Assign{Target: rd.readExpr(a[0]), Value: rd.readExpr(a[1])}
	case "op-assign":
		a := shape(s, 3, false)
		return &OpAssign{Op: a[0].atom, Target: rd.readExpr(a[1]), Value: rd.readExpr(a[2])}
	case "expr":
		return &ExprStmt{X: rd.readExpr(shape(s, 1, false)[0])}
	case "switch":
		return rd.readSwitch(s, Typed{}, false)
	case "if":
		a := shape(s, 2, true)
		st := &If{Cond: rd.readExpr(a[0]), Then: rd.readBlock(a[1])}
		switch len(a) {
		case 2:
		case 3:
			st.Else = rd.readStmt(a[2])
		default:
			fail(s, "too many arguments to if")
		}
		if st.HasValue() {
			fail(s, "an if with values is an if-expr")
		}
		return st
	case "while":
		a := shape(s, 3, false)
		return &While{Label: readName(a[0]), Cond: rd.readExpr(a[1]), Body: rd.readBlock(a[2])}
	case "while-step":
		a := shape(s, 4, false)
		return &While{Label: readName(a[0]), Cond: rd.readExpr(a[1]), Step: rd.readStmt(a[2]), Body: rd.readBlock(a[3])}
	case "for-range":
		a := shape(s, 5, false)
		return &ForRange{Label: readName(a[0]), Var: readName(a[1]), Lo: rd.readExpr(a[2]), Hi: rd.readExpr(a[3]), Body: rd.readBlock(a[4])}
	case "break":
		return &Break{Label: readName(shape(s, 1, false)[0])}
	case "continue":
		return &Continue{Label: readName(shape(s, 1, false)[0])}
	case "return":
		a := shape(s, 0, true)
		if len(a) > 1 {
			fail(s, "too many arguments to return")
		}
		if len(a) == 1 {
			return &Return{Value: rd.readExpr(a[0])}
		}
		return &Return{}
	case "init-global":
		a := shape(s, 2, false)
		return &InitGlobal{Name: readName(a[0]), Value: rd.readExpr(a[1])}
	case "print", "println":
		a := shape(s, 1, true)
		fd, err := strconv.Atoi(a[0].atom)
		if err != nil {
			fail(s, "bad file descriptor")
		}
		p := &Print{Fd: fd, Newline: h == "println"}
		for _, x := range a[1:] {
			p.Args = append(p.Args, rd.readExpr(x))
		}
		return p
	}
	if b := rd.readBuiltinStmt(s); b != nil {
		return b
	}
	if m := rd.readMemoryStmt(s); m != nil {
		return m
	}
	if m := rd.readStructStmt(s); m != nil {
		return m
	}
	if f := rd.readForEach(s); f != nil {
		return f
	}
	fail(s, "unknown statement")
	return nil
}

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
	if o := rd.readOptionalExpr(s, h, ty); o != nil {
		return o
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
