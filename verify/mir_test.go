package verify

import (
	"strings"
	"testing"

	"cot/ir/mir"
	"cot/ir/pipeline"
)

var (
	testMIRVirtual = &pipeline.Lang{Name: "mir-virtual"}
	testMIRAlloc   = &pipeline.Lang{Name: "mir-allocated", Base: testMIRVirtual, Invariants: []string{"no-vregs", "no-clobber-across-call"}}
)

const goodMIR = `	.text
	.globl f
	.p2align 2
f:
.Lf_0:
	add x9, x0, #4
	str x9, [sp, #8]
	mov x0, x9
	bl g // uses=x0 defs=x0
	ldr x9, [sp, #8]
	add x0, x0, x9
	cbz x0, .Lf_1
	ret // uses=x0 defs=
.Lf_1:
	bl cot_trap_unreachable
`

func checkMIR(t *testing.T, text string, lang *pipeline.Lang) []error {
	t.Helper()
	p, err := mir.Read(text)
	if err != nil {
		t.Fatal(err)
	}
	return MIR(lang, p)
}

func TestMIRAcceptsValid(t *testing.T) {
	if errs := checkMIR(t, goodMIR, testMIRAlloc); len(errs) > 0 {
		t.Fatal(errs)
	}
}

func TestMIRRejects(t *testing.T) {
	cases := []struct{ name, from, to, want string }{
		{"imm range", "add x9, x0, #4", "add x9, x0, #4096", "immediate 4096 out of range"},
		{"scaled offset", "str x9, [sp, #8]", "str x9, [sp, #12]", "immediate 12 out of range"},
		{"class", "add x0, x0, x9", "add x0, x0, d9", "has class 1, want 0"},
		{"virtual after allocation", "add x0, x0, x9", "add x0, x0, x%100", "virtual register"},
		{"terminator in middle", "cbz x0, .Lf_1", "b .Lf_1", "terminator in the middle"},
		{"no terminator", "\tret // uses=x0 defs=\n", "", "does not end with a terminator"},
		{"unknown target", "cbz x0, .Lf_1", "cbz x0, .Lf_7", "unknown block 7"},
		{"clobber across call", "ldr x9, [sp, #8]\n", "", "x9 is live across the call"},
	}
	for _, c := range cases {
		text := strings.Replace(goodMIR, c.from, c.to, 1)
		errs := checkMIR(t, text, testMIRAlloc)
		found := false
		for _, e := range errs {
			found = found || strings.Contains(e.Error(), c.want)
		}
		if !found {
			t.Errorf("%s: want an error containing %q, got %v", c.name, c.want, errs)
		}
	}
}

// TestMIRSparseBlockIDs: block ids far apart (looked up in a map, not a slice) are checked the
// same way: valid code passes, a clobber across the call and an unknown target are found.
func TestMIRSparseBlockIDs(t *testing.T) {
	sparse := strings.ReplaceAll(goodMIR, ".Lf_1", ".Lf_90000")
	if errs := checkMIR(t, sparse, testMIRAlloc); len(errs) > 0 {
		t.Fatal(errs)
	}
	bad := strings.Replace(strings.Replace(sparse, "ldr x9, [sp, #8]\n", "", 1), "cbz x0, .Lf_90000", "cbz x0, .Lf_7", 1)
	var msgs []string
	for _, e := range checkMIR(t, bad, testMIRAlloc) {
		msgs = append(msgs, e.Error())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"x9 is live across the call", "unknown block 7"} {
		if !strings.Contains(all, want) {
			t.Errorf("want an error containing %q, got:\n%s", want, all)
		}
	}
}
