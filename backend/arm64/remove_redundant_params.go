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
	Run:  eachSSAFunc(removeRedundantParams),
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

// incomingByPos lists the edges that reach each block, by block position in f.Blocks (the
// passes that look them up for every parameter index a slice, not a map). The lists share one
// array.
func incomingByPos(f *ssa.Func) [][]*ssa.Edge {
	var index ssa.BlockIndex
	index.Reset(f)
	posOf := index.Pos
	in := make([][]*ssa.Edge, len(f.Blocks))
	count := make([]int32, len(f.Blocks))
	total := 0
	for _, b := range f.Blocks {
		for i := range b.Term.Succs {
			if k := posOf(b.Term.Succs[i].To); k >= 0 {
				count[k]++
				total++
			}
		}
	}
	all := make([]*ssa.Edge, total)
	for k, n := range count {
		in[k], all = all[:0:n], all[n:]
	}
	for _, b := range f.Blocks {
		for i := range b.Term.Succs {
			e := &b.Term.Succs[i]
			if k := posOf(e.To); k >= 0 {
				in[k] = append(in[k], e)
			}
		}
	}
	return in
}

// valueTable maps values of one function to T by value id (ids are dense, below f.NextID).
type valueTable[T any] []T

func newValueTable[T any](f *ssa.Func) valueTable[T] { return make(valueTable[T], f.NextID) }

func (t *valueTable[T]) at(v *ssa.Value) *T {
	if v.ID >= len(*t) { // a value made without NewValue: grow
		*t = append(*t, make([]T, v.ID+1-len(*t))...)
	}
	return &(*t)[v.ID]
}

// removeRedundantParams reports whether it removed any parameter (else f is as it was).
func removeRedundantParams(f *ssa.Func) (changed bool) {
	repl := newValueTable[*ssa.Value](f) // by value id: the value a removed parameter stands for
	var resolve func(v *ssa.Value) *ssa.Value
	resolve = func(v *ssa.Value) *ssa.Value {
		r := *repl.at(v)
		if r == nil {
			return v
		}
		root := resolve(r)
		*repl.at(v) = root // path compression: chains of replaced parameters stay short
		return root
	}
	in := incomingByPos(f) // removing parameters changes edges' arguments, never the edges
	for again := true; again; {
		again = false
		for k, b := range f.Blocks[1:] {
			edges := in[k+1]
			removed := false
			for i, p := range b.Params {
				var same *ssa.Value
				unique := true
				for _, e := range edges {
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
				*repl.at(p) = same
				removed = true
			}
			if removed { // in one sweep: a block may have thousands of parameters (one per local)
				keep := func(i int) bool { return *repl.at(b.Params[i]) == nil }
				for _, e := range edges {
					e.Args = filterValues(e.Args, keep)
				}
				b.Params = filterValues(b.Params, keep)
				again, changed = true, true
			}
		}
	}
	if changed {
		substitute(f, resolve)
	}
	return changed
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
