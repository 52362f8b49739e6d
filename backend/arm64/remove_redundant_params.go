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

// paramRef names parameter i of block b.
type paramRef struct {
	b *ssa.Block
	i int
}

// removeRedundantParams is the trivial-phi removal of Braun et al. on a worklist: a parameter is
// redundant when its incoming arguments (resolved through earlier replacements) are itself and
// one other value. Replacing it can only make redundant the parameters that receive it as an
// argument, so only those are looked at again; parameters are dropped from the blocks and edges
// once at the end. Linear in the number of edge arguments, times the (path-compressed) lookups.
func removeRedundantParams(f *ssa.Func) {
	if len(f.Blocks) < 2 {
		return
	}
	in := incoming(f)
	repl := map[*ssa.Value]*ssa.Value{}
	var resolve func(v *ssa.Value) *ssa.Value
	resolve = func(v *ssa.Value) *ssa.Value {
		r, ok := repl[v]
		if !ok {
			return v
		}
		root := resolve(r)
		repl[v] = root // path compression
		return root
	}
	// users[v] lists the parameters that receive v (or a value replaced by v) on some edge.
	users := map[*ssa.Value][]paramRef{}
	var work []paramRef
	removed := map[*ssa.Block][]bool{}
	for _, b := range f.Blocks[1:] {
		removed[b] = make([]bool, len(b.Params))
		for i := range b.Params {
			work = append(work, paramRef{b, i})
			for _, e := range in[b] {
				users[e.Args[i]] = append(users[e.Args[i]], paramRef{b, i})
			}
		}
	}
	for len(work) > 0 {
		r := work[len(work)-1]
		work = work[:len(work)-1]
		if removed[r.b][r.i] {
			continue
		}
		p := r.b.Params[r.i]
		var same *ssa.Value
		unique := true
		for _, e := range in[r.b] {
			a := resolve(e.Args[r.i])
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
		removed[r.b][r.i] = true
		work = append(work, users[p]...)
		users[same] = append(users[same], users[p]...)
		delete(users, p)
	}
	for _, b := range f.Blocks[1:] {
		keep := b.Params[:0]
		for i, p := range b.Params {
			if !removed[b][i] {
				keep = append(keep, p)
			}
		}
		for _, e := range in[b] {
			args := e.Args[:0]
			for i, a := range e.Args {
				if !removed[b][i] {
					args = append(args, a)
				}
			}
			e.Args = args
		}
		b.Params = keep
	}
	substitute(f, resolve)
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
