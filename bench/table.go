package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"
)

// emptyModule is (module (memory (export "memory") 2) (func (export "_start"))), the anchors'
// baseline module: compiling and running it is what every count has subtracted.
var emptyModule = []byte("\x00asm\x01\x00\x00\x00\x01\x04\x01\x60\x00\x00\x03\x02\x01\x00\x05\x03\x01\x00\x02" +
	"\x07\x13\x02\x06memory\x02\x00\x06_start\x00\x00\x0a\x04\x01\x02\x00\x0b")

func outputOf(dir, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%s: %v", name, err)
	}
	return string(out), nil
}

// baselines builds the empty programs: gcc's return-0 main and cot's empty module.
func (h *harness) baselines() (gcc, cot result, err error) {
	dir := filepath.Join(h.work, "empty")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "return0.c"), []byte("int main(void) { return 0; }\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "m.wasm"), emptyModule, 0o644)
	if err = run(dir, nil, "aarch64-linux-gnu-gcc", "-O2", "-static", "-o", "prog.gcc", "return0.c"); err != nil {
		return
	}
	if err = run(dir, nil, h.cot, "aot", "m.wasm", "-o", "prog.cot"); err != nil {
		return
	}
	if gcc, err = countMin(h.reps, h.icount, dir, nil, "./prog.gcc"); err != nil {
		return
	}
	cot, err = countMin(h.reps, h.icount, dir, nil, "./prog.cot")
	return
}

// row is one program's figures.
type row struct {
	name                  string
	gcc, cot              int64
	cranelift, wazero     int64
	compile               map[string]result // cot, cranelift, wazero: compile cost minus the empty module's
	same                  bool
	note                  string
	diverged              []string // notes on the engines of the program's Diverges
	compileWall, wallBase map[string]time.Duration
}

func (h *harness) table(w io.Writer, progs []program) error {
	gccBase, cotBase, err := h.baselines()
	if err != nil {
		return err
	}
	var rows []row
	for _, p := range progs {
		r, err := h.measure(p, gccBase, cotBase)
		if err != nil {
			return fmt.Errorf("%s: %v", p.Name, err)
		}
		rows = append(rows, r)
	}
	printTable(w, rows, h.fast || h.noCompile, h.engines)
	for _, r := range rows {
		if !r.same {
			return fmt.Errorf("%s: outputs differ: %s", r.name, r.note)
		}
	}
	return nil
}

func (h *harness) measure(p program, gccBase, cotBase result) (row, error) {
	r := row{name: p.Name, same: true}
	dir, err := h.build(p)
	if err != nil {
		return r, err
	}
	args := p.Args
	if h.fast {
		args = p.FastArgs
	}
	g, err := countMin(h.reps, h.icount, dir, nil, append([]string{"./prog.gcc"}, args...)...)
	if err != nil {
		return r, err
	}
	c, err := countMin(h.reps, h.icount, dir, nil, append([]string{"./prog.cot"}, args...)...)
	if err != nil {
		return r, err
	}
	r.gcc, r.cot = g.insns-gccBase.insns, c.insns-cotBase.insns
	if g.exit != 0 || !strings.Contains(string(g.stdout), p.Want) {
		return r, fmt.Errorf("gcc's run exits %d and its output lacks %q: %.300s", g.exit, p.Want, g.stdout)
	}
	if g.exit != c.exit || string(g.stdout) != string(c.stdout) {
		r.same, r.note = false, fmt.Sprintf("gcc exit %d out %s, cot exit %d out %s", g.exit, g.out(), c.exit, c.out())
	}
	if h.engines {
		eng, err := anchors(h.tools, filepath.Join(dir, "m.wasm"), h.reps, args)
		if err != nil {
			return r, err
		}
		r.cranelift, r.wazero = eng["wasmtime"].run, eng["wazero"].run
		for _, name := range []string{"wasmtime", "wazero"} {
			e := eng[name]
			same := e.exit == g.exit && e.out == g.out()
			if why, ok := p.Diverges[name]; ok {
				// A known fault of that engine: its count is of a run cut short, so none is shown,
				// and the program's entry must go once the engine agrees again.
				if same {
					r.same, r.note = false, fmt.Sprintf("%s now prints gcc's output: remove it from Diverges (%s)", name, why)
				}
				r.diverged = append(r.diverged, fmt.Sprintf("%s: %s (exit %d)", name, why, e.exit))
				if name == "wasmtime" {
					r.cranelift = -1
				} else {
					r.wazero = -1
				}
				continue
			}
			if !same {
				r.same, r.note = false, fmt.Sprintf("%s exit %d out %s, gcc exit %d out %s", name, e.exit, e.out, g.exit, g.out())
			}
		}
	}
	if !h.fast && !h.noCompile {
		r.compile, err = h.compileCost(dir)
		if err != nil {
			return r, err
		}
	}
	return r, nil
}

func ratio(a, b int64) string {
	if b <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", float64(a)/float64(b))
}

func printTable(w io.Writer, rows []row, fast, engines bool) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := "program\tgcc -O2\tcot\tcot/gcc\t"
	if engines {
		head += "cranelift\tcot/cl\twazero\tcot/wz\t"
	}
	if !fast {
		head += "compile: cot\tcranelift\twazero\tcot/cl\tcot/wz\twall cot/cl\twall cot/wz\t"
	}
	fmt.Fprintln(tw, head)
	for _, r := range rows {
		line := fmt.Sprintf("%s\t%d\t%d\t%s\t", r.name, r.gcc, r.cot, ratio(r.cot, r.gcc))
		if engines {
			line += fmt.Sprintf("%s\t%s\t%s\t%s\t", countOf(r.cranelift), ratio(r.cot, r.cranelift), countOf(r.wazero), ratio(r.cot, r.wazero))
		}
		if !fast {
			c, cl, wz := r.compile["cot"], r.compile["cranelift"], r.compile["wazero"]
			line += fmt.Sprintf("%d\t%d\t%d\t%s\t%s\t%s\t%s\t", c.insns, cl.insns, wz.insns, ratio(c.insns, cl.insns),
				ratio(c.insns, wz.insns), ratio(int64(c.wall), int64(cl.wall)), ratio(int64(c.wall), int64(wz.wall)))
		}
		fmt.Fprintln(tw, line)
	}
	tw.Flush()
	fmt.Fprintln(w, "# executed AArch64 instructions under qemu-aarch64 (minimum of the runs), minus each toolchain's empty program;")
	if !fast {
		fmt.Fprintln(w, "# compile: instructions of all threads compiling the module under qemu (minus the empty module), wall = medians of interleaved runs")
	}
	for _, r := range rows {
		for _, d := range r.diverged {
			fmt.Fprintf(w, "# %s, no count of %s\n", r.name, d)
		}
	}
}

// countOf prints an engine's count, "-" for none (a known divergence of the engine).
func countOf(n int64) string {
	if n < 0 {
		return "-"
	}
	return fmt.Sprint(n)
}
