package passes

// Compile-time evaluation in check-types (spec §12, §5.1; docs/decisions.md "compile-time
// evaluation"). Folding itself is ast.Fold, on checked expressions, with the reference
// interpreter's operators, so it matches run time bit for bit.
//
//   - A `const` (local or global) whose checked initializer folds is a constant: its value is
//     what a name of it folds to. Its uses stay references (they read the same value at run time).
//   - An if statement or expression whose condition folds gets that bool literal as its
//     condition and only its taken branch type-checked; the other branch is an empty block (or,
//     in an if expression, the zero of the if's type) that fold-constant-branches drops.
//   - `comptime { e }` is checked and must fold; it becomes the literal of its value.
//   - `@compileError("msg")` is the error msg wherever it is type-checked: anywhere in a
//     function body, global initializer or instance of a generic that is checked, except in the
//     untaken branch of a folded condition and in generics never instantiated.

import (
	"cot/ir/ast"
	"cot/ir/types"
)

const codeCompileError = "E0350" // @compileError

// comptimeState holds the folded constants of one check-types run.
type comptimeState struct {
	consts map[int]ast.Expr // folded value by binder ID; nil: the constant does not fold
	busy   map[int]bool     // global constants being folded (a cycle is reported elsewhere)
}

func (c *checker) comptime() *comptimeState {
	if c.ct == nil {
		c.ct = &comptimeState{consts: map[int]ast.Expr{}, busy: map[int]bool{}}
	}
	return c.ct
}

// fold returns the literal a checked expression folds to, or nil.
func (c *checker) fold(e ast.Expr) ast.Expr {
	if e == nil || e.Type() == nil || e.Type() == types.TInvalid {
		return nil
	}
	return ast.Fold(e, c.constValue)
}

// constValue is the folded value of the constant with binder ID id, or nil. A global constant
// is checked on first use, as c.binder does for every global.
func (c *checker) constValue(id int) ast.Expr {
	ct := c.comptime()
	if v, ok := ct.consts[id]; ok {
		return v
	}
	g := c.globals[id]
	if g == nil || !g.Const || ct.busy[id] {
		return nil
	}
	ct.busy[id] = true
	c.binder(id)
	v := c.fold(c.globalInit[id])
	ct.consts[id] = v
	return v
}

// recordConst remembers the value of a local constant whose initializer folds.
func (c *checker) recordConst(id int, init ast.Expr) {
	c.comptime().consts[id] = c.fold(init)
}

// foldedCond returns the bool literal a checked condition folds to, or nil.
func (c *checker) foldedCond(cond ast.Expr) *ast.BoolLit {
	lit, _ := c.fold(cond).(*ast.BoolLit)
	return lit
}

// ifStmt checks an if statement; a folded condition keeps only the taken branch checked.
func (c *checker) ifStmt(s *ast.If) ast.Stmt {
	cond := c.cond(s.Cond)
	lit := c.foldedCond(cond)
	if lit == nil {
		st := &ast.If{At: s.At, Cond: cond, Then: c.block(s.Then)}
		if s.Else != nil {
			st.Else = c.stmt(s.Else)
		}
		return st
	}
	st := &ast.If{At: s.At, Cond: lit, Then: &ast.Block{At: s.Then.At, Stmts: []ast.Stmt{}}}
	switch {
	case lit.Value:
		st.Then = c.block(s.Then)
	case s.Else != nil:
		st.Else = c.stmt(s.Else)
	}
	return st
}

// foldedIfExpr checks an if expression whose checked condition cond folds, checking only the
// taken branch; nil when cond does not fold.
func (c *checker) foldedIfExpr(e *ast.If, cond ast.Expr, want types.Type) ast.Expr {
	lit := c.foldedCond(cond)
	if lit == nil {
		return nil
	}
	var taken ast.Expr
	switch b := takenBranch(e, lit.Value).(type) {
	case *ast.Block:
		taken = c.blockExpr(b, want)
	case *ast.If:
		taken = c.ifExpr(b, want)
	}
	t := taken.Type()
	if b, ok := takenBranch(e, !lit.Value).(*ast.Block); ok && b != nil && elseWant(nil, t, b) != t {
		// The other branch is a bare null: the if is an optional, folded or not (elseWant).
		t = types.OptionalOf(t)
		if tb, ok := taken.(*ast.Block); ok && tb.Value != nil {
			tb.Value, tb.T = c.convert(tb.Value, t, "branches of if expression"), t
		} else {
			taken = &ast.Block{At: e.At, Stmts: []ast.Stmt{}, Typed: ast.Typed{T: t}, Value: c.convert(taken, t, "branches of if expression")}
		}
	}
	if t == types.TVoid {
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: the branches of an if expression need values, found void")
		t = types.TInvalid
	}
	placeholder := &ast.Block{At: e.At, Stmts: []ast.Stmt{}}
	c.settleJump(placeholder, t)
	x := &ast.If{At: e.At, Typed: ast.Typed{T: t}, Cond: lit, Then: placeholder, Else: taken.(ast.Stmt)}
	if lit.Value {
		x.Then, x.Else = taken.(*ast.Block), placeholder
	}
	return x
}

// comptimeExpr checks `comptime { e }`: e must fold; the result is its literal.
func (c *checker) comptimeExpr(e *ast.Comptime, want types.Type) ast.Expr {
	x := c.blockExpr(e.X, want)
	if x.Type() == types.TInvalid {
		return x
	}
	if v := c.fold(x); v != nil {
		return v
	}
	c.diags.Errorf(e.Pos(), codeTypeMismatch, "unable to evaluate comptime expression: it must fold to a constant (spec §12)")
	x.T = types.TInvalid
	return x
}

// compileError reports @compileError("msg"), which only a checked statement reaches.
func (c *checker) compileError(s *ast.CompileError) ast.Stmt {
	c.diags.Errorf(s.Pos(), codeCompileError, "%s", s.Msg)
	return &ast.Block{At: s.At, Stmts: []ast.Stmt{}}
}
