package main

import (
	"fmt"
	"io"
	"strings"

	"cot/passes"
	"cot/runner"
)

// runTests implements `cot test FILE [--filter=S] [--target=T]` (spec §16.4, docs/decisions.md):
// build FILE in test mode (lower-tests generates the runner that writes the per-test lines and
// the summary to stderr) and run it with an empty stdin. The status is the runner's: the number
// of failed tests, at most 255. When a test traps, the run ends there: the trap's "error: <kind>"
// completes the test's line, cot says the run stopped, and the status is the trap's, 134.
func runTests(inv *invocation, stdout, stderr io.Writer) (int, error) {
	if inv.target == targetARM64 {
		if _, err := runner.QemuPath(); err != nil {
			return 0, err
		}
	}
	inv.tests = &passes.TestMode{Colour: colourEnabled(stderr), Filter: inv.filter}
	data, err := compile(inv, stdout)
	if isStopped(err) {
		return exitOK, nil
	}
	if err != nil {
		return 0, err
	}
	if inv.hasFilter && inv.tests.Selected == 0 {
		fmt.Fprintf(stderr, "0 tests matched filter \"%s\"\n", inv.filter)
		return exitOK, nil
	}
	res, err := execute(inv, data, runner.Config{
		Name:   inv.file,
		Env:    programEnv(nil),
		Stdin:  strings.NewReader(""),
		Stdout: stdout,
		Stderr: stderr,
	})
	if err != nil {
		return 0, err
	}
	if stoppedByTrap(res) {
		fmt.Fprintln(stderr, "cot: the test run stopped at that runtime error; the tests after it did not run")
	}
	return res.ExitCode, nil
}

// stoppedByTrap reports whether the test program stopped at a runtime error rather than after its
// summary: it exited with the trap status and its last stderr line holds the trap's message
// (which may follow a test's unfinished `test "NAME" ... `; a summary line never holds it).
func stoppedByTrap(res runner.Result) bool {
	if res.Trap != "" {
		return true
	}
	lines := strings.Split(strings.TrimRight(string(res.Stderr), "\n"), "\n")
	return res.ExitCode == runner.TrapExitCode && strings.Contains(lines[len(lines)-1], "error: ")
}
