package grammar

import "strings"

// ExprString renders an expression in a canonical, fully parenthesised form: every binary and
// prefix operation is wrapped in parentheses, so `a + b * c` prints `(a + (b * c))` and
// `-a.b` prints `(-a.b)`. Used by the precedence tests and handy when debugging the parse pass.
func ExprString(e *Expr) string {
	var b strings.Builder
	writeExpr(&b, e)
	return b.String()
}

// binary folds Left (Op Right)* from the left into parenthesised text.
func binary[L, R any](b *strings.Builder, left L, rest []R, writeL func(*strings.Builder, L), op func(R) (string, func(*strings.Builder))) {
	if len(rest) == 0 {
		writeL(b, left)
		return
	}
	var inner strings.Builder
	writeL(&inner, left)
	acc := inner.String()
	for _, r := range rest {
		o, writeR := op(r)
		var rb strings.Builder
		writeR(&rb)
		acc = "(" + acc + " " + o + " " + rb.String() + ")"
	}
	b.WriteString(acc)
}

func writeExpr(b *strings.Builder, e *Expr) {
	binary(b, e.Left, e.Rest, writeOr, func(r *FallbackOp) (string, func(*strings.Builder)) {
		op := r.Op
		if r.Capture != "" {
			op += " |" + r.Capture + "|"
		}
		return op, func(b *strings.Builder) { writeOr(b, r.Right) }
	})
}

func writeOr(b *strings.Builder, e *OrExpr) {
	binary(b, e.Left, e.Rest, writeAnd, func(r *OrOp) (string, func(*strings.Builder)) {
		return r.Op, func(b *strings.Builder) { writeAnd(b, r.Right) }
	})
}

func writeAnd(b *strings.Builder, e *AndExpr) {
	binary(b, e.Left, e.Rest, writeCmp, func(r *AndOp) (string, func(*strings.Builder)) {
		return r.Op, func(b *strings.Builder) { writeCmp(b, r.Right) }
	})
}

func writeCmp(b *strings.Builder, e *CmpExpr) {
	binary(b, e.Left, e.Rest, writeAdd, func(r *CmpOp) (string, func(*strings.Builder)) {
		return r.Op, func(b *strings.Builder) { writeAdd(b, r.Right) }
	})
}

func writeAdd(b *strings.Builder, e *AddExpr) {
	binary(b, e.Left, e.Rest, writeMul, func(r *AddOp) (string, func(*strings.Builder)) {
		return r.Op, func(b *strings.Builder) { writeMul(b, r.Right) }
	})
}

func writeMul(b *strings.Builder, e *MulExpr) {
	binary(b, e.Left, e.Rest, writeUnary, func(r *MulOp) (string, func(*strings.Builder)) {
		return r.Op, func(b *strings.Builder) { writeUnary(b, r.Right) }
	})
}

func writeUnary(b *strings.Builder, e *UnaryExpr) {
	for _, op := range e.Ops {
		b.WriteString("(" + op)
		if op == "not" || op == "try" || op == "await" {
			b.WriteByte(' ')
		}
	}
	writePostfix(b, e.Operand)
	b.WriteString(strings.Repeat(")", len(e.Ops)))
}

func writePostfix(b *strings.Builder, e *PostfixExpr) {
	if p := e.Primary.Paren; p != nil && len(p.Elems) == 1 && len(e.Suffixes) > 0 {
		// Keep the parentheses: `(1).0` is not `1.0`.
		b.WriteByte('(')
		writeExpr(b, p.Elems[0])
		b.WriteByte(')')
	} else if p := e.Primary; (p.Int != nil || p.Float != nil) && len(e.Suffixes) > 0 {
		// A number before a suffix is parenthesised: `0.*` would lex as the float `0.`.
		b.WriteByte('(')
		writePrimary(b, p)
		b.WriteByte(')')
	} else {
		writePrimary(b, e.Primary)
	}
	for _, s := range e.Suffixes {
		switch {
		case s.Field != nil:
			b.WriteString("." + *s.Field)
		case s.TupleIndex != nil:
			b.WriteString("." + *s.TupleIndex)
		case s.Deref:
			b.WriteString(".*")
		case s.Unwrap:
			b.WriteString(".?")
		case s.OptField != nil:
			b.WriteString("?." + *s.OptField)
		case s.Call != nil:
			writeArgs(b, s.Call.Args)
		case s.Index != nil:
			b.WriteByte('[')
			if s.Index.Start != nil {
				writeExpr(b, s.Index.Start)
			}
			if s.Index.Slice {
				b.WriteByte(':')
			}
			if s.Index.End != nil {
				writeExpr(b, s.Index.End)
			}
			b.WriteByte(']')
		case s.StructLit != nil:
			writeFields(b, s.StructLit.Fields)
		}
	}
}

func writeArgs(b *strings.Builder, args []*Arg) {
	b.WriteByte('(')
	for i, a := range args {
		if i > 0 {
			b.WriteString(", ")
		}
		if a.Expr != nil {
			writeExpr(b, a.Expr)
		} else {
			b.WriteString(TypeString(a.Type))
		}
	}
	b.WriteByte(')')
}

func writeFields(b *strings.Builder, fields []*FieldInit) {
	b.WriteString("{")
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte(' ')
		if f.Dot {
			b.WriteByte('.')
		}
		b.WriteString(f.Name)
		if f.Value != nil {
			b.WriteString(" " + f.Sep + " ")
			writeExpr(b, f.Value)
		}
	}
	b.WriteString(" }")
}

func writeExprList(b *strings.Builder, open, close string, es []*Expr) {
	b.WriteString(open)
	for i, e := range es {
		if i > 0 {
			b.WriteString(", ")
		}
		writeExpr(b, e)
	}
	b.WriteString(close)
}

func writePrimary(b *strings.Builder, p *Primary) {
	switch {
	case p.Int != nil:
		b.WriteString(*p.Int)
	case p.Float != nil:
		b.WriteString(*p.Float)
	case p.Char != nil:
		b.WriteString(*p.Char)
	case p.String != nil:
		if p.String.Plain != nil {
			b.WriteString(*p.String.Plain)
			break
		}
		b.WriteString(*p.String.Head)
		for _, part := range p.String.Parts {
			writeExpr(b, part.Expr)
			b.WriteString(part.Text)
		}
	case p.Bool != nil:
		b.WriteString(*p.Bool)
	case p.Null:
		b.WriteString("null")
	case p.Undefined:
		b.WriteString("undefined")
	case p.ErrorLit != nil:
		b.WriteString("error." + *p.ErrorLit)
	case p.ZeroInit:
		b.WriteString(".{}")
	case p.Builtin != nil:
		b.WriteString(p.Builtin.Name)
		writeArgs(b, p.Builtin.Args)
	case p.Closure != nil:
		b.WriteString("fn(...) {...}")
	case p.New != nil:
		b.WriteString("new " + p.New.Name)
		for _, g := range []*CallSuffix{p.New.Args1, p.New.Args2} {
			if g != nil {
				writeArgs(b, g.Args)
			}
		}
		if p.New.Braces {
			writeFields(b, p.New.Fields)
		}
	case p.If != nil:
		b.WriteString("if (")
		writeExpr(b, p.If.Cond)
		b.WriteString(") {...}")
		if p.If.Else != nil || len(p.If.ElseIfs) > 0 {
			b.WriteString(" else {...}")
		}
	case p.Switch != nil:
		b.WriteString("switch ")
		writePrimary(b, p.Switch.Subject)
		b.WriteString(" {...}")
	case p.Comptime != nil:
		b.WriteString("comptime {...}")
	case p.Block != nil:
		b.WriteString("{...}")
	case p.Array != nil:
		writeExprList(b, "[", "]", p.Array.Elems)
	case p.Paren != nil:
		if len(p.Paren.Elems) == 1 {
			writeExpr(b, p.Paren.Elems[0])
			break
		}
		writeExprList(b, "(", ")", p.Paren.Elems)
	case p.Ident != nil:
		b.WriteString(*p.Ident)
	}
}

// TypeString renders a type in source syntax (`*[]u8`, `E!Pair(i64, bool)`, `fn(i64) -> i64`).
func TypeString(t *Type) string {
	switch {
	case t == nil:
		return ""
	case t.Pointer != nil:
		return "*" + TypeString(t.Pointer)
	case t.Optional != nil:
		return "?" + TypeString(t.Optional)
	case t.ErrorUnion != nil:
		return t.ErrorUnion.ErrorSet + "!" + TypeString(t.ErrorUnion.Payload)
	case t.Slice != nil:
		return "[]" + TypeString(t.Slice)
	case t.Array != nil:
		return "[" + ExprString(t.Array.Len) + "]" + TypeString(t.Array.Elem)
	case t.Tuple != nil:
		return "(" + typeList(t.Tuple.Elems) + ")"
	case t.Func != nil:
		s := "fn(" + typeList(t.Func.Params) + ")"
		if t.Func.Ret != nil {
			s += " -> " + TypeString(t.Func.Ret)
		}
		return s
	case t.Named != nil:
		if t.Named.Args != nil {
			return t.Named.Name + "(" + typeList(t.Named.Args) + ")"
		}
		return t.Named.Name
	}
	return "?"
}

func typeList(ts []*Type) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = TypeString(t)
	}
	return strings.Join(parts, ", ")
}
