package spectest

// runLinkCommand checks assert_unlinkable (the executor must refuse the module: the native
// backend at compile time, wazero at instantiation) and assert_uninstantiable (instantiation must
// trap with the expected message), as far as one module on its own allows: modules importing from
// registered modules are left out.
func runLinkCommand(lc linkCheck, cfg Config, r *FileResult) {
	c, m := lc.Cmd, lc.Module
	r.LinkTotal++
	if lc.DecodeErr != nil {
		r.fail(c, "module %s does not decode (it is valid, only %s): %v", c.Filename, c.Text, lc.DecodeErr)
		return
	}
	if cfg.outOfTime() {
		r.Incomplete = true
		r.fail(c, "not run: the test deadline passed")
		return
	}
	prog, err := prepare(m, nil, cfg)
	if err != nil {
		if c.Type == "assert_unlinkable" {
			r.LinkPass++
		} else {
			r.fail(c, "expected instantiation trap %q: %v", c.Text, err)
		}
		return
	}
	defer prog.Close()
	out, err := prog.Run(0)
	r.Runs++
	switch {
	case err != nil:
		r.fail(c, "%s run: %v", cfg.Exec.Name(), err)
	case c.Type == "assert_unlinkable":
		if out.LinkError != "" {
			r.LinkPass++
		} else {
			r.fail(c, "expected link error %q, but the module was accepted (%s)", c.Text, abnormalOrOK(out))
		}
	case out.Exit == trapExitStatus && trapMatches(c.Text, out.Trap, cfg.Exec.TrapAliases()):
		r.LinkPass++
	default:
		r.fail(c, "expected instantiation trap %q, got %s", c.Text, abnormalOrOK(out))
	}
}

func abnormalOrOK(out Outcome) string {
	if out.Exit == 0 && out.LinkError == "" {
		return "a normal run"
	}
	return abnormalEnding(out)
}
