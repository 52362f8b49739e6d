package passes

import (
	"fmt"
	"sort"
	"strings"

	"cot/ir/ast"
	"cot/ir/src"
	"cot/ir/types"
)

// mismatchExpr reports that the value x does not fit where want is expected: the whole
// expression underlined, labelled with its type, and when x is an error union whose payload
// would fit, the fix (`try` in a function that returns errors, else `catch`).
func (c *checker) mismatchExpr(x ast.Expr, what string, want, have types.Type) {
	if want == types.TInvalid || have == types.TInvalid {
		return
	}
	sp := nodeSpan(c.diags, x)
	d := src.Diagnostic{Pos: sp.Pos, End: sp.End, Severity: src.Error, Code: codeTypeMismatch,
		Msg:   fmt.Sprintf("type mismatch: %s: expected %v, found %v%s", what, want, have, conversionHint(want, have)),
		Label: fmt.Sprintf("this is %v", have)}
	d.Help = c.unwrapHelp(have, want)
	text := c.spanText(sp, operandText(x))
	switch {
	case conversionHint(want, have) != "":
		d.Help = append(d.Help, fmt.Sprintf("convert it: `@intCast(%v, %s)`", want, text))
	case want == types.TBool && types.IsInteger(have) && strings.HasPrefix(what, "condition"):
		d.Help = append(d.Help, fmt.Sprintf("an integer is no condition: compare it, `%s != 0`", text))
	case want == types.TBool && isOptional(have) && strings.HasPrefix(what, "condition"):
		d.Help = append(d.Help, fmt.Sprintf("test it: `%s != null`, or `if (%s) |v| { … }` to use its value", text, text))
	}
	c.diags.Report(d)
}

// unwrapHelp suggests unwrapping an error union (or an optional) whose payload fits want.
func (c *checker) unwrapHelp(have, want types.Type) []string {
	switch h := have.(type) {
	case *types.ErrorUnion:
		if want != nil && !types.Identical(h.Payload, want) && !types.AssignableTo(h.Payload, want) {
			return nil
		}
		if c.fn != nil && isErrorUnion(c.fn.Result) {
			return []string{"add `try` to pass the error on to the caller, or handle it with `catch`"}
		}
		return []string{"handle the error with `catch` (e.g. `… catch 0`); `try` needs a function that returns an error union"}
	case *types.Pointer:
		if want != nil && types.Identical(h.Elem, want) {
			return []string{"copy the value it points at with `.*`"}
		}
	case *types.Optional:
		if want != nil && !types.Identical(h.Elem, want) && !types.AssignableTo(h.Elem, want) {
			return nil
		}
		return []string{"unwrap the optional with `?? default`, `if (x) |v| { … }` or `.?`"}
	}
	return nil
}

// binaryMismatch reports operands that the operator of b does not take: the whole operation
// underlined, labelled with both types, and the fix when an operand is an error union or an
// optional whose payload would do.
func (c *checker) binaryMismatch(b *ast.Binary, msg string) {
	sp := nodeSpan(c.diags, b)
	x, y := b.X.Type(), b.Y.Type()
	d := src.Diagnostic{Pos: sp.Pos, End: sp.End, Severity: src.Error, Code: codeTypeMismatch, Msg: msg,
		Label: fmt.Sprintf("%v %s %v", x, b.Op, y)}
	d.Help = c.unwrapHelp(x, nil)
	if d.Help == nil {
		d.Help = c.unwrapHelp(y, nil)
	}
	c.diags.Report(d)
}

// unknownField reports a field name the struct does not have, at the name when pos (where the
// front end put it: the field's value in a literal, the `.` of a member) is just after it on
// the line, with the closest field name as a suggestion.
func (c *checker) unknownField(pos src.Pos, st *types.Struct, typeName, name string) {
	d := src.Diagnostic{Pos: pos, Severity: src.Error, Code: codeUndefined,
		Msg: fmt.Sprintf("undefined identifier `%s.%s`: struct `%s` has no field `%s`", typeName, name, typeName, name)}
	if f := spanFile(c.diags, pos); f != nil {
		line := f.PosAt(pos.Offset - pos.Col + 1).Offset
		for i := min(pos.Offset+1+len(name), len(f.Text)) - len(name); i >= line; i-- {
			if string(f.Text[i:i+len(name)]) == name && (i == 0 || !isWordByte(f.Text[i-1])) && (i+len(name) >= len(f.Text) || !isWordByte(f.Text[i+len(name)])) {
				d.Pos, d.End = f.PosAt(i), f.PosAt(i+len(name))
				d.Label = "unknown field"
				break
			}
		}
	}
	var names []string
	for _, f := range st.Fields {
		names = append(names, f.Name)
	}
	if near, ok := src.Closest(name, names); ok {
		d.Help = []string{"did you mean `" + near + "`?"}
	} else if len(names) > 0 {
		d.Help = []string{fmt.Sprintf("`%s` has the fields %s", typeName, joinTicked(names))}
	}
	c.diags.Report(d)
}

func joinTicked(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += ", "
		}
		out += "`" + n + "`"
	}
	return out
}

// noMethod reports a method call of a name t has no method of, at the name, with the closest
// method of t (an impl method `T_m` is `m`) as a suggestion.
func (c *checker) noMethod(pos src.Pos, t types.Type, name string) {
	sp := nameSpan(c.diags, pos, name)
	d := src.Diagnostic{Pos: sp.Pos, End: sp.End, Severity: src.Error, Code: codeUndefined,
		Msg:   fmt.Sprintf("undefined identifier `%v.%s`: %v has no method `%s`", t, name, t, name),
		Label: "unknown method"}
	prefix := strings.TrimPrefix(t.String(), "*") + "_"
	var methods []string
	for fn := range c.funcsByName {
		if m, ok := strings.CutPrefix(fn, prefix); ok {
			methods = append(methods, m)
		}
	}
	sort.Strings(methods)
	if near, ok := src.Closest(name, methods); ok {
		d.Help = []string{"did you mean `" + near + "`?"}
	}
	c.diags.Report(d)
}

// notExhaustive reports the variants a switch without else misses: `switch x` underlined,
// with the arms to add.
func (c *checker) notExhaustive(s *ast.Switch, missing []string) {
	sp := tokenSpan(c.diags, s.Pos())
	if f := spanFile(c.diags, s.Pos()); f != nil {
		end := scanExpr(f.Text, sp.End.Offset)
		for end > sp.End.Offset && (f.Text[end-1] == ' ' || f.Text[end-1] == '{') {
			end--
		}
		sp.End = f.PosAt(end)
	}
	arms := make([]string, len(missing))
	for i, m := range missing {
		arms[i] = m + " => …"
	}
	c.diags.Report(src.Diagnostic{Pos: sp.Pos, End: sp.End, Severity: src.Error, Code: codeTypeMismatch,
		Msg:   "switch must be exhaustive: missing " + strings.Join(missing, ", "),
		Label: "not every variant is handled",
		Help:  []string{"add the arms `" + strings.Join(arms, "`, `") + "`, or an `else =>` arm"}})
}

// tryOutside reports a `try` in a function that does not return an error union: `try x`
// underlined, with the two fixes (catch here, or let the function return errors).
func (c *checker) tryOutside(e *ast.Fail) {
	// parse spells `try f()` with nodes of its own at `try`: the operand is read back, a call
	// (`try f(x)`, `try a.m()`) underlined whole.
	sp := tokenSpan(c.diags, e.Pos())
	if f := spanFile(c.diags, e.Pos()); f != nil && string(f.Text[sp.Pos.Offset:sp.End.Offset]) == "try" {
		i := sp.End.Offset
		for i < len(f.Text) && (f.Text[i] == ' ' || f.Text[i] == '\t') {
			i++
		}
		if call := callSpan(c.diags, f.PosAt(i)); call.End.IsValid() && call.End.Offset > i+1 && f.Text[call.End.Offset-1] == ')' {
			sp.End = call.End
		}
	}
	d := src.Diagnostic{Pos: sp.Pos, End: sp.End, Severity: src.Error, Code: codeTypeMismatch,
		Msg:   fmt.Sprintf("try in non-error-returning function `%s` (it returns %v; use catch)", c.fn.Name.Name, c.fn.Result),
		Label: "`try` passes the error to the caller"}
	d.Help = []string{"handle the error here with `catch` (e.g. `… catch 0`)"}
	if c.fn.TestKind == "" {
		d.Help = append(d.Help, fmt.Sprintf("or make `%s` return errors: `!%v`", c.fn.Name.Name, c.fn.Result))
	}
	c.diags.Report(d)
}

// spanText is the source text of sp when it is on one line and short, else fallback.
func (c *checker) spanText(sp src.Span, fallback string) string {
	f := spanFile(c.diags, sp.Pos)
	if f == nil || !sp.End.IsValid() || sp.End.Line != sp.Pos.Line || sp.End.Offset-sp.Pos.Offset > 40 {
		return fallback
	}
	return string(f.Text[sp.Pos.Offset:sp.End.Offset])
}
