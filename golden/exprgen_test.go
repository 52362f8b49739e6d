package golden

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cot/runner"
)

// TestGeneratedArithmetic is a differential test with an oracle: it generates Cot programs full of
// random i64 expressions (fixed seeds, so failures reproduce), computes what they must print with
// a Go evaluator of Cot's integer semantics (decisions.md #5: wrapping, truncating / and %, logical
// >>, shift counts modulo 64), and checks that wazero, wasmtime and the native binary print exactly
// that. Half of every expression's leaves are parameters, so the values are computed at run time;
// the other half are literals, so constant folding is exercised too.
func TestGeneratedArithmetic(t *testing.T) {
	const programs, exprsPerProgram = 6, 40
	for seed := int64(1); seed <= programs; seed++ {
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
			t.Parallel()
			src, want := generateProgram(rand.New(rand.NewSource(seed)), exprsPerProgram)
			checkGenerated(t, src, want)
		})
	}
}

// params are the run-time inputs of the generated function, with the values main passes.
var genParams = []struct {
	name  string
	value int64
}{{"a", 7}, {"b", -3}, {"c", 9223372036854775807}, {"d", -9223372036854775807 - 1}, {"e", 1 << 40}, {"f", 0}}

// intExpr is a generated expression: its Cot text and its value under Cot's semantics.
type intExpr struct {
	text string
	val  int64
}

// generateProgram returns the program and the stdout it must produce.
func generateProgram(r *rand.Rand, n int) (string, string) {
	var body, want strings.Builder
	for i := 0; i < n; i++ {
		e := genExpr(r, 4)
		fmt.Fprintf(&body, "    println(%s)\n", e.text)
		fmt.Fprintf(&want, "%d\n", e.val)
	}
	var sig, args []string
	for _, p := range genParams {
		sig = append(sig, p.name+": i64")
		args = append(args, fmt.Sprint(p.value))
	}
	// The arguments' literals are written as main's caller would: i64 min as 0 - max - 1.
	args[3] = "0 - 9223372036854775807 - 1"
	src := fmt.Sprintf("fn compute(%s) {\n%s}\n\nfn main() i64 {\n    compute(%s)\n    return 0\n}\n",
		strings.Join(sig, ", "), body.String(), strings.Join(args, ", "))
	return src, want.String()
}

var interestingInts = []int64{0, 1, -1, 2, 3, 7, 63, 64, 65, 255, -256, 1 << 32, 9223372036854775807, -9223372036854775807}

func genLeaf(r *rand.Rand) intExpr {
	if r.Intn(2) == 0 {
		p := genParams[r.Intn(len(genParams))]
		return intExpr{p.name, p.value}
	}
	v := interestingInts[r.Intn(len(interestingInts))]
	if r.Intn(3) == 0 {
		v = r.Int63n(2000) - 1000
	}
	if v < 0 {
		return intExpr{fmt.Sprintf("(%d)", v), v}
	}
	return intExpr{fmt.Sprint(v), v}
}

// genExpr builds a random fully parenthesised expression of at most depth levels whose evaluation
// never traps: a divisor is forced odd (never zero) and i64 min / -1 is regenerated.
func genExpr(r *rand.Rand, depth int) intExpr {
	if depth == 0 || r.Intn(4) == 0 {
		return genLeaf(r)
	}
	if r.Intn(8) == 0 {
		x := genExpr(r, depth-1)
		switch r.Intn(2) {
		case 0:
			return intExpr{"(-" + x.text + ")", -x.val}
		default:
			return intExpr{"(~" + x.text + ")", ^x.val}
		}
	}
	ops := []string{"+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"}
	for {
		op := ops[r.Intn(len(ops))]
		x, y := genExpr(r, depth-1), genExpr(r, depth-1)
		if op == "/" || op == "%" {
			y = intExpr{"(" + y.text + " | 1)", y.val | 1}
			if x.val == -9223372036854775807-1 && y.val == -1 {
				continue
			}
		}
		return intExpr{"(" + x.text + " " + op + " " + y.text + ")", evalOp(op, x.val, y.val)}
	}
}

// evalOp is Cot's i64 semantics, written independently of the compiler.
func evalOp(op string, x, y int64) int64 {
	switch op {
	case "+":
		return x + y
	case "-":
		return x - y
	case "*":
		return x * y
	case "/":
		return x / y // Go truncates toward zero, like Wasm's i64.div_s
	case "%":
		return x % y // the remainder takes the dividend's sign, like i64.rem_s
	case "&":
		return x & y
	case "|":
		return x | y
	case "^":
		return x ^ y
	case "<<":
		return x << (uint64(y) & 63)
	case ">>":
		return int64(uint64(x) >> (uint64(y) & 63))
	}
	panic("unknown operator " + op)
}

// checkGenerated compiles src once per target and checks every engine prints want and exits 0.
func checkGenerated(t *testing.T, src, want string) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.cot"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	b := runCot(t, dir, "build", "main.cot", "-o", "main.wasm")
	if b.exit != 0 {
		t.Fatalf("cot build: exit %d\n%s\nprogram:\n%s", b.exit, b.stderr, src)
	}
	wasm, err := os.ReadFile(filepath.Join(dir, "main.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	check := func(engine string, res runner.Result, err error) {
		if err != nil {
			t.Errorf("%s: %v", engine, err)
			return
		}
		if got := string(res.Stdout); got != want || res.ExitCode != 0 || len(res.Stderr) > 0 {
			t.Errorf("%s: exit %d, stderr %q, stdout differs from Go's evaluation:\n%s", engine, res.ExitCode, res.Stderr, firstDifference(src, want, got))
		}
	}
	res, err := runner.RunWazero(ctx, wasm, runner.Config{Dir: dir})
	check("wazero", res, err)
	res, err = runner.RunWasmtime(ctx, wasm, runner.Config{Dir: dir})
	check("wasmtime", res, err)
	if elf, ok := buildNative(t, dir); ok {
		res, err = runner.RunNative(ctx, elf, runner.Config{Dir: dir})
		check("native", res, err)
	}
}

// firstDifference shows the first wrong output line, with the println that printed it when every
// statement of the program prints exactly one line (the arithmetic programs).
func firstDifference(src, want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var printed []string
	for _, line := range strings.Split(src, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "println(") {
			printed = append(printed, strings.TrimSpace(line))
		}
	}
	for i := range w {
		if i < len(g) && w[i] == g[i] {
			continue
		}
		have := "(nothing)"
		if i < len(g) {
			have = g[i]
		}
		genStmt := ""
		if len(printed) == len(w)-1 && i < len(printed) {
			genStmt = " " + printed[i]
		}
		return fmt.Sprintf("output line %d:%s\n  want %s\n  got  %s", i+1, genStmt, w[i], have)
	}
	return "extra output: " + strings.TrimPrefix(got, want)
}
