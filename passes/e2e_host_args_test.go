package passes

import "testing"

// The argument and environment vectors (runtime/args.cot) keep their meaning through every pass:
// wazero (as this test runs it) and the interpreter give a program no arguments and no environment,
// so every count is 0 and every index out of range; @target_os() is a literal after parse.
func TestEveryPassKeepsMeaningHostArgs(t *testing.T) {
	checkEveryPass(t, e2eCase{name: "host_args", src: `
fn main() i64 {
    println(@args_count())
    println(@arg_len(0) + @arg_ptr(0) + @arg_ptr(-1))
    println(@environ_count())
    println(@environ_len(0) + @environ_ptr(3))
    println(@args_count() + @environ_count())
    println(@target_os())
    return 0
}`}, nil, "")
}
