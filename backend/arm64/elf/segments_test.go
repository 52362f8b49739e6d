package elf

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"cot/backend/arm64/enc"
	"cot/backend/arm64/obj"
)

// exitProgram exits with the byte at bss+100 plus 3 when withBSS, else with 3.
func exitProgram(t *testing.T, withBSS bool) []obj.Symbol {
	b := obj.NewBuilder()
	mov(b, enc.X0, 3)
	if withBSS {
		b.Addr(enc.X1, "counter", 0)
		mov(b, enc.X2, 39)
		b.Emit(enc.Ldst(enc.STRB, enc.X2, enc.X1, must(enc.UOffset(100, 1))))
		b.Emit(enc.Ldst(enc.LDRB, enc.X2, enc.X1, must(enc.UOffset(100, 1))))
		b.Emit(enc.AddReg(enc.X64, enc.X0, enc.X0, enc.X2, enc.LSL, enc.NoShift(enc.X64)))
	}
	mov(b, enc.X8, 94)
	b.Emit(enc.Svc(must(enc.NewImm16(0))))
	s, err := b.Symbol("_start", true)
	if err != nil {
		t.Fatal(err)
	}
	syms := []obj.Symbol{s}
	if withBSS {
		syms = append(syms, obj.Symbol{Name: "counter", Section: obj.BSS, Size: 1 << 20})
	}
	return syms
}

// TestLinkSegments runs executables with only .text and with .text + .bss (no .data/.rodata).
func TestLinkSegments(t *testing.T) {
	for _, c := range []struct {
		name    string
		withBSS bool
		exit    int
		loads   int
	}{{"text_only", false, 3, 1}, {"text_bss", true, 42, 2}} {
		t.Run(c.name, func(t *testing.T) {
			exe, err := Link(exitProgram(t, c.withBSS), "_start")
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), c.name)
			if err := os.WriteFile(path, exe, 0o755); err != nil {
				t.Fatal(err)
			}
			out := runTool(t, "aarch64-linux-gnu-readelf", "-lW", path)
			if n := countLines(out, "  LOAD "); n != c.loads {
				t.Errorf("%d LOAD segments, want %d:\n%s", n, c.loads, out)
			}
			err = exec.Command(lookTool(t, "qemu-aarch64"), path).Run()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != c.exit {
				t.Errorf("exit %d, want %d", code, c.exit)
			}
		})
	}
}

func countLines(s, prefix string) int {
	n := 0
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(line, prefix) {
			n++
		}
	}
	return n
}
