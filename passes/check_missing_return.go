// Pass check-missing-return: typed -> typed.
//
// Reports a function with a result whose end is reachable (decisions.md #20: falling off the end
// of a non-void function is a compile error, "missing return"). The program is unchanged.
//
//	(func f#1 () i64 (block (if c (block (return 1)))))   => error: missing return in function `f`
//
// Design decision: the analysis is syntactic, like Go's terminating statements: a return, @trap
// or @exit ends control; a block ends where one of its statements does; an if ends when both branches do, a
// switch when its else arm and every other arm do;
// `while (true)` ends unless a break leaves it. No constant folding beyond the literal true.

package passes

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

func checkMissingReturn(ctx *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	for _, d := range p.Decls {
		if f, ok := d.(*ast.Func); ok && f.Result != types.TVoid && canFallThrough(f.Body) {
			ctx.Diags.Errorf(f.Pos(), codeMissingReturn, "missing return in function `%s`", f.Name.Name)
		}
		ast.Inspect(d, func(n ast.Node) bool {
			if f, ok := n.(*ast.FuncLit); ok && f.Result != types.TVoid && canFallThrough(f.Body) {
				ctx.Diags.Errorf(f.Pos(), codeMissingReturn, "missing return in anonymous function")
			}
			return true
		})
	}
	return p, nil
}

// canFallThrough reports whether control can reach the end of s.
func canFallThrough(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.Return, *ast.Trap, *ast.Exit:
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
	case *ast.Switch:
		if s.Else == nil || canFallThrough(s.Else) {
			return true
		}
		for _, a := range s.Arms {
			if canFallThrough(a.Body) {
				return true
			}
		}
		return false
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
