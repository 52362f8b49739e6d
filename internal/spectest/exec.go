package spectest

import "strings"

// Executor runs harness modules: natively (compile to AArch64, run under qemu-aarch64) or on
// wazero. Both implement the same cot_harness and spectest import modules, so the runner sees the
// same output from either.
type Executor interface {
	Name() string
	// Prepare compiles a harness module once for all its runs. An error means the module was
	// rejected (compile or link error): for assert_unlinkable that is the expected outcome.
	Prepare(harness []byte) (Program, error)
	// TrapAliases maps a trap message of this executor to the spec messages it stands for when the
	// executor does not tell them apart (see trapMatches).
	TrapAliases() map[string][]string
}

// Program is a prepared harness module.
type Program interface {
	// Run executes `_start` in a fresh instance with arg as argv[1]. An error is an infrastructure
	// failure (the process could not be started or timed out), not a Wasm trap.
	Run(arg uint32) (Outcome, error)
	Close()
}

// Outcome is how one run ended.
type Outcome struct {
	Stdout string
	Stderr string
	Exit   int    // 0: _start returned; 134: trapped; else: crashed or rejected
	Trap   string // the trap message after "error: " when Exit is 134
	// LinkError is set when the module could not be instantiated for a reason other than a trap
	// (an import missing or of the wrong type): wazero reports it at instantiation.
	LinkError string
}

// trapExitStatus is the exit status of a trapping process (decisions.md #28).
const trapExitStatus = 134

// trapFromStderr extracts the trap message from the runtime's `error: <kind>` line.
func trapFromStderr(stderr string) string {
	for _, line := range strings.Split(stderr, "\n") {
		if msg, ok := strings.CutPrefix(line, "error: "); ok {
			return strings.TrimSpace(msg)
		}
	}
	return ""
}
