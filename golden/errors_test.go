package golden

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestErrors checks testdata/errors/*.cot, written go/types style: a comment
//
//	// ERROR "regexp" ["regexp"…]
//
// on a line says that cot reports a diagnostic on that line whose text (from `error[E…]:` on)
// matches the regexp. Every diagnostic must match a comment on its line, every comment must be
// matched, and cot must exit 1 without an internal error.
func TestErrors(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "errors", "*.cot"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no cases in testdata/errors (%v)", err)
	}
	for _, p := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(p), ".cot"), func(t *testing.T) {
			t.Parallel()
			errorsCase(t, p)
		})
	}
}

var (
	errorComment = regexp.MustCompile(`//\s*ERROR\s+(.*)$`)
	quoted       = regexp.MustCompile("\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`")
	diagLine     = regexp.MustCompile(`^(.+?):(\d+):(\d+): (error\[\w+\]: .*)$`)
)

// expectation is one regexp of an ERROR comment.
type expectation struct {
	line    int
	rx      *regexp.Regexp
	matched bool
}

func parseExpectations(t *testing.T, path string, text string) []*expectation {
	var exps []*expectation
	for i, line := range strings.Split(text, "\n") {
		m := errorComment.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		lits := quoted.FindAllString(m[1], -1)
		if len(lits) == 0 {
			t.Fatalf("%s:%d: ERROR comment without a quoted regexp", path, i+1)
		}
		for _, lit := range lits {
			s, err := strconv.Unquote(lit)
			if err != nil {
				t.Fatalf("%s:%d: %v", path, i+1, err)
			}
			rx, err := regexp.Compile(s)
			if err != nil {
				t.Fatalf("%s:%d: %v", path, i+1, err)
			}
			exps = append(exps, &expectation{line: i + 1, rx: rx})
		}
	}
	return exps
}

func errorsCase(t *testing.T, path string) {
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	exps := parseExpectations(t, path, string(text))
	if len(exps) == 0 {
		t.Fatalf("%s: no ERROR comments", path)
	}
	dir := t.TempDir()
	name := filepath.Base(path)
	if err := os.WriteFile(filepath.Join(dir, name), text, 0o644); err != nil {
		t.Fatal(err)
	}
	res := runCot(t, dir, "build", name, "-o", "out.wasm")
	if res.exit != 1 {
		t.Fatalf("%s: cot build exited %d, want 1 (user error)\n%s", path, res.exit, res.stderr)
	}
	diags := 0
	for _, line := range strings.Split(string(res.stderr), "\n") {
		m := diagLine.FindStringSubmatch(line)
		if m == nil {
			if strings.HasPrefix(line, "cot:") || strings.Contains(line, "internal error") {
				t.Errorf("%s: not a diagnostic: %s", path, line)
			}
			continue
		}
		diags++
		file, lineNo, msg := m[1], m[2], m[4]
		if file != name {
			t.Errorf("%s: diagnostic in another file: %s", path, line)
			continue
		}
		n, _ := strconv.Atoi(lineNo)
		if !matchExpectation(exps, n, msg) {
			t.Errorf("%s:%d: unexpected diagnostic: %s", path, n, msg)
		}
	}
	for _, e := range exps {
		if !e.matched {
			t.Errorf("%s:%d: no diagnostic matches %q", path, e.line, e.rx)
		}
	}
	if t.Failed() {
		t.Logf("cot's stderr:\n%s", res.stderr)
	}
	if diags == 0 {
		t.Errorf("%s: cot printed no diagnostic\n%s", path, res.stderr)
	}
}

// matchExpectation marks every expectation on line that msg matches; it reports whether any did.
func matchExpectation(exps []*expectation, line int, msg string) bool {
	ok := false
	for _, e := range exps {
		if e.line == line && e.rx.MatchString(msg) {
			e.matched = true
			ok = true
		}
	}
	return ok
}
