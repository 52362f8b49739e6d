package progen

import (
	"regexp"
	"strings"
	"testing"
)

// TestProgramsAreDeterministic: a seed names one program.
func TestProgramsAreDeterministic(t *testing.T) {
	for seed := int64(1); seed <= 20; seed++ {
		if Program(seed) != Program(seed) {
			t.Fatalf("seed %d: two different programs", seed)
		}
	}
	if Program(1) == Program(2) {
		t.Fatal("seeds 1 and 2 give the same program")
	}
}

// TestProgramsCoverTheLanguage: each construct the generator is meant to exercise appears in at
// least a few percent of the programs (the differential run is only as good as its coverage).
func TestProgramsCoverTheLanguage(t *testing.T) {
	constructs := []struct{ name, re string }{
		{"nested struct field", `\.f\d+\.(f\d+|id)\b`},
		{"struct through a pointer parameter", `p\d: \*S\d+`},
		{"array literal", `= \[[^\]]+, `},
		{"slice of an array", `: \[\][a-zA-Z0-9()]+ = [a-z0-9.]+\[\d+:\d+\]`},
		{"for-in with index", `for ix\d+, x\d+ in `},
		{"labelled break or continue", `(break|continue) :outer`},
		{"while loop", `while \(n\d+ < \d\)`},
		{"enum with negative value", `enum E\d+(: i\d+)? \{[^}]*= -`},
		{"enum switch", `switch \(\S+\) \{ E\d+\.`},
		{"union literal", `U\d+\.V\d\(`},
		{"union switch with capture", `U\d+\.V\d \|c\d+\| =>`},
		{"guarded arm", `\|c\d+\| if `},
		{"integer switch with range", `\d+\.\.\d+ =>`},
		{"optional capture", `if \(\S+\) \|c\d+\|`},
		{"orelse (??)", `\?\? `},
		{"unwrap (.?)", `\.\?`},
		{"optional compared with null", `[!=]= null`},
		{"error union local", `(var|const) v\d+: Err!`},
		{"try", `\(try `},
		{"catch value", `catch \(`},
		{"catch |e| switch", `catch \|err\d+\| switch`},
		{"catch |e| block", `catch \|err\d+\| \{`},
		{"errdefer", `errdefer`},
		{"defer", `\bdefer `},
		{"return error", `return error\.`},
		{"generic struct instance", `(Box|Pair)\([a-zA-Z0-9]+(, [a-zA-Z0-9]+)?\) \{ \.`},
		{"generic function call", `(pick|mkpair|boxed|orElse|need)\([^)]*\)\(`},
		{"generic method", `\.(get|put|swap)\(`},
		{"trait-bounded generic", `digBoth\(`},
		{"trait method call", `\.dig\(\)`},
		{"string interpolation", `"[^"]*\$\{`},
		{"string concatenation", `clip\(\S+ \+ `},
		{"string slicing", `sub\(`},
		{"narrow integer cast", `@intCast\((i8|i16|i32|u8|u16|u32|u64)`},
		{"unsigned 64-bit literal", `0xFFFF_FFFF_FFFF_FFFF`},
		{"compound assignment", `[-+*&|^]= `},
		{"global struct", `var g\d+: S\d+`},
	}
	checkCoverage(t, Features{}, constructs)
}

// TestClosureAndHeapProgramsCoverThem: with the features of the language being built, closures
// and heap objects appear too.
func TestClosureAndHeapProgramsCoverThem(t *testing.T) {
	checkCoverage(t, Features{Closures: true, Heap: true}, []struct{ name, re string }{
		{"closure literal", `const cl\d+ = fn\(`},
		{"closure with parameters", `const cl\d+ = fn\(q\d+: `},
		{"closure returned by a function", `= (adder|counter)\(`},
		{"closure of closures", `= compose\(cl\d+, cl\d+\)`},
		{"named function as a value", `const cl\d+ = fun\d+\n`},
		{"call through a function value", `cl\d+\(`},
		{"function value passed to a function", `twice\(cl\d+, `},
		{"new object", `new Obj \{`},
		{"nested new", `child: new Obj`},
		{"new of a generated struct", `= new S\d+ \{`},
		{"second owner", `var o\d+: \*Obj = o\d+\n`},
		{"reassigned owner", `\n\s+o\d+ = (new|mkObj|o\d+)`},
		{"field store of an object", `o\d+\.child = `},
		{"destructor", `fn deinit\(self: \*S\d+\)`},
		{"heap object as pointer argument", `fun\d+\([^\n]*\bh\d+\b`},
	})
}

func checkCoverage(t *testing.T, f Features, constructs []struct{ name, re string }) {
	const programs = 200
	counts := make([]int, len(constructs))
	res := make([]*regexp.Regexp, len(constructs))
	for i, c := range constructs {
		res[i] = regexp.MustCompile(c.re)
	}
	for seed := int64(1); seed <= programs; seed++ {
		text := strings.Replace(Generate(seed, f), prelude, "", 1) // the generated part only
		text = strings.Replace(text, closurePrelude, "", 1)
		text = strings.Replace(text, heapPrelude, "", 1)
		for i, re := range res {
			if re.MatchString(text) {
				counts[i]++
			}
		}
	}
	for i, c := range constructs {
		t.Logf("%-36s %3d%% of programs", c.name, counts[i]*100/programs)
		if counts[i]*100 < 5*programs {
			t.Errorf("%s: in %d of %d programs", c.name, counts[i], programs)
		}
	}
}
