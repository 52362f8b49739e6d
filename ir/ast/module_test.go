package ast

import (
	"strings"
	"testing"
)

// The module table of a program of several files prints and reads back; a table whose counts
// do not cover the declarations is refused.
func TestModuleTableRoundTrip(t *testing.T) {
	text := `(program
  (module "lib/a.cot" 1 (imports))
  (module "main.cot" 1 (imports "lib/a.cot" "std/math.cot"))
  (func f () i64
    (block
      (return 1)))
  (func main () i64
    (block
      (return (call f)))))
`
	p, err := Read(text)
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	Fprint(&sb, p, "")
	if sb.String() != text {
		t.Errorf("print(read(text)) differs:\n%s\nwant:\n%s", sb.String(), text)
	}
	if got := ModuleOf(p); got[0] != 0 || got[1] != 1 {
		t.Errorf("ModuleOf = %v, want [0 1]", got)
	}
	bad := strings.Replace(text, `"main.cot" 1`, `"main.cot" 2`, 1)
	if _, err := Read(bad); err == nil || !strings.Contains(err.Error(), "the modules own 3 declarations, the program has 2") {
		t.Errorf("Read of a table with wrong counts: %v", err)
	}
}
