package ast

import "strconv"

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func (in *interp) eval(e Expr, fr frame) int64 {
	switch e := e.(type) {
	case nil:
		return 0
	case *IntLit:
		return int64(e.Value)
	case *BoolLit:
		return b2i(e.Value)
	case *StrAddr:
		addr := int64(1<<40) + int64(len(in.strs))*(1<<20)
		in.strs[addr] = []byte(e.Value)
		return addr
	case *DataAddr:
		return DataBase + e.Offset
	case *Ref:
		if v, ok := fr[e.Name.ID]; ok {
			return v
		}
		return in.globals[e.Name.ID]
	case *Unary:
		x := in.eval(e.X, fr)
		switch e.Op {
		case "neg":
			return -x
		case "bnot":
			return ^x
		}
		return b2i(x == 0)
	case *Binary:
		return in.binary(e.Op, in.eval(e.X, fr), in.eval(e.Y, fr))
	case *Logical:
		x := in.eval(e.X, fr)
		if (e.Op == "and") == (x == 0) {
			return x
		}
		return in.eval(e.Y, fr)
	case *IfExpr:
		if in.eval(e.Cond, fr) != 0 {
			return in.eval(e.Then, fr)
		}
		return in.eval(e.Else, fr)
	case *Call:
		var args []int64
		for _, a := range e.Args {
			args = append(args, in.eval(a, fr))
		}
		return in.call(in.funcs[e.FuncName().ID], args)
	case *RuntimeCall:
		var args []int64
		for _, a := range e.Args {
			args = append(args, in.eval(a, fr))
		}
		in.runtime(e.Name, args)
		return 0
	}
	panic("interpret: expression " + e.Kind())
}

// binary applies an operator with Wasm's i64 semantics (wrapping, traps of div_s/rem_s,
// shift counts modulo 64, logical >>).
func (in *interp) binary(op string, x, y int64) int64 {
	switch op {
	case "+":
		return x + y
	case "-":
		return x - y
	case "*":
		return x * y
	case "/", "%":
		if y == 0 {
			panic(trapSignal("integer divide by zero"))
		}
		if op == "/" && x == -1<<63 && y == -1 {
			panic(trapSignal("integer overflow"))
		}
		if op == "/" {
			return x / y
		}
		return x % y
	case "&":
		return x & y
	case "|":
		return x | y
	case "^":
		return x ^ y
	case "<<":
		return x << (uint64(y) & 63)
	case ">>":
		return int64(uint64(x) >> (uint64(y) & 63))
	case "==":
		return b2i(x == y)
	case "!=":
		return b2i(x != y)
	case "<":
		return b2i(x < y)
	case "<=":
		return b2i(x <= y)
	case ">":
		return b2i(x > y)
	case ">=":
		return b2i(x >= y)
	}
	panic("interpret: operator " + op)
}

func (in *interp) runtime(name string, args []int64) {
	w := &in.stdout
	if args[0] == 2 {
		w = &in.stderr
	}
	switch name {
	case "write":
		addr, n := args[1], args[2]
		if b, ok := in.strs[addr]; ok {
			w.Write(b[:n])
			return
		}
		off := addr - DataBase
		w.Write(in.prog.Data[off : off+n])
	case "print_int":
		w.WriteString(strconv.FormatInt(args[1], 10))
	case "exit":
		panic(exitSignal(uint32(args[0])))
	default:
		panic("interpret: runtime routine " + name)
	}
}
