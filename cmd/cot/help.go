package main

import (
	"fmt"
	"io"
	"runtime"
)

// version is the release of this cot.
const version = "0.1.0"

func versionLine() string {
	return fmt.Sprintf("cot %s (%s-%s)", version, runtime.GOARCH, runtime.GOOS)
}

const usage = `cot — the Cot compiler

Usage:
  cot run FILE [flags] [-- ARGS...]   compile and run a program
  cot build FILE [-o OUT] [flags]     compile to OUT (default STEM.wasm, or STEM for arm64-linux)
  cot aot MODULE.wasm -o NAME [--dir=HOST[::GUEST]]... [--env=NAME[=VALUE]]...
                                      compile any WASI preview 1 module to an AArch64 executable
  cot version                         print the version
  cot help [COMMAND]                  print help for a command, or this text

Flags (before or after the file):
  -o OUT                  output file (build, aot)
  --target=T              wasm32 (default) or arm64-linux (alias arm64)
  --dump-after=P[,P...]   print the IR after passes P (names, globs like 'lower-*', or 'all')
  --dump-before=P[,P...]  print the IR before passes P
  --dump-func=NAME        limit dumps to one function
  --dump-dir=DIR          write dumps to DIR/NN-pass.txt instead of stdout
  --stop-after=P          stop the compilation after pass P (no output is written)
  --list-passes           list the passes: index, name, input -> output language
  --verify=each|end|off   when the IR verifier runs (default each)
  --time-passes           print the time of every pass on stderr

Exit status: 0 success, 1 user error, 2 internal compiler error, the program's status for run.
`

// commandHelp is the text of `cot help CMD`.
var commandHelp = map[string]string{
	"run": `Usage: cot run FILE [flags] [-- ARGS...]

Compiles FILE and runs it with this process's stdin, stdout, stderr and environment, and with
ARGS as its arguments; cot exits with the program's exit status. --target=wasm32 (the default)
runs the module in-process on wazero; --target=arm64-linux runs the native executable directly
on an AArch64 Linux host and under qemu-aarch64 elsewhere. A trap prints "error: <kind>" and
exits with status 134.
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
	return nil
}
