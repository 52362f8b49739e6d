package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// checkFile implements `cot check FILE` (language.md §16.6): the front end up to and including its
// last check-* pass (names, types, and every check-* analysis), no code generated. On success it
// prints `Check FILE` on stderr, `Check` in green when stderr is a terminal and NO_COLOR is unset.
func checkFile(inv *invocation, stderr io.Writer) error {
	if inv.out != "" {
		return usagef("check: -o makes no sense: check writes nothing")
	}
	if inv.opts.StopAfter == "" {
		inv.opts.StopAfter = lastCheckPass()
	}
	inv.target = targetWasm32
	_, err := compile(inv, stderr)
	if err != nil && !isStopped(err) {
		return err
	}
	fmt.Fprintf(stderr, "%s %s\n", paint(stderr, green, "Check"), inv.file)
	return nil
}

// lastCheckPass is the last front-end pass that reports user errors: check-types or a later
// check-* analysis.
func lastCheckPass() string {
	last := ""
	for _, p := range frontEnd().Passes {
		if strings.HasPrefix(p.Name, "check-") {
			last = p.Name
		}
	}
	return last
}

// ANSI colours of the tool's own messages.
const (
	green = "\x1b[1;32m"
	red   = "\x1b[1;31m"
	reset = "\x1b[0m"
)

// paint colours s when w is a terminal and NO_COLOR is unset (https://no-color.org).
func paint(w io.Writer, colour, s string) string {
	if !colourEnabled(w) {
		return s
	}
	return colour + s + reset
}

func colourEnabled(w io.Writer) bool {
	if _, set := os.LookupEnv("NO_COLOR"); set {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
