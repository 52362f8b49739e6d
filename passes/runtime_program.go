package passes

// The runtime as a program (package runtime: runtime/*.cot, embedded): import-runtime compiles
// the files of the routines a program calls, and what they import, with the front end's own
// passes, parse through lower-strings, once per process, target and set of files (cached), and
// copies what the program needs with its IDs moved (ast.ShiftIDs). Measured with the full test
// suite running beside it: 1.4 ms for print_int and write, 255 ms for print_f64 (Ryū and its
// tables), so only programs that print floats pay for those.

import (
	"fmt"
	"sort"
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

// runtimes caches the compiled runtime by target and files; the programs are never modified.
var runtimes sync.Map

// runtimeProgram returns the runtime's files that declare the routines named, and what they
// import, compiled for target: a program that prints no float does not pay for compiling Ryū.
// Runtime calls the compiled files make themselves (an eprint's write) add their files.
func runtimeProgram(target string, routines []string) *ast.Program {
	need := map[string]bool{}
	fileOf := func(r string) string {
		f := runtime.FileOf(r)
		if f == "" {
			panic("import-runtime: no runtime file declares " + r)
		}
		return f
	}
	for _, r := range routines {
		need[fileOf(r)] = true
	}
	if len(need) == 0 {
		return &ast.Program{}
	}
	for {
		var files []string
		for f := range need {
			files = append(files, f)
		}
		sort.Strings(files)
		key := target + "|" + strings.Join(files, ",")
		p, ok := runtimes.Load(key)
		if !ok {
			p, _ = runtimes.LoadOrStore(key, compileRuntimeFiles(target, files))
		}
		prog := p.(*ast.Program)
		grew := false
		for _, r := range runtimeCalls(prog) {
			if f := fileOf(r); !need[f] {
				need[f], grew = true, true
			}
		}
		if !grew {
			return prog
		}
	}
}

// runtimeCalls lists the routines p calls by name.
func runtimeCalls(p *ast.Program) []string {
	names, _ := runtimeCallsByDecl(p)
	return names
}

// runtimeCallsByDecl is runtimeCalls, and which of p's declarations (by index) make them.
func runtimeCallsByDecl(p *ast.Program) (names []string, calling []bool) {
	calling = make([]bool, len(p.Decls))
	for i, d := range p.Decls {
		n := len(names)
		ast.Inspect(d, func(n ast.Node) bool {
			if rc, ok := n.(*ast.RuntimeCall); ok {
				names = append(names, rc.Name)
			}
			return true
		})
		calling[i] = len(names) > n
	}
	return names, calling
}

// runtimeDir is the directory the runtime's files are named in (in internal errors and dumps).
const runtimeDir = "runtime/"

// compileRuntime compiles the whole runtime (runtime.cot imports every file).
func compileRuntime(target string) *ast.Program {
	text, err := runtime.Read(runtime.Root)
	if err != nil {
		panic("import-runtime: " + err.Error())
	}
	return compileRuntimeRoot(target, src.NewFile(runtimeDir+runtime.Root, text))
}

// compileRuntimeFiles compiles the runtime files named (and what they import).
func compileRuntimeFiles(target string, files []string) *ast.Program {
	var text strings.Builder
	for _, f := range files {
		fmt.Fprintf(&text, "import %q\n", f)
	}
	return compileRuntimeRoot(target, src.NewFile(runtimeDir+"needed.cot", []byte(text.String())))
}

// compileRuntimeRoot compiles the runtime files root imports to the language lower-strings
// produces. The runtime is part of cot: an error in it is an internal error.
func compileRuntimeRoot(target string, root *src.File) *ast.Program {
	ctx := pipeline.NewCtx(target)
	ctx.Store[libraryKey] = true
	ctx.ReadFile = func(name string) ([]byte, error) {
		return runtime.Read(strings.TrimPrefix(name, runtimeDir))
	}
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
