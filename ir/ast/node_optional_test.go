package ast

import (
	"strings"
	"testing"
)

// The optional nodes print and read back, untyped (src) and typed.
func TestOptionalRoundTrip(t *testing.T) {
	const text = `(program
  (func main#1 () i64
    (block
      (var a#2 - (null))
      (var o#3 (opt i64) (convert:(opt i64) 5:i64))
      (var n#4 (opt i64) (null:(opt i64)))
      (if (has-value:bool n#4:(opt i64))
        (block
          (return (unwrap:i64 n#4:(opt i64)))))
      (return (orelse:i64 o#3:(opt i64) (unwrap:i64 o#3:(opt i64)))))))
`
	readsBack(t, text)
}

// The interpreter holds optionals as handles: a ?i64 holding 0 is not null, .? on null exits 134.
func TestInterpretOptionals(t *testing.T) {
	const text = `(program
  (func main#1 () i64
    (block
      (var z#2 (opt i64) (convert:(opt i64) 0:i64))
      (var n#3 (opt i64) (null:(opt i64)))
      (if (has-value:bool z#2:(opt i64))
        (block
          (println 1 (orelse:i64 n#3:(opt i64) 7:i64))))
      (return (unwrap:i64 n#3:(opt i64))))))
`
	p, err := Read(text)
	if err != nil {
		t.Fatal(err)
	}
	got := Interpret(p, Limits{Steps: 1000, Depth: 10})
	if got.Stdout != "7\n" || got.Stderr != "error: unwrap of null\n" || got.Exit != 134 {
		t.Fatalf("got %+v", got)
	}
}

// The union nodes print and read back.
func TestUnionRoundTrip(t *testing.T) {
	const text = `(program
  (types
    (union U#1 (A i64) (B -)))
  (union V (X i64) (Y -))
  (func main#2 () i64
    (block
      (var u#3 U#1 (union-lit:U#1 0 5:i64))
      (assign u#3:U#1 (union-lit:U#1 1 -))
      (return (+:i64 (union-tag:i64 u#3:U#1) (union-payload:i64 0 u#3:U#1))))))
`
	p := readsBack(t, text)
	if got := Interpret(p, Limits{Steps: 1000, Depth: 10}); got.Exit != 1 {
		t.Fatalf("interpreted: %+v, want exit 1 (tag 1, payload of A read as 0)", got)
	}
}

// readsBack reads text and checks that it prints back unchanged.
func readsBack(t *testing.T, text string) *Program {
	t.Helper()
	p, err := Read(text)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	Fprint(&out, p, "")
	if out.String() != text {
		t.Fatalf("print(read(x)) != x:\n%s", out.String())
	}
	return p
}
