package main

import (
	"fmt"
	"io"

	"cot/internal/lint"
	"cot/ir/ast"
	"cot/ir/src"
)

// lintFile implements `cot lint FILE` (language.md §16.6): `cot check`, then the warnings of
// internal/lint. It prints `Checked FILE` when there are none, else the warnings, an empty line
// and `Found N warning(s)`; the exit status is 0 either way (1 only for errors).
func lintFile(inv *invocation, stderr io.Writer) error {
	if inv.out != "" {
		return usagef("lint: -o makes no sense: lint writes nothing")
	}
	inv.opts.StopAfter = lastCheckPass()
	inv.target = targetWasm32
	prog, _, ctx, err := runTables(inv, stderr)
	if err != nil && !isStopped(err) {
		return err
	}
	p, ok := prog.(*ast.Program)
	if !ok {
		return fmt.Errorf("lint: the front end stopped with %T, not a program", prog)
	}
	warnings := lint.Check(p)
	if len(warnings) == 0 {
		fmt.Fprintf(stderr, "%s %s\n", paint(stderr, green, "Checked"), inv.file)
		return nil
	}
	ds := &src.Diagnostics{Files: ctx.Diags.Files, List: lint.WithSpans(warnings, ctx.Diags.Files)}
	fmt.Fprint(stderr, ds.Render(colourEnabled(stderr)))
	plural := "s"
	if len(warnings) == 1 {
		plural = ""
	}
	fmt.Fprintf(stderr, "\nFound %d warning%s\n", len(warnings), plural)
	return nil
}
