package passes

// The runtime as a program (package runtime: runtime/*.cot, embedded): compiled with the front
// end's own passes, parse through lower-strings, once per process and target (it takes about
// 4 ms, too much to pay in every compilation; TestRuntimeCompiles prints the time with -v);
// import-runtime copies what a program needs with its IDs moved (ast.ShiftIDs).

import (
	"fmt"
	"strings"
	"sync"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/src"
	"cot/runtime"
)

// libraryKey is the key of pipeline.Ctx.Store that marks the runtime's compilation (bool): a
// library without main (check-types), whose host calls keep WASI's results (lower-builtins).
const libraryKey = "cot.library"

// runtimes caches the compiled runtime by target and root file; the programs are never modified.
var runtimes sync.Map

// runtimeProgram returns the runtime with root file root (runtime.Root, or a larger root of
// ast.RuntimeSig.Root) compiled for target.
func runtimeProgram(target, root string) *ast.Program {
	key := target + "/" + root
	if p, ok := runtimes.Load(key); ok {
		return p.(*ast.Program)
	}
	p, _ := runtimes.LoadOrStore(key, compileRuntime(target, root))
	return p.(*ast.Program)
}

// runtimeDir is the directory the runtime's files are named in (in internal errors and dumps).
const runtimeDir = "runtime/"

// compileRuntime compiles the runtime to the language lower-strings produces. The runtime is
// part of cot: an error in it is an internal error.
func compileRuntime(target, rootFile string) *ast.Program {
	ctx := pipeline.NewCtx(target)
	ctx.Store[libraryKey] = true
	ctx.ReadFile = func(name string) ([]byte, error) {
		return runtime.Read(strings.TrimPrefix(name, runtimeDir))
	}
	text, err := runtime.Read(rootFile)
	if err != nil {
		panic("import-runtime: " + err.Error())
	}
	root := src.NewFile(runtimeDir+rootFile, text)
	ctx.Diags.AddFile(root)
	var passes []pipeline.Pass
	for _, p := range Table().Passes {
		passes = append(passes, p)
		if p.Name == "lower-strings" {
			break
		}
	}
	prog, err := (&pipeline.Table{Name: "runtime", Passes: passes}).Run(ctx, root, &pipeline.Options{})
	if err != nil {
		panic(fmt.Sprintf("import-runtime: the runtime does not compile:\n%v", err))
	}
	return prog.(*ast.Program)
}
