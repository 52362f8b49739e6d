package main

import (
	"fmt"
	"os"
	"testing"

	"cot/runner"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"cot": func() { os.Exit(cot(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs testdata/script/*.txtar: each script drives the cot command line.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:  "testdata/script",
		Cmds: scriptCmds,
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "qemu": // AArch64 executables can run here
				_, err := runner.QemuPath()
				return err == nil, nil
			case "pty": // pseudo-terminals can be opened (ptyrun)
				m, s, err := openPty()
				if err == nil {
					m.Close()
					s.Close()
				}
				return err == nil, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Setup: func(env *testscript.Env) error {
			// The tests must not depend on the developer's environment.
			env.Setenv("COT_STACK", "")
			return nil
		},
	})
}
