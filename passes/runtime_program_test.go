package passes

import (
	"testing"
	"time"

	"cot/ir/ast"
)

// The runtime compiles, and each routine ast.Runtime lists as written in Cot is a function of it
// with the listed signature; the Wasm-built ones are routines of package runtime.
func TestRuntimeCompiles(t *testing.T) {
	start := time.Now()
	rt := compileRuntime("wasm32")
	t.Logf("the runtime compiles through lower-builtins in %v", time.Since(start))
	funcs := map[string]*ast.Func{}
	for _, d := range rt.Decls {
		if f, ok := d.(*ast.Func); ok {
			funcs[f.Name.Name] = f
		}
	}
	for name, sig := range ast.Runtime {
		f := funcs[name]
		switch {
		case sig.Built && f != nil:
			t.Errorf("%s is marked Built but the Cot runtime defines it", name)
		case !sig.Built && f == nil:
			t.Errorf("the runtime has no function %s", name)
		case !sig.Built && !sameSignature(f, sig):
			t.Errorf("%s: the runtime's signature %v differs from ast.Runtime's", name, f.Signature())
		}
	}
}
