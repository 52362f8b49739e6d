package arm64

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	bwasm "cot/backend/wasm"
	"cot/ir/pipeline"
)

// TestUnchangedIsTruthful: a pass that reports a unit unchanged (pipeline.Ctx.Unchanged, which
// lets the streamed run skip the check after it) returned the unit's program as it found it: the
// printed program is the same before and after, over generated and fuzz-found modules. Every
// pass that reports it does so at least once here.
func TestUnchangedIsTruthful(t *testing.T) {
	var mods [][]byte
	for seed := int64(0); seed < 40; seed++ {
		h, _, ok := fuzzHarness(genModule(seed), true)
		if !ok {
			continue
		}
		b, err := bwasm.Encode(h)
		if err != nil {
			t.Fatal(err)
		}
		mods = append(mods, b)
	}
	files, _ := filepath.Glob("testdata/fuzz/*.wasm")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m, err := bwasm.Decode(b)
		if err != nil {
			t.Fatal(err)
		}
		if h, _, ok := fuzzHarness(m, true); ok {
			if b, err = bwasm.Encode(h); err != nil {
				t.Fatal(err)
			}
			mods = append(mods, b)
		}
	}
	tb := Table()
	var mu sync.Mutex
	reported := map[string]int{}
	for i := range tb.Passes {
		p := tb.Passes[i]
		if p.In.Family != SSA && p.In.Family != MIR || p.Out.Family != p.In.Family {
			continue
		}
		run := p.Run
		tb.Passes[i].Run = func(ctx *pipeline.Ctx, prog any) (any, error) {
			var before, after strings.Builder
			p.In.Family.Print(&before, prog, "")
			out, err := run(ctx, prog)
			if err != nil || !ctx.ReportedUnchanged() {
				return out, err
			}
			p.Out.Family.Print(&after, out, "")
			if before.String() != after.String() {
				t.Errorf("%s reports %s unchanged, but it changed it:\n%s\n---\n%s", p.Name, ctx.Func, before.String(), after.String())
			}
			mu.Lock()
			reported[p.Name]++
			mu.Unlock()
			return out, err
		}
	}
	for _, m := range mods {
		if _, err := tb.Run(pipeline.NewCtx("arm64-linux"), m, &pipeline.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"remove-redundant-params", "optimize-constants", "remove-redundant-masks",
		"eliminate-common-subexpressions", "eliminate-bounds-checks", "optimize-block-layout",
		"duplicate-small-tails", "resolve-branches"} {
		if reported[name] == 0 {
			t.Errorf("%s never reported a unit unchanged (%d modules)", name, len(mods))
		}
	}
}
