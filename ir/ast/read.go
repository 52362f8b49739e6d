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
		if len(rest) >= 2 && rest[0].isList && len(rest[0].list) > 0 && rest[0].list[0].atom == "slot" {
			n, err := strconv.Atoi(shape(rest[0], 1, false)[0].atom)
			if err != nil || n <= 0 {
				fail(rest[0], "want (slot N)")
			}
			f.Slot = n
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
	case "generic-fn", "generic-struct":
		return rd.readGenericDecl(s)
	case "trait", "trait-impl":
		return rd.readTraitDecl(s)
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
	if d := rd.readDefer(s); d != nil {
		return d
	}
	if m := rd.readStructStmt(s); m != nil {
		return m
	}
	if f := rd.readForEach(s); f != nil {
		return f
	}
	if r := rd.readRelease(s); r != nil {
		return r
	}
	fail(s, "unknown statement")
	return nil
}
