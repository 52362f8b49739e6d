package grammar

import (
	"path/filepath"
	"testing"

	"cot/grammar/progen"
)

// TestWordTypeMatchesKeywordLists checks the perfect hash against the keyword lists: every
// keyword is found with its type, and near misses are identifiers.
func TestWordTypeMatchesKeywordLists(t *testing.T) {
	for w, want := range keywordTypes() {
		if got := wordType(w).typ; got != want {
			t.Errorf("wordType(%q) = %v, want %v", w, got, want)
		}
		for _, near := range []string{w + "x", w[:len(w)-1], "_" + w, w + "_"} {
			if got := wordType(near).typ; got != TokIdent && keywordTypes()[near] == 0 {
				t.Errorf("wordType(%q) = %v, want an identifier", near, got)
			}
		}
	}
	for _, w := range []string{"x", "Point", "main", "iff", "i128", "bytes", "undefinedx"} {
		if got := wordType(w).typ; got != TokIdent {
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

// TestTokenClasses checks that the class and nest bits the scanner gives every token of the
// fuzz corpus and of generated programs are classOf's and nestOf's (after the retyping of
// safe-mode and `new` brackets, which keeps them).
func TestTokenClasses(t *testing.T) {
	inputs := corpusInputs(t, filepath.Join("testdata", "fuzz", "FuzzParse"))
	inputs["progen"] = string(progen.Program(20000, progen.ParseOnly))
	inputs["progen-rich"] = string(progen.Program(20000, progen.Rich))
	for name, text := range inputs {
		l, err := tokenize("c.cot", []byte(text), false)
		if err != nil {
			continue
		}
		for i, tok := range l.toks {
			v, typ := l.value(i), l.typeOf(i)
			if want := classOf(typ, v); tok.cls != want {
				t.Errorf("%s: token %q (type %d): class %b, want %b", name, v, typ, tok.cls, want)
			}
			if typ == TokPunct || typ == TokKeyword {
				if want := nestOf(v); tok.nest != want {
					t.Errorf("%s: token %q: nest %b, want %b", name, v, tok.nest, want)
				}
			}
		}
	}
}
