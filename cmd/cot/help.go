package main

import (
	"fmt"
	"io"
	"runtime"
	"strings"
)

// version is the release of this cot.
const version = "0.1.0"

func versionLine() string {
	return fmt.Sprintf("cot %s (%s-%s)", version, runtime.GOARCH, runtime.GOOS)
}

const usage = `cot — the Cot compiler

Usage:
  cot run FILE [flags] [-- ARGS...]   compile and run a program
  cot test FILE [--filter=S] [flags]  run the test blocks of FILE
  cot bench FILE [--n=N] [flags]      run the bench blocks of FILE and time them
  cot build FILE [-o OUT] [flags]     compile to OUT (default STEM.wasm, or STEM for arm64-linux)
  cot check FILE                      parse and type-check FILE, generate nothing
  cot lint FILE                       check, then warn of unused locals and parameters, shadowing
  cot fmt [-w|--check] FILES|DIRS     format: print, rewrite (-w) or list the unformatted (--check)
  cot aot MODULE.wasm -o NAME [--dir=HOST[::GUEST]]... [--env=NAME[=VALUE]]...
                                      compile any WASI preview 1 module to an AArch64 executable
  cot init [NAME]                     create a project (in NAME/, or here)
  cot explain [CODE]                  explain a diagnostic code, or list them all
  cot lsp [--stdio]                   run the Language Server on stdin and stdout
  cot version                         print the version
  cot help [COMMAND]                  print help for a command, or this text

Flags (before or after the file):
  -o OUT                  output file (build, aot)
  -w, --write             fmt: rewrite the files in place (only those that change)
  --check                 fmt: list the files that are not formatted; exit 1 if any
  --target=T              wasm32 (default) or arm64-linux (alias arm64)
  --dump-after=P[,P...]   print the IR after passes P (names, globs like 'lower-*', or 'all')
  --dump-before=P[,P...]  print the IR before passes P
  --dump-func=NAME        limit dumps to one function
  --dump-dir=DIR          write dumps to DIR/NN-pass.txt instead of stdout
  --dump-html=FUNC        write FUNC.html: FUNC after every pass, side by side, changes highlighted
  --stop-after=P          stop the compilation after pass P (no output is written)
  --disable-pass=P[,P...] skip optional passes P (optimizations; --list-passes marks them)
  --list-passes           list the passes: index, name, input -> output language
  --verify=each|end|off   when the IR verifier runs (default each)
  --time-passes           print the time of every pass on stderr
  --filter=S              test, bench: run only the tests (benches) whose name contains S
  --n=N                   bench: run each bench N times (N >= 1) instead of calibrating
  --leaks                 test: report the heap blocks each test leaves allocated
  --verbose, -v           test: accepted and ignored
  --dir=HOST[::GUEST]     let the program reach directory HOST, named GUEST (run, test, bench, aot;
                          repeatable)
  --env=NAME[=VALUE]      give the program variable NAME, this process's or VALUE (run, test, bench,
                          aot)
  --net                   let the program use sockets and epoll (run, test, bench; build
                          --target=arm64-linux and aot bake it in; COT_NET=1 grants it at run time)

Exit status: 0 success, 1 user error, 2 internal compiler error, the program's status for run,
the number of failed tests (at most 255) for test, 0 for bench (134 when a bench traps).
`

// commandHelp is the text of `cot help CMD`.
var commandHelp = map[string]string{
	"run": `Usage: cot run FILE [flags] [-- ARGS...]

Compiles FILE and runs it with this process's stdin, stdout and stderr, and with ARGS as its
arguments; cot exits with the program's exit status. --target=wasm32 (the default) runs the
module in-process on wazero's compiler; --target=arm64-linux runs the native executable directly
on an AArch64 Linux host and under qemu-aarch64 elsewhere. A trap prints "error: <kind>" and
exits with status 134.

The program is sandboxed as by cot aot: it reaches only the directories of --dir=HOST[::GUEST]
(repeatable; GUEST defaults to HOST; without --dir, the working directory as "/"), and nothing
outside them through ".." or symlinks. Without --env it sees this process's environment; with
--env=NAME (this process's value, if set) and --env=NAME=VALUE (repeatable), only those.
`,
	"test": `Usage: cot test FILE [--filter=S] [flags]

Builds FILE in test mode and runs its test blocks in order (on wazero for --target=wasm32, the
default; natively or under qemu-aarch64 for --target=arm64-linux), with stdin empty. Global
initialisers run first; main is not needed and not run. For each test the runner writes
'test "NAME" ... ' to stderr before the test runs, then "ok" or "FAIL" and its time, e.g.
'(0ms)'. A failing @assert or @assert_eq in a test block ends that test: under its FAIL line
come the assertion's position and, for @assert_eq(actual, expected), both values; the next
test runs. Then an empty line and the summary: "ok | P passed (Tms)" or
"FAILED | P passed | F failed (Tms)". "ok", "FAIL" and "FAILED" are bold green and red when
stderr is a terminal and NO_COLOR is unset.

  --filter=S      run only the tests whose name contains S (case-sensitive); when none does,
                  print '0 tests matched filter "S"' and exit 0
  --leaks         after each test that leaves heap blocks allocated (@alloc without @dealloc,
                  objects kept alive, and what the runtime allocates for it), write
                  "    leaked N heap block(s)", with " (M ARC object(s))" when objects are
                  among them, under its line; leaks do not fail a test
  --verbose, -v   accepted and ignored

Exit status: the number of failed tests (at most 255); 1 on a compile or usage error. A test
that traps (a runtime error, or a failing assertion outside a test block, e.g. in a function
the test calls) stops the run: its line ends with "error: <kind>", cot names the test that
stopped the run, and the status is 134. A test that ends the program with @exit is reported too
(status 1 for @exit(0)).
`,
	"bench": `Usage: cot bench FILE [--n=N] [--filter=S] [flags]

Builds FILE in bench mode and runs its bench blocks in order (on wazero for --target=wasm32, the
default; natively or under qemu-aarch64 for --target=arm64-linux), with stdin empty. Global
initialisers run first; main is not needed and not run. For each bench the runner writes
'bench "NAME" ... ' to stderr, calls the body 3 times to warm up, times one call (t ns) and
picks N = 1,000,000,000 / t iterations, clamped to 1..10,000,000 (10,000,000 when t is 0), times
N calls with the monotonic clock (e ns) and finishes the line with
'N iterations  X ns/op (S.CCs)' (X = e / N; S.CC the seconds, truncated). Then an empty line and
the summary "ok | COUNT benchmarks (S.CCs)", timed from the first bench's line; "ok" is bold
green when stderr is a terminal and NO_COLOR is unset.

  --n=N           run each bench exactly N times (a whole number, at least 1): no calibration
  --filter=S      run only the benches whose name contains S (case-sensitive); when none does,
                  print '0 benchmarks matched filter "S"' and exit 0

Exit status: 0; 134 when a bench traps (its line ends with "error: <kind>"); 1 on a compile or
usage error.
`,
	"build": `Usage: cot build FILE [-o OUT] [flags]

Compiles FILE to a WebAssembly module (--target=wasm32, default output STEM.wasm) or a static
AArch64 Linux executable (--target=arm64-linux, default output STEM, mode 0755). The output is
written atomically; a failed build leaves no output file behind.
`,
	"aot": `Usage: cot aot MODULE.wasm -o NAME [--dir=HOST[::GUEST]]... [--env=NAME[=VALUE]]... [flags]

Compiles any WASI preview 1 module to a static AArch64 Linux executable through the AArch64
backend's pass table. The executable is sandboxed: the program reaches only its preopened
directories (never above them, by ".." or symlinks) and sees only the environment given here.

  --dir=HOST[::GUEST]   preopen the host directory HOST (opened at run time, relative to the
                        working directory) under the guest name GUEST (default: HOST as
                        written); repeatable, in order from fd 3. Default: --dir=.::/
                        (GOOS=wasip1 programs find files through a preopen named "/"
                        or their $PWD; a preopen named "." serves only wasi-libc)
  --env=NAME            pass the host's NAME through at run time (if set); repeatable
  --env=NAME=VALUE      set NAME to VALUE; default: an empty environment

At run time, COT_DIR and COT_ENV replace the baked-in lists when set: the flag values joined
by ';' (COT_DIR='.::/;/data::/data', COT_ENV='HOME;LANG=C'; COT_DIR= preopens nothing).
`,
	"check": `Usage: cot check FILE [flags]

Runs the front end over FILE up to its last check pass (names, types, returns, global
initialisation order) and generates no code. Prints "Check FILE" on stderr and exits 0 when
FILE is valid; prints the diagnostics and exits 1 when not. "Check" is green when stderr is
a terminal and NO_COLOR is unset.
`,
	"lint": `Usage: cot lint FILE [flags]

Checks FILE like cot check, then warns: W001 unused local, W002 unused parameter, W003 a
local or parameter shadowing a name of an enclosing scope. Names starting with _ and self
are exempt; assigning to a variable does not use it. Prints "Checked FILE" when there is no
warning, else the warnings and "Found N warning(s)". Exits 0 with warnings, 1 on errors.
`,
	"fmt": `Usage: cot fmt [-w|--write] [--check] FILES|DIRS

Formats Cot source files in the one canonical layout (4-space indentation, comments kept; the
rules are in docs/decisions.md). A directory stands for every *.cot file under it. Without a
flag the formatted text goes to stdout; -w (--write) rewrites each file that changes, in place
and atomically; --check prints the name of every file that is not formatted and exits 1 if
there is one. A file that does not parse gets its diagnostics and is left untouched (exit 1).
"cot fmt -" formats stdin to stdout.
Formatting never changes what a program means: cot fmt checks its output parses to the same
program before writing it.
`,
	"init": `Usage: cot init [NAME]

Creates a project: cot.json, src/main.cot (prints "Hello, world!") and .gitignore. With NAME
the project is created in the directory NAME (made if needed) and named after it; without, in
the current directory, named after it. Fails if cot.json already exists; an existing
.gitignore or src/main.cot is kept.
`,
	"explain": `Usage: cot explain [CODE]

Prints the explanation of a diagnostic code such as E0301 (the code in error[E0301]); without
CODE, lists every code with its title.
`,
	"lsp": `Usage: cot lsp [--stdio]

Runs the Language Server (LSP 3.16, JSON-RPC on stdin and stdout) for editors: diagnostics
on open and change (the passes of cot check), hover with types, go to definition,
references, rename, document symbols, completion after '.' and '@', signature help and
formatting. Formatting only re-indents (4 spaces per bracket level), trims trailing
whitespace and blank-line runs; it keeps every token and comment. Exits 0 after the
client's shutdown and exit, 1 if the client exits or hangs up without shutdown.
--stdio, which editors' clients pass, names the only transport.
`,
	"version": `Usage: cot version

Prints "cot VERSION (ARCH-OS)".
`,
	"help": `Usage: cot help [COMMAND]

Prints the usage, or the help of COMMAND.
`,
}

func help(w io.Writer, topic string) error {
	if topic == "" {
		fmt.Fprint(w, usage)
		return nil
	}
	text, ok := commandHelp[topic]
	if !ok {
		return usagef("unknown command %q", topic)
	}
	fmt.Fprint(w, text)
	if compiles[topic] {
		fmt.Fprint(w, "\n"+compilerFlags())
	}
	return nil
}

// compiles are the commands that run the pass tables and so take the compiler's flags.
var compiles = map[string]bool{"run": true, "test": true, "bench": true, "build": true, "aot": true, "check": true, "lint": true}

// compilerFlags is the flags section of the usage text, which every compiling command takes.
func compilerFlags() string {
	_, flags, _ := strings.Cut(usage, "\nFlags (before or after the file):\n")
	flags, _, _ = strings.Cut(flags, "\n\n")
	return "Compiler flags (before or after the file):\n" + flags + "\n"
}
