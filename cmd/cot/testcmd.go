package main

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"cot/passes"
	"cot/runner"
)

// runTests implements `cot test FILE [--filter=S] [--target=T]` (spec §16.4, docs/decisions.md):
// build FILE in test mode (lower-tests generates the runner that writes the per-test lines and
// the summary to stderr) and run it with an empty stdin. The status is the runner's: the number
// of failed tests, at most 255. When a test traps, the run ends there: the trap's "error: <kind>"
// completes the test's line, cot says the run stopped, and the status is the trap's, 134. When a
// test ends the program with @exit, cot says so; the status is the program's, or 1 for 0.
func runTests(inv *invocation, stdout, stderr io.Writer) (int, error) {
	inv.tests = &passes.TestMode{Colour: colourEnabled(stderr), Filter: inv.filter, Leaks: inv.leaks}
	res, ran, err := runHarness(inv, stdout, stderr, "tests", func() int { return inv.tests.Selected })
	if !ran || err != nil {
		return exitOK, err
	}
	if endedWithSummary(res.Stderr) {
		return res.ExitCode, nil
	}
	// The program stopped before its summary: a trap, or @exit in a test.
	who, after := "the test program", "no test after that point ran"
	if name, ok := unfinishedTest(res.Stderr); ok {
		who, after = "test \""+name+"\"", "the tests after it did not run"
	}
	if res.ExitCode == runner.TrapExitCode && (res.Trap != "" || strings.Contains(lastLine(res.Stderr), "error: ")) {
		fmt.Fprintf(stderr, "cot: %s stopped the run with a runtime error; %s\n", who, after)
		return res.ExitCode, nil
	}
	fmt.Fprintf(stderr, "\ncot: %s ended the program (exit status %d) before the summary; %s\n", who, res.ExitCode, after)
	if res.ExitCode == 0 {
		return exitUser, nil
	}
	return res.ExitCode, nil
}

// runHarness builds inv in the test or bench mode its caller set and runs it with an empty stdin,
// in the sandbox of `cot run` (--dir, else the working directory as "/"; --env, else this
// process's environment).
// ran is false when nothing ran: the build stopped (--stop-after) or the filter selected none of
// the file's `what` (selected says how many the build kept), which it reports.
func runHarness(inv *invocation, stdout, stderr io.Writer, what string, selected func() int) (res runner.Result, ran bool, err error) {
	if inv.target == targetARM64 {
		if _, err := runner.QemuPath(); err != nil {
			return res, false, err
		}
	}
	preopens, err := runPreopens(inv.wasi.Dirs)
	if err != nil {
		return res, false, err
	}
	data, err := compile(inv, stdout)
	if isStopped(err) || err != nil {
		return res, false, ignoreStopped(err)
	}
	if inv.hasFilter && selected() == 0 {
		fmt.Fprintf(stderr, "0 %s matched filter \"%s\"\n", what, inv.filter)
		return res, false, nil
	}
	res, err = execute(inv, data, runner.Config{
		Name:     inv.file,
		Env:      programEnv(inv.wasi.Env),
		Preopens: preopens,
		Net:      inv.net,
		Stdin:    strings.NewReader(""),
		Stdout:   stdout,
		Stderr:   stderr,
	})
	return res, err == nil, err
}

// ignoreStopped is err, or nil when it only says the build stopped where --stop-after asked.
func ignoreStopped(err error) error {
	if isStopped(err) {
		return nil
	}
	return err
}

// testHeader is the start of a test's line, `test "NAME" ... `; testFinished its end, the status.
var (
	testHeader   = regexp.MustCompile(`^test "(.*?)" \.\.\. `)
	testFinished = regexp.MustCompile(`(ok|FAIL)(\x1b\[0m)? \(\d+ms\)$`)
)

// unfinishedTest returns the name of the test whose line the runner began last, if it never
// finished it with its status (the program stopped inside that test).
func unfinishedTest(stderr []byte) (string, bool) {
	lines := strings.Split(string(stderr), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if m := testHeader.FindStringSubmatch(lines[i]); m != nil {
			return m[1], !testFinished.MatchString(lines[i])
		}
	}
	return "", false
}

// summaryLine is the runner's last line (spec §16.4), with or without colour.
var summaryLine = regexp.MustCompile(`^(\x1b\[1;3[12]m)?(ok|FAILED)(\x1b\[0m)? \| \d+ passed( \| \d+ failed)? \(\d+ms\)$`)

// endedWithSummary reports whether the test program ran to its end: its last stderr line is the
// summary.
func endedWithSummary(stderr []byte) bool {
	return summaryLine.MatchString(lastLine(stderr))
}

func lastLine(b []byte) string {
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	return lines[len(lines)-1]
}
