package wasm

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"cot/ir/wasm"
)

// textRoundTrip checks the WAT printer and reader on one decoded module m:
// Print(m) is accepted by wat2wasm and decodes to m again, and Print(Read(Print(m))) == Print(m).
func textRoundTrip(t *testing.T, what string, m *wasm.Module) bool {
	t.Helper()
	var sb strings.Builder
	wasm.Print(&sb, m, "")
	text := sb.String()
	m2, err := wasm.Read(text)
	if err != nil {
		t.Errorf("%s: Read(Print(m)): %v\n%s", what, err, text)
		return false
	}
	var sb2 strings.Builder
	wasm.Print(&sb2, m2, "")
	if sb2.String() != text {
		t.Errorf("%s: Print(Read(Print(m))) != Print(m)\n--- first\n%s\n--- second\n%s", what, text, sb2.String())
		return false
	}
	path := filepath.Join(t.TempDir(), "m.wat")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	b := wat2wasm(t, path, "--debug-names")
	m3, err := Decode(b)
	if err != nil {
		t.Errorf("%s: printed WAT compiles to a module we reject: %v\n%s", what, err, text)
		return false
	}
	if diff := moduleDiff(textNormal(m), textNormal(m3)); diff != "" {
		t.Errorf("%s: printed WAT compiles to a different module: %s\n%s", what, diff, text)
		return false
	}
	return true
}

// textNormal drops what the text form does not carry: custom sections, binary encoding choices
// (elem/data flags, data count), and names that are not printable as $ids.
func textNormal(m *wasm.Module) *wasm.Module {
	c := *m
	c.Customs, c.DataCount = nil, nil
	c.Imports = append([]wasm.Import(nil), m.Imports...)
	c.Funcs = append([]wasm.Func(nil), m.Funcs...)
	c.Elems = append([]wasm.Elem(nil), m.Elems...)
	c.Datas = append([]wasm.Data(nil), m.Datas...)
	seen := map[string]int{}
	for _, im := range c.Imports {
		seen[im.DebugName]++
	}
	for _, f := range c.Funcs {
		seen[f.Name]++
	}
	keep := func(n string) string {
		if seen[n] == 1 && wasm.IsWATName(n) {
			return n
		}
		return ""
	}
	for i := range c.Imports {
		c.Imports[i].DebugName = keep(c.Imports[i].DebugName)
	}
	for i := range c.Funcs {
		c.Funcs[i].Name = keep(c.Funcs[i].Name)
	}
	for i := range c.Elems {
		c.Elems[i].Exprs, c.Elems[i].TableExplicit = false, false
	}
	for i := range c.Datas {
		c.Datas[i].MemExplicit = false
	}
	return &c
}

func TestTextRoundTripWAT(t *testing.T) {
	for _, f := range testdataWATs(t) {
		m, err := Decode(wat2wasm(t, f, "--debug-names"))
		if err != nil {
			t.Fatal(err)
		}
		textRoundTrip(t, f, m)
	}
}

// TestTextRoundTripSpec runs the text round trip on every valid module of the spec suite.
func TestTextRoundTripSpec(t *testing.T) {
	if testing.Short() {
		t.Skip("runs wat2wasm on every valid spec module")
	}
	mods, _ := specModules(t)
	ok, total := 0, 0
	for _, sm := range mods {
		if sm.kind != "valid" {
			continue
		}
		b, err := os.ReadFile(sm.path)
		if err != nil {
			t.Fatal(err)
		}
		m, err := Decode(b)
		if err != nil {
			continue // reported by TestSpecSuite
		}
		total++
		if textRoundTrip(t, sm.file+".wast:"+itoa(sm.line), m) {
			ok++
		}
	}
	t.Logf("text round trip: %d/%d valid spec modules", ok, total)
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestEncodeDeterministicThroughText: Encode gives the same bytes twice, and the module read
// back from its printed text encodes to the same bytes as the decoded original.
func TestEncodeDeterministicThroughText(t *testing.T) {
	for _, f := range testdataWATs(t) {
		b := wat2wasm(t, f, "--debug-names")
		m, err := Decode(b)
		if err != nil {
			t.Fatal(err)
		}
		first, err1 := Encode(m)
		second, err2 := Encode(m)
		if err1 != nil || err2 != nil || string(first) != string(second) {
			t.Fatalf("%s: Encode not deterministic (%v, %v)", f, err1, err2)
		}
		var sb strings.Builder
		wasm.Print(&sb, m, "")
		back, err := wasm.Read(sb.String())
		if err != nil {
			t.Fatal(err)
		}
		back.Customs = m.Customs // the text form carries no custom sections
		viaText, err := Encode(back)
		if err != nil || string(viaText) != string(first) {
			t.Errorf("%s: Encode(Read(Print(m))) != Encode(m) (%v)", f, err)
		}
	}
}
