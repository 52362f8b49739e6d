package ast

import (
	"math"

	"cot/ir/types"
)

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func (in *interp) eval(e Expr, fr frame) int64 {
	if v, ok := in.evalOptional(e, fr); ok {
		return v
	}
	if v, ok := in.evalError(e, fr); ok {
		return v
	}
	if v, ok := in.evalUnion(e, fr); ok {
		return v
	}
	if v, ok := in.evalFloat(e, fr); ok {
		return v
	}
	if v, ok := in.evalString(e, fr); ok {
		return v
	}
	if v, ok := in.evalClosure(e, fr); ok {
		return v
	}
	switch e := e.(type) {
	case nil:
		return 0
	case *IntLit:
		return int64(e.Value)
	case *BoolLit:
		return b2i(e.Value)
	case *StrAddr:
		return in.literalAddr(e.Value)
	case *DataAddr:
		return DataBase + e.Offset
	case *Ref:
		if a, boxed := in.boxOf(e.Name.ID); boxed {
			return in.get(a, e.T)
		}
		if v, ok := fr[e.Name.ID]; ok {
			return v
		}
		return in.globals[e.Name.ID]
	case *Unary:
		x := in.eval(e.X, fr)
		switch e.Op {
		case "neg":
			return norm(-x, e.T)
		case "bnot":
			return norm(^x, e.T)
		}
		return b2i(x == 0)
	case *Binary:
		return in.binary(e.Op, e.X.Type(), in.eval(e.X, fr), in.eval(e.Y, fr))
	case *Convert:
		return norm(in.eval(e.X, fr), e.T)
	case *Logical:
		x := in.eval(e.X, fr)
		if (e.Op == "and") == (x == 0) {
			return x
		}
		return in.eval(e.Y, fr)
	case *If:
		if in.eval(e.Cond, fr) != 0 {
			return in.eval(e.Then, fr)
		}
		return in.eval(e.Else.(Expr), fr)
	case *Switch:
		return in.eval(in.switchBody(e, fr), fr)
	case *Block:
		fl, v := in.runBlock(e, e.Value, fr)
		if fl.kind != 0 {
			panic(flowSignal(fl))
		}
		return v
	case *Call:
		args := in.evalArgs(e.Args, fr)
		return in.callResult(e, in.call(in.funcs[e.FuncName().ID], args))
	case *HostCall:
		return in.host(e, fr)
	case *RuntimeCall: // the routines are Cot: functions of the program once import-runtime ran
		panic("interpret: call-runtime " + e.Name + ": import the runtime first (passes.importRuntime)")
	}
	if v, ok := in.memoryExpr(e, fr); ok {
		return v
	}
	if v, ok := in.arcExpr(e, fr); ok {
		return v
	}
	panic("interpret: expression " + e.Kind())
}

// norm gives v the representation of a value of integer type t: sign-extended from t's width
// when t is signed, zero-extended when unsigned (every integer is an int64 here). An enum has
// its backing type's representation (a negative i32 enum loaded from memory is sign-extended).
func norm(v int64, t types.Type) int64 {
	if e, ok := types.Underlying(t).(*types.Enum); ok {
		t = e.Backing
	}
	bits := types.Bits(t)
	switch {
	case !types.IsInteger(t) || bits == 64:
		return v
	case types.IsSigned(t):
		return v << (64 - bits) >> (64 - bits)
	}
	return int64(uint64(v) & (1<<bits - 1))
}

// binary applies an operator to operands of type t with the semantics of decisions.md #5, as
// the compiled Wasm does: wrapping at t's width, unsigned division, remainder and comparison for
// unsigned types, shift counts modulo the width, a logical >>, and the traps of Wasm's div/rem.
func (in *interp) binary(op string, t types.Type, x, y int64) int64 {
	if types.IsFloat(t) {
		return floatBinary(op, t, x, y)
	}
	if e, ok := types.Underlying(t).(*types.Enum); ok {
		t = e.Backing // enums compare as their values
	}
	bits := uint64(types.Bits(t))
	unsigned := types.IsUnsigned(t)
	ux, uy := uint64(x), uint64(y)
	switch op {
	case "+":
		return norm(x+y, t)
	case "-":
		return norm(x-y, t)
	case "*":
		return norm(x*y, t)
	case "/", "%":
		if y == 0 {
			panic(trapSignal("integer divide by zero"))
		}
		switch {
		case unsigned && op == "/":
			return int64(ux / uy)
		case unsigned:
			return int64(ux % uy)
		case op == "/" && y == -1 && (bits == 64 && x == math.MinInt64 || bits == 32 && x == math.MinInt32):
			panic(trapSignal("integer overflow")) // only i32.div_s and i64.div_s overflow
		case op == "/":
			return norm(x/y, t)
		}
		return x % y
	case "&":
		return x & y
	case "|":
		return x | y
	case "^":
		return x ^ y
	case "<<":
		return norm(x<<(uy&(bits-1)), t)
	case ">>":
		width := ^uint64(0) >> (64 - bits)
		return norm(int64((ux&width)>>(uy&(bits-1))), t)
	case "==":
		return b2i(x == y)
	case "!=":
		return b2i(x != y)
	}
	if unsigned {
		x, y = int64(ux^1<<63), int64(uy^1<<63) // order-preserving map of unsigned onto signed
	}
	return compare(op, x, y)
}
