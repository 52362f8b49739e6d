package ast

// Defer in the reference interpreter (spec §5.5): a block runs its statements, collecting the
// defer statements it reaches, then its value (a block expression), then the collected bodies
// last in first out — the errdefers only when the block is left by an error exit — whatever way
// it is left (the end, break, continue, return, or a return out of its value).

// runBlock runs b and, when value is not nil, evaluates it before the deferred bodies run.
func (in *interp) runBlock(b *Block, value Expr, fr frame) (fl flow, v int64) {
	var defers []*Defer
	for _, s := range b.Stmts {
		if d, ok := s.(*Defer); ok {
			defers = append(defers, d)
			continue
		}
		if fl = in.stmt(s, fr); fl.kind != 0 {
			break
		}
	}
	if fl.kind == 0 && value != nil {
		fl, v = in.evalCatchingFlow(value, fr)
		if len(defers) > 0 && fl.kind == 0 {
			v = in.snapshot(value, v)
		}
	}
	for i := len(defers) - 1; i >= 0; i-- {
		if !defers[i].Err || fl.errExit {
			in.block(defers[i].Body, fr)
		}
	}
	return fl, v
}

// evalCatchingFlow evaluates e, returning the flow a return or jump inside it leaves by.
func (in *interp) evalCatchingFlow(e Expr, fr frame) (fl flow, v int64) {
	defer catchFlow(&fl)
	return flow{}, in.eval(e, fr)
}

// catchFlow, deferred, turns a flowSignal panic into the flow *fl; other panics go on.
func catchFlow(fl *flow) {
	if r := recover(); r != nil {
		sig, ok := r.(flowSignal)
		if !ok {
			panic(r)
		}
		*fl = flow(sig)
	}
}
