// Command cot is the Cot compiler's command line: it parses flags, runs the pass tables through
// ir/pipeline's one driver loop, writes artifacts and runs programs. Everything else lives in the
// packages it calls.
//
// Exit status: 0 success; 1 user errors (diagnostics, usage); 2 internal errors (compiler bugs);
// the program's own status for `cot run`.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"cot/ir/pipeline"
	"cot/ir/src"
)

const (
	exitOK       = 0
	exitUser     = 1
	exitInternal = 2
)

func main() {
	os.Exit(cot(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// cot runs one command line and returns the process exit status. It never lets a Go panic reach
// the user as a trace: a panic is reported as an internal error (the stack only with COT_STACK=1).
func cot(args []string, stdin io.Reader, stdout, stderr io.Writer) (status int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "cot: internal error: %v\n", r)
			if os.Getenv("COT_STACK") != "" {
				stderr.Write(debug.Stack())
			}
			status = exitInternal
		}
	}()
	inv, err := parseArgs(args)
	if err != nil {
		return report(stderr, err)
	}
	if inv.list {
		listPasses(stdout)
		return exitOK
	}
	switch inv.cmd {
	case "":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "help":
		return report(stderr, help(stdout, inv.file))
	case "version":
		fmt.Fprintln(stdout, versionLine())
		return exitOK
	case "explain":
		return report(stderr, explain(stdout, inv.file))
	case "init":
		return report(stderr, initProject(stderr, inv.file))
	case "lsp":
		return serveLSP(inv, stdin, stdout, stderr)
	}
	if inv.file == "" {
		return report(stderr, usagef("%s: no input file", inv.cmd))
	}
	switch inv.cmd {
	case "build", "aot":
		return report(stderr, build(inv, stdout))
	case "check":
		return report(stderr, checkFile(inv, stderr))
	case "lint":
		return report(stderr, lintFile(inv, stderr))
	case "fmt":
		return fmtFiles(inv, stdin, stdout, stderr)
	case "bench":
		code, err := runBenches(inv, stdout, stderr)
		if err != nil {
			return report(stderr, err)
		}
		return code
	case "test":
		code, err := runTests(inv, stdout, stderr)
		if err != nil {
			return report(stderr, err)
		}
		return code
	case "run":
		code, err := run(inv, stdin, stdout, stderr)
		if err != nil {
			return report(stderr, err)
		}
		return code
	}
	return report(stderr, usagef("unknown command %q", inv.cmd))
}

// report prints err the way its kind asks for and returns the exit status.
func report(w io.Writer, err error) int {
	var ue *src.UserError
	var ie *pipeline.InternalError
	var usage *usageError
	var diag *diagnostic
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprint(w, ue.Diags.Render(colourEnabled(w)))
		return exitUser
	case errors.As(err, &ie):
		fmt.Fprint(w, ie.Error())
		return exitInternal
	case errors.As(err, &diag):
		fmt.Fprintln(w, diag.text)
		return exitUser
	case errors.As(err, &usage):
		fmt.Fprintf(w, "cot: %s\nRun 'cot help' for usage.\n", usage.msg)
		return exitUser
	}
	fmt.Fprintf(w, "cot: %s\n", err)
	return exitUser
}

// listPasses writes --list-passes: the front-end table, then the backend table, indices running on.
func listPasses(w io.Writer) {
	first := 1
	for _, t := range []*pipeline.Table{frontEnd(), backEnd()} {
		fmt.Fprintf(w, "# %s\n", t.Name)
		t.List(w, first)
		first += len(t.Passes)
	}
}
