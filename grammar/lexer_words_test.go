package grammar

import "testing"

// TestWordTypeMatchesKeywordLists checks the perfect hash against the keyword lists: every
// keyword is found with its type, and near misses are identifiers.
func TestWordTypeMatchesKeywordLists(t *testing.T) {
	for w, want := range keywordTypes() {
		if got, _ := wordType(w); got != want {
			t.Errorf("wordType(%q) = %v, want %v", w, got, want)
		}
		for _, near := range []string{w + "x", w[:len(w)-1], "_" + w, w + "_"} {
			if got, _ := wordType(near); got != TokIdent && keywordTypes()[near] == 0 {
				t.Errorf("wordType(%q) = %v, want an identifier", near, got)
			}
		}
	}
	for _, w := range []string{"x", "Point", "main", "iff", "i128", "bytes", "undefinedx"} {
		if got, _ := wordType(w); got != TokIdent {
			t.Errorf("wordType(%q) = %v, want an identifier", w, got)
		}
	}
}
