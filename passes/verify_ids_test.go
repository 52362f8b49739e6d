package passes

import "cot/ir/ast"

// Every compilation of the package's tests checks MaxID's per-declaration memo against a fresh
// walk: a pass that mutated a declaration after returning it would make fresh IDs collide.
func init() { ast.VerifyMaxIDs = true }
