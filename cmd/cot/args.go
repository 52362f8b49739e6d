package main

import (
	"fmt"
	"strconv"
	"strings"

	"cot/backend/arm64/rt"
	"cot/ir/pipeline"
	"cot/passes"
)

// usageError is a mistake on the command line: exit status 1, with a hint to `cot help`.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// invocation is one parsed command line.
type invocation struct {
	cmd       string   // run, build, aot, version, help
	file      string   // the input file (or the help topic)
	out       string   // -o
	target    target   // --target
	progArg   []string // after --, for run
	opts      pipeline.Options
	list      bool      // --list-passes
	stdio     bool      // --stdio (lsp: the transport editors' clients ask for; the only one)
	wasi      rt.Config // --dir, --env: the WASI sandbox (baked in by cot aot, given to the runners by cot run)
	files     []string  // every path of `cot fmt`
	write     bool      // fmt -w, --write
	check     bool      // fmt --check
	filter    string    // test --filter
	verbose   bool      // test --verbose, -v (ignored)
	leaks     bool      // test --leaks
	hasFilter bool
	tests     *passes.TestMode  // set by cot test: the build is a test build
	benches   *passes.BenchMode // set by cot bench: the build is a bench build
	n         int64             // bench --n (0: calibrate)
	net       bool              // --net: the program may use sockets (run, test, bench; baked by build, aot)
}

// valueFlags take a value, as --name=value or --name value (one or two dashes).
var valueFlags = map[string]bool{
	"o": true, "target": true, "dump-after": true, "dump-before": true, "dump-func": true,
	"dump-dir": true, "stop-after": true, "verify": true, "dump-html": true, "disable-pass": true,
	"dir": true, "env": true, "filter": true, "n": true,
}

// boolFlags take no value.
var boolFlags = map[string]bool{"list-passes": true, "time-passes": true, "help": true, "h": true, "stdio": true,
	"w": true, "write": true, "check": true, "verbose": true, "v": true, "leaks": true, "net": true}

var commands = []string{"run", "test", "bench", "build", "check", "lint", "fmt", "aot", "init", "explain", "lsp", "version", "help"}

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
	if inv.cmd == "fmt" {
		inv.files = positional
		if len(positional) > 0 {
			inv.file = positional[0]
		}
	} else if inv.write || inv.check {
		return nil, usagef("-w, --write and --check are flags of `cot fmt`")
	}
	switch {
	case len(positional) > 1 && inv.cmd != "fmt":
		return nil, usagef("unexpected argument %q", positional[1])
	case len(positional) == 1:
		inv.file = positional[0]
	}
	if inv.progArg != nil && inv.cmd != "run" {
		return nil, usagef("arguments after -- are only for `cot run`")
	}
	if inv.hasFilter && inv.cmd != "test" && inv.cmd != "bench" {
		return nil, usagef("--filter is a flag of `cot test` and `cot bench`")
	}
	if (inv.verbose || inv.leaks) && inv.cmd != "test" {
		return nil, usagef("--leaks and --verbose are flags of `cot test`")
	}
	switch {
	case !inv.net:
	case inv.cmd == "build" && inv.target != targetARM64:
		return nil, usagef("--net bakes the network into a native executable: build with --target=arm64-linux (a Wasm module gets it from its host)")
	case inv.cmd != "run" && inv.cmd != "test" && inv.cmd != "bench" && inv.cmd != "build" && inv.cmd != "aot":
		return nil, usagef("--net is a flag of `cot run`, `cot test`, `cot bench`, `cot build` and `cot aot`")
	}
	if inv.n != 0 && inv.cmd != "bench" {
		return nil, usagef("--n is a flag of `cot bench`")
	}
	if inv.stdio && inv.cmd != "lsp" {
		return nil, usagef("--stdio is for `cot lsp`")
	}
	if (inv.wasi.Dirs != nil || inv.wasi.Env != nil) && inv.cmd != "aot" && inv.cmd != "run" && inv.cmd != "test" && inv.cmd != "bench" {
		return nil, usagef("--dir and --env configure the WASI sandbox of `cot aot`, `cot run`, `cot test` and `cot bench`")
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
	case "stdio":
		inv.stdio = true
	case "time-passes":
		inv.opts.TimePasses = true
	case "help", "h":
		inv.cmd = "help"
	case "w", "write":
		inv.write = true
	case "check":
		inv.check = true
	case "verbose", "v": // accepted by cot test and ignored (spec §16.4)
		inv.verbose = true
	case "leaks":
		inv.leaks = true
	case "net":
		inv.net = true
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
	case "verify":
		m, err := pipeline.ParseVerifyMode(value)
		if err != nil {
			return &usageError{err.Error()}
		}
		inv.opts.Verify = m
	case "filter":
		inv.filter, inv.hasFilter = value, true
	case "n":
		n, err := strconv.ParseInt(value, 10, 64)
		if err != nil || n < 1 {
			return usagef("--n=%s: want a whole number of iterations, at least 1", value)
		}
		inv.n = n
	case "dir", "env":
		return inv.setWASI(name, value)
	}
	return nil
}

// setWASI records --dir=HOST[::GUEST] or --env=NAME[=VALUE] (docs/decisions.md, "WASI sandbox").
func (inv *invocation) setWASI(name, value string) error {
	if err := rt.CheckConfigValue(value); err != nil {
		return usagef("--%s: %v", name, err)
	}
	if name == "dir" {
		host, guest, named := strings.Cut(value, "::")
		if host == "" {
			return usagef("--dir=%s: no host directory (want HOST or HOST::GUEST)", value)
		}
		if named && guest == "" {
			return usagef("--dir=%s: no guest name (want HOST or HOST::GUEST)", value)
		}
		inv.wasi.Dirs = append(inv.wasi.Dirs, value)
		return nil
	}
	if key, _, _ := strings.Cut(value, "="); key == "" {
		return usagef("--env=%s: no variable name (want NAME or NAME=VALUE)", value)
	}
	inv.wasi.Env = append(inv.wasi.Env, value)
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
