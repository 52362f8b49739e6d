// Pass resolve-names: src -> resolved.
//
// Gives every binder (function, global, parameter, local, for variable, loop) a program-unique ID
// and every use of a name the ID of the binder it denotes, following Cot's scoping: top-level
// names are visible everywhere (order-independent), a local from its declaration to the end of
// its block, a parameter in its function; inner scopes may shadow. Unlabeled break/continue get
// the ID of the innermost loop, labeled ones the ID of the loop with that label. In a program of
// several files each file sees its own top-level names and those of the files it imports
// (resolve_names_modules.go); the module table is dropped. Names in type
// expressions resolve the same way (type keywords keep ID 0). Reports
// undefined identifier, redefined identifier, break outside of loop and unknown label.
//
//	(var x - 1) (ref x)                      => (var x#4 - 1) (ref x#4)
//	(while _ c (block (break _)))             => (while _#5 c (block (break _#5)))
//
// Design decision: IDs come from one counter in declaration order, so dumps are deterministic
// and later passes can keep per-binder tables keyed by ID without caring about scopes.

package passes

import (
	"sort"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/src"
	"cot/ir/types"
)

type resolver struct {
	diags  *src.Diagnostics
	types  map[int]bool // IDs of the binders that are types
	next   int
	scopes []scope    // innermost last (resolve_names_scope.go)
	locals []ast.Name // the local scopes' binders
	loops  []ast.Name // enclosing loops, innermost last
	// where is each binder's declaration by ID (zero for loops), for "first defined here": a
	// slice, as IDs count up from 1, of compact positions (a map of src.Pos was a tenth of the
	// pass's allocation).
	where  []ast.At
	module *moduleNames // the top-level names the declaration being resolved sees
	// generics are the generic declarations by binder ID (resolve_names_generic.go)
	generics map[int]ast.Decl
	// closures are the anonymous functions being resolved, innermost last (resolve_names_closure.go)
	closures []*closureScope
}

func resolveNames(ctx *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	rs := &resolver{diags: ctx.Diags, scopes: []scope{{m: map[string]ast.Name{}}}, types: map[int]bool{}, generics: map[int]ast.Decl{}}
	// Top-level names first: declarations are order-independent (resolve_names_modules.go).
	ids, seen := rs.bindTopLevel(p)
	decl := map[ast.Decl]int{}
	for i, d := range p.Decls {
		decl[d] = i
	}
	r := &ast.Rewriter{Expr: rs.expr, Stmt: rs.stmt, Type: rs.typ}
	r.Decl = func(r *ast.Rewriter, d ast.Decl) []ast.Decl {
		rs.module = seen[decl[d]]
		rs.scopes = append(rs.scopes[:0], scope{m: rs.module.own})
		rs.locals = rs.locals[:0]
		if g := rs.genericDecl(r, d, ids[d]); g != nil {
			return []ast.Decl{g}
		}
		switch d := d.(type) {
		case *ast.Func:
			return []ast.Decl{rs.function(r, d, ids[d])}
		case *ast.EnumDecl:
			c := *d
			c.Name = ids[d]
			c.BackingX = r.RewriteType(d.BackingX)
			c.Values = r.RewriteExprs(d.Values)
			return []ast.Decl{&c}
		case *ast.UnionDecl:
			c := *d
			c.Name = ids[d]
			c.PayloadX = make([]ast.TypeExpr, len(d.PayloadX))
			for i, x := range d.PayloadX {
				c.PayloadX[i] = r.RewriteType(x)
			}
			return []ast.Decl{&c}
		case *ast.StructDecl:
			c := r.DefaultDecl(d).(*ast.StructDecl)
			c.Name = ids[d]
			return []ast.Decl{c}
		case *ast.AliasDecl:
			c := r.DefaultDecl(d).(*ast.AliasDecl)
			c.Name = ids[d]
			return []ast.Decl{c}
		case *ast.Global:
			c := *d
			c.Name = ids[d]
			c.TypeX = r.RewriteType(d.TypeX)
			c.Init = r.RewriteExpr(d.Init)
			return []ast.Decl{&c}
		}
		return []ast.Decl{r.DefaultDecl(d)}
	}
	return r.Program(p), nil
}

// function resolves a function declaration whose binder is name.
func (rs *resolver) function(r *ast.Rewriter, d *ast.Func, name ast.Name) *ast.Func {
	c := *d
	c.Name = name
	c.Params = nil
	c.ResultX = r.RewriteType(d.ResultX)
	rs.push()
	for _, prm := range d.Params {
		pc := *prm
		pc.TypeX = r.RewriteType(prm.TypeX)
		pc.Name = rs.declare(prm.Pos(), prm.Name.Name)
		c.Params = append(c.Params, &pc)
	}
	c.Body = r.RewriteBlock(d.Body)
	rs.pop()
	return &c
}

func (rs *resolver) push() { rs.scopes = append(rs.scopes, scope{start: len(rs.locals)}) }

func (rs *resolver) pop() {
	rs.locals = rs.locals[:rs.scopes[len(rs.scopes)-1].start]
	rs.scopes = rs.scopes[:len(rs.scopes)-1]
}

// bind makes a fresh binder in the innermost scope without a redefinition check.
func (rs *resolver) bind(pos src.Pos, name string) ast.Name {
	rs.next++
	n := ast.Name{Name: name, ID: rs.next}
	rs.setInTop(n)
	rs.setWhere(n.ID, pos)
	return n
}

// setWhere records the declaration of the binder id.
func (rs *resolver) setWhere(id int, pos src.Pos) {
	for len(rs.where) <= id {
		rs.where = append(rs.where, ast.At{})
	}
	rs.where[id] = ast.AtOf(pos)
}

// whereOf returns the declaration of the binder id, the zero position when it has none.
func (rs *resolver) whereOf(id int) src.Pos {
	if id < 0 || id >= len(rs.where) {
		return src.Pos{}
	}
	return rs.where[id].Pos()
}

// redefined reports a second binder of first's name at pos, pointing at the first.
func (rs *resolver) redefined(pos src.Pos, first ast.Name) {
	sp := nameSpan(rs.diags, pos, first.Name) // check_span.go: the name, not its `var`/`fn`
	d := src.Diagnostic{Pos: sp.Pos, End: sp.End, Code: codeRedefined, Msg: "redefined identifier `" + first.Name + "`",
		Label: "redefined here"}
	if at := rs.whereOf(first.ID); at.IsValid() {
		d.Notes = []src.Related{{Span: nameSpan(rs.diags, at, first.Name), Text: "first defined here"}}
	}
	rs.diags.Report(d)
}

// bindTest gives a test or bench block a binder outside every scope (no expression names one)
// and reports a test (bench) name used twice: the runner's lines would not say which it means.
func (rs *resolver) bindTest(f *ast.Func, seen map[string]ast.Name) ast.Name {
	rs.next++
	n := ast.Name{Name: f.Name.Name, ID: rs.next}
	rs.setWhere(n.ID, f.Pos())
	key := f.TestKind + " " + f.TestName
	if first, dup := seen[key]; dup {
		rs.diags.Report(src.Diagnostic{Pos: f.Pos(), Code: codeRedefined, Msg: "duplicate " + f.TestKind + " name \"" + f.TestName + "\"",
			Label: "second " + f.TestKind + " of this name", Notes: []src.Related{{Span: src.Span{Pos: rs.whereOf(first.ID)}, Text: "first " + f.TestKind + " of this name"}}})
	} else {
		seen[key] = n
	}
	return n
}

// declare binds a local name, reporting a redefinition in the same scope.
func (rs *resolver) declare(pos src.Pos, name string) ast.Name {
	if first, dup := rs.inScope(len(rs.scopes)-1, name); dup {
		rs.redefined(pos, first)
	}
	return rs.bind(pos, name)
}

func (rs *resolver) lookup(pos src.Pos, name string) ast.Name {
	for i := len(rs.scopes) - 1; i >= 0; i-- {
		if n, ok := rs.inScope(i, name); ok {
			rs.capture(pos, i, n) // resolve_names_closure.go
			return n
		}
	}
	if n, ok := rs.lookupImported(pos, name); ok {
		return n
	}
	d := src.Diagnostic{Pos: pos, Code: codeUndefined, Msg: "undefined identifier `" + name + "`"}
	if pos.IsValid() {
		d.End = src.Pos{File: pos.File, Offset: pos.Offset + len(name), Line: pos.Line, Col: pos.Col + len(name)}
	}
	var visible []string
	for i := len(rs.scopes) - 1; i >= 0; i-- {
		rs.scopeNames(i, func(n string) { visible = append(visible, n) })
	}
	if rs.module != nil {
		for n := range rs.module.imported {
			visible = append(visible, n)
		}
	}
	sort.Strings(visible)
	if near, ok := src.Closest(name, visible); ok {
		d.Help = []string{"did you mean `" + near + "`?"}
	}
	if name == "_" { // `_ = f()` of Go and Zig: language.md §1.3 makes `_` an ordinary name
		d.Help = []string{"`_` is an ordinary name, not a discard: to drop a value, write the call as a statement (`f()`)"}
	}
	rs.diags.Report(d)
	return ast.Name{Name: name}
}

// loopTarget finds the loop a break/continue leaves.
func (rs *resolver) loopTarget(pos src.Pos, what string, label ast.Name) ast.Name {
	if len(rs.loops) == 0 {
		rs.diags.Errorf(pos, codeBreakOutside, "%s outside of loop", what)
		return label
	}
	if label.Name == "_" {
		return rs.loops[len(rs.loops)-1]
	}
	for i := len(rs.loops) - 1; i >= 0; i-- {
		if rs.loops[i].Name == label.Name {
			return rs.loops[i]
		}
	}
	rs.diags.Errorf(pos, codeUnknownLabel, "unknown label `%s`", label.Name)
	return label
}

// loopLabel gives a loop its ID; an unlabeled loop keeps the name "_".
func (rs *resolver) loopLabel(label ast.Name) ast.Name {
	rs.next++
	return ast.Name{Name: label.Name, ID: rs.next}
}

func (rs *resolver) stmt(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
	switch s := s.(type) {
	case *ast.Block:
		rs.push()
		b := r.DefaultBlock(s)
		rs.pop()
		return []ast.Stmt{b}
	case *ast.VarDecl:
		c := *s
		c.TypeX = r.RewriteType(s.TypeX)
		c.Init = r.RewriteExpr(s.Init) // the initializer sees the outer binding of the name
		c.Name = rs.declare(s.Pos(), s.Name.Name)
		return []ast.Stmt{&c}
	case *ast.While:
		c := *s
		c.Label = rs.loopLabel(s.Label)
		c.Cond = r.RewriteExpr(s.Cond)
		rs.loops = append(rs.loops, c.Label)
		c.Body = r.RewriteBlock(s.Body)
		c.Step = r.RewriteOne(s.Step)
		rs.loops = rs.loops[:len(rs.loops)-1]
		return []ast.Stmt{&c}
	case *ast.ForEach:
		c := *s
		c.Label = rs.loopLabel(s.Label)
		c.X = r.RewriteExpr(s.X)
		rs.push()
		if s.Index.Name != "" {
			c.Index = rs.bind(s.Pos(), s.Index.Name)
		}
		c.Var = rs.declare(s.Pos(), s.Var.Name)
		rs.loops = append(rs.loops, c.Label)
		c.Body = r.RewriteBlock(s.Body)
		rs.loops = rs.loops[:len(rs.loops)-1]
		rs.pop()
		return []ast.Stmt{&c}
	case *ast.ForRange:
		c := *s
		c.Label = rs.loopLabel(s.Label)
		c.Lo, c.Hi = r.RewriteExpr(s.Lo), r.RewriteExpr(s.Hi)
		rs.push()
		c.Var = rs.bind(s.Pos(), s.Var.Name)
		rs.loops = append(rs.loops, c.Label)
		c.Body = r.RewriteBlock(s.Body)
		rs.loops = rs.loops[:len(rs.loops)-1]
		rs.pop()
		return []ast.Stmt{&c}
	case *ast.Break:
		return []ast.Stmt{&ast.Break{At: s.At, Label: rs.loopTarget(s.Pos(), "break", s.Label)}}
	case *ast.Continue:
		return []ast.Stmt{&ast.Continue{At: s.At, Label: rs.loopTarget(s.Pos(), "continue", s.Label)}}
	}
	return []ast.Stmt{r.DefaultStmt(s)}
}

// typ resolves the names of a type expression: a type keyword keeps ID 0; any other name must
// denote a declared type.
func (rs *resolver) typ(r *ast.Rewriter, t ast.TypeExpr) ast.TypeExpr {
	if inst, ok := t.(*ast.InstType); ok {
		return rs.instType(r, inst)
	}
	n, ok := t.(*ast.TypeName)
	if !ok {
		return r.DefaultType(t)
	}
	if _, keyword := types.Keyword(n.Name.Name); keyword {
		return n
	}
	c := *n
	c.Name = rs.lookup(n.Pos(), n.Name.Name)
	if c.Name.ID != 0 && !rs.types[c.Name.ID] && !rs.bareGeneric(n.Pos(), c.Name) {
		rs.diags.Errorf(n.Pos(), codeTypeMismatch, "type mismatch: `%s` is not a type", n.Name.Name)
	}
	return &c
}

func (rs *resolver) expr(r *ast.Rewriter, e ast.Expr) ast.Expr {
	switch e := e.(type) {
	case *ast.Block: // a block expression is a scope too
		rs.push()
		b := r.DefaultBlock(e)
		rs.pop()
		return b
	case *ast.Ref:
		c := *e
		c.Name = rs.lookup(e.Pos(), e.Name.Name)
		return &c
	case *ast.Instance:
		return rs.instance(r, e)
	case *ast.MethodInstance:
		return rs.methodInstance(r, e) // resolve_names_generic.go
	case *ast.FuncLit:
		return rs.funcLit(r, e)
	}
	return r.DefaultExpr(e)
}
