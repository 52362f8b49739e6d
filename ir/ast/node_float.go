package ast

// Floating-point nodes (spec §1.4, §10; decisions.md #7, #8): float literals and the float
// builtins @sqrt @floor @ceil @trunc @round @abs @fmin @fmax, which map one to one onto Wasm
// instructions and stay in every language down to lower-to-wasm.
//
//	(float 2.5)         an untyped literal as written (before check-types)
//	(float:f32 0.1)     a typed literal: the shortest digits that read back as the same f32/f64
//	(sqrt:f64 x#3:f64)  (fmin:f32 a b)  ...one head per builtin, without the @
//	(float-bits:u64 x#3:f64)  the IEEE bits of a float, for the runtime's float printing

import (
	"strconv"

	"cot/ir/types"
)

// FloatLit is a float literal. Text is the literal as written (underscores removed) until
// check-types rounds it, directly, to its type: f32 literals are rounded once, from the decimal
// text, never through f64. Value is the rounded value once the literal has a type.
type FloatLit struct {
	At
	Typed
	Value float64
	Text  string
}

// FloatOps lists the float builtins by the name FloatOp.Op gives them, with their arity.
var FloatOps = map[string]int{"sqrt": 1, "floor": 1, "ceil": 1, "trunc": 1, "round": 1, "abs": 1, "fmin": 2, "fmax": 2}

// FloatOp is a float builtin applied to operands of its own type (f32 or f64): Op "sqrt",
// "floor", "ceil", "trunc", "round" (ties to even, Wasm's nearest), "abs", "fmin" or "fmax"
// (NaN-propagating, -0 < +0, as Wasm's min and max).
type FloatOp struct {
	At
	Typed
	Op   string
	Args []Expr
}

// FloatBits is the IEEE representation of the float X as a u64 (an f32's in the low 32 bits).
// lower-print hands it to the runtime's print_f64 and print_f32: Cot itself has no bit casts.
type FloatBits struct {
	At
	Typed
	X Expr
}

func init() {
	// The runtime's float printing (runtime/print_float.cot) takes the value's bits; it is
	// compiled only for the programs that print floats (runtime_floats.cot).
	bits := RuntimeSig{Params: []types.Type{types.TI64, types.TU64}, Result: types.TVoid, Root: "runtime_floats.cot"}
	Runtime["print_f64"], Runtime["print_f32"] = bits, bits
}

func (*FloatLit) Kind() string  { return "float" }
func (*FloatOp) Kind() string   { return "float-op" }
func (*FloatBits) Kind() string { return "float-bits" }

func (*FloatLit) exprNode()  {}
func (*FloatOp) exprNode()   {}
func (*FloatBits) exprNode() {}

func (*FloatLit) children(*slots)      {}
func (n *FloatOp) children(s *slots)   { s.exprs(&n.Args) }
func (n *FloatBits) children(s *slots) { s.expr(&n.X) }

// FormatFloat is the text of a float of type t: the shortest decimal that reads back (with
// strconv.ParseFloat at t's width) as the same value; NaN, +Inf, -Inf and -0 spelled as Go does.
func FormatFloat(v float64, t types.Type) string {
	return strconv.FormatFloat(v, 'g', -1, types.Bits(t))
}

// floatExprSx renders a float node, or returns nil for any other expression.
func floatExprSx(e Expr) *sx {
	switch e := e.(type) {
	case *FloatLit:
		if e.T == nil {
			return list(atom("float"), atom(e.Text))
		}
		return list(head("float", e.T), atom(FormatFloat(e.Value, e.T)))
	case *FloatBits:
		return list(head("float-bits", e.T), exprSx(e.X))
	case *FloatOp:
		l := list(head(e.Op, e.T))
		for _, a := range e.Args {
			l.list = append(l.list, exprSx(a))
		}
		return l
	}
	return nil
}

// readFloatExpr reads a float node whose head is h (type t), or returns nil for another head.
func (rd *reader) readFloatExpr(s *sx, h string, t types.Type) Expr {
	if h == "float" {
		text := shape(s, 1, false)[0].atom
		if t == nil {
			if _, err := strconv.ParseFloat(text, 64); err != nil {
				fail(s, "bad float literal")
			}
			return &FloatLit{Text: text}
		}
		v, err := strconv.ParseFloat(text, types.Bits(t))
		if err != nil {
			fail(s, "bad float literal")
		}
		return &FloatLit{Typed: Typed{t}, Value: v}
	}
	if h == "float-bits" {
		return &FloatBits{Typed: Typed{t}, X: rd.readExpr(shape(s, 1, false)[0])}
	}
	n, ok := FloatOps[h]
	if !ok {
		return nil
	}
	op := &FloatOp{Typed: Typed{t}, Op: h}
	for _, a := range shape(s, n, false) {
		op.Args = append(op.Args, rd.readExpr(a))
	}
	return op
}
