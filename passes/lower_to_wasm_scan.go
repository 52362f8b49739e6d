package passes

// What lower-to-wasm's module needs before any body is lowered (see lower_to_wasm_pass.go): the
// WASI and net functions to import, and the signatures of the calls through the function table,
// which the type section lists after the functions' own, in the order the bodies first use
// them. Knowing them first, the functions' bodies are lowered against a module they only read:
// one after another, or beside each other in a streamed run (front_stream.go).
//
// A host call or call_indirect counts after its operands, in the order its children method
// lists them, which is the order flatten-expressions hoists them in, so the scan finds the same
// order in the flattened program (where no such call is nested in another: the operands are
// atoms) and in its input, which a streamed run scans.

import (
	"cot/ir/ast"
	"cot/ir/types"
	"cot/ir/wasm"
)

// moduleNeeds is what scanModule found.
type moduleNeeds struct {
	used     map[string]bool // WASI function names, and "cot:NAME" for the net functions
	net      []string        // the `cot` module's functions, in the order of first use
	sigs     []wasm.FuncType // call_indirect signatures, in the order of first use
	indirect bool            // a body calls through the function table
}

// scanModule reads p's host calls, exits and calls through function values.
func scanModule(p *ast.Program) *moduleNeeds {
	needs := &moduleNeeds{used: map[string]bool{}}
	var see func(ast.Node) bool
	operandsFirst := func(n ast.Node) {
		ast.Inspect(n, func(c ast.Node) bool { return c == n || see(c) })
	}
	see = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.HostCall:
			operandsFirst(n)
			if sig := ast.HostBuiltins[n.Name]; sig.Net && !needs.used["cot:"+n.Name] {
				needs.used["cot:"+n.Name] = true
				needs.net = append(needs.net, n.Name)
			}
			needs.used[ast.HostBuiltins[n.Name].WASI] = true
			return false
		case *ast.CallIndirect:
			operandsFirst(n)
			needs.indirect = true
			ft := indirectType(n)
			for _, t := range needs.sigs {
				if t.Equal(ft) {
					return false
				}
			}
			needs.sigs = append(needs.sigs, ft)
			return false
		case *ast.Exit:
			needs.used["proc_exit"] = true
		}
		return true
	}
	for _, d := range p.Decls {
		ast.Inspect(d, see)
	}
	return needs
}

// indirectType is the Wasm signature of a call through a closure object: its arguments, then
// the object, and its result.
func indirectType(e *ast.CallIndirect) wasm.FuncType {
	params := make([]types.Type, 0, len(e.Args)+1)
	for _, a := range e.Args {
		params = append(params, a.Type())
	}
	return funcType(append(params, e.Callee.Type()), e.T)
}
