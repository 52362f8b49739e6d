package ast

import (
	"io"
	"strconv"
	"strings"

	"cot/ir/types"
)

// The text form (read back by Read):
//
//	(program (data "bytes")? (module "file" N (imports "file"...))* (types TYPEDECL...)? DECL...)
//	types: see types_text.go; modules: module.go
//	(func NAME ((PARAM TYPE)...) RESULT (export "name")? (frame BYTES)? BLOCK)
//	(global var|const NAME TYPE|- INIT|-)
//	(block STMT... (value E)?)  (var NAME TYPE|- INIT|-)  (const NAME TYPE|- INIT|-)
//	(assign TARGET E)  (op-assign OP TARGET E)  (expr E)  (return E?)
//	(if C BLOCK ELSE?)  (while LABEL C BLOCK)  (while-step LABEL C STEP BLOCK)
//	(for-range LABEL VAR LO HI BLOCK)  (break LABEL)  (continue LABEL)
//	(print FD E...)  (println FD E...)  (init-global NAME E)
//	expressions: 42  true  x#3  (str "s")  (str-addr "s")  (data-addr 16)  (neg E) (not E) (bnot E)
//	(OP E E) for + - * / % & | ^ << >> == != < <= > >=,  (and E E)  (or E E)
//	(call F E...)  (call-runtime NAME E...)  (if-expr C BRANCH BRANCH)  (convert:T E)  (char 97)
//	(int-cast TYPE E)  (host NAME E...)  (float 2.5)  (float:f32 0.1)  (sqrt E) and the other float builtins: node_float.go
//
// A typed expression carries its type after a colon on its head or atom: (+:i64 x#3:i64 1:i64),
// (ref:(ptr i64) …); the type syntax is in types_text.go.
// Names print as name#id once resolved; "-" marks an absent optional part. Positions are not
// part of the text form.

// Fprint writes the text form of p; a non-empty fn prints only the function of that name.
func Fprint(w io.Writer, p *Program, fn string) {
	var sb strings.Builder
	sb.WriteString("(program")
	if len(p.Data) > 0 && fn == "" {
		sb.WriteString("\n  ")
		list(atom("data"), quoted(string(p.Data))).render(&sb, 1)
	}
	for _, m := range p.Modules {
		if fn == "" {
			sb.WriteString("\n  ")
			moduleSx(m).render(&sb, 1)
		}
	}
	if len(p.Types) > 0 {
		sb.WriteString("\n  ")
		typesSx(p.Types).render(&sb, 1)
	}
	for _, d := range p.Decls {
		if fn != "" && d.DeclName().Name != fn {
			continue
		}
		sb.WriteString("\n  ")
		declSx(d).render(&sb, 1)
	}
	sb.WriteString(")\n")
	io.WriteString(w, sb.String())
}

// String returns the text form of one node (for diagnostics and verifier messages).
func String(n Node) string {
	var s *sx
	switch n := n.(type) {
	case Decl:
		s = declSx(n)
	case Stmt:
		s = stmtSx(n)
	case Expr:
		s = exprSx(n)
	case *Param:
		s = list(atom(n.Name.String()), typeSlotSx(n.TypeX, n.Type))
	case TypeExpr:
		s = typeExprSx(n)
	default:
		return n.Kind()
	}
	var sb strings.Builder
	s.render(&sb, 0)
	return sb.String()
}

func optExpr(e Expr) *sx {
	if e == nil {
		return atom("-")
	}
	return exprSx(e)
}

func declSx(d Decl) *sx {
	if g := genericDeclSx(d); g != nil {
		return g
	}
	if t := traitDeclSx(d); t != nil {
		return t
	}
	switch d := d.(type) {
	case *Func:
		if d.TestKind != "" {
			return testSx(d)
		}
		params := list()
		for _, p := range d.Params {
			params.list = append(params.list, list(atom(p.Name.String()), typeSlotSx(p.TypeX, p.Type)))
		}
		s := stmtList(atom("func"), atom(d.Name.String()), params, typeSlotSx(d.ResultX, d.Result))
		if d.Export != "" {
			s.list = append(s.list, list(atom("export"), quoted(d.Export)))
		}
		if d.Frame > 0 {
			s.list = append(s.list, list(atom("frame"), atom(strconv.FormatInt(d.Frame, 10))))
		}
		if d.Slot > 0 {
			s.list = append(s.list, list(atom("slot"), atom(strconv.Itoa(d.Slot))))
		}
		s.list = append(s.list, stmtSx(d.Body))
		return s
	case *EnumDecl:
		return enumSx(d)
	case *UnionDecl:
		return unionSx(d)
	case *StructDecl:
		return structDeclSx(d)
	case *AliasDecl:
		return stmtList(atom("type-alias"), atom(d.Name.String()), typeExprSx(d.TypeX))
	case *Global:
		mode := "var"
		if d.Const {
			mode = "const"
		}
		return stmtList(atom("global"), atom(mode), atom(d.Name.String()), typeSlotSx(d.TypeX, d.Type), optExpr(d.Init))
	}
	panic("ast: print of unknown declaration")
}

func stmtSx(s Stmt) *sx {
	switch s := s.(type) {
	case *Block:
		return blockSx(s)
	case *VarDecl:
		return stmtList(atom(s.Kind()), atom(s.Name.String()), typeSlotSx(s.TypeX, s.Type), optExpr(s.Init))
	case *Assign:
		return stmtList(atom("assign"), exprSx(s.Target), exprSx(s.Value))
	case *OpAssign:
		return stmtList(atom("op-assign"), atom(s.Op), exprSx(s.Target), exprSx(s.Value))
	case *ExprStmt:
		return stmtList(atom("expr"), exprSx(s.X))
	case *If:
		return ifSx(s)
	case *Switch:
		return switchSx(s)
	case *While:
		if s.Step != nil {
			return stmtList(atom("while-step"), atom(s.Label.String()), exprSx(s.Cond), stmtSx(s.Step), stmtSx(s.Body))
		}
		return stmtList(atom("while"), atom(s.Label.String()), exprSx(s.Cond), stmtSx(s.Body))
	case *ForRange:
		return stmtList(atom("for-range"), atom(s.Label.String()), atom(s.Var.String()), exprSx(s.Lo), exprSx(s.Hi), stmtSx(s.Body))
	case *Break:
		return stmtList(atom("break"), atom(s.Label.String()))
	case *Continue:
		return stmtList(atom("continue"), atom(s.Label.String()))
	case *Return:
		if s.Value == nil {
			return stmtList(atom("return"))
		}
		return stmtList(atom("return"), exprSx(s.Value))
	case *InitGlobal:
		return stmtList(atom("init-global"), atom(s.Name.String()), exprSx(s.Value))
	case *Print:
		head := "print"
		if s.Newline {
			head = "println"
		}
		l := stmtList(atom(head), atom(strconv.Itoa(s.Fd)))
		for _, a := range s.Args {
			l.list = append(l.list, exprSx(a))
		}
		return l
	}
	if b := builtinStmtSx(s); b != nil {
		return b
	}
	if st, ok := s.(*Store); ok {
		return stmtList(atom("store"), exprSx(st.Addr), exprSx(st.Value))
	}
	if m := structStmtSx(s); m != nil {
		return m
	}
	if f, ok := s.(*ForEach); ok {
		return forEachSx(f)
	}
	if d := deferSx(s); d != nil {
		return d
	}
	if r := releaseSx(s); r != nil {
		return r
	}
	panic("ast: print of unknown statement")
}

// head renders a name with the expression's type suffix.
func head(name string, t types.Type) *sx {
	if t == nil {
		return atom(name)
	}
	ts := typeSx(t)
	if ts.isList {
		return &sx{atom: name + ":", ann: ts}
	}
	return atom(name + ":" + ts.atom)
}

func exprSx(e Expr) *sx {
	if f := floatExprSx(e); f != nil {
		return f
	}
	if x := stringExprSx(e); x != nil {
		return x
	}
	switch e := e.(type) {
	case *IntLit:
		return head(strconv.FormatUint(e.Value, 10), e.T)
	case *BoolLit:
		return head(strconv.FormatBool(e.Value), e.T)
	case *Ref:
		return head(e.Name.String(), e.T)
	case *StrLit:
		return list(head("str", e.T), quoted(e.Value))
	case *StrAddr:
		return list(head("str-addr", e.T), quoted(e.Value))
	case *DataAddr:
		return list(head("data-addr", e.T), atom(strconv.FormatInt(e.Offset, 10)))
	case *Unary:
		return list(head(e.Op, e.T), exprSx(e.X))
	case *Binary:
		return list(head(e.Op, e.T), exprSx(e.X), exprSx(e.Y))
	case *Logical:
		return list(head(e.Op, e.T), exprSx(e.X), exprSx(e.Y))
	case *Call:
		l := list(head("call", e.T), exprSx(e.Callee))
		for _, a := range e.Args {
			l.list = append(l.list, exprSx(a))
		}
		return l
	case *HostCall:
		return hostSx(e)
	case *RuntimeCall:
		l := list(head("call-runtime", e.T), atom(e.Name))
		for _, a := range e.Args {
			l.list = append(l.list, exprSx(a))
		}
		return l
	case *Convert:
		return list(head("convert", e.T), exprSx(e.X))
	case *Member:
		return list(head("member", e.T), exprSx(e.X), atom(e.Name))
	case *SizeOf:
		return list(head(e.Kind(), e.T), typeExprSx(e.TypeX))
	case *Comptime:
		return comptimeSx(e)
	case *Await:
		return awaitSx(e)
	case *CharLit:
		return list(head("char", e.T), atom(strconv.Itoa(int(e.Value))))
	case *IntCast:
		return list(head("int-cast", e.T), typeExprSx(e.TypeX), exprSx(e.X))
	case *If:
		return ifSx(e)
	case *Switch:
		return switchSx(e)
	case *Block:
		return blockSx(e)
	}
	if m := memoryExprSx(e); m != nil {
		return m
	}
	if x := errorExprSx(e); x != nil {
		return x
	}
	if o := optionalExprSx(e); o != nil {
		return o
	}
	if c := closureExprSx(e); c != nil {
		return c
	}
	if i, ok := e.(*Instance); ok {
		l := typeExprsSx("instance", i.Name, i.Args)
		l.list[0] = head("instance", i.T)
		return l
	}
	if i, ok := e.(*MethodInstance); ok {
		return methodInstanceSx(i)
	}
	if u := unionExprSx(e); u != nil {
		return u

	}
	if m := structExprSx(e); m != nil {
		return m
	}
	if m := arrayExprSx(e); m != nil {
		return m
	}
	if n := newExprSx(e); n != nil {
		return n
	}
	panic("ast: print of unknown expression")
}

// blockSx renders (block S...), and (block:T S... (value E)) for a block with a value.
func blockSx(b *Block) *sx {
	l := stmtList(head("block", b.T))
	for _, c := range b.Stmts {
		l.list = append(l.list, stmtSx(c))
	}
	if b.Value != nil {
		l.list = append(l.list, stmtList(atom("value"), exprSx(b.Value)))
	}
	return l
}

// ifSx renders (if C THEN ELSE?) and (if-expr:T C THEN ELSE); a branch of an if-expr that is a
// block of nothing but its value prints as the value.
func ifSx(s *If) *sx {
	if !s.HasValue() {
		l := stmtList(atom("if"), exprSx(s.Cond), stmtSx(s.Then))
		if s.Else != nil {
			l.list = append(l.list, stmtSx(s.Else))
		}
		return l
	}
	branch := func(b Stmt) *sx {
		if blk, ok := b.(*Block); ok && len(blk.Stmts) == 0 && blk.Value != nil {
			return exprSx(blk.Value)
		}
		return stmtSx(b)
	}
	return list(head("if-expr", s.T), exprSx(s.Cond), branch(s.Then), branch(s.Else))
}
