package verify

import "cot/ir/ast"

// SetVisitHook sets the hook that sees every node the ast verifier's walk checks (nil: none).
func SetVisitHook(f func(ast.Node)) { visitHook = f }

// CheckSkips makes the incremental ast verifier compare every summary it reuses with a walk.
func CheckSkips(on bool) { checkSkips = on }

// Reused is the number of function summaries the incremental ast verifier has reused.
func Reused() int64 { return reused.Load() }
