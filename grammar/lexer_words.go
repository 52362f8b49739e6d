package grammar

// Keyword lookup without a map: every identifier-shaped word goes through wordType, and a map
// lookup (hashing the word) was the lexer's largest cost. A perfect hash of the first two and
// last two bytes and the length (no two keywords share all five), found once at start-up, gives each keyword its own slot, so a word
// costs a few multiplications and at most one comparison.

import (
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
)

// The keywords (§1.3) and the type keywords.
var keywords = wordSet(`fn var let const struct impl trait where enum union type import extern
	test bench if else switch while for in return break continue defer errdefer try catch error
	true false null new undefined comptime async await and or not`)

var typeKeywords = wordSet(`int float bool string byte void i8 i16 i32 i64 u8 u16 u32 u64 f32 f64`)

func wordSet(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

type wordSlot struct {
	word string
	typ  lexer.TokenType
	nest uint8
	cls  uint8
}

const wordSlots = 512

var (
	wordTable [wordSlots]wordSlot
	wordMul   uint32
)

func wordHash(w string, mul uint32) uint32 {
	n := len(w)
	return (uint32(w[0])*mul + uint32(w[1])*(mul>>5|1) + uint32(w[n-2])*(mul>>3|3) + uint32(w[n-1])*31 +
		uint32(n)*(mul>>9|7)) % wordSlots
}

func init() {
	words := keywordTypes()
	for mul := uint32(1); mul < 1<<20; mul++ {
		var t [wordSlots]wordSlot
		ok := true
		for w, typ := range words {
			h := wordHash(w, mul)
			if t[h].word != "" {
				ok = false
				break
			}
			t[h] = wordSlot{w, typ, nestOf(w), classOf(typ, w)}
		}
		if ok {
			wordTable, wordMul = t, mul
			return
		}
	}
	panic("grammar: no perfect hash for the keywords")
}

// keywordTypes lists every keyword (keywords, typeKeywords) with its token type.
func keywordTypes() map[string]lexer.TokenType {
	out := map[string]lexer.TokenType{}
	for w := range keywords {
		out[w] = TokKeyword
	}
	for w := range typeKeywords {
		out[w] = TokTypeKw
	}
	return out
}

// identSlot is what wordType says of an identifier.
var identSlot = wordSlot{typ: TokIdent, cls: clsPrimary}

// wordType is the token type of an identifier-shaped word (TokKeyword, TokTypeKw or TokIdent)
// with its nest bits and class. Every keyword is lower case and two to nine bytes long.
func wordType(w string) *wordSlot {
	if len(w) < 2 || len(w) > 9 || w[0] < 'a' || w[0] > 'z' {
		return &identSlot
	}
	if e := &wordTable[wordHash(w, wordMul)]; e.word == w {
		return e
	}
	return &identSlot
}
