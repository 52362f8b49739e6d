// Package golden holds cot's golden and differential tests. The cases live under testdata/<kind>/
// and the tests in the _test.go files:
//
//   - run/*.txtar: `-- main.cot --`, `-- stdout --`, `-- exit --` (and `-- stderr --` when the
//     program writes there; `-- stdin --` feeds it input). Each case compiles once per target and
//     runs on wazero, wasmtime and, where qemu-aarch64 or an arm64 host allows, natively; every
//     engine must produce the expected sections. allowlist.txt holds the allowed differences.
//   - dump/*.txtar: `-- main.cot --` plus one `-- PASS --` section per pass, holding exactly what
//     `cot build main.cot --dump-after=PASS` prints.
//   - errors/*.cot: sources with `// ERROR "regexp"` comments on the lines where cot must report
//     a diagnostic (go/types style); every diagnostic must be expected and every comment matched.
//   - generated (no files): random integer, bool and loop programs, seeded, checked against a Go oracle
//     of Cot's semantics on every engine.
//
// `go test ./golden -update` rewrites the expected sections of run and dump cases (never the
// inputs, and never when the engines disagree); a mismatch prints a diff and the command that
// accepts it.
package golden
