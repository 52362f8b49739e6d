package src

import (
	"strings"
	"testing"
)

const renderText = "fn main() i64 {\n    var count = 1\n    var count = 2\n\treturn cuont\n}\n"

func renderDiags() *Diagnostics {
	f := NewFile("m.cot", []byte(renderText))
	ds := &Diagnostics{}
	ds.AddFile(f)
	at := func(line, col int) Pos {
		off := strings.Index(renderText, f.Line(line)) + col - 1
		return f.PosAt(off)
	}
	ds.Report(Diagnostic{Pos: at(3, 9), End: at(3, 14), Code: "E0302", Msg: "redefined identifier `count`",
		Label: "redefined here", Notes: []Related{{Span{at(2, 9), at(2, 14)}, "first defined here"}}})
	ds.Report(Diagnostic{Pos: at(4, 9), End: at(4, 14), Code: "E0301", Msg: "undefined identifier `cuont`",
		Help: []string{"did you mean `count`?"}})
	return ds
}

func TestRenderUnderlinesSpansWithLabelsNotesAndHelp(t *testing.T) {
	want := "m.cot:3:9: error[E0302]: redefined identifier `count`\n" +
		"        var count = 2\n" +
		"            ^~~~~ redefined here\n" +
		"m.cot:2:9: note: first defined here\n" +
		"        var count = 1\n" +
		"            -----\n" +
		"m.cot:4:9: error[E0301]: undefined identifier `cuont`\n" +
		"    \treturn cuont\n" +
		"    \t       ^~~~~\n" +
		"    = help: did you mean `count`?\n"
	if got := renderDiags().Format(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestRenderColourOnlyWhenAsked(t *testing.T) {
	ds := renderDiags()
	if strings.Contains(ds.Render(false), "\x1b") {
		t.Error("Render(false) wrote escape codes")
	}
	c := ds.Render(true)
	for _, want := range []string{"\x1b[1;31merror[E0302]\x1b[0m", "\x1b[1;36mnote\x1b[0m", "\x1b[1;32mhelp\x1b[0m"} {
		if !strings.Contains(c, want) {
			t.Errorf("Render(true) lacks %q:\n%s", want, c)
		}
	}
}

func TestRenderStopsAfterTenErrorsPerFile(t *testing.T) {
	f := NewFile("many.cot", []byte(strings.Repeat("x\n", 30)))
	ds := &Diagnostics{}
	ds.AddFile(f)
	for i := 0; i < 25; i++ {
		ds.Errorf(f.PosAt(2*i), "E0301", "undefined identifier `x%d`", i)
	}
	out := ds.Format()
	if n := strings.Count(out, "error[E0301]"); n != MaxErrors {
		t.Errorf("%d errors printed, want %d", n, MaxErrors)
	}
	if !strings.Contains(out, "error: too many errors in many.cot (10), stopping\n") {
		t.Errorf("no closing line:\n%s", out)
	}
}

func TestClosestSuggestsNearNamesOnly(t *testing.T) {
	cands := []string{"count", "counter", "main", "x"}
	for _, c := range []struct {
		name, want string
		ok         bool
	}{
		{"cuont", "count", true}, {"coutn", "count", true}, {"counte", "count", true},
		{"mian", "main", true}, {"y", "x", false}, {"ab", "x", false}, {"total", "", false}, {"count", "counter", false},
	} {
		got, ok := Closest(c.name, cands)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("Closest(%q) = %q, %v; want %q, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}
