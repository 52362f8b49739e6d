package verify

import (
	"strings"
	"testing"

	"cot/ir/pipeline"
	"cot/ir/ssa"
)

var (
	testSSA    = &pipeline.Lang{Name: "ssa"}
	testSSAOpt = &pipeline.Lang{Name: "ssa-opt", Base: testSSA, Invariants: []string{"no-dead-values"}}
)

const goodSSA = `func f index=0 (i32) -> (i32)
b0(v0:i32):
  v1:i32 = const aux=0x1
  branch v0, b1(v1), b2()
b1(v2:i32):
  v3:i32 = i32.add v2, v0
  return v3
b2():
  return v0
`

func checkSSA(t *testing.T, text string, lang *pipeline.Lang) []error {
	t.Helper()
	p, err := ssa.Read(text)
	if err != nil {
		t.Fatal(err)
	}
	return SSA(lang, p)
}

func TestSSAAcceptsValid(t *testing.T) {
	if errs := checkSSA(t, goodSSA, testSSAOpt); len(errs) > 0 {
		t.Fatal(errs)
	}
}

func TestSSARejects(t *testing.T) {
	cases := []struct{ name, from, to, want string }{
		{"arity", "b1(v1), b2()", "b1(), b2()", "passes 0 arguments for 1 parameters"},
		{"param type", "b1(v2:i32)", "b1(v2:i64)", "passes v1:i32 for parameter v2:i64"},
		{"dominance", "  return v0\n", "  return v3\n", "does not dominate"},
		{"operand type", "v3:i32 = i32.add v2, v0", "v3:i32 = i64.add v2, v0", "has type i32, the operation produces i64"},
		{"return type", "  return v3\n", "  return v3, v3\n", "returns 2 values"},
		{"branch shape", "branch v0, b1(v1), b2()", "branch v0, b1(v1)", "branch has 1 successors"},
		{"dead value", "  return v0\n", "  v9:i32 = const aux=0x3\n  return v0\n", "dead value"},
		{"entry params", "b0(v0:i32):", "b0(v0:i64):", "entry parameter v0 is i64"},
	}
	for _, c := range cases {
		text := strings.Replace(goodSSA, c.from, c.to, 1)
		errs := checkSSA(t, text, testSSAOpt)
		found := false
		for _, e := range errs {
			found = found || strings.Contains(e.Error(), c.want)
		}
		if !found {
			t.Errorf("%s: want an error containing %q, got %v", c.name, c.want, errs)
		}
	}
}
