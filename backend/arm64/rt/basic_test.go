package rt

import (
	"bytes"
	"cot/backend/arm64/elf"
	"cot/backend/arm64/obj"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	. "cot/backend/arm64/enc"
)

func TestTraps(t *testing.T) {
	var progs []prog
	for _, m := range trapMessages {
		m := m
		progs = append(progs, prog{name: m.name, noMemory: true,
			body:   func(a asm) { call(a, m.name) },
			stderr: m.line, exit: 134})
	}
	progs = append(progs, prog{name: "memory_init_out_of_memory", noMemory: true,
		body: func(a asm) {
			a.mov(X0, 0xffffffff) // 2^48 bytes cannot be reserved
			a.mov(X1, 0xffffffff)
			call(a, "cot_rt_memory_init")
		},
		stderr: "error: out of memory\n", exit: 134})
	runProgs(t, progs)
}

func TestHarness(t *testing.T) {
	runProgs(t, []prog{
		{name: "results", noMemory: true, body: func(a asm) {
			arg(a, X0, 0xffffffff)
			call(a, "cot_harness_result_i32")
			arg(a, X0, 0x1a)
			call(a, "cot_harness_result_i32")
			a.mov(X0, 0x0123456789abcdef)
			call(a, "cot_harness_result_i64")
			a.mov(X9, 0x3fc00000) // 1.5f
			a.Emit(FmovFromGP(W32, V0, X9))
			call(a, "cot_harness_result_f32")
			a.mov(X9, 0xfff8000000000001) // a NaN payload is printed bit for bit
			a.Emit(FmovFromGP(X64, V0, X9))
			call(a, "cot_harness_result_f64")
			for _, n := range []uint32{0, 9, 0x1a2b, 0xffffffff} {
				arg(a, X0, n)
				call(a, "cot_harness_begin")
			}
			for _, f := range spectestFuncs {
				call(a, "cot_spectest_"+f)
			}
			call(a, "cot_harness_arg_start")
			printW0(a)
		},
			stdout: "i32:0xffffffff\ni32:0x0000001a\ni64:0x0123456789abcdef\nf32:0x3fc00000\n" +
				"f64:0xfff8000000000001\n#0\n#9\n#1a2b\n#ffffffff\ni32:0x00000000\n"},
		{name: "arg_start", noMemory: true, args: []string{"123", "x"},
			body: func(a asm) { call(a, "cot_harness_arg_start"); printW0(a) }, stdout: "i32:0x0000007b\n"},
		{name: "arg_start_negative", noMemory: true, args: []string{"-5"},
			body: func(a asm) { call(a, "cot_harness_arg_start"); printW0(a) }, stdout: "i32:0xfffffffb\n"},
	})
}

// TestStartAndMemory checks the stack _start sets up, memory_init's zero-filled pages and
// memory_grow's results and limits.
func TestStartAndMemory(t *testing.T) {
	runProgs(t, []prog{
		{name: "stack", noMemory: true, body: func(a asm) {
			// sp - x26 is just under 8 MiB - 64 KiB: print it in MiB (7), then use the stack
			// down to x26.
			a.Emit(MovSP(X64, X9, SP))
			a.sub(X0, X9, X26)
			a.Emit(LsrImm(X64, X0, X0, must(ShiftAmount(20, X64))))
			printW0(a)
			a.Emit(MovSP(X64, X19, SP))
			a.Emit(MovSP(X64, SP, X26))
			a.mov(X9, 77)
			a.ld(STRX, X9, SP, 0)
			a.ld(LDRX, X0, SP, 0)
			a.Emit(MovSP(X64, SP, X19))
			printW0(a)
		}, stdout: "i32:0x00000007\ni32:0x0000004d\n"},
		{name: "memory", body: func(a asm) {
			a.Emit(LsrImm(X64, X0, X27, must(ShiftAmount(16, X64))))
			printW0(a) // 1 page
			guest(a, X9, 0xfff8)
			a.ld(LDRX, X0, X9, 0)
			printW0(a) // zero-filled
			arg(a, X0, 0)
			call(a, "cot_rt_memory_grow")
			printW0(a) // 1
			arg(a, X0, 1)
			call(a, "cot_rt_memory_grow")
			printW0(a) // 1
			arg(a, X0, 1)
			call(a, "cot_rt_memory_grow")
			printW0(a) // -1: max is 2
			arg(a, X0, 0x10000)
			call(a, "cot_rt_memory_grow")
			printW0(a) // -1
			a.Emit(LsrImm(X64, X0, X27, must(ShiftAmount(16, X64))))
			printW0(a) // 2 pages
			a.sub(X0, X27, X18)
			printW0(a) // x18 = x27 - 7 (docs/arm64-abi.md)
			guest(a, X9, 0x1fffc)
			a.mov(X10, 0x5a5a)
			a.ld(STRW, X10, X9, 0)
			a.ld(LDRW, X0, X9, 0)
			printW0(a) // the new page is writable
		}, stdout: "i32:0x00000001\ni32:0x00000000\ni32:0x00000001\ni32:0x00000001\n" +
			"i32:0xffffffff\ni32:0xffffffff\ni32:0x00000002\ni32:0x00000007\ni32:0x00005a5a\n"},
		{name: "memory_grow_far", noMemory: true, body: func(a asm) {
			// No maximum: the grows make reserved pages far from the first one read-write.
			arg(a, X0, 1)
			arg(a, X1, 0x10000)
			call(a, "cot_rt_memory_init")
			arg(a, X0, 1500)
			call(a, "cot_rt_memory_grow")
			printW0(a) // 1
			arg(a, X0, 3000)
			call(a, "cot_rt_memory_grow")
			printW0(a) // 1501
			a.Emit(LsrImm(X64, X0, X27, must(ShiftAmount(16, X64))))
			printW0(a) // 4501 pages
			a.Emit(SubImm(X64, X9, X27, must(NewImm12(4))))
			a.add(X9, X28, X9)
			a.mov(X10, 0x600d)
			a.ld(STRW, X10, X9, 0)
			a.ld(LDRW, X0, X9, 0)
			printW0(a) // the last word is writable
			guest(a, X9, 1501<<16)
			a.ld(LDRW, X0, X9, 0)
			printW0(a) // and a page of the second extension reads zero
		}, stdout: "i32:0x00000001\ni32:0x000005dd\ni32:0x00001195\ni32:0x0000600d\ni32:0x00000000\n"},
	})
}

func TestHasAndSymbols(t *testing.T) {
	for _, c := range []struct {
		module, name string
		want         bool
	}{
		{"wasi_snapshot_preview1", "fd_write", true},
		{"wasi_snapshot_preview1", "path_open", true},
		{"wasi_snapshot_preview1", "sock_accept", true},
		{"wasi_snapshot_preview1", "sock_open", false}, // preview 2 only
		{"wasi_snapshot_preview1", "errno", false},     // not cot_rt_errno either
		{"spectest", "print_i32", true},
		{"spectest", "global_i32", false},
		{"cot_harness", "result_f64", true},
		{"env", "fd_write", false},
	} {
		if got := Has(c.module, c.name); got != c.want {
			t.Errorf("Has(%q, %q) = %v, want %v", c.module, c.name, got, c.want)
		}
	}
	if name, _ := SymbolName("wasi_snapshot_preview1", "fd_write"); name != "cot_wasi_fd_write" {
		t.Errorf("SymbolName(fd_write) = %q", name)
	}
	syms, err := Symbols(Needs{Imports: []Import{{"wasi_snapshot_preview1", "fd_write"}}})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range syms {
		names = append(names, s.Name)
	}
	got := strings.Join(names, " ")
	for _, want := range []string{"_start", "cot_wasi_fd_write", "cot_rt_errno", "cot_rt_errno_table", "cot_trap_oob", "cot_rt_msg_oob"} {
		if !strings.Contains(" "+got+" ", " "+want+" ") {
			t.Errorf("Symbols(fd_write) lacks %s: %s", want, got)
		}
	}
	for _, unwanted := range []string{"cot_wasi_path_open", "cot_rt_memory_init", "cot_harness_begin"} {
		if strings.Contains(got, unwanted) {
			t.Errorf("Symbols(fd_write) includes %s", unwanted)
		}
	}
	if names[0] != "_start" {
		t.Errorf("first symbol %s, want _start", names[0])
	}
	_, err = Symbols(Needs{Imports: []Import{{"wasi_snapshot_preview1", "nope"}, {"env", "f"}}})
	if err == nil || err.Error() != "imports not provided by the native runtime: wasi_snapshot_preview1.nope, env.f" {
		t.Errorf("unknown imports: err = %v", err)
	}
}

// preview1 is every function of WASI preview 1 (wasi_snapshot_preview1.witx): 46.
var preview1 = strings.Fields(`args_get args_sizes_get environ_get environ_sizes_get clock_res_get
	clock_time_get fd_advise fd_allocate fd_close fd_datasync fd_fdstat_get fd_fdstat_set_flags
	fd_fdstat_set_rights fd_filestat_get fd_filestat_set_size fd_filestat_set_times fd_pread
	fd_prestat_get fd_prestat_dir_name fd_pwrite fd_read fd_readdir fd_renumber fd_seek fd_sync
	fd_tell fd_write path_create_directory path_filestat_get path_filestat_set_times path_link
	path_open path_readlink path_remove_directory path_rename path_symlink path_unlink_file
	poll_oneoff proc_exit proc_raise sched_yield random_get sock_accept sock_recv sock_send
	sock_shutdown`)

// TestEachImportLinksAlone: every WASI function, imported on its own, brings all it needs.
func TestEachImportLinksAlone(t *testing.T) {
	stub := func(name string) obj.Symbol {
		a := newAsm()
		a.Emit(Ret())
		return a.done(name, true)
	}
	for _, name := range preview1 {
		syms, err := Symbols(Needs{Imports: []Import{{"wasi_snapshot_preview1", name}}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := elf.Link(append(syms, stub("cot_module_init"), stub("cot_module_main")), "_start"); err != nil {
			t.Errorf("%s alone: %v", name, err)
		}
	}
}

func TestAllOfPreview1(t *testing.T) {
	if len(preview1) != 46 {
		t.Fatalf("the list has %d functions", len(preview1))
	}
	for _, name := range preview1 {
		if !Has("wasi_snapshot_preview1", name) {
			t.Errorf("wasi_snapshot_preview1.%s is not provided", name)
		}
	}
}

// TestDisassembly links every routine and checks that objdump decodes every word as a real
// instruction and names every function.
func TestDisassembly(t *testing.T) {
	objdump, err := exec.LookPath("aarch64-linux-gnu-objdump")
	if err != nil {
		t.Skip("aarch64-linux-gnu-objdump not installed: skipping")
	}
	path := filepath.Join(t.TempDir(), "all")
	if err := os.WriteFile(path, prog{body: func(a asm) {}}.link(t), 0o755); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(objdump, "-d", path).CombinedOutput()
	if err != nil {
		t.Fatalf("objdump: %v\n%s", err, out)
	}
	text := string(out)
	for _, bad := range []string{"\t.inst", "\tudf"} {
		if strings.Contains(text, bad) {
			t.Errorf("disassembly contains %q:\n%s", bad, text)
		}
	}
	for name, r := range routines {
		if r.build()[0].Section != obj.Text {
			continue // data
		}
		if !strings.Contains(text, "<"+name+">:") {
			t.Errorf("objdump -d does not name %s", name)
		}
	}
}

// TestDeterministic links the whole runtime twice: same bytes.
func TestDeterministic(t *testing.T) {
	p := prog{body: func(a asm) { printW0(a) }}
	if !bytes.Equal(p.link(t), p.link(t)) {
		t.Error("two links of the same program differ")
	}
}
