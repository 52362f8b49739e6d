package golden

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// TestGeneratedArithmeticEveryWidth extends TestGeneratedArithmetic to every integer type: per
// type, a program of random expressions over parameters and literals of that type, whose output
// a Go oracle computes with Go's own fixed-width integers (which wrap, truncate / and %, and give
// MinInt / -1 == MinInt as Cot's i8 and i16 do), plus decisions.md #5's logical >> and shift
// counts modulo the width. wazero, wasmtime and the native binary must print exactly that.
func TestGeneratedArithmeticEveryWidth(t *testing.T) {
	for i, w := range []struct {
		name string
		gen  func(r *rand.Rand) (string, string)
	}{
		{"i8", widthProgram[int8]("i8", 8)}, {"i16", widthProgram[int16]("i16", 16)},
		{"i32", widthProgram[int32]("i32", 32)}, {"i64", widthProgram[int64]("i64", 64)},
		{"u8", widthProgram[uint8]("u8", 8)}, {"u16", widthProgram[uint16]("u16", 16)},
		{"u32", widthProgram[uint32]("u32", 32)}, {"u64", widthProgram[uint64]("u64", 64)},
	} {
		t.Run(w.name, func(t *testing.T) {
			t.Parallel()
			src, want := w.gen(rand.New(rand.NewSource(int64(100 + i))))
			checkGenerated(t, src, want)
		})
	}
}

type fixedInt interface {
	~int8 | ~int16 | ~int32 | ~int64 | ~uint8 | ~uint16 | ~uint32 | ~uint64
}

type widthExpr[T fixedInt] struct {
	text string
	val  T
}

// widthProgram returns a generator of programs over the type named typ of the given width.
func widthProgram[T fixedInt](typ string, bits uint) func(r *rand.Rand) (string, string) {
	var zero T
	signed := zero-1 < 0
	minusOne := ^zero
	min := T(1) << (bits - 1) // the sign bit: MinInt for signed types
	interesting := []T{0, 1, 2, 3, 7, T(bits - 1), T(bits), T(bits + 1), ^zero, ^zero >> 1, min, min + 1, 100}
	if !signed {
		interesting = append(interesting, ^zero>>1+1)
	}
	text := func(v T) string {
		if signed && v < 0 {
			return fmt.Sprintf("(%d)", v)
		}
		return fmt.Sprint(v)
	}
	return func(r *rand.Rand) (string, string) {
		params := []T{}
		for range 5 {
			params = append(params, interesting[r.Intn(len(interesting))])
		}
		leaf := func() widthExpr[T] {
			if r.Intn(2) == 0 {
				i := r.Intn(len(params))
				return widthExpr[T]{fmt.Sprintf("p%d", i), params[i]}
			}
			v := interesting[r.Intn(len(interesting))]
			if r.Intn(3) == 0 {
				v = T(r.Int63())
			}
			return widthExpr[T]{text(v), v}
		}
		var gen func(depth int) widthExpr[T]
		gen = func(depth int) widthExpr[T] {
			if depth == 0 || r.Intn(4) == 0 {
				return leaf()
			}
			if r.Intn(8) == 0 {
				x := gen(depth - 1)
				if signed && r.Intn(2) == 0 {
					return widthExpr[T]{"(-" + x.text + ")", -x.val}
				}
				return widthExpr[T]{"(~" + x.text + ")", ^x.val}
			}
			ops := []string{"+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"}
			for {
				op := ops[r.Intn(len(ops))]
				x, y := gen(depth-1), gen(depth-1)
				if op == "/" || op == "%" {
					y = widthExpr[T]{"(" + y.text + " | 1)", y.val | 1}
					// Only i32.div_s and i64.div_s trap on MinInt / -1; i8 and i16 wrap.
					if signed && bits >= 32 && op == "/" && x.val == min && y.val == minusOne {
						continue
					}
				}
				return widthExpr[T]{"(" + x.text + " " + op + " " + y.text + ")", widthOp(op, x.val, y.val, bits)}
			}
		}
		var body, want strings.Builder
		for i := range 30 {
			e := gen(4)
			fmt.Fprintf(&body, "    var v%d: %s = %s\n    println(v%d)\n", i, typ, e.text, i)
			fmt.Fprintf(&want, "%d\n", e.val)
		}
		var sig, args []string
		for i, p := range params {
			sig = append(sig, fmt.Sprintf("p%d: %s", i, typ))
			args = append(args, text(p))
		}
		src := fmt.Sprintf("fn compute(%s) {\n%s}\n\nfn main() i64 {\n    compute(%s)\n    return 0\n}\n",
			strings.Join(sig, ", "), body.String(), strings.Join(args, ", "))
		return src, want.String()
	}
}

// widthOp is Cot's integer semantics at one width, computed with Go's integers of that width.
func widthOp[T fixedInt](op string, x, y T, bits uint) T {
	count := uint64(y) & uint64(bits-1)
	switch op {
	case "+":
		return x + y
	case "-":
		return x - y
	case "*":
		return x * y
	case "/":
		return x / y
	case "%":
		return x % y
	case "&":
		return x & y
	case "|":
		return x | y
	case "^":
		return x ^ y
	case "<<":
		return x << count
	case ">>":
		mask := ^uint64(0) >> (64 - bits)
		return T((uint64(x) & mask) >> count) // logical at the width, for signed types too
	}
	panic("unknown operator " + op)
}
