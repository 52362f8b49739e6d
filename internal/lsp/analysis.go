package lsp

import (
	"errors"
	"fmt"
	"io"
	"sort"

	"cot/internal/lint"
	"cot/internal/semindex"
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/src"
)

// FrontEnd is what the server needs of the compiler: the front-end pass table and the name of
// its last check-* pass. The analysis runs exactly what `cot check` runs.
type FrontEnd struct {
	Table     func() *pipeline.Table
	LastCheck string
	// Library marks a compilation as a library's: checked as `cot test` compiles a file, with no
	// `main` required (project.go says which files are libraries). Nil: every file is a program.
	Library func(*pipeline.Ctx)
}

// Analysis is the front end's view of one program, rooted at one open document: its
// diagnostics by file (the errors of `cot check`, or when there are none the warnings of
// `cot lint`) and its semantic index. Files lists every file the front end read, the root and
// what it imports (open documents' text wins over the disk); the workspace re-analyses a root
// whenever any of its files changes.
type Analysis struct {
	Root    string
	Version int32 // of the root document when analysed
	Library bool  // analysed as a library (no `main` required)
	Files   map[string]*src.File
	Diags   map[string][]src.Diagnostic
	// Index is nil when not even a partial program could be built (a syntax error).
	Index *semindex.Index
	// Err is an internal compiler error met on the way, reported to the editor as a message.
	Err error
}

// analyze runs the front end over root, read through read (the workspace's overlay of open
// documents on the disk), as a library when library is set.
func (fe FrontEnd) analyze(root string, version int32, library bool, read func(string) ([]byte, error)) *Analysis {
	a := &Analysis{Root: root, Version: version, Library: library, Files: map[string]*src.File{}, Diags: map[string][]src.Diagnostic{}}
	text, err := read(root)
	if err != nil {
		a.Err = err
		return a
	}
	f := src.NewFile(root, text)
	a.Files[root] = f
	ctx := fe.newCtx(library, read)
	ctx.Diags.AddFile(f)
	opts := &pipeline.Options{StopAfter: fe.LastCheck, Out: io.Discard}
	prog, err := fe.Table().Run(ctx, f, opts)
	var ue *src.UserError
	var ie *pipeline.InternalError
	switch {
	case errors.Is(err, pipeline.ErrStopped) || err == nil:
		// A checked program also gets the warnings of `cot lint`.
		if p, ok := prog.(*ast.Program); ok {
			ctx.Diags.List = append(ctx.Diags.List, lint.Check(p)...)
		}
	case errors.As(err, &ue):
		// Diagnostics below; the index comes from the furthest program the passes still build.
		prog = fe.partialProgram(f, library, read)
	case errors.As(err, &ie):
		a.Err = fmt.Errorf("%s", ie.Error())
		prog = nil
	default:
		a.Err = err
		prog = nil
	}
	// Every file the front end registered is part of the program: the root and what it imports.
	for name, file := range ctx.Diags.Files {
		a.Files[name] = file
	}
	for _, d := range ctx.Diags.List {
		file := d.Pos.File
		if file == "" || !d.Pos.IsValid() {
			file = root // a program-wide error (no `main`) belongs to the root
		}
		a.Diags[file] = append(a.Diags[file], d)
	}
	for _, list := range a.Diags {
		sort.SliceStable(list, func(i, j int) bool { return list[i].Pos.Offset < list[j].Pos.Offset })
	}
	if p, ok := prog.(*ast.Program); ok {
		a.Index = semindex.Build(p, a.Files)
	}
	return a
}

// partialProgram runs the front-end passes up to the last check pass one at a time, ignoring
// their diagnostics, and returns the last program one of them produced: after a type error the
// names are still resolved and most expressions typed, so hover and definition keep working
// in the rest of the file. A pass that panics on input a failed pass left behind ends the run.
func (fe FrontEnd) partialProgram(f *src.File, library bool, read func(string) ([]byte, error)) (prog any) {
	ctx := fe.newCtx(library, read)
	var cur any = f
	for _, p := range fe.Table().Passes {
		next, ok := runQuietly(p, ctx, cur)
		if !ok || next == nil {
			break
		}
		cur, prog = next, next
		if p.Name == fe.LastCheck {
			break
		}
	}
	return prog
}

// newCtx is the context of one analysis: imported files are read through read (open documents
// win over the disk).
func (fe FrontEnd) newCtx(library bool, read func(string) ([]byte, error)) *pipeline.Ctx {
	ctx := pipeline.NewCtx("wasm32")
	ctx.ReadFile = read
	if library && fe.Library != nil {
		fe.Library(ctx)
	}
	return ctx
}

func runQuietly(p pipeline.Pass, ctx *pipeline.Ctx, in any) (out any, ok bool) {
	defer func() {
		if recover() != nil {
			out, ok = nil, false
		}
	}()
	out, _ = p.Run(ctx, in)
	return out, true
}
