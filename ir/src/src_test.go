package src

import "testing"

func TestDiagnosticFormat(t *testing.T) {
	f := NewFile("a.cot", []byte("fn main() {\n\tvar x = y\n}\n"))
	var ds Diagnostics
	ds.AddFile(f)
	ds.Errorf(f.PosAt(21), "E0201", "undefined identifier `y`")
	want := "a.cot:2:10: error[E0201]: undefined identifier `y`\n    \tvar x = y\n    \t        ^\n"
	if got := ds.Format(); got != want {
		t.Fatalf("got\n%q\nwant\n%q", got, want)
	}
}

func TestPosAt(t *testing.T) {
	f := NewFile("b", []byte("ab\ncd"))
	for off, want := range map[int]string{0: "b:1:1", 2: "b:1:3", 3: "b:2:1", 5: "b:2:3", 99: "b:2:3"} {
		if got := f.PosAt(off).String(); got != want {
			t.Errorf("PosAt(%d) = %s, want %s", off, got, want)
		}
	}
}
