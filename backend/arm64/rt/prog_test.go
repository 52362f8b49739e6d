package rt

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"cot/backend/arm64/elf"
	. "cot/backend/arm64/enc"
	"cot/backend/arm64/obj"
)

// A prog is a small hand-built program: cot_module_init reserves a 1..2 page memory (unless
// noMemory), cot_module_main runs body, and the runtime provides everything else. It runs under
// qemu-aarch64 in a fresh directory.
type prog struct {
	name     string
	noMemory bool
	body     func(a asm)
	args     []string
	env      []string
	stdin    string
	stdinF   func(t *testing.T) *os.File // a file for stdin instead (a socket, say)
	noStdin  bool                        // start with fd 0 closed
	wasi     Config                      // baked-in preopens and environment
	files    map[string]string           // created in the directory before the run
	setup    func(t *testing.T, dir string)
	stdout   string
	stdoutIn func(dir string) string // the expected stdout when it depends on the directory
	anyOut   bool                    // stdout is checked by check only
	stderr   string
	exit     int
	check    func(t *testing.T, dir, stdout string) // extra checks
}

// junk is OR-ed into every i32 argument: the ABI leaves the upper 32 bits undefined, so the
// runtime must ignore them.
const junk = 0xdead_beef_0000_0000

// arg sets an i32 argument register (with junk upper bits).
func arg(a asm, r Reg, v uint32) { a.mov(r, junk|uint64(v)) }

// guest sets r = x28 + off (a host pointer into linear memory); clobbers x16.
func guest(a asm, r Reg, off uint64) {
	a.mov(X16, off)
	a.add(r, X28, X16)
}

// poke stores bytes b at guest offset off.
func poke(a asm, off uint64, b []byte) {
	guest(a, X9, off)
	for i, c := range b {
		a.mov(X10, uint64(c))
		a.ld(STRB, X10, X9, int64(i))
	}
}

// pokeU32 stores a little-endian u32 at guest offset off.
func pokeU32(a asm, off uint64, v uint32) {
	poke(a, off, []byte{byte(v), byte(v >> 8), byte(v >> 16), byte(v >> 24)})
}

// iovec stores the guest iovec {buf, len} at off.
func iovec(a asm, off uint64, buf, n uint32) {
	pokeU32(a, off, buf)
	pokeU32(a, off+4, n)
}

// printW0 prints w0 as "i32:0x........".
func printW0(a asm) { call(a, "cot_harness_result_i32") }

// printMem32 / printMem64 print the u32 / u64 at guest offset off.
func printMem32(a asm, off uint64) {
	guest(a, X9, off)
	a.ld(LDRW, X0, X9, 0)
	printW0(a)
}

func printMem64(a asm, off uint64) {
	guest(a, X9, off)
	a.ld(LDRX, X0, X9, 0)
	call(a, "cot_harness_result_i64")
}

// allImports lists every import the runtime provides.
func allImports() []Import {
	var out []Import
	for name := range routines {
		for mod, prefix := range importModules {
			if strings.HasPrefix(name, prefix) {
				out = append(out, Import{mod, strings.TrimPrefix(name, prefix)})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Module+out[i].Name < out[j].Module+out[j].Name })
	return out
}

func withFrame(name string, body func(a asm)) obj.Symbol {
	a := newAsm()
	a.Emit(PairPre(STPX, X29, X30, SP, must(PairOffset(-16, 8))))
	a.Emit(MovSP(X64, X29, SP))
	body(a)
	a.Emit(PairPost(LDPX, X29, X30, SP, must(PairOffset(16, 8))))
	a.Emit(Ret())
	return a.done(name, true)
}

// link builds the executable of p.
func (p prog) link(t *testing.T) []byte {
	syms, err := Symbols(Needs{Imports: allImports(), Memory: true, WASI: p.wasi})
	if err != nil {
		t.Fatal(err)
	}
	init := withFrame("cot_module_init", func(a asm) {
		if !p.noMemory {
			a.mov(X0, 1)
			a.mov(X1, 2)
			call(a, "cot_rt_memory_init")
		}
	})
	syms = append(syms, init, withFrame("cot_module_main", p.body), clobbered(),
		obj.Symbol{Name: "test_clobbered_msg", Section: obj.ROData, Bytes: []byte("clobbered\n")})
	exe, err := elf.Link(syms, "_start")
	if err != nil {
		t.Fatal(err)
	}
	return exe
}

// runProgs builds and runs each program under qemu-aarch64 and compares stdout, stderr and the
// exit status.
func runProgs(t *testing.T, progs []prog) {
	qemu, err := exec.LookPath("qemu-aarch64")
	if err != nil {
		t.Skip("qemu-aarch64 not installed (Debian qemu-user): skipping")
	}
	for _, p := range progs {
		t.Run(p.name, func(t *testing.T) {
			dir := t.TempDir()
			exe := filepath.Join(dir, "prog")
			if err := os.WriteFile(exe, p.link(t), 0o755); err != nil {
				t.Fatal(err)
			}
			for name, content := range p.files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if p.setup != nil {
				p.setup(t, dir)
			}
			cmd := exec.Command(qemu, append([]string{exe}, p.args...)...)
			if p.noStdin {
				cmd = exec.Command("/bin/sh", append([]string{"-c", `exec 0<&- "$@"`, "sh", qemu, exe}, p.args...)...)
			}
			cmd.Dir = dir
			cmd.Env = p.env
			if cmd.Env == nil {
				cmd.Env = []string{}
			}
			var stdout, stderr bytes.Buffer
			cmd.Stdin = strings.NewReader(p.stdin)
			if p.stdinF != nil {
				cmd.Stdin = p.stdinF(t)
			}
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if p.stdoutIn != nil {
				p.stdout = p.stdoutIn(dir)
			}
			if p.anyOut {
				p.stdout = stdout.String()
			}
			if stdout.String() != p.stdout || stderr.String() != p.stderr || code != p.exit {
				t.Errorf("got stdout %q stderr %q exit %d\nwant stdout %q stderr %q exit %d",
					stdout.String(), stderr.String(), code, p.stdout, p.stderr, p.exit)
			}
			if p.check != nil {
				p.check(t, dir, stdout.String())
			}
		})
	}
}
