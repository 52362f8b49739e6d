// Pass check-types: resolved -> typed.
//
// Gives every expression and binder its type and reports the type errors of the slice the
// compiler supports: type mismatch (operands, conditions, initializers, assignments, arguments,
// returns), wrong number of arguments, assignment to a constant or parameter, integer literal
// out of range, missing return, and "not yet supported" for types and constructs beyond the
// slice (non-i64 integer types, floats, string values other than print arguments, function
// values), and initialization cycles among globals.
//
//	(var x - (+ 1 2))   => (var x#4 i64 (+:i64 1:i64 2:i64))
//
// Design decision: an expression whose type cannot be computed gets types.TInvalid, which every
// later check accepts silently, so one mistake yields one diagnostic.

package passes

import (
	"fmt"
	"math"
	"strings"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/src"
	"cot/ir/types"
)

type checkedBinder struct {
	kind string // "func", "global", "const", "param", "var"
	typ  types.Type
	fn   *ast.Func
}

type checker struct {
	diags   *src.Diagnostics
	binders map[int]*checkedBinder
	fn      *ast.Func // function being checked; nil in a global initializer
	// Globals are typed on first use, since an inferred type comes from the initializer, which
	// may read globals declared later.
	globals    map[int]*ast.Global
	globalInit map[int]ast.Expr // checked initializers
	inProgress map[int]bool
}

func checkTypes(ctx *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	c := &checker{diags: ctx.Diags, binders: map[int]*checkedBinder{}, globals: map[int]*ast.Global{},
		globalInit: map[int]ast.Expr{}, inProgress: map[int]bool{}}
	out := &ast.Program{Types: p.Types, Data: p.Data}
	var mainFn *ast.Func
	// Signatures first: bodies and initializers may use any top-level name.
	for _, d := range p.Decls {
		switch d := d.(type) {
		case *ast.Func:
			for _, prm := range d.Params {
				c.supported(prm.Pos(), prm.Type, false)
			}
			c.supported(d.Pos(), d.Result, true)
			c.binders[d.Name.ID] = &checkedBinder{kind: "func", typ: d.Result, fn: d}
			if d.Name.Name == "main" {
				mainFn = d
			}
		case *ast.Global:
			c.globals[d.Name.ID] = d
		}
	}
	for _, d := range p.Decls {
		switch d := d.(type) {
		case *ast.Func:
			out.Decls = append(out.Decls, c.function(d))
		case *ast.Global:
			g := *d
			g.Type = c.binder(d.Name.ID).typ
			g.Init = c.globalInit[d.Name.ID]
			out.Decls = append(out.Decls, &g)
		}
	}
	switch {
	case mainFn == nil:
		c.diags.Errorf(src.Pos{}, codeUndefined, "undefined identifier `main`: a program needs `fn main() i64` or `fn main() void`")
	case len(mainFn.Params) != 0 || (mainFn.Result != types.TI64 && mainFn.Result != types.TVoid):
		c.diags.Errorf(mainFn.Pos(), codeTypeMismatch, "type mismatch: `main` must take no parameters and return i64 or void")
	}
	if !c.diags.HasErrors() {
		if _, cycle := ast.GlobalInitOrder(out); cycle != nil {
			var names []string
			for _, g := range cycle {
				names = append(names, g.Name.Name)
			}
			c.diags.Errorf(cycle[0].Pos(), codeInitCycle, "initialization cycle: %s", strings.Join(names, " -> "))
		}
	}
	return out, nil
}

// supported reports types beyond the slice (i64, bool; void as a result).
func (c *checker) supported(pos src.Pos, t types.Type, result bool) bool {
	if t == types.TI64 || t == types.TBool || (result && t == types.TVoid) {
		return true
	}
	if t == types.TVoid {
		c.diags.Errorf(pos, codeTypeMismatch, "type mismatch: void is not a value type")
		return false
	}
	c.diags.Errorf(pos, codeNotSupported, "not yet supported: type %v", t)
	return false
}

// binder returns what the checker knows about a binder, typing a global on first use.
func (c *checker) binder(id int) *checkedBinder {
	if b := c.binders[id]; b != nil {
		return b
	}
	g := c.globals[id]
	if g == nil {
		return nil
	}
	kind := map[bool]string{true: "const", false: "global"}[g.Const]
	if c.inProgress[id] {
		c.diags.Errorf(g.Pos(), codeInitCycle, "initialization cycle: the initializer of `%s` refers to `%s`", g.Name.Name, g.Name.Name)
		b := &checkedBinder{kind: kind, typ: types.TInvalid}
		c.binders[id] = b
		return b
	}
	c.inProgress[id] = true
	t := g.Type
	if t != nil && !c.supported(g.Pos(), t, false) {
		t = types.TInvalid
	}
	if g.Init != nil {
		fn := c.fn
		c.fn = nil
		var init ast.Expr
		if t != nil {
			init = c.expect(g.Init, t, "initializer of `"+g.Name.Name+"`")
		} else {
			init = c.expr(g.Init)
			t = init.Type()
			if t == types.TVoid {
				c.diags.Errorf(g.Init.Pos(), codeTypeMismatch, "type mismatch: `%s` is initialised with a void value", g.Name.Name)
				t = types.TInvalid
			}
		}
		c.fn = fn
		c.globalInit[id] = init
	}
	if t == nil {
		c.diags.Errorf(g.Pos(), codeTypeMismatch, "type mismatch: `%s` needs a type or an initializer", g.Name.Name)
		t = types.TInvalid
	}
	if b := c.binders[id]; b != nil { // a cycle was reported meanwhile
		return b
	}
	b := &checkedBinder{kind: kind, typ: t}
	c.binders[id] = b
	return b
}

func (c *checker) function(d *ast.Func) *ast.Func {
	c.fn = d
	f := *d
	f.Params = nil
	for _, prm := range d.Params {
		pc := *prm
		c.binders[prm.Name.ID] = &checkedBinder{kind: "param", typ: prm.Type}
		f.Params = append(f.Params, &pc)
	}
	f.Body = c.block(d.Body)
	if d.Result != types.TVoid && canFallThrough(f.Body) {
		c.diags.Errorf(d.Pos(), codeMissingReturn, "missing return in function `%s`", d.Name.Name)
	}
	return &f
}

// canFallThrough reports whether control can reach the end of s (the missing-return analysis).
func canFallThrough(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.Return:
		return false
	case *ast.Block:
		for _, x := range s.Stmts {
			if !canFallThrough(x) {
				return false
			}
		}
		return true
	case *ast.If:
		return s.Else == nil || canFallThrough(s.Then) || canFallThrough(s.Else)
	case *ast.While:
		// `while (true)` ends only through a break that targets it.
		lit, ok := s.Cond.(*ast.BoolLit)
		return !ok || !lit.Value || breaksTo(s.Body, s.Label.ID)
	}
	return true
}

func breaksTo(b *ast.Block, loop int) bool {
	found := false
	ast.Inspect(b, func(n ast.Node) bool {
		if br, ok := n.(*ast.Break); ok && br.Label.ID == loop {
			found = true
		}
		return !found
	})
	return found
}

func (c *checker) block(b *ast.Block) *ast.Block {
	out := &ast.Block{At: b.At, Stmts: []ast.Stmt{}}
	for _, s := range b.Stmts {
		out.Stmts = append(out.Stmts, c.stmt(s))
	}
	return out
}

func (c *checker) mismatch(pos src.Pos, what string, want, have types.Type) {
	if want == types.TInvalid || have == types.TInvalid {
		return
	}
	c.diags.Errorf(pos, codeTypeMismatch, "type mismatch: %s: expected %v, found %v", what, want, have)
}

// expect checks e and that its type is want.
func (c *checker) expect(e ast.Expr, want types.Type, what string) ast.Expr {
	x := c.expr(e)
	if !types.Identical(x.Type(), want) {
		c.mismatch(e.Pos(), what, want, x.Type())
	}
	return x
}

func (c *checker) cond(e ast.Expr) ast.Expr {
	return c.expect(e, types.TBool, "condition must be bool")
}

func (c *checker) stmt(s ast.Stmt) ast.Stmt {
	switch s := s.(type) {
	case *ast.Block:
		return c.block(s)
	case *ast.VarDecl:
		v := *s
		switch {
		case s.Type != nil:
			if !c.supported(s.Pos(), s.Type, false) {
				v.Type = types.TInvalid
			}
			if s.Init != nil {
				v.Init = c.expect(s.Init, v.Type, "initializer of `"+s.Name.Name+"`")
			}
		case s.Init != nil:
			v.Init = c.expr(s.Init)
			v.Type = v.Init.Type()
			if v.Type == types.TVoid {
				c.diags.Errorf(s.Init.Pos(), codeTypeMismatch, "type mismatch: `%s` is initialised with a void value", s.Name.Name)
				v.Type = types.TInvalid
			}
		default:
			c.diags.Errorf(s.Pos(), codeTypeMismatch, "type mismatch: `%s` needs a type or an initializer", s.Name.Name)
			v.Type = types.TInvalid
		}
		kind := "var"
		if s.Const {
			kind = "const"
		}
		c.binders[s.Name.ID] = &checkedBinder{kind: kind, typ: v.Type}
		return &v
	case *ast.Assign:
		a := *s
		a.Target = c.target(s.Target)
		a.Value = c.expect(s.Value, a.Target.Type(), "assigned value")
		return &a
	case *ast.OpAssign:
		a := *s
		a.Target = c.target(s.Target)
		a.Value = c.expect(s.Value, types.TI64, "operand of `"+s.Op+"=`")
		if t := a.Target.Type(); t != types.TI64 {
			c.mismatch(s.Pos(), "target of `"+s.Op+"=`", types.TI64, t)
		}
		return &a
	case *ast.ExprStmt:
		return &ast.ExprStmt{At: s.At, X: c.expr(s.X)}
	case *ast.If:
		st := &ast.If{At: s.At, Cond: c.cond(s.Cond), Then: c.block(s.Then)}
		if s.Else != nil {
			st.Else = c.stmt(s.Else)
		}
		return st
	case *ast.While:
		w := *s
		w.Cond = c.cond(s.Cond)
		w.Body = c.block(s.Body)
		if s.Step != nil {
			w.Step = c.stmt(s.Step)
		}
		return &w
	case *ast.ForRange:
		f := *s
		f.Lo = c.expect(s.Lo, types.TI64, "range start")
		f.Hi = c.expect(s.Hi, types.TI64, "range end")
		c.binders[s.Var.ID] = &checkedBinder{kind: "var", typ: types.TI64}
		f.Body = c.block(s.Body)
		return &f
	case *ast.Break, *ast.Continue:
		return s
	case *ast.Return:
		r := &ast.Return{At: s.At}
		switch {
		case s.Value != nil && c.fn.Result == types.TVoid:
			r.Value = c.expr(s.Value)
			c.mismatch(s.Value.Pos(), "returned value", types.TVoid, r.Value.Type())
		case s.Value != nil:
			r.Value = c.expect(s.Value, c.fn.Result, "returned value")
		case c.fn.Result != types.TVoid && c.fn.Result != types.TInvalid:
			c.diags.Errorf(s.Pos(), codeTypeMismatch, "type mismatch: return without a value in a function returning %v", c.fn.Result)
		}
		return r
	case *ast.Print:
		return c.print(s)
	}
	panic(fmt.Sprintf("check-types: unexpected statement %T", s))
}

func (c *checker) print(s *ast.Print) ast.Stmt {
	p := *s
	p.Args = nil
	if len(s.Args) != 1 {
		c.diags.Errorf(s.Pos(), codeTypeMismatch, "wrong number of arguments: `%s` takes 1, got %d", printName(s), len(s.Args))
	}
	for _, a := range s.Args {
		if lit, ok := a.(*ast.StrLit); ok {
			p.Args = append(p.Args, &ast.StrLit{At: lit.At, Typed: ast.Typed{T: types.TString}, Value: lit.Value})
			continue
		}
		x := c.expr(a)
		if t := x.Type(); t != types.TI64 && t != types.TBool && t != types.TInvalid {
			c.diags.Errorf(a.Pos(), codeTypeMismatch, "type mismatch: `%s` cannot print a value of type %v", printName(s), t)
		}
		p.Args = append(p.Args, x)
	}
	return &p
}

func printName(s *ast.Print) string {
	name := map[int]string{1: "print", 2: "eprint"}[s.Fd]
	if s.Newline {
		name += "ln"
	}
	return name
}

// target checks an assignment target: a variable that may be assigned.
func (c *checker) target(e ast.Expr) ast.Expr {
	x := c.expr(e)
	ref, ok := e.(*ast.Ref)
	if !ok {
		c.diags.Errorf(e.Pos(), codeNotSupported, "not yet supported: assignment to this kind of target")
		return x
	}
	if b := c.binder(ref.Name.ID); b != nil && b.kind != "var" && b.kind != "global" {
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "cannot assign to constant `%s` (a %s)", ref.Name.Name, b.kind)
	}
	return x
}

// literalFits reports whether an integer literal is a valid i64 (2^63 is valid only negated).
func literalFits(v uint64, negated bool) bool {
	return v <= math.MaxInt64 || (negated && v == 1<<63)
}
