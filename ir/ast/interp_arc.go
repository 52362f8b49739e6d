package ast

// ARC objects in the reference interpreter (node_new.go, spec §9.3–9.6): `new` places the object
// above the memory in use with the header runtime/arc.cot gives it (the marker word at -16, the
// count at -8); retain and release change the count of a live ARC object and ignore every other
// address, as the runtime does; a release to zero calls the type's destructor (`T_deinit`, found
// by name), releases the object's counted fields (`*S`, and the `*S` in `?*S`, `E!*S` and struct
// fields), and clears the marker. Freed memory is not reused.

import "cot/ir/types"

// arcExpr evaluates new and retain; ok is false for another kind.
func (in *interp) arcExpr(e Expr, fr frame) (v int64, ok bool) {
	switch e := e.(type) {
	case *New: // allocated first, then the literal stored in place (lower-arc's order)
		t := e.Lit.Type()
		size := types.Sizeof(t)
		mem := in.memory()
		base := (int64(len(mem)) + 15) &^ 15
		if base+ArcHeaderSize+size > interpMaxPages*PageSize {
			in.stderr.WriteString("error: out of memory\n") // runtime/alloc.cot's out_of_memory
			panic(exitSignal(134))
		}
		in.mem = append(mem, make([]byte, base-int64(len(mem))+ArcHeaderSize+size)...)
		p := base + ArcHeaderSize
		in.store(p-16, types.TI64, ArcMagic)
		in.store(p-8, types.TI64, 1)
		if lit, ok := e.Lit.(*StructLit); ok {
			st := StructOf(t)
			for i, f := range st.Fields {
				if _, zero := lit.Values[i].(*Zero); !zero {
					in.put(p+types.FieldOffset(st, i), f.Type, in.eval(lit.Values[i], fr))
				}
			}
			return p, true
		}
		in.put(p, t, in.eval(e.Lit, fr))
		return p, true
	case *Retain:
		p := in.eval(e.X, fr)
		if in.isArcObject(p) {
			if rc := in.load(p-8, types.TI64); rc < ArcImmortal {
				in.store(p-8, types.TI64, rc+1)
			}
		}
		return p, true
	}
	return 0, false
}

// arcStmt runs a release; it reports false for another statement.
func (in *interp) arcStmt(s Stmt, fr frame) bool {
	r, ok := s.(*Release)
	if !ok {
		return false
	}
	if _, fn := r.X.Type().(*types.Func); fn {
		in.releaseClosure(in.eval(r.X, fr))
		return true
	}
	in.release(in.eval(r.X, fr), ArcStruct(r.X.Type()))
	return true
}

// releaseClosure drops one count of the closure object at p (a function value after
// convert-closures); a dying one calls its drop function through the table with the address of
// its drop field, as lower-arc's arc.release.fn does, and clears the marker.
func (in *interp) releaseClosure(p int64) {
	if !in.isArcObject(p) {
		return
	}
	rc := in.load(p-8, types.TI64)
	if rc >= ArcImmortal {
		return
	}
	in.store(p-8, types.TI64, rc-1)
	if rc > 1 {
		return
	}
	if slot := in.load(p+8, types.TI64); slot != 0 {
		f := in.tableFunc(slot)
		if f == nil {
			panic(trapSignal("undefined element"))
		}
		in.call(f, []int64{p + 8})
	}
	in.store(p-16, types.TI64, 0)
}

// isArcObject reports whether p is the address of a live ARC object.
func (in *interp) isArcObject(p int64) bool {
	return p >= ArcHeaderSize && p&7 == 0 && p <= int64(len(in.memory())) && in.load(p-16, types.TI64) == ArcMagic
}

// release drops one count of the object of type t at p; a dying object runs its destructor,
// releases its *S fields, the tail field (ArcTailField) last, after the object is gone.
func (in *interp) release(p int64, t *types.Named) {
	for t != nil && in.isArcObject(p) {
		rc := in.load(p-8, types.TI64)
		if rc >= ArcImmortal {
			return
		}
		if rc > 1 {
			in.store(p-8, types.TI64, rc-1)
			return
		}
		in.store(p-8, types.TI64, 0)
		if name := DestructorName(t); name != "" {
			if f := in.funcNamed(name); f != nil {
				in.call(f, []int64{p})
			}
		}
		st := StructOf(t)
		tail := ArcTailField(t)
		for i, f := range st.Fields {
			if i != tail {
				in.releaseAt(p+types.FieldOffset(st, i), f.Type)
			}
		}
		in.store(p-16, types.TI64, 0)
		if tail < 0 {
			return
		}
		off := p + types.FieldOffset(st, tail)
		if _, opt := st.Fields[tail].Type.(*types.Optional); opt { // a ?*T tail: its payload, or null
			if in.load(off, types.TI64) == 0 {
				return
			}
			off += 8
		}
		p = in.load(off, types.TI64)
	}
}

// releaseAt releases the counts of the value of type t in memory at addr (a dying object's
// field): a *S, a function value, and those inside an optional or error union, the fields of a
// struct, the elements of an array and the payload of a union's variant, as insert-arc and
// lower-arc count them (spec layout: tag at 0, payload at 8).
func (in *interp) releaseAt(addr int64, t types.Type) {
	if _, fn := t.(*types.Func); fn {
		in.releaseClosure(in.load(addr, types.TI64))
		return
	}
	if s := ArcStruct(t); s != nil {
		in.release(in.load(addr, types.TI64), s)
		return
	}
	switch u := t.(type) {
	case *types.Optional:
		if in.load(addr, types.TI64) != 0 {
			in.releaseAt(addr+8, u.Elem)
		}
	case *types.ErrorUnion:
		if in.load(addr, types.TI64) == 0 {
			in.releaseAt(addr+8, u.Payload)
		}
	case *types.Array:
		for i := int64(0); i < u.Len; i++ {
			in.releaseAt(addr+i*types.Sizeof(u.Elem), u.Elem)
		}
	case *types.Tuple:
		for i, e := range u.Elems {
			in.releaseAt(addr+types.TupleOffset(u, i), e)
		}
	case *types.Named:
		if st := StructOf(u); st != nil {
			for i, f := range st.Fields {
				in.releaseAt(addr+types.FieldOffset(st, i), f.Type)
			}
		}
		if un, ok := u.Underlying().(*types.Union); ok {
			if k := in.load(addr, types.TI64); k >= 0 && k < int64(len(un.Variants)) && un.Variants[k].Payload != nil {
				in.releaseAt(addr+8, un.Variants[k].Payload)
			}
		}
	}
}

// funcNamed returns the function called name, nil when there is none.
func (in *interp) funcNamed(name string) *Func {
	for _, d := range in.prog.Decls {
		if f, ok := d.(*Func); ok && f.Name.Name == name {
			return f
		}
	}
	return nil
}
