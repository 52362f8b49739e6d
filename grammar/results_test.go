package grammar

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2/lexer"

	"cot/grammar/progen"
)

// TestParseResults pins what Parse returns — the whole CST with every position, or the
// diagnostic — on the fuzz corpus, a generated program, and every prefix of each corpus input
// and every one-token deletion from it (thousands of broken inputs). A change of the parser's
// implementation must leave all of it unchanged; `go test ./grammar -update` rewrites the
// golden only for a real grammar change. COT_PARSE_RESULTS=FILE writes every case's result to
// FILE, to diff two versions case by case; with COT_PARSE_CORPUS=DIR the corpus is read from
// DIR instead (a fuzzer's cache, to diff the two builds on what it found) and the golden is not
// checked.
func TestParseResults(t *testing.T) {
	dir := filepath.Join("testdata", "fuzz", "FuzzParse")
	if d := os.Getenv("COT_PARSE_CORPUS"); d != "" {
		dir = d
	}
	inputs := corpusInputs(t, dir)
	inputs["progen-parse-only"] = string(progen.Program(20000, progen.ParseOnly))
	inputs["progen-compilable"] = string(progen.Program(20000, progen.Compilable))
	names := make([]string, 0, len(inputs))
	for name := range inputs {
		names = append(names, name)
	}
	sort.Strings(names)
	var golden, full strings.Builder
	for _, name := range names {
		var lines []string
		for _, c := range mutations(inputs[name]) {
			lines = append(lines, c.name+" "+parseResult(c.text))
		}
		sum := sha256.Sum256([]byte(strings.Join(lines, "\n")))
		fmt.Fprintf(&golden, "%s %d %x\n", name, len(lines), sum[:8])
		for _, l := range lines {
			fmt.Fprintf(&full, "%s/%s\n", name, l)
		}
	}
	if path := os.Getenv("COT_PARSE_RESULTS"); path != "" {
		if err := os.WriteFile(path, []byte(full.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if os.Getenv("COT_PARSE_CORPUS") != "" {
		return
	}
	path := filepath.Join("testdata", "parse_results.golden")
	if *update {
		if err := os.WriteFile(path, []byte(golden.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run `go test ./grammar -update` to create it)", err)
	}
	got := strings.Split(golden.String(), "\n")
	for i, w := range strings.Split(string(want), "\n") {
		if i >= len(got) || got[i] != w {
			g := "(missing)"
			if i < len(got) {
				g = got[i]
			}
			t.Errorf("parse results changed:\n got %s\nwant %s", g, w)
		}
	}
}

// corpusInputs reads a FuzzParse corpus (seeds and kept crashers).
func corpusInputs(t *testing.T, dir string) map[string]string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitN(string(b), "\n", 3)
		if len(lines) < 2 || !strings.HasPrefix(lines[1], "[]byte(") {
			t.Fatalf("%s: not a go fuzz corpus file", e.Name())
		}
		s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(lines[1], "[]byte("), ")"))
		if err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		out[e.Name()] = s
	}
	return out
}

type mutation struct{ name, text string }

// mutations returns the input itself, its prefixes ending at each token, and the input with
// each single token deleted.
func mutations(text string) []mutation {
	out := []mutation{{"whole", text}}
	toks, err := Tokenize("m.cot", []byte(text))
	if err != nil || len(toks) > 2000 {
		return out
	}
	for i, tok := range toks[:len(toks)-1] {
		end := tok.Pos.Offset + len(tok.Value)
		out = append(out, mutation{fmt.Sprintf("prefix%d", i), text[:end]})
		out = append(out, mutation{fmt.Sprintf("delete%d", i), text[:tok.Pos.Offset] + text[end:]})
	}
	return out
}

// parseResult is every diagnostic's first line (the first syntax error and those recovery
// finds after it), or a hash of the CST dump.
func parseResult(text string) string {
	f, err := Parse("r.cot", []byte(text))
	if err != nil {
		var heads []string
		for _, l := range strings.Split(err.Error(), "\n") {
			if strings.HasPrefix(l, "r.cot:") {
				heads = append(heads, l)
			}
		}
		return strings.Join(heads, " | ")
	}
	var b strings.Builder
	dumpValue(&b, reflect.ValueOf(f))
	sum := sha256.Sum256([]byte(b.String()))
	return fmt.Sprintf("ok %x", sum[:8])
}

var positionType = reflect.TypeOf(lexer.Position{})

// dumpValue writes a CST value with every field, positions as offset:line:col.
func dumpValue(b *strings.Builder, v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		dumpValue(b, v.Elem())
	case reflect.Struct:
		if v.Type() == positionType {
			p := v.Interface().(lexer.Position)
			fmt.Fprintf(b, "%d:%d:%d", p.Offset, p.Line, p.Column)
			return
		}
		b.WriteString(v.Type().Name() + "{")
		for i := 0; i < v.NumField(); i++ {
			b.WriteString(v.Type().Field(i).Name + ":")
			dumpValue(b, v.Field(i))
			b.WriteString(" ")
		}
		b.WriteString("}")
	case reflect.Slice: // nil and empty print alike
		b.WriteString("[")
		for i := 0; i < v.Len(); i++ {
			dumpValue(b, v.Index(i))
			b.WriteString(" ")
		}
		b.WriteString("]")
	default:
		fmt.Fprintf(b, "%q", fmt.Sprint(v.Interface()))
	}
}
