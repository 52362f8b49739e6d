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

// TestPunctNest checks the scanner's nest bits against nestOf for every punctuation token.
func TestPunctNest(t *testing.T) {
	toks, err := tokenize("p.cot", []byte("( ) [ ] { } ; , = * ? ! - ~ & -> ?? << >> += == != <= >= && || => ?. .. .* .? + / % | ^ < > . :"), false)
	if err != nil {
		t.Fatal(err)
	}
	for i := range toks.toks[:len(toks.toks)-1] {
		if got, want := toks.toks[i].nest, nestOf(toks.value(i)); got != want {
			t.Errorf("%q: nest %b, want %b", toks.value(i), got, want)
		}
	}
}
