package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// profile prints the executed instructions per function of cot's binary and of gcc's for one
// program (../shared/tools/pcprof), the top 25 of each, so that a regression can be located.
func (h *harness) profile(name string) error {
	progs := selected(name)
	if len(progs) != 1 {
		return fmt.Errorf("no program %q", name)
	}
	p := progs[0]
	dir, err := h.build(p)
	if err != nil {
		return err
	}
	pc := filepath.Join(h.tools, "pcprof")
	libDir := filepath.Dir(h.icount) // holds qemu-plugin.h already
	if err := run(h.root, nil, filepath.Join(pc, "build.sh"), libDir); err != nil {
		return err
	}
	args := p.Args
	if h.fast {
		args = p.FastArgs
	}
	for _, bin := range []string{"prog.cot", "prog.gcc"} {
		out := filepath.Join(dir, bin+".pc")
		lib := filepath.Join(libDir, "libpcprof.so") + ",out=" + out
		// pcprof writes its own file, not the icount report that count reads: only a missing file matters.
		if _, err := count(lib, dir, nil, append([]string{"./" + bin}, args...)...); err != nil {
			if _, statErr := os.Stat(out); statErr != nil {
				return err
			}
		}
		fmt.Printf("## %s %s: executed instructions per function\n", p.Name, bin)
		cmd := exec.Command("python3", filepath.Join(pc, "symsum.py"), out, "25")
		cmd.Dir, cmd.Stdout, cmd.Stderr = dir, os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			return err
		}
	}
	return nil
}
