package arm64

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
)

// fuzzMix sums what the compared modules executed, so a run can show it tests more than traps:
// how many invocations began, how runs ended, how many Wasm instructions (wasmtime fuel) ran.
type fuzzMix struct {
	mu                                    sync.Mutex
	modules, skipped, wazeroDiffer        int
	funcs, invs, begun, runs, returnedAll int
	ends                                  map[string]int
	fuel, ownFuel                         []uint64
}

func (x *fuzzMix) add(r fuzzOutcome) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if !r.InScope {
		x.skipped++
		return
	}
	x.modules++
	x.funcs += r.Funcs
	x.invs += r.Invs
	x.begun += r.Begun
	x.runs += r.Runs
	if !r.WazeroOK {
		x.wazeroDiffer++
	}
	if len(r.Ends) == 1 && r.Ends[0] == "returned" {
		x.returnedAll++
	}
	if x.ends == nil {
		x.ends = map[string]int{}
	}
	for _, e := range r.Ends {
		x.ends[e]++
	}
	x.fuel = append(x.fuel, r.Fuel)
}

// addOwn records the fuel of a sampled module's own code (fuzzOwnFuel).
func (x *fuzzMix) addOwn(fuel uint64) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.ownFuel = append(x.ownFuel, fuel)
}

// String is the mix as a few lines of the test log.
func (x *fuzzMix) String() string {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.modules == 0 {
		return fmt.Sprintf("no module compared, %d out of scope", x.skipped)
	}
	n := float64(x.modules)
	var b strings.Builder
	fmt.Fprintf(&b, "%d modules compared (%d out of scope, %d where wazero alone differs from wasmtime)\n",
		x.modules, x.skipped, x.wazeroDiffer)
	fmt.Fprintf(&b, "per module: %.1f functions, %.1f invocations of which %.1f began (%.0f%%), %.2f runs; "+
		"%.0f%% of modules ran every invocation without a trap\n", float64(x.funcs)/n, float64(x.invs)/n,
		float64(x.begun)/n, 100*float64(x.begun)/float64(max(x.invs, 1)), float64(x.runs)/n, 100*float64(x.returnedAll)/n)
	kinds := make([]string, 0, len(x.ends))
	for k := range x.ends {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool { return x.ends[kinds[i]] > x.ends[kinds[j]] })
	b.WriteString("runs ended by:")
	for _, k := range kinds {
		fmt.Fprintf(&b, " %s %d (%.1f%%);", k, x.ends[k], 100*float64(x.ends[k])/float64(x.runs))
	}
	fmt.Fprintf(&b, "\nWasm instructions executed per module (wasmtime fuel), with the memory hashes: %s", quantiles(x.fuel))
	if len(x.ownFuel) > 0 {
		fmt.Fprintf(&b, "\nwithout them (the module's own code, %d sampled modules): %s", len(x.ownFuel), quantiles(x.ownFuel))
	}
	return b.String()
}

// quantiles describes a distribution of fuel.
func quantiles(fuel []uint64) string {
	fuel = slices.Clone(fuel)
	slices.Sort(fuel)
	var sum uint64
	small := 0
	for _, f := range fuel {
		sum += f
		if f < 1000 {
			small++
		}
	}
	q := func(p float64) uint64 { return fuel[int(p*float64(len(fuel)-1))] }
	return fmt.Sprintf("min %d, 10%% %d, median %d, 90%% %d, max %d, mean %d; %.1f%% under 1000",
		fuel[0], q(0.1), q(0.5), q(0.9), fuel[len(fuel)-1], sum/uint64(len(fuel)), 100*float64(small)/float64(len(fuel)))
}
