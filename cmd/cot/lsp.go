package main

import (
	"context"
	"io"

	"cot/internal/format"
	"cot/internal/lsp"
	"cot/ir/pipeline"
	"cot/passes"
)

// serveLSP implements `cot lsp`: a Language Server on stdin/stdout until the client sends exit.
// The exit status is LSP's: 0 after shutdown, 1 when the client exits or hangs up without it.
func serveLSP(inv *invocation, stdin io.Reader, stdout, stderr io.Writer) int {
	if inv.file != "" {
		return report(stderr, usagef("lsp: unexpected argument %q (the server speaks on stdin and stdout)", inv.file))
	}
	fe := lsp.FrontEnd{Table: frontEnd, LastCheck: lastCheckPass(), Library: checkAsLibrary}
	srv := lsp.NewServer(fe, format.Source, version)
	return srv.Serve(context.Background(), stdio{stdin, stdout})
}

// checkAsLibrary makes a compilation check a file the way `cot test` does: no `main` required.
// The language server checks so a file that another file of its project imports.
func checkAsLibrary(ctx *pipeline.Ctx) { ctx.Store[passes.TestModeKey] = &passes.TestMode{} }

// stdio joins the process's standard input and output into one stream.
type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return nil }
