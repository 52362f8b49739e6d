// Interpolated strings of lower-print (lower_print.go; language.md §6.14, decisions.md #19).
// "a ${x} b" evaluates its embedded expressions left to right, then formats each part as print
// does: as the argument of a print its parts are printed one after the other (no string is
// made); anywhere else the runtime builds the string (runtime/interp.cot): interp_begin, one
// interp_KIND call per part, interp_end. Every embedded expression is bound to a constant first,
// so one that makes a string of its own (a call, a nested interpolation) has finished before
// the runtime's single string under construction is begun, and one that prints has printed
// before any part of the print around it.

package passes

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// interpParts returns the statements evaluating the embedded expressions of x when it is an
// interpolation (rewritten by r) and the parts to format in order: literal texts and references
// to those values. Any other x is one part, rewritten, with no statements.
func (l *stringLowerer) interpParts(at ast.At, x ast.Expr, r *ast.Rewriter) ([]ast.Stmt, []ast.Expr) {
	in, ok := x.(*ast.Interp)
	if !ok {
		return nil, []ast.Expr{r.RewriteExpr(x)}
	}
	var stmts []ast.Stmt
	var parts []ast.Expr
	for _, part := range in.Parts {
		if lit, ok := part.(*ast.StrLit); ok {
			parts = append(parts, lit)
			continue
		}
		decl, ref := l.temp(at, "v", r.RewriteExpr(part))
		stmts = append(stmts, decl)
		parts = append(parts, ref())
	}
	return stmts, parts
}

// interpValue is the string value of the interpolation in, built by the runtime.
func (l *stringLowerer) interpValue(in *ast.Interp, r *ast.Rewriter) ast.Expr {
	at := in.At
	stmts, parts := l.interpParts(at, in, r)
	stmts = append(stmts, runtimeStmt(at, "interp_begin"))
	for _, part := range parts {
		kind, arg := formatRoutine(at, part)
		stmts = append(stmts, runtimeStmt(at, "interp_"+kind, arg))
	}
	end := &ast.RuntimeCall{At: at, Typed: ast.Typed{T: types.TString}, Name: "interp_end"}
	return &ast.Block{At: at, Typed: ast.Typed{T: types.TString}, Stmts: stmts, Value: end}
}
