// Pass check-global-init-cycle: typed -> typed.
//
// Reports globals whose initializers depend on each other, directly or through the functions
// they call (decisions.md #12: initializers run before main in dependency order; a cycle is a
// compile error). The program is unchanged; make-global-init-explicit later emits the order.
//
//	(global var a#1 - (call f#3)) (global var b#2 - (+ a#1 1)) (func f#3 () i64 … b#2 …)
//	  => error: initialization cycle: a -> b -> a
//
// Design decision: the order and the cycle come from ast.GlobalInitOrder, the one analysis
// shared with make-global-init-explicit and the reference interpreter.

package passes

import (
	"strings"

	"cot/ir/ast"
	"cot/ir/pipeline"
)

func checkGlobalInitCycle(ctx *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	if _, cycle := ast.GlobalInitOrder(p); cycle != nil {
		var names []string
		for _, g := range cycle {
			names = append(names, g.Name.Name)
		}
		ctx.Diags.Errorf(cycle[0].Pos(), codeInitCycle, "initialization cycle: %s", strings.Join(names, " -> "))
	}
	return p, nil
}
