package verify

import "cot/ir/ast"

// SetVisitHook sets the hook that sees every node the ast verifier's walk checks (nil: none).
func SetVisitHook(f func(ast.Node)) { visitHook = f }
