package elf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"cot/backend/arm64/enc"
	"cot/backend/arm64/obj"
)

func must[T any](v T, ok bool) T {
	if !ok {
		panic("immediate not encodable")
	}
	return v
}

func mov(b *obj.Builder, rd enc.Reg, v uint64) { b.Emit(enc.LoadConst(enc.X64, rd, v)...) }

// helloProgram writes "hi\n" and exits with 7 + a zero BSS byte, exercising Call26, ADRP/ADD,
// ADRP/LDR (Ldst64Lo12), Abs64 in .data, .rodata and .bss.
func helloProgram(t *testing.T) []obj.Symbol {
	start := obj.NewBuilder()
	start.Call("say")
	start.Addr(enc.X1, "zeros", 0)
	start.Emit(enc.Ldst(enc.LDRB, enc.X0, enc.X1, must(enc.UOffset(3, 1))))
	start.Emit(enc.AddImm(enc.X64, enc.X0, enc.X0, must(enc.NewImm12(7))))
	mov(start, enc.X8, 94) // exit_group
	start.Emit(enc.Svc(must(enc.NewImm16(0))))

	say := obj.NewBuilder()
	say.Reloc(obj.ADRPPage21, "msgptr", 0)
	say.Emit(enc.Adrp(enc.X1, must(enc.AdrpPages(0))))
	say.Reloc(obj.Ldst64Lo12, "msgptr", 0)
	say.Emit(enc.Ldst(enc.LDRX, enc.X1, enc.X1, must(enc.UOffset(0, 8))))
	mov(say, enc.X0, 1)
	mov(say, enc.X2, 3)
	mov(say, enc.X8, 64) // write
	say.Emit(enc.Svc(must(enc.NewImm16(0))), enc.Ret())

	var syms []obj.Symbol
	for _, f := range []struct {
		name string
		b    *obj.Builder
	}{{"_start", start}, {"say", say}} {
		s, err := f.b.Symbol(f.name, f.name == "_start")
		if err != nil {
			t.Fatal(err)
		}
		syms = append(syms, s)
	}
	return append(syms,
		obj.Symbol{Name: "msg", Section: obj.ROData, Align: 1, Bytes: []byte("hi\n")},
		obj.Symbol{Name: "msgptr", Section: obj.Data, Align: 8, Bytes: make([]byte, 8),
			Relocs: []obj.Reloc{{Offset: 0, Kind: obj.Abs64, Sym: "msg"}}},
		obj.Symbol{Name: "zeros", Section: obj.BSS, Align: 16, Size: 4096})
}

func TestLinkHello(t *testing.T) {
	syms := helloProgram(t)
	exe, err := Link(syms, "_start")
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Link(helloProgram(t), "_start")
	if !bytes.Equal(exe, again) {
		t.Error("linking the same symbols twice gave different bytes")
	}
	path := filepath.Join(t.TempDir(), "hello")
	if err := os.WriteFile(path, exe, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Run("run", func(t *testing.T) {
		qemu := lookTool(t, "qemu-aarch64")
		var stdout bytes.Buffer
		cmd := exec.Command(qemu, path)
		cmd.Stdout = &stdout
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if stdout.String() != "hi\n" || code != 7 {
			t.Errorf("stdout %q exit %d, want \"hi\\n\" exit 7", stdout.String(), code)
		}
	})
	t.Run("readelf", func(t *testing.T) {
		out := runTool(t, "aarch64-linux-gnu-readelf", "-hlSs", "-W", path)
		for _, want := range []string{"EXEC (Executable file)", "AArch64", "Entry point address:               0x4",
			".text", ".rodata", ".data", ".bss", ".symtab", "LOAD", "GNU_STACK", "FUNC    GLOBAL DEFAULT    1 _start",
			"FUNC    LOCAL  DEFAULT    1 say", "OBJECT  LOCAL  DEFAULT    4 zeros"} {
			if !strings.Contains(out, want) {
				t.Errorf("readelf output lacks %q:\n%s", want, out)
			}
		}
		if strings.Contains(out, "INTERP") || strings.Contains(out, "DYNAMIC") || strings.Contains(out, "Warning") {
			t.Errorf("unexpected readelf output:\n%s", out)
		}
	})
	t.Run("objdump", func(t *testing.T) {
		out := runTool(t, "aarch64-linux-gnu-objdump", "-d", path)
		for _, want := range []string{"<_start>:", "<say>:", "bl\t", "<say>", "svc\t#0x0"} {
			if !strings.Contains(out, want) {
				t.Errorf("objdump -d lacks %q:\n%s", want, out)
			}
		}
	})
}

func TestLinkErrors(t *testing.T) {
	b := obj.NewBuilder()
	b.Call("nowhere")
	f, _ := b.Symbol("f", true)
	if _, err := Link([]obj.Symbol{f}, "f"); err == nil || !strings.Contains(err.Error(), "undefined symbol nowhere") {
		t.Errorf("undefined symbol: err = %v", err)
	}
	if _, err := Link([]obj.Symbol{f}, "main"); err == nil || !strings.Contains(err.Error(), "main") {
		t.Errorf("undefined entry: err = %v", err)
	}
	if _, err := Link([]obj.Symbol{f, f}, "f"); err == nil || !strings.Contains(err.Error(), "duplicate symbol f") {
		t.Errorf("duplicate: err = %v", err)
	}
	// A B.cond to a symbol more than 1 MiB away.
	c := obj.NewBuilder()
	c.JumpCond(enc.EQ, "far")
	near, _ := c.Symbol("near", true)
	pad := obj.Symbol{Name: "pad", Section: obj.Text, Bytes: make([]byte, 1<<20)}
	far := obj.Symbol{Name: "far", Section: obj.Text, Bytes: make([]byte, 4)}
	_, err := Link([]obj.Symbol{near, pad, far}, "near")
	if err == nil || !strings.Contains(err.Error(), "CondBr19 relocation from near+0x0 to far") || !strings.Contains(err.Error(), "±1 MiB") {
		t.Errorf("far b.cond: err = %v", err)
	}
}

// TestCall26Range checks the ±128 MiB limit of BL without building a 128 MiB image.
func TestCall26Range(t *testing.T) {
	code := []byte{0, 0, 0, 0x94}
	sym := &obj.Symbol{Name: "caller", Section: obj.Text, Bytes: code}
	sec := &section{kind: obj.Text, addr: Base, data: append([]byte(nil), code...)}
	p := &placed{sym: sym, addr: Base}
	r := obj.Reloc{Kind: obj.Call26, Sym: "callee"}
	if err := apply(sec, p, r, Base+1<<27-4); err != nil {
		t.Errorf("BL to +128 MiB - 4: %v", err)
	}
	err := apply(sec, p, r, Base+1<<27)
	if err == nil || !strings.Contains(err.Error(), "±128 MiB") || !strings.Contains(err.Error(), "callee") {
		t.Errorf("BL to +128 MiB: err = %v", err)
	}
}

func lookTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed: skipping", name)
	}
	return p
}

func runTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(lookTool(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
	return string(out)
}
