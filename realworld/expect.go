package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// expectedFailure is one line of expected-failures.txt: a program known to fail today, and why.
type expectedFailure struct {
	name, why string
	line      int
}

// readExpectedFailures parses the list: one program per line, its name then the reason; blank
// lines and lines starting with # are comments.
func readExpectedFailures(path string) ([]expectedFailure, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var list []expectedFailure
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, why, _ := strings.Cut(line, " ")
		why = strings.TrimSpace(why)
		if why == "" {
			return nil, fmt.Errorf("%s:%d: %s: say why it fails", path, n, name)
		}
		if seen[name] {
			return nil, fmt.Errorf("%s:%d: %s is listed twice", path, n, name)
		}
		seen[name] = true
		list = append(list, expectedFailure{name: name, why: why, line: n})
	}
	return list, sc.Err()
}

// reconcile checks the outcomes against the list both ways and returns the problems: a program
// that fails but is not listed, a listed program that passes (shrink the list), a listed name
// that is no program of the suite, and any failure of the suite itself (a reference run that
// misses its expectation, a download that fails), listed or not. A program that did not run is
// no problem.
func reconcile(outcomes []*outcome, list []expectedFailure, listPath string) []string {
	listed := map[string]expectedFailure{}
	for _, e := range list {
		listed[e.name] = e
	}
	var problems []string
	for _, e := range list {
		if programByName(e.name) == nil {
			problems = append(problems, fmt.Sprintf("%s:%d: %s is not a program of the suite", listPath, e.line, e.name))
		}
	}
	for _, o := range outcomes {
		e, isListed := listed[o.p.name]
		switch {
		case o.status == statusNotRun:
		case o.status == statusRefFails || o.status == statusError:
			// The suite's own failures are never expected: they hide what cot does.
			problems = append(problems, fmt.Sprintf("%s: %s: %s", o.p.name, o.status, o.detail))
		case o.passed() && isListed:
			problems = append(problems, fmt.Sprintf("%s now passes: remove line %d of %s (%s)", o.p.name, e.line, listPath, e.why))
		case !o.passed() && !isListed:
			problems = append(problems, fmt.Sprintf("%s fails (%s: %s) and is not in %s", o.p.name, o.status, o.detail, listPath))
		case !o.passed():
			o.expected = true
		}
	}
	return problems
}
