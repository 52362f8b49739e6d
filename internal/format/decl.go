package format

import (
	"reflect"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"

	"cot/grammar"
)

// Declarations (language.md §2, §4): one per line, in source order, empty lines between them
// kept (at most one).

func (p *printer) file(f *grammar.File) {
	if f.Safe {
		p.at(p.src.toks[0].Pos.Offset)
		p.tok("@safe")
	}
	for _, d := range f.Decls {
		p.item(d.Pos.Offset)
		p.decl(d)
	}
}

func (p *printer) decl(d *grammar.Decl) {
	switch {
	case d.Import != nil:
		p.tok("import")
		p.sp()
		p.tok(d.Import.Path)
	case d.Extern != nil:
		p.tok("extern")
		p.sp()
		p.tok("fn")
		p.sp()
		p.tok(d.Extern.Name)
		p.params(d.Extern.Params)
		p.ret(d.Extern.Ret)
		p.tok(";")
	case d.Fn != nil:
		p.fnDecl(d.Fn)
	case d.Var != nil:
		p.varDecl(d.Var, false)
	case d.Struct != nil:
		s := d.Struct
		p.tok("struct")
		p.sp()
		p.tok(s.Name)
		p.typeParams(s.TypeParams)
		p.sp()
		p.list("{", "}", p.openEnd(s.Fields), s.EndPos.Offset-1, spans(s.Fields), func(i int) {
			f := s.Fields[i]
			p.tok(f.Name + ":")
			p.sp()
			p.typ(f.Type)
			p.defaultValue(f.Default)
		}, true)
	case d.Enum != nil:
		e := d.Enum
		p.tok("enum")
		p.sp()
		p.tok(e.Name)
		if e.Backing != nil {
			p.tok(":")
			p.sp()
			p.typ(e.Backing)
		}
		p.sp()
		p.list("{", "}", p.openEnd(e.Variants), e.EndPos.Offset-1, spans(e.Variants), func(i int) {
			v := e.Variants[i]
			p.tok(v.Name)
			p.defaultValue(v.Value)
		}, true)
	case d.Union != nil:
		u := d.Union
		p.tok("union")
		p.sp()
		p.tok(u.Name)
		p.sp()
		p.list("{", "}", p.openEnd(u.Variants), u.EndPos.Offset-1, spans(u.Variants), func(i int) {
			v := u.Variants[i]
			p.tok(v.Name)
			if v.Payload != nil {
				p.tok(":")
				p.sp()
				p.typ(v.Payload)
			}
		}, true)
	case d.Alias != nil:
		p.tok("type")
		p.sp()
		p.tok(d.Alias.Name)
		p.sp()
		p.tok("=")
		p.sp()
		p.typ(d.Alias.Type)
	case d.Impl != nil:
		p.impl(d.Impl)
	case d.Trait != nil:
		t := d.Trait
		p.tok("trait")
		p.sp()
		p.tok(t.Name)
		p.sp()
		p.body(t.EndPos.Offset-1, len(t.Methods), func(i int) int { return t.Methods[i].Pos.Offset }, func(i int) {
			m := t.Methods[i]
			p.tok("fn")
			p.sp()
			p.tok(m.Name)
			p.params(m.Params)
			p.ret(m.Ret)
		})
	case d.Test != nil:
		p.tok(d.Test.Kind)
		p.sp()
		p.tok(d.Test.Name)
		p.sp()
		p.block(d.Test.Body)
	}
}

func (p *printer) impl(im *grammar.ImplDecl) {
	p.tok("impl")
	p.sp()
	if im.Trait != "" {
		p.tok(im.Trait)
		p.sp()
		p.tok("for")
		p.sp()
	}
	p.tok(im.Target)
	p.typeParams(im.TypeParams)
	p.sp()
	p.body(im.EndPos.Offset-1, len(im.Methods), func(i int) int { return im.Methods[i].Pos.Offset }, func(i int) {
		p.fnDecl(im.Methods[i])
	})
}

// body prints the `{ ... }` of an impl or a trait: empty `{}`, else one member per line.
func (p *printer) body(closeAt, n int, pos func(int) int, member func(int)) {
	if n == 0 && !p.src.hasComment(p.src.prevTokEnd(closeAt), closeAt) {
		p.tok("{")
		p.tok("}")
		return
	}
	p.open("{")
	for i := 0; i < n; i++ {
		p.item(pos(i))
		member(i)
	}
	p.close("}", closeAt)
}

func (p *printer) fnDecl(f *grammar.FnDecl) {
	if f.Async {
		p.tok("async")
		p.sp()
	}
	p.tok("fn")
	p.sp()
	p.tok(f.Name)
	p.typeParams(f.TypeParams)
	p.params(f.Params)
	p.ret(f.Ret)
	for i, c := range f.Where {
		if i == 0 {
			p.sp()
			p.tok("where")
		} else {
			p.tok(",")
		}
		p.sp()
		p.at(c.Pos.Offset)
		p.tok(c.Param + ":")
		p.sp()
		p.tok(c.Trait)
	}
	p.sp()
	p.block(f.Body)
}

// typeParams prints `(T, U)` after a name (nothing when there are none).
func (p *printer) typeParams(names []string) {
	if len(names) > 0 {
		p.tok("(" + strings.Join(names, ", ") + ")")
	}
}

// params prints a parameter list.
func (p *printer) params(ps []*grammar.Param) {
	if len(ps) == 0 {
		p.tok("()")
		return
	}
	p.list("(", ")", p.openEnd(ps), p.src.closeAfter(ps[len(ps)-1].EndPos.Offset), spans(ps), func(i int) {
		p.param(ps[i])
	}, false)
}

func (p *printer) param(pr *grammar.Param) {
	p.tok(pr.Name + ":")
	p.sp()
	p.typ(pr.Type)
	p.defaultValue(pr.Default)
}

// defaultValue prints ` = value` when there is a value.
func (p *printer) defaultValue(v *grammar.Expr) {
	if v != nil {
		p.sp()
		p.tok("=")
		p.sp()
		p.slot(v, false)
	}
}

// ret prints a return type after a parameter list.
func (p *printer) ret(t *grammar.Type) {
	if t != nil {
		p.sp()
		p.typ(t)
	}
}

// varDecl prints `var|let|const name[: T][ = value]`; in a block the statement stays open
// for the `;` rule.
func (p *printer) varDecl(v *grammar.VarDecl, inBlock bool) {
	p.tok(v.Kind)
	p.sp()
	p.tok(v.Name)
	if v.Type != nil {
		p.tok(":")
		p.sp()
		p.typ(v.Type)
	}
	switch {
	case v.ErrorSet != nil:
		p.sp()
		p.tok("=")
		p.sp()
		p.errorSet(v.ErrorSet)
		return
	case v.Value != nil:
		p.defaultValue(v.Value)
	case v.Type == nil:
		return // ends with its name: nothing continues it
	}
	if inBlock {
		p.openStatement(false, v.Value)
	}
}

// errorSet prints `error { A, B }`; the names have no CST nodes, so their spans are the tokens.
func (p *printer) errorSet(e *grammar.ErrorSet) {
	p.tok("error")
	p.sp()
	var names []span
	for i := p.src.tokAt(e.Pos.Offset); i < len(p.src.toks) && p.src.toks[i].Pos.Offset < e.EndPos.Offset; i++ {
		if t := p.src.toks[i]; t.Type == grammar.TokIdent {
			names = append(names, span{t.Pos.Offset, t.Pos.Offset + len(t.Value)})
		}
	}
	openEnd := 0
	if len(names) > 0 {
		openEnd = p.src.prevTokEnd(names[0].pos)
	}
	p.list("{", "}", openEnd, e.EndPos.Offset-1, names, func(i int) { p.tok(e.Names[i]) }, true)
}

// openEnd returns the offset just past the opening bracket of a non-empty list of nodes.
func (p *printer) openEnd(nodes any) int {
	v := reflect.ValueOf(nodes)
	if v.Len() == 0 {
		return 0
	}
	return p.src.prevTokEnd(nodeSpan(v.Index(0).Interface()).pos)
}

// spans returns the source extent of each node of a slice of CST nodes.
func spans[T any](nodes []T) []span {
	out := make([]span, len(nodes))
	for i, n := range nodes {
		out[i] = nodeSpan(n)
	}
	return out
}

// nodeSpan reads the Pos and EndPos every CST node starts with.
func nodeSpan(n any) span {
	v := reflect.ValueOf(n).Elem()
	pos := v.Field(0).Interface().(lexer.Position)
	end := v.Field(1).Interface().(lexer.Position)
	return span{pos.Offset, end.Offset}
}
