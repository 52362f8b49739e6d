package ast

import (
	"strings"
	"testing"
)

// ShiftIDs moves every binder and use, loop labels and parameters included, and leaves the
// original alone.
func TestShiftIDs(t *testing.T) {
	p, err := Read(`(program
  (func f#1 ((n#2 i64)) i64
    (block
      (var s#3 i64 0:i64)
      (while L#4 (<:bool s#3:i64 n#2:i64)
        (block
          (assign s#3:i64 (+:i64 s#3:i64 1:i64))
          (break L#4)))
      (return (call:i64 f#1:(fn (i64) i64) s#3:i64)))))
`)
	if err != nil {
		t.Fatal(err)
	}
	before := String(p.Decls[0])
	got := String(ShiftIDs(p.Decls[0], 100))
	want := strings.NewReplacer("#1", "#101", "#2", "#102", "#3", "#103", "#4", "#104").Replace(before)
	if got != want {
		t.Errorf("shifted:\n%s\nwant:\n%s", got, want)
	}
	if String(p.Decls[0]) != before {
		t.Error("ShiftIDs changed its input")
	}
}
