package spectest

import (
	"fmt"
	"strings"
)

// evaluate judges one invocation: ran tells whether it began; trap is how the run ended when it
// ended inside this invocation ("" when the invocation returned). The printed result lines are
// compared with the expected constants in Go: exact bits, or the NaN class.
func evaluate(c *Command, lines []string, ran bool, trap string, ex Executor, r *FileResult) {
	what := c.Action.Field
	if len(c.Action.Args) > 0 {
		var args []string
		for _, a := range c.Action.Args {
			k, _ := parseConstant(a)
			args = append(args, k.String())
		}
		what += "(" + strings.Join(args, ", ") + ")"
	}
	if !ran {
		r.fail(c, "%s was not run", what)
		return
	}
	switch c.Type {
	case "action":
		if trap != "" {
			r.fail(c, "%s: trapped: %s", what, trap)
			return
		}
		r.ExecPass++
	case "assert_return":
		if trap != "" {
			r.fail(c, "%s: expected %s, got trap: %s", what, expectedString(c), trap)
			return
		}
		if !resultsMatch(c, lines) {
			r.fail(c, "%s: expected %s, got %s", what, expectedString(c), strings.Join(lines, " "))
			return
		}
		r.ExecPass++
	case "assert_trap", "assert_exhaustion":
		if trap == "" {
			r.fail(c, "%s: expected trap %q, returned %s", what, c.Text, strings.Join(lines, " "))
			return
		}
		if !trapMatches(c.Text, trap, ex.TrapAliases()) {
			r.fail(c, "%s: expected trap %q, got %s", what, c.Text, trap)
			return
		}
		r.ExecPass++
	default:
		panic(fmt.Sprintf("evaluate: command %s", c.Type))
	}
}

func expectedString(c *Command) string {
	if len(c.Expected) == 0 {
		return "no results"
	}
	var parts []string
	for _, e := range c.Expected {
		k, err := parseConstant(e)
		if err != nil {
			parts = append(parts, err.Error())
			continue
		}
		parts = append(parts, k.String())
	}
	return strings.Join(parts, " ")
}

func resultsMatch(c *Command, lines []string) bool {
	if len(lines) != len(c.Expected) {
		return false
	}
	for i, e := range c.Expected {
		k, err := parseConstant(e)
		if err != nil {
			return false
		}
		got, ok := parseResultLine(lines[i])
		if !ok || !k.matches(got) {
			return false
		}
	}
	return true
}
