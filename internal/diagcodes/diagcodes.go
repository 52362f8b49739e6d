// Package diagcodes is the one catalogue of cot's diagnostic codes: catalogue.md, embedded, is what
// `cot explain CODE` prints, and its test keeps it complete (every code the compiler reports has an
// entry, every entry is reported somewhere).
package diagcodes

import (
	_ "embed"
	"regexp"
	"sort"
	"strings"
)

//go:embed catalogue.md
var catalogue string

// Entry is the documentation of one code.
type Entry struct {
	Code  string // E0301
	Title string // undefined identifier
	Text  string // the explanation, paragraphs separated by blank lines
}

var heading = regexp.MustCompile(`^## ([EW][0-9]{3,4}): (.+)$`)

// entries parses the catalogue once.
var entries = func() map[string]Entry {
	m := map[string]Entry{}
	var cur *Entry
	var body []string
	flush := func() {
		if cur != nil {
			cur.Text = strings.TrimSpace(strings.Join(body, "\n"))
			m[cur.Code] = *cur
		}
	}
	for _, line := range strings.Split(catalogue, "\n") {
		if h := heading.FindStringSubmatch(line); h != nil {
			flush()
			cur, body = &Entry{Code: h[1], Title: h[2]}, nil
			continue
		}
		if cur != nil {
			body = append(body, line)
		}
	}
	flush()
	return m
}()

// Lookup returns the entry of code (case-insensitive: `e0301` finds E0301).
func Lookup(code string) (Entry, bool) {
	e, ok := entries[strings.ToUpper(code)]
	return e, ok
}

// Codes lists every documented code in order.
func Codes() []string {
	var cs []string
	for c := range entries {
		cs = append(cs, c)
	}
	sort.Strings(cs)
	return cs
}
