// Pass remove-redundant-params: ssa -> ssa.
//
// Removes block parameters whose incoming arguments are all the same value (ignoring the
// parameter itself, as on a loop back edge) and replaces the parameter by that value, until no
// such parameter remains. Translation makes every local a parameter of every join; this pass
// leaves only the real merges (the minimal SSA of structured control flow).
//
//	b1(v5:i32): ... jump b1(v5)   with entry edge b1(v2)  =>  b1(): ... jump b1()   (v5 := v2)
package arm64

import (
	"cot/ir/pipeline"
	"cot/ir/ssa"
)

var removeRedundantParamsPass = pipeline.Pass{
	Name: "remove-redundant-params",
	In:   LangSSA,
	Out:  LangSSA,
	Run: func(ctx *pipeline.Ctx, prog any) (any, error) {
		p := prog.(*ssa.Program)
		for _, f := range p.Funcs {
			ctx.Func = f.Name
			removeRedundantParams(f)
		}
		return p, nil
	},
}

// incoming lists, for every block, the edges that reach it.
func incoming(f *ssa.Func) map[*ssa.Block][]*ssa.Edge {
	in := map[*ssa.Block][]*ssa.Edge{}
	for _, b := range f.Blocks {
		for i := range b.Term.Succs {
			e := &b.Term.Succs[i]
			in[e.To] = append(in[e.To], e)
		}
	}
	return in
}

func removeRedundantParams(f *ssa.Func) {
	repl := map[*ssa.Value]*ssa.Value{}
	var resolve func(v *ssa.Value) *ssa.Value
	resolve = func(v *ssa.Value) *ssa.Value {
		r, ok := repl[v]
		if !ok {
			return v
		}
		root := resolve(r)
		repl[v] = root // path compression: chains of replaced parameters stay short
		return root
	}
	in := incoming(f) // removing parameters changes edges' arguments, never the edges
	for changed := true; changed; {
		changed = false
		for _, b := range f.Blocks[1:] {
			removed := false
			for i, p := range b.Params {
				var same *ssa.Value
				unique := true
				for _, e := range in[b] {
					a := resolve(e.Args[i])
					if a == p || a == same {
						continue
					}
					if same != nil {
						unique = false
						break
					}
					same = a
				}
				if !unique || same == nil {
					continue
				}
				repl[p] = same
				removed = true
			}
			if removed { // in one sweep: a block may have thousands of parameters (one per local)
				keep := func(i int) bool { _, gone := repl[b.Params[i]]; return !gone }
				for _, e := range in[b] {
					e.Args = filterValues(e.Args, keep)
				}
				b.Params = filterValues(b.Params, keep)
				changed = true
			}
		}
	}
	substitute(f, resolve)
}

// filterValues returns the values of vs at the indices keep accepts, in a new slice (edges may
// share their argument slices).
func filterValues(vs []*ssa.Value, keep func(i int) bool) []*ssa.Value {
	out := make([]*ssa.Value, 0, len(vs))
	for i, v := range vs {
		if keep(i) {
			out = append(out, v)
		}
	}
	return out
}

// substitute rewrites every operand of f through r.
func substitute(f *ssa.Func, r func(*ssa.Value) *ssa.Value) {
	for _, b := range f.Blocks {
		for _, v := range b.Instrs {
			for i, a := range v.Args {
				v.Args[i] = r(a)
			}
		}
		t := &b.Term
		if t.Cond != nil {
			t.Cond = r(t.Cond)
		}
		for i := range t.Succs {
			for j, a := range t.Succs[i].Args {
				t.Succs[i].Args[j] = r(a)
			}
		}
		for i, a := range t.Values {
			t.Values[i] = r(a)
		}
	}
}
