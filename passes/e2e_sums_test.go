package passes

// End-to-end cases for optionals and unions that live in memory (struct fields, array and slice
// elements, pointer targets, globals, nested payloads) and `?.`: the programs and outputs of
// golden/testdata/run/{optional_memory,optional_chain,union_memory,optional_union_nested,
// optional_enum_fields}.txtar, read from there so the two never drift apart. They run in
// TestEndToEnd and, after every pass, in TestEveryPassKeepsMeaning.

import (
	"strings"
	"testing"
)

func init() {
	for _, name := range []string{"optional_memory", "optional_chain", "union_memory", "optional_union_nested", "optional_enum_fields"} {
		e2eCases = append(e2eCases, goldenCase("../golden/testdata/run/"+name+".txtar", strings.ReplaceAll(name, "_", " ")))
	}
	e2eCases = append(e2eCases, e2eCase{name: "sums through mutually recursive types", src: mutualSums, exit: 14})
}

// mutualSums reaches optionals and unions through mutually recursive structs: A holds ?*B and B
// holds *A, so both are replaced by lower-optionals (found to a fixpoint); W holds ?U and U holds
// *W, replaced by both lowerings.
const mutualSums = `
struct B { a: *A, k: i64 }
struct A { b: ?*B, o: ?i64 }
union U { Left: *W, Right: i64 }
struct W { u: ?U, n: i64 }

fn main() i64 {
    var a = A { .b = null, .o = 4 }
    var b = B { .a = &a, .k = 3 }
    a.b = &b
    var w2 = W { .u = null, .n = 7 }
    var w1 = W { .u = U.Left(&w2), .n = 1 }
    return a.b.?.a.o.? + (a.b?.k ?? 0) + w1.u.?.Left.n
}
`

// Every ast dump of the programs with optionals and unions in memory reads back to the same
// text and verifies: the structs that replace them (opt.T, a union's own name and ID) have a
// text form like any other.
func TestSumDumpsReadBack(t *testing.T) {
	for _, c := range e2eCases {
		switch c.name {
		case "optional memory", "optional chain", "union memory", "optional union nested", "optional enum fields", "sums through mutually recursive types":
			checkDumpsReadBack(t, c.src, nil)
		}
	}
}
