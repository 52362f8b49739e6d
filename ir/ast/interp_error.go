package ast

// Error unions in the reference interpreter: aggregates in memory with the layout of spec §3.3
// (types/layout.go), as lower-errors makes them: the tag (an i64: 0 a value, 1 an error) at
// offset 0, the value or the error number at offset 8. An error value is its i64 number.

import "cot/ir/types"

// evalError evaluates an error node (or a conversion to an error union), or reports false for
// another expression.
func (in *interp) evalError(e Expr, fr frame) (int64, bool) {
	switch e := e.(type) {
	case *ErrorLit:
		return e.Code, true
	case *Fail:
		return in.sumValue(e, e.T, 1, types.TI64, in.eval(e.X, fr)), true
	case *Convert:
		if _, ok := e.T.(*types.ErrorUnion); !ok {
			return 0, false
		}
		pt, v := e.X.Type(), in.eval(e.X, fr)
		if pt == types.TVoid {
			pt = nil
		}
		return in.sumValue(e, e.T, 0, pt, v), true
	case *IsError:
		return b2i(in.load(in.eval(e.X, fr), types.TI64) != 0), true
	case *ErrorCode:
		return in.load(in.eval(e.X, fr)+types.PayloadOffset, types.TI64), true
	case *OkValue:
		if e.T == types.TVoid {
			in.eval(e.X, fr)
			return 0, true
		}
		return in.get(in.eval(e.X, fr)+types.PayloadOffset, e.T), true
	}
	return 0, false
}

// mainStatus is the exit status of main's result v: the value itself, or for a main returning
// an error union (until lower-errors wraps it) the payload, 0 for !void, and on an error the
// message and status 1 of lower-errors' wrapper.
func (in *interp) mainStatus(main *Func, v int64) int64 {
	u, ok := main.Result.(*types.ErrorUnion)
	switch {
	case !ok:
		return v
	case in.load(v, types.TI64) != 0:
		in.stderr.WriteString("error: main returned an error\n")
		panic(exitSignal(1))
	case u.Payload == types.TVoid:
		return 0
	}
	return in.load(v+types.PayloadOffset, types.TI64)
}
