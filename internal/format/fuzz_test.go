package format

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"cot/grammar"
	"cot/ir/src"
)

// FuzzFormat: every input that parses formats without an internal error, which means (Source
// checks it) the output parses to the same CST modulo grouping parentheses, keeps every
// comment, and formats to itself; an input that does not parse gives the parser's diagnostic.
// Seeds: the grammar's fuzz corpus (grammar/testdata/fuzz/FuzzParse) and the cases of
// testdata/cases; crashers found are kept in testdata/fuzz/FuzzFormat.
func FuzzFormat(f *testing.F) {
	seeds, _ := filepath.Glob("../../grammar/testdata/fuzz/FuzzParse/*")
	for _, path := range seeds {
		if data, ok := readCorpusFile(path); ok {
			f.Add(data)
		}
	}
	for _, text := range caseInputs(f) {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, perr := grammar.Parse("fuzz.cot", data)
		_, err := Source("fuzz.cot", data)
		if perr != nil {
			var ue *src.UserError
			if !errors.As(err, &ue) {
				t.Fatalf("input does not parse, but Source says %v", err)
			}
			return
		}
		if err != nil {
			t.Fatalf("%v\ninput:\n%s", err, data)
		}
	})
}

// readCorpusFile reads a `go test fuzz v1` file holding one []byte.
func readCorpusFile(path string) ([]byte, bool) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	lines := strings.SplitN(string(b), "\n", 3)
	if len(lines) < 2 || !strings.HasPrefix(lines[1], "[]byte(") {
		return nil, false
	}
	s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(lines[1], "[]byte("), ")"))
	if err != nil {
		return nil, false
	}
	return []byte(s), true
}
