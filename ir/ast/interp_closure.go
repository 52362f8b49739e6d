package ast

// Function values in the reference interpreter (interp.go; node_closure.go). Before
// convert-closures a function value is a handle, 1 + an index into the interpreter's closures
// (0 is null): a named function, or a fn-lit with the values it captured when it was made (an
// aggregate's bytes copied out, so later writes to the original are not seen). A call declares
// the captured values as locals of the call and, when it returns, keeps their final values for
// the next call, as the converted program's accesses to its closure object do. (A call of a
// closure from inside a call of the same closure would see the values of the outer call's
// start: a divergence no program reaches without a struct holding a function that takes it.)
// After convert-closures a function value is the address of a closure object in memory, and
// call-indirect calls the function whose Func.Slot the object's first 8 bytes hold.

import "cot/ir/types"

// NullCallMessage is what a call of a null function value writes before exiting with 134
// (convert-closures emits the same).
const NullCallMessage = "error: call of null function"

// closureVal is a function value before convert-closures.
type closureVal struct {
	fn       *Func // a named function, or the function of a fn-lit
	captures []capturedVal
}

type capturedVal struct {
	id    int
	t     types.Type
	v     int64
	bytes []byte // an aggregate's bytes
}

// closureState is the interpreter's memory of function values.
type closureState struct {
	closures []*closureVal
	named    map[int]int64 // handles of named functions, by function ID
	lits     map[*FuncLit]*Func
	table    map[int64]*Func // functions by table slot, built on first use
}

// evalClosure evaluates a node of function values; ok is false for another kind.
func (in *interp) evalClosure(e Expr, fr frame) (int64, bool) {
	cs := &in.closureState
	switch e := e.(type) {
	case *FuncRef:
		if h, ok := cs.named[e.Name.ID]; ok {
			return h, true
		}
		if cs.named == nil {
			cs.named = map[int]int64{}
		}
		cs.closures = append(cs.closures, &closureVal{fn: in.funcs[e.Name.ID]})
		cs.named[e.Name.ID] = int64(len(cs.closures))
		return cs.named[e.Name.ID], true
	case *FuncLit:
		if cs.lits == nil {
			cs.lits = map[*FuncLit]*Func{}
		}
		f := cs.lits[e]
		if f == nil {
			f = &Func{At: e.At, Name: Name{Name: "fn"}, Params: e.Params, Result: e.Result, Body: e.Body}
			cs.lits[e] = f
		}
		cv := &closureVal{fn: f}
		for _, c := range e.Captures {
			ref := c.(*Ref)
			v := in.eval(ref, fr)
			cap := capturedVal{id: ref.Name.ID, t: ref.T, v: v}
			if isAggregate(ref.T) {
				cap.bytes = append([]byte(nil), in.bytesAt(v, int(types.Sizeof(ref.T)))...)
			}
			cv.captures = append(cv.captures, cap)
		}
		cs.closures = append(cs.closures, cv)
		return int64(len(cs.closures)), true
	case *CallValue:
		h := in.eval(e.Callee, fr)
		if h == 0 {
			in.stderr.WriteString(NullCallMessage + "\n")
			panic(exitSignal(134))
		}
		args := in.evalArgs(e.Args, fr)
		cv := cs.closures[h-1]
		v := in.callWith(cv.fn, args, func(fr frame) {
			for _, c := range cv.captures {
				v := c.v
				if c.bytes != nil {
					v = in.alloc(c.t)
					copy(in.bytesAt(v, len(c.bytes)), c.bytes)
				}
				in.declare(c.id, c.t, v, fr)
			}
		}, func(fr frame) {
			for i := range cv.captures {
				c := &cv.captures[i]
				v := in.eval(&Ref{Typed: Typed{T: c.t}, Name: Name{ID: c.id}}, fr)
				if c.bytes != nil {
					copy(c.bytes, in.bytesAt(v, len(c.bytes)))
				} else {
					c.v = v
				}
			}
		})
		return in.valueResult(e, e.T, v), true
	case *CallIndirect:
		obj := in.eval(e.Callee, fr)
		args := append(in.evalArgs(e.Args, fr), obj)
		f := in.tableFunc(in.load(obj, types.TI64))
		if f == nil {
			panic(trapSignal("undefined element"))
		}
		return in.valueResult(e, e.T, in.call(f, args)), true
	}
	return 0, false
}

// evalArgs evaluates a call's arguments left to right, each aggregate one a copy made before the
// next argument is evaluated.
func (in *interp) evalArgs(list []Expr, fr frame) []int64 {
	var args []int64
	for _, a := range list {
		args = append(args, in.snapshot(a, in.eval(a, fr)))
	}
	return args
}

// valueResult copies an aggregate result of a call into a slot of the caller, as callResult.
func (in *interp) valueResult(n Node, t types.Type, v int64) int64 {
	if !isAggregate(t) {
		return v
	}
	a := in.slotFor(n, t)
	in.copyBytes(a, v, types.Sizeof(t))
	return a
}

// tableFunc is the function in table slot s (nil when none).
func (in *interp) tableFunc(s int64) *Func {
	cs := &in.closureState
	if cs.table == nil {
		cs.table = map[int64]*Func{}
		for _, d := range in.prog.Decls {
			if f, ok := d.(*Func); ok && f.Slot > 0 {
				cs.table[int64(f.Slot)] = f
			}
		}
	}
	return cs.table[s]
}
