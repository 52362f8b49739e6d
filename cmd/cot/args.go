package main

import (
	"fmt"
	"strings"

	"cot/backend/arm64/rt"
	"cot/ir/pipeline"
	"cot/runner"
)

// usageError is a mistake on the command line: exit status 1, with a hint to `cot help`.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// invocation is one parsed command line.
type invocation struct {
	cmd     string   // run, build, aot, version, help
	file    string   // the input file (or the help topic)
	out     string   // -o
	target  target   // --target
	progArg []string // after --, for run
	dirs    []string // --dir=HOST[::GUEST], in order (run, aot, native build)
	envs    []string // --env=NAME[=VALUE], in order (run, aot, native build)
	opts    pipeline.Options
	list    bool // --list-passes
}

// valueFlags take a value, as --name=value or --name value (one or two dashes).
var valueFlags = map[string]bool{
	"o": true, "target": true, "dump-after": true, "dump-before": true, "dump-func": true,
	"dump-dir": true, "stop-after": true, "verify": true, "dump-html": true, "disable-pass": true,
	"dir": true, "env": true,
}

// boolFlags take no value.
var boolFlags = map[string]bool{"list-passes": true, "time-passes": true, "help": true, "h": true}

var commands = []string{"run", "build", "check", "lint", "aot", "init", "explain", "version", "help"}

// parseArgs reads the command line (without argv[0]). Flags may come before or after the file;
// everything after `--` belongs to the program of `cot run`.
func parseArgs(args []string) (*invocation, error) {
	inv := &invocation{target: targetWasm32}
	var positional []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			inv.progArg = args[i+1:]
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			positional = append(positional, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case boolFlags[name]:
			if hasValue {
				return nil, usagef("flag --%s takes no value", name)
			}
			if err := inv.setBool(name); err != nil {
				return nil, err
			}
		case valueFlags[name]:
			if !hasValue {
				if i+1 >= len(args) {
					return nil, usagef("flag -%s needs a value", name)
				}
				i++
				value = args[i]
			}
			if err := inv.setValue(name, value); err != nil {
				return nil, err
			}
		default:
			return nil, usagef("unknown option %q", a)
		}
	}
	if len(positional) > 0 && isCommand(positional[0]) {
		inv.cmd, positional = positional[0], positional[1:]
	} else if len(positional) > 0 {
		if !strings.HasSuffix(positional[0], ".cot") {
			return nil, usagef("unknown command %q", positional[0])
		}
		inv.cmd = "build" // `cot FILE.cot` is an implicit build
	}
	switch {
	case len(positional) > 1:
		return nil, usagef("unexpected argument %q", positional[1])
	case len(positional) == 1:
		inv.file = positional[0]
	}
	if inv.progArg != nil && inv.cmd != "run" {
		return nil, usagef("arguments after -- are only for `cot run`")
	}
	sandboxed := inv.cmd == "run" || inv.cmd == "aot" || inv.cmd == "build" && inv.target == targetARM64
	if (inv.dirs != nil || inv.envs != nil) && !sandboxed {
		return nil, usagef("--dir and --env configure the WASI sandbox of `cot run`, `cot aot` and `cot build --target=arm64-linux`")
	}
	return inv, nil
}

func isCommand(s string) bool {
	for _, c := range commands {
		if c == s {
			return true
		}
	}
	return false
}

func (inv *invocation) setBool(name string) error {
	switch name {
	case "list-passes":
		inv.list = true
	case "time-passes":
		inv.opts.TimePasses = true
	case "help", "h":
		inv.cmd = "help"
	}
	return nil
}

func (inv *invocation) setValue(name, value string) error {
	switch name {
	case "o":
		inv.out = value
	case "target":
		t, err := parseTarget(value)
		if err != nil {
			return err
		}
		inv.target = t
	case "dump-after":
		inv.opts.DumpAfter = append(inv.opts.DumpAfter, splitList(value)...)
	case "dump-before":
		inv.opts.DumpBefore = append(inv.opts.DumpBefore, splitList(value)...)
	case "dump-func":
		inv.opts.DumpFunc = value
	case "dump-dir":
		inv.opts.DumpDir = value
	case "dump-html":
		if value == "" {
			return usagef("--dump-html needs a function name")
		}
		inv.opts.HTMLFunc = value
	case "stop-after":
		inv.opts.StopAfter = value
	case "disable-pass":
		inv.opts.Disable = append(inv.opts.Disable, splitList(value)...)
	case "dir":
		if _, err := parseDir(value); err != nil {
			return err
		}
		inv.dirs = append(inv.dirs, value)
	case "env":
		if err := checkEnv(value); err != nil {
			return err
		}
		inv.envs = append(inv.envs, value)
	case "verify":
		m, err := pipeline.ParseVerifyMode(value)
		if err != nil {
			return &usageError{err.Error()}
		}
		inv.opts.Verify = m
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// parseDir reads --dir=HOST[::GUEST]: the guest name defaults to HOST as written, like wasmtime's
// --dir. `;` separates entries of COT_DIR, the run-time form of the flag, so it cannot appear, nor
// can a NUL byte (the lists are baked in NUL-terminated).
func parseDir(value string) (runner.Preopen, error) {
	host, guest, named := strings.Cut(value, "::")
	switch {
	case rt.CheckConfigValue(value) != nil:
		return runner.Preopen{}, usagef("--dir=%s: a directory name cannot contain ';' or a NUL byte", value)
	case strings.Contains(value, ";"):
		return runner.Preopen{}, usagef("--dir=%s: a directory name cannot contain ';'", value)
	case host == "" || named && guest == "":
		return runner.Preopen{}, usagef("--dir=%s: want --dir=HOST or --dir=HOST::GUEST", value)
	case !named:
		guest = host
	}
	return runner.Preopen{Host: host, Guest: guest}, nil
}

// checkEnv checks --env=NAME or --env=NAME=VALUE (`;` separates entries of COT_ENV).
func checkEnv(value string) error {
	name, _, _ := strings.Cut(value, "=")
	switch {
	case name == "":
		return usagef("--env=%s: want --env=NAME or --env=NAME=VALUE", value)
	case rt.CheckConfigValue(value) != nil:
		return usagef("--env=%s: a variable cannot contain ';' or a NUL byte", value)
	}
	return nil
}
