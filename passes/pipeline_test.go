package passes

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	wasmcodec "cot/backend/wasm"
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/src"
)

func TestTableShape(t *testing.T) {
	tb := Table()
	if err := tb.Check(); err != nil {
		t.Fatal(err)
	}
	ps := tb.Passes
	if len(ps) < 12 || ps[0].Name != "parse" || ps[0].In != pipeline.LangSource || ps[len(ps)-1].Name != "encode" ||
		ps[len(ps)-1].Out != pipeline.LangWasmBinary {
		t.Fatalf("table: %v", tb.Names())
	}
	seen := map[string]string{}
	for _, p := range ps {
		if strings.HasPrefix(p.Name, "optimize-") || strings.HasPrefix(p.Name, "fold-") || strings.HasPrefix(p.Name, "check-") && p.Name != "check-types" {
			if p.In != p.Out {
				t.Errorf("%s changes the language", p.Name)
			}
			continue // optimizations, analyses and fold-constant-branches keep their input language
		}
		if prev, dup := seen[p.Out.Name]; dup {
			t.Errorf("%s and %s produce the same language %s", prev, p.Name, p.Out.Name)
		}
		seen[p.Out.Name] = p.Name
	}
	// Every constraint names passes of the table and holds (Check), and swapping one is caught.
	bad := Table()
	i := indexOf(bad.Names(), "remove-compound-assign")
	bad.Passes[i], bad.Passes[i+1] = bad.Passes[i+1], bad.Passes[i]
	if err := bad.Check(); err == nil {
		t.Fatal("a reordered table passed Check")
	}
}

const sampleProgram = `
var total = 0
fn add(n: i64) void { total += n }
fn main() i64 {
    for i in 0..5 { if (i % 2 == 0 and i > 0) { add(i) } else { add(1) } }
    println(total)
    print("done ")
    println(total > 3 || false)
    return total
}`

// Every ast dump reads back to the same text, and compiling twice gives the same bytes.
func TestDumpsReadBackAndDeterminism(t *testing.T) {
	checkDumpsReadBack(t, sampleProgram, nil)
	a, err := compile(t, sampleProgram)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := compile(t, sampleProgram)
	if !bytes.Equal(a, b) {
		t.Fatal("two compilations differ")
	}
	res := run(t, a)
	if res.stdout != "9\ndone true\n" || res.exit != 9 {
		t.Fatalf("got %+v", res)
	}
}

func TestModuleShape(t *testing.T) {
	bin, err := compile(t, sampleProgram)
	if err != nil {
		t.Fatal(err)
	}
	m, err := wasmcodec.Decode(bin)
	if err != nil {
		t.Fatal(err)
	}
	var imports, exports []string
	for _, im := range m.Imports {
		imports = append(imports, im.Module+"."+im.Name)
	}
	for _, ex := range m.Exports {
		exports = append(exports, ex.Name)
	}
	if got := strings.Join(imports, " "); got != "wasi_snapshot_preview1.fd_write wasi_snapshot_preview1.proc_exit" {
		t.Errorf("imports: %s", got)
	}
	if got := strings.Join(exports, " "); got != "memory _start" {
		t.Errorf("exports: %s", got)
	}
	// The stack pointer is the global after the program's one global, found by its symbol.
	if len(m.Globals) != 2 || !m.Globals[1].Type.Mutable {
		t.Errorf("globals: %+v", m.Globals)
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// checkDumpsReadBack stops the compilation of text after each ast pass (in a context that mode,
// when set, prepares) and checks that the dump reads back to the same text and verifies.
func checkDumpsReadBack(t *testing.T, text string, mode func(*pipeline.Ctx)) {
	for _, p := range Table().Passes {
		if p.Out.Family != ast.Family {
			continue
		}
		ctx := pipeline.NewCtx("wasm32")
		if mode != nil {
			mode(ctx)
		}
		prog, err := Table().Run(ctx, src.NewFile("m.cot", []byte(text)), &pipeline.Options{StopAfter: p.Name})
		if !errors.Is(err, pipeline.ErrStopped) {
			t.Fatalf("%s: %v", p.Name, err)
		}
		var first, second strings.Builder
		ast.Fprint(&first, prog.(*ast.Program), "")
		back, err := ast.Read(first.String())
		if err != nil {
			t.Fatalf("after %s: %v\n%s", p.Name, err, first.String())
		}
		ast.Fprint(&second, back, "")
		if first.String() != second.String() {
			t.Fatalf("after %s: print(read(print(x))) != print(x)", p.Name)
		}
		if errs := ast.Family.Verify(p.Out, back); len(errs) > 0 {
			t.Fatalf("after %s: the read-back program does not verify: %v", p.Name, errs)
		}
	}
}
