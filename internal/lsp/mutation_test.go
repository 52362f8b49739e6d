package lsp

import (
	"math/rand"
	"sort"
	"strings"
	"testing"
)

// TestMutatedPrograms edits every corpus program at random (deletions and insertions of
// fragments, as a user typing does) and sends every request at random positions of every
// version: the server must answer each without an internal error, and the front end must never
// fail internally on what the editor sends it.
func TestMutatedPrograms(t *testing.T) {
	c := initialized(t)
	files := corpus(t)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	fragments := []string{"", "(", ")", "{", "}", ".", "@", "@assert(", ",", "x.", "var ", "fn f(", "\"", "/*", "//", "\n", "😀", "i64", "if (", "return "}
	rnd := rand.New(rand.NewSource(1))
	for _, name := range names {
		text := files[name]
		u := c.file(name, text)
		c.open(u, text)
		for v := int32(2); v < 8; v++ {
			i := rnd.Intn(len(text) + 1)
			j := min(len(text), i+rnd.Intn(8))
			text = text[:i] + fragments[rnd.Intn(len(fragments))] + text[j:]
			c.change(u, v, text)
			select {
			case m := <-c.shown:
				t.Errorf("%s v%d: server showed %q\n%s", name, v, m.Message, text)
			default:
			}
			d := newDocument(u, v, text)
			for k := 0; k < 3; k++ {
				p := d.Position(rnd.Intn(len(text) + 1))
				pos := at(u, p.Line, p.Character)
				for method, params := range requestsAt(pos) {
					var result any
					if err := c.call(method, params, &result); err != nil && strings.Contains(err.Error(), "internal error") {
						t.Errorf("%s v%d %s at %v: %v\n%s", name, v, method, p, err, text)
					}
				}
			}
		}
	}
}
