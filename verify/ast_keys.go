package verify

// What the ast verifier's walk of a declaration asks of the language (ast_incremental.go): the
// node kinds it allows, as a set, and the check key.

import (
	"slices"
	"sync"

	"cot/ir/ast"
	"cot/ir/pipeline"
)

// kindIndex numbers the node kinds of the ast languages, for kindSets.
var kindIndex = map[string]int{}

func init() {
	for _, l := range ast.Langs {
		for _, k := range l.Kinds() {
			if _, ok := kindIndex[k]; !ok {
				kindIndex[k] = len(kindIndex)
			}
		}
	}
	if len(kindIndex) > len(kindSet{})*64 {
		panic("verify: more ast node kinds than a kindSet holds")
	}
}

// kindSet is a set of node kinds by kindIndex.
type kindSet [4]uint64

func (s *kindSet) has(i int) bool { return s[i/64]&(1<<(i%64)) != 0 }
func (s *kindSet) add(i int)      { s[i/64] |= 1 << (i % 64) }

// within reports whether every kind of s is in t.
func (s *kindSet) within(t *kindSet) bool {
	for i := range s {
		if s[i]&^t[i] != 0 {
			return false
		}
	}
	return true
}

// checkKey is what the walk of a declaration asks of the language besides node kinds: a bit
// per named invariant the verifier checks (ast.Family.Checks), and whether strings are allowed.
type checkKey uint64

const keyStr checkKey = 1 << 63

// keyOf is the bit of a named invariant.
func keyOf(inv string) checkKey {
	i := slices.Index(ast.Family.Checks, inv)
	if i < 0 || i >= 63 {
		panic("verify: invariant " + inv + " has no check key bit")
	}
	return 1 << i
}

// fits reports whether the walk that made s would go the same way under key k: the bits that
// differ are of invariants it does not read. Entry-explicit and globals-constant are checked
// only at the top level and in globals. Whether strings are allowed, no-free-vars, the
// no-X-types invariants and objects-owned are read only where they matter (a string operation,
// a reference from a fn-lit to an enclosing function's local, a value of an enum, optional,
// error union or union type, a fresh object), which the walk notes (read). Objects-owned only
// adds checks, so what held with it holds without.
func (s *declSummary) fits(k checkKey) bool {
	keys := keyBits()
	diff := (s.key ^ k) &^ keys.topLevel
	diff &^= keys.conditional &^ s.reads
	if k&keys.arcOwned == 0 {
		diff &^= keys.arcOwned
	}
	return diff == 0
}

type keySet struct {
	topLevel, conditional, arcOwned                    checkKey
	noFreeVars, noEnums, noOptionals, noErrs, noUnions checkKey
}

// keyBits returns the bits fits treats apart (made once ast.Family.Checks is complete).
var keyBits = sync.OnceValue(func() (k keySet) {
	k.topLevel = keyOf(ast.InvEntry) | keyOf(ast.InvConstGlobals)
	k.arcOwned, k.noFreeVars, k.noEnums = keyOf(ast.InvArcOwned), keyOf(ast.InvNoFreeVars), keyOf(ast.InvNoEnumTypes)
	k.noOptionals, k.noErrs, k.noUnions = keyOf(ast.InvNoOptionals), keyOf(ast.InvNoErrorUnions), keyOf(ast.InvNoUnions)
	k.conditional = keyStr | k.noFreeVars | k.noEnums | k.noOptionals | k.noErrs | k.noUnions | k.arcOwned
	return k
})

// read notes that the walk of the declaration being recorded read key bits bits where they
// matter (fits).
func (v *astVerifier) read(bits checkKey) {
	if v.rec != nil {
		v.rec.reads |= bits
	}
}

// allowsStr is lang.Allows("str"), noted as read.
func (v *astVerifier) allowsStr() bool {
	v.read(keyStr)
	return v.key&keyStr != 0
}

type langFacts struct {
	kinds kindSet
	key   checkKey
}

var langFactsCache sync.Map // *pipeline.Lang -> *langFacts

// allowedKinds returns lang's node kinds and check key, computed once per language.
func allowedKinds(lang *pipeline.Lang) (*kindSet, checkKey) {
	if f, ok := langFactsCache.Load(lang); ok {
		return &f.(*langFacts).kinds, f.(*langFacts).key
	}
	f := &langFacts{}
	for k, i := range kindIndex {
		if lang.Allows(k) {
			f.kinds.add(i)
		}
	}
	for i, inv := range ast.Family.Checks {
		if lang.Has(inv) {
			f.key |= 1 << i
		}
	}
	if lang.Allows("str") {
		f.key |= keyStr
	}
	langFactsCache.Store(lang, f)
	return &f.kinds, f.key
}
