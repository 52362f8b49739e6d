package passes

import (
	"testing"
	"time"

	"cot/ir/ast"
	"cot/runtime"
)

// The runtime compiles, and each routine ast.Runtime lists is a function of its root
// (runtime.Root, or its own ast.RuntimeSig.Root, which runtime.Root does not define) with the
// listed signature.
func TestRuntimeCompiles(t *testing.T) {
	funcsOf := map[string]map[string]*ast.Func{}
	roots := []string{runtime.Root}
	for _, sig := range ast.Runtime {
		if sig.Root != "" && funcsOf[sig.Root] == nil {
			funcsOf[sig.Root] = map[string]*ast.Func{}
			roots = append(roots, sig.Root)
		}
	}
	for _, root := range roots {
		start := time.Now()
		rt := compileRuntime("wasm32", root)
		t.Logf("the runtime of root %s compiles through lower-builtins in %v", root, time.Since(start))
		funcsOf[root] = map[string]*ast.Func{}
		for _, d := range rt.Decls {
			if f, ok := d.(*ast.Func); ok {
				funcsOf[root][f.Name.Name] = f
			}
		}
	}
	for name, sig := range ast.Runtime {
		root := runtime.Root
		if sig.Root != "" {
			root = sig.Root
			if funcsOf[runtime.Root][name] != nil {
				t.Errorf("%s has its own root %s, but %s defines it too", name, root, runtime.Root)
			}
		}
		f := funcsOf[root][name]
		switch {
		case f == nil:
			t.Errorf("the runtime (%s) has no function %s", root, name)
		case !sameSignature(f, sig):
			t.Errorf("%s: the runtime's signature %v differs from ast.Runtime's", name, f.Signature())
		}
	}
}
