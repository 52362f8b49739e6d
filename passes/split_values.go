package passes

// The engine of lower-optionals and lower-unions: each splits the values of its kind of type (an
// optional, a tagged union) into parts of scalar types, its first part the tag. A binder of a
// split type (local, parameter, global) becomes one binder per part, NAME.SUFFIX; a function
// returning one returns its first part and stores the others through extra pointer parameters
// (out.SUFFIX) that its callers pass; every expression of a split type is split where it is used
// into statements that run first, then one expression per part that reads only variables and
// literals. A kind supplies its parts, its producers (null, union literals …) and its consumers
// (.?, .tag …); the engine does the binders, calls, returns and if/block expressions.
//
//	(var o#3 T E)                  =>  PRE (var o.tag#10 T0 P0) (var o.val#11 T1 P1)
//	(fn f#1 ((p#2 T)) T (return E))
//	  => (fn f#1 ((p.tag#12 T0) (p.val#13 T1) (out.val#14 (ptr T1))) T0 PRE (assign (deref out.val#14) P1) (return P0))
//	(call:T f#1 A...)              =>  (var r.val T1 zero) (var r.tag T0 (call f#1 A'... (addr-of r.val)))
//	(if-expr:T C A B)              =>  (var r.tag T0) (var r.val T1) (if C (block A... parts assigned) ...)

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// part is one scalar part of a split value.
type part struct {
	suffix string
	T      types.Type
}

// splitKind is what a lowering tells the engine about its kind of type.
type splitKind struct {
	// parts returns the parts of a value of type t, nil when t is not of the kind.
	parts func(t types.Type) []part
	// produce splits an expression the engine does not know (a literal of the kind), or reports false.
	produce func(l *splitter, e ast.Expr) (pre []ast.Stmt, vals []ast.Expr, ok bool)
	// consume lowers an expression of another type that reads a split value, or reports false.
	consume func(l *splitter, e ast.Expr) (ast.Expr, bool)
}

type splitter struct {
	kind  splitKind
	ids   *ast.IDs
	names map[int][]ast.Name // split binders by ID: one name per part
	sigs  map[int]*ast.Func  // functions whose signature changes, by ID (their new declaration)
	outs  map[int][]ast.Name // the out parameters of each function returning a split value
	fn    *ast.Func          // the function being rewritten (its new declaration)
	r     *ast.Rewriter
}

func splitValues(p *ast.Program, kind splitKind) *ast.Program {
	if !usesKind(p, kind) {
		return p // nothing to split: no copy of the program
	}
	l := &splitter{kind: kind, ids: ast.NewIDs(p), names: map[int][]ast.Name{}, sigs: map[int]*ast.Func{}, outs: map[int][]ast.Name{}}
	for _, d := range p.Decls {
		if f, ok := d.(*ast.Func); ok {
			l.signature(f)
		}
	}
	r := &ast.Rewriter{}
	l.r = r
	r.Decl = l.decl
	r.Stmt = l.stmt
	r.Expr = l.expr
	return r.Program(p)
}

// splitBinder gives a binder of a split type one binder per part.
func (l *splitter) splitBinder(n ast.Name, parts []part) []ast.Name {
	var names []ast.Name
	for _, pt := range parts {
		names = append(names, l.temp(n.Name+"."+pt.suffix))
	}
	l.names[n.ID] = names
	return names
}

func (l *splitter) temp(name string) ast.Name { return ast.Name{Name: name, ID: l.ids.Next()} }

func (l *splitter) ref(at ast.At, n ast.Name, t types.Type) *ast.Ref {
	return &ast.Ref{At: at, Typed: ast.Typed{T: t}, Name: n}
}

func (l *splitter) assign(at ast.At, n ast.Name, t types.Type, v ast.Expr) ast.Stmt {
	return &ast.Assign{At: at, Target: l.ref(at, n, t), Value: v}
}

// assignAll assigns each part's value to its binder.
func (l *splitter) assignAll(at ast.At, names []ast.Name, parts []part, vals []ast.Expr) []ast.Stmt {
	var out []ast.Stmt
	for i, pt := range parts {
		out = append(out, l.assign(at, names[i], pt.T, vals[i]))
	}
	return out
}

// signature computes f's new declaration head (parameters and result) when it changes.
func (l *splitter) signature(f *ast.Func) {
	changed := false
	var params []*ast.Param
	for _, p := range f.Params {
		parts := l.kind.parts(p.Type)
		if parts == nil {
			params = append(params, p)
			continue
		}
		changed = true
		for i, n := range l.splitBinder(p.Name, parts) {
			params = append(params, &ast.Param{At: p.At, Name: n, Type: parts[i].T})
		}
	}
	result := f.Result
	if parts := l.kind.parts(f.Result); parts != nil {
		changed, result = true, parts[0].T
		for _, pt := range parts[1:] {
			out := l.temp("out." + pt.suffix)
			l.outs[f.Name.ID] = append(l.outs[f.Name.ID], out)
			params = append(params, &ast.Param{At: f.At, Name: out, Type: types.PointerTo(pt.T)})
		}
	}
	if changed {
		nf := *f
		nf.Params, nf.Result = params, result
		l.sigs[f.Name.ID] = &nf
	}
}

func (l *splitter) decl(r *ast.Rewriter, d ast.Decl) []ast.Decl {
	switch d := d.(type) {
	case *ast.Func:
		f := d
		if nf, ok := l.sigs[d.Name.ID]; ok {
			f = nf
		}
		l.fn = f
		out := *f
		out.Body = r.RewriteBlock(f.Body)
		l.fn = nil
		return []ast.Decl{&out}
	case *ast.Global:
		parts := l.kind.parts(d.Type)
		if parts == nil {
			return []ast.Decl{r.DefaultDecl(d)}
		}
		names := l.splitBinder(d.Name, parts)
		globals := make([]*ast.Global, len(parts))
		for i, pt := range parts {
			globals[i] = &ast.Global{At: d.At, Name: names[i], Const: d.Const, Type: pt.T}
		}
		if d.Init != nil {
			pre, vals := l.split(d.Init)
			constant := len(pre) == 0
			for _, v := range vals {
				constant = constant && ast.IsConstInit(v)
			}
			if constant {
				for i, g := range globals {
					g.Init = vals[i]
				}
			} else {
				// The other parts start as zero; the first part's initializer computes them all.
				for i, g := range globals[1:] {
					g.Const = false
					pre = append(pre, l.assign(d.At, names[i+1], parts[i+1].T, vals[i+1]))
				}
				globals[0].Init = &ast.Block{At: d.At, Typed: ast.Typed{T: parts[0].T}, Stmts: pre, Value: vals[0]}
			}
		}
		var out []ast.Decl
		for i := len(globals) - 1; i >= 0; i-- {
			out = append(out, globals[i])
		}
		return out
	}
	return []ast.Decl{r.DefaultDecl(d)}
}

func (l *splitter) stmt(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
	switch s := s.(type) {
	case *ast.VarDecl:
		parts := l.kind.parts(s.Type)
		if parts == nil {
			break
		}
		names := l.splitBinder(s.Name, parts)
		var pre []ast.Stmt
		vals := make([]ast.Expr, len(parts))
		if s.Init != nil {
			pre, vals = l.split(s.Init)
		}
		for i, pt := range parts {
			pre = append(pre, &ast.VarDecl{At: s.At, Name: names[i], Const: s.Const, Type: pt.T, Init: vals[i]})
		}
		return pre
	case *ast.Assign:
		ref, ok := s.Target.(*ast.Ref)
		if !ok || l.kind.parts(ref.T) == nil {
			break
		}
		pre, vals := l.split(s.Value)
		return append(pre, l.assignAll(s.At, l.names[ref.Name.ID], l.kind.parts(ref.T), vals)...)
	case *ast.Return:
		if s.Value == nil || l.kind.parts(s.Value.Type()) == nil {
			break
		}
		parts := l.kind.parts(s.Value.Type())
		pre, vals := l.split(s.Value)
		for i, out := range l.outs[l.fn.Name.ID] {
			elem := parts[i+1].T
			ptr := l.ref(s.At, out, types.PointerTo(elem))
			pre = append(pre, &ast.Assign{At: s.At, Target: &ast.Deref{At: s.At, Typed: ast.Typed{T: elem}, X: ptr}, Value: vals[i+1]})
		}
		return append(pre, &ast.Return{At: s.At, Value: vals[0]})
	case *ast.ExprStmt:
		if l.kind.parts(s.X.Type()) == nil {
			break
		}
		pre, _ := l.split(s.X)
		return pre
	}
	return []ast.Stmt{r.DefaultStmt(s)}
}

// expr lowers the kind's consumers inside expressions of other types, and calls that pass split
// values or whose callee changed.
func (l *splitter) expr(r *ast.Rewriter, e ast.Expr) ast.Expr {
	if x, ok := l.kind.consume(l, e); ok {
		return x
	}
	if c, ok := e.(*ast.Call); ok {
		pre, call := l.call(c)
		return withPre(c.At, pre, call)
	}
	return r.DefaultExpr(e)
}

// usesKind reports whether any binder or expression of p has a type of the kind.
func usesKind(p *ast.Program, kind splitKind) bool {
	found := false
	for _, d := range p.Decls {
		ast.Inspect(d, func(n ast.Node) bool {
			if found {
				return false
			}
			var t types.Type
			switch n := n.(type) {
			case ast.Expr:
				t = n.Type()
			case *ast.Global:
				t = n.Type
			case *ast.Param:
				t = n.Type
			case *ast.VarDecl:
				t = n.Type
			case *ast.Func:
				t = n.Result
			}
			found = t != nil && kind.parts(t) != nil
			return !found
		})
		if found {
			return true
		}
	}
	return false
}
