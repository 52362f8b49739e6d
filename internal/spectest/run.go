package spectest

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"cot/ir/wasm"
)

// Config is what a script run needs: the Wasm codec (backend/wasm) and an executor.
type Config struct {
	Decode func([]byte) (*wasm.Module, error)
	Encode func(*wasm.Module) ([]byte, error)
	Exec   Executor
	// Deadline, when set, is when to stop starting runs: the invocations not run by then fail
	// with "not run" and the result is marked Incomplete (a clean failure instead of the test
	// binary's timeout panic).
	Deadline time.Time
}

func (c *Config) outOfTime() bool { return !c.Deadline.IsZero() && time.Now().After(c.Deadline) }

// Failure is one assertion that did not pass.
type Failure struct {
	Line int
	Kind string // the command type
	Msg  string // what was expected and what happened
}

func (f Failure) String() string { return fmt.Sprintf("line %d: %s: %s", f.Line, f.Kind, f.Msg) }

// FileResult is the outcome of one .wast file.
type FileResult struct {
	Name                    string
	ExecPass, ExecTotal     int // assert_return, assert_trap, assert_exhaustion, action
	RejectPass, RejectTotal int // assert_invalid, assert_malformed of binary modules
	LinkPass, LinkTotal     int // assert_unlinkable, assert_uninstantiable
	TextModules             int // assert_malformed of `module quote` text: out of scope
	LeftOut                 []LeftOut
	Failures                []Failure
	Runs                    int // process runs (one plus one per trap)
	Notes                   []string
	Incomplete              bool          // the deadline passed before everything ran
	Duration                time.Duration // wall time of RunScript (compiles and runs)
}

// Passed and Total count everything in scope.
func (r *FileResult) Passed() int { return r.ExecPass + r.RejectPass + r.LinkPass }
func (r *FileResult) Total() int  { return r.ExecTotal + r.RejectTotal + r.LinkTotal }

func (r *FileResult) fail(c *Command, format string, args ...any) {
	r.Failures = append(r.Failures, Failure{c.Line, c.Type, fmt.Sprintf(format, args...)})
}

// RunScript executes every command of s in scope.
func RunScript(s *Script, cfg Config) *FileResult {
	start := time.Now()
	r := &FileResult{Name: s.Name}
	defer func() { r.Duration = time.Since(start) }()
	p := makePlan(s, cfg.Decode)
	r.TextModules = p.TextMods
	r.LeftOut = p.LeftOut
	for _, u := range p.Units {
		runUnit(u, &cfg, r)
	}
	for _, c := range p.Rejects {
		r.RejectTotal++
		bin, err := s.ReadModule(c.Filename)
		if err != nil {
			r.fail(c, "%v", err)
			continue
		}
		if _, err := cfg.Decode(bin); err == nil {
			r.fail(c, "module %s decoded without error; expected rejection: %s", c.Filename, c.Text)
		} else {
			r.RejectPass++
		}
	}
	for _, lc := range p.Links {
		runLinkCommand(lc, cfg, r)
	}
	return r
}

// runUnit executes the invocations of one module, re-running after each trap (see package doc).
func runUnit(u *unit, cfg *Config, r *FileResult) {
	if len(u.Invs) == 0 {
		return
	}
	r.ExecTotal += len(u.Invs)
	// failAll fails every command for one cause: the first failure carries the message (shortened
	// to its first lines: backend errors come with an IR dump), the others refer to it.
	failAll := func(cmds []*Command, format string, args ...any) {
		for i, c := range cmds {
			if i == 0 {
				r.fail(c, "%s", shorten(fmt.Sprintf(format, args...), 30))
			} else {
				r.fail(c, "as line %d (module of line %d)", cmds[0].Line, u.Line)
			}
		}
	}
	if u.DecodeErr != nil {
		failAll(u.Cmds, "module of line %d does not decode: %v", u.Line, u.DecodeErr)
		return
	}
	var invs []Invocation
	var cmds []*Command
	for i, inv := range u.Invs {
		if err := CheckInvocation(u.Module, inv); err != nil {
			r.fail(u.Cmds[i], "harness cannot express %s: %v", inv.Field, err)
			continue
		}
		invs, cmds = append(invs, inv), append(cmds, u.Cmds[i])
	}
	if len(invs) == 0 {
		return
	}
	prog, err := prepare(u.Module, invs, *cfg)
	if err != nil {
		failAll(cmds, "module of line %d: %v", u.Line, err)
		return
	}
	defer prog.Close()
	first, replayFrom := 0, 0
	for first < len(invs) {
		if cfg.outOfTime() {
			r.Incomplete = true
			failAll(cmds[first:], "not run: the test deadline passed")
			return
		}
		out, err := prog.Run(StartArg(replayFrom, first))
		r.Runs++
		if err != nil {
			failAll(cmds[first:], "%s run: %v", cfg.Exec.Name(), err)
			return
		}
		began, results := parseBegins(out.Stdout)
		if out.Exit == 0 && out.LinkError == "" {
			for j := first; j < len(invs); j++ {
				evaluate(cmds[j], results[j], began.set[j], "", cfg.Exec, r)
			}
			return
		}
		last := -1
		if len(began.order) > 0 {
			last = began.order[len(began.order)-1]
		}
		ending := abnormalEnding(out)
		switch {
		case last >= first:
			for j := first; j < last; j++ {
				evaluate(cmds[j], results[j], began.set[j], "", cfg.Exec, r)
			}
			evaluate(cmds[last], nil, true, ending, cfg.Exec, r)
			first = last + 1
			if invs[last].Replay {
				// An invocation that should have returned trapped: replaying it would trap again,
				// and the replay range is contiguous, so later runs replay only what follows it.
				replayFrom = last + 1
				r.Notes = append(r.Notes, fmt.Sprintf("line %d trapped unexpectedly: earlier state effects are not replayed after it", cmds[last].Line))
			}
		case last >= 0:
			// A replayed invocation ended the run (it did not the first time: the state differs
			// because of a trap's lost partial effects). Skip replaying it and what precedes it.
			r.Notes = append(r.Notes, fmt.Sprintf("replay of line %d ended the run (%s); replay restarts after it", cmds[last].Line, ending))
			replayFrom = last + 1
		default:
			failAll(cmds[first:], "module of line %d did not instantiate: %s", u.Line, ending)
			return
		}
	}
}

// prepare builds, encodes and prepares the harness of m.
func prepare(m *wasm.Module, invs []Invocation, cfg Config) (Program, error) {
	h, err := BuildHarness(m, invs)
	if err != nil {
		return nil, fmt.Errorf("building harness: %v", err)
	}
	bin, err := cfg.Encode(h)
	if err != nil {
		return nil, fmt.Errorf("encoding harness: %v", err)
	}
	prog, err := cfg.Exec.Prepare(bin)
	if err != nil {
		return nil, fmt.Errorf("%s rejected the harness: %v", cfg.Exec.Name(), err)
	}
	return prog, nil
}

// abnormalEnding describes a run that did not return from _start: the trap message, or the exit
// status and stderr.
func abnormalEnding(out Outcome) string {
	switch {
	case out.LinkError != "":
		return "link error: " + out.LinkError
	case out.Exit == trapExitStatus && out.Trap != "":
		return out.Trap
	}
	return fmt.Sprintf("exit status %d, stderr %q", out.Exit, strings.TrimSpace(out.Stderr))
}

// beganSet records which invocations printed their begin line, in order.
type beganSet struct {
	order []int
	set   map[int]bool
}

// parseBegins splits the output into the begin lines and each invocation's result lines. A line
// that is neither is attached to the current invocation, where it fails the comparison.
func parseBegins(stdout string) (beganSet, map[int][]string) {
	b := beganSet{set: map[int]bool{}}
	results := map[int][]string{}
	cur := -1
	for _, line := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
		if line == "" {
			continue
		}
		if hex, ok := strings.CutPrefix(line, "#"); ok {
			if n, err := strconv.ParseUint(hex, 16, 32); err == nil {
				cur = int(n)
				b.order = append(b.order, cur)
				b.set[cur] = true
				continue
			}
		}
		results[cur] = append(results[cur], line)
	}
	return b, results
}

// shorten keeps the first n lines of a message.
func shorten(msg string, n int) string {
	lines := strings.SplitN(msg, "\n", n+1)
	if len(lines) <= n {
		return msg
	}
	return strings.Join(lines[:n], "\n") + "\n\t..."
}
