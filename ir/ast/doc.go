// Package ast is the tree IR family of the front end: typed nodes that each carry a src.Pos, the
// table of ast languages (each a delta of its base), the shared Rewrite, and a deterministic
// S-expression printer and reader.
//
// One node struct per construct. Node kinds are the names the printer writes at the head of a
// list and the names the Lang table allows or removes. The slice of Cot the compiler handles today
// uses the kinds of node.go; structs, optionals, switch, closures … arrive as new kinds in later work,
// each added to the src language and removed by the pass that lowers it.
//
// Adding a node kind (a struct, an optional, a switch …) touches, in this order: the struct and
// its Kind in kinds.go; its children method (walk.go), then `go generate ./ir/ast` (Rewrite,
// Inspect and MaxID follow from it: internal/astgen writes walk_gen*.go); the
// printer (print.go) and reader (read.go), with a round-trip case in ast_test.go; the kind in the Add list
// of LangSrc (or of the language whose pass introduces it) and in the Remove list of the language
// after the pass that lowers it (langs.go); the verifier rules (verify/ast.go); the reference
// interpreter (interp.go), so the differential tests of passes/ cover it.
package ast
