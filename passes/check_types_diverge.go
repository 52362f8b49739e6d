package passes

// Branches that leave (check-types, see check_types.go): a block expression — a branch of an if
// or switch expression — whose last statement is `return`, `break`, `continue`, `@trap()` or
// `@exit(code)` has no value of its own. parse gives it a placeholder `.{}` value; here it takes the type of the other
// branches (or the context's), so `0 => { return 100 }` sits among arms of any type. The
// placeholder is the zero of that type and never runs.

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// divergesBlock reports whether b (unchecked) is a block expression that ends in a jump (or
// ends the program).
func divergesBlock(b *ast.Block) bool {
	if _, ok := b.Value.(*ast.Zero); !ok || len(b.Stmts) == 0 {
		return false
	}
	switch b.Stmts[len(b.Stmts)-1].(type) {
	case *ast.Return, *ast.Break, *ast.Continue, *ast.Trap, *ast.Exit, *ast.CompileError:
		return true
	}
	return false
}

// leaves reports whether a checked block is a jumping branch whose type is not known yet.
func leaves(b ast.Expr) bool {
	x, ok := b.(*ast.Block)
	return ok && x.T == nil
}

// divergingBlock checks a jumping branch: its statements; its value waits for settleJump, once
// the other branches have given the expression its type.
func (c *checker) divergingBlock(b *ast.Block) *ast.Block {
	out := c.block(b)
	out.Value, out.T = nil, nil
	return out
}

// blockExpr checks a block used as an expression by itself (not a branch): a jumping one takes
// the type its context wants.
func (c *checker) blockExpr(b *ast.Block, want types.Type) *ast.Block {
	out := c.valueBlock(b, want)
	if out.T == nil {
		if want == nil || types.IsUntyped(want) || want == types.TVoid {
			c.diags.Errorf(b.Pos(), codeTypeMismatch, "type mismatch: a block expression needs a value, this one jumps")
			want = types.TInvalid
		}
		c.settleJump(out, want)
	}
	return out
}

// settleJump gives a jumping branch the value type t (a placeholder: the zero of t).
func (c *checker) settleJump(b *ast.Block, t types.Type) {
	at := ast.At{P: b.Pos()}
	switch {
	case t == types.TInvalid:
		b.Value = &ast.IntLit{At: at, Typed: ast.Typed{T: t}}
	case isOptional(t):
		b.Value = &ast.NullLit{At: at, Typed: ast.Typed{T: t}}
	default:
		b.Value = c.zero(&ast.Zero{At: at}, t)
	}
	b.T = t
}
