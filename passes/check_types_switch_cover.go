package passes

// Coverage of switch expressions on integers and bools (see check_types_switch.go): without an
// `else` arm, the unguarded patterns must cover every value of the subject's type — `true` and
// `false`, or ranges such as `0..127, 128..255` of a u8 — or the switch is not exhaustive and the
// error names what is missing.

import (
	"fmt"
	"sort"
	"strings"

	"cot/ir/ast"
	"cot/ir/types"
)

// span is an inclusive range of values in order-preserving form: a signed value v is held as
// v ^ 1<<63, so one unsigned comparison orders both kinds.
type span struct{ lo, hi uint64 }

// missingValues lists what the unguarded patterns of a switch on an integer or bool type t leave
// uncovered (nil when they cover every value); a pattern that is not a literal (a constant's
// name) counts for nothing.
func missingValues(s *ast.Switch, t types.Type) []string {
	if t == types.TBool {
		seen := map[bool]bool{}
		for _, a := range s.Arms {
			for _, lo := range a.Lo {
				if b, ok := lo.(*ast.BoolLit); ok && a.Guard == nil {
					seen[b.Value] = true
				}
			}
		}
		var missing []string
		for _, v := range []bool{true, false} {
			if !seen[v] {
				missing = append(missing, fmt.Sprint(v))
			}
		}
		return missing
	}
	signed := types.IsSigned(t)
	var spans []span
	for _, a := range s.Arms {
		for i, lo := range a.Lo {
			l, okl := patternBits(lo, signed)
			h, okh := l, okl
			if a.Hi[i] != nil {
				h, okh = patternBits(a.Hi[i], signed)
			}
			if a.Guard == nil && okl && okh && l <= h {
				spans = append(spans, span{l, h})
			}
		}
	}
	neg, max := types.IntRange(t)
	whole := span{0, max}
	if signed {
		whole = span{-neg ^ 1<<63, max ^ 1<<63}
	}
	return gapsText(gaps(spans, whole), signed)
}

// patternBits is the order-preserving form of a literal pattern (a negated one included).
func patternBits(e ast.Expr, signed bool) (uint64, bool) {
	var v uint64
	switch x := e.(type) {
	case *ast.IntLit:
		v = x.Value
	case *ast.Unary:
		lit, ok := x.X.(*ast.IntLit)
		if !ok || x.Op != "neg" {
			return 0, false
		}
		v = -lit.Value
	default:
		return 0, false
	}
	if signed {
		v ^= 1 << 63
	}
	return v, true
}

// gaps returns the parts of whole that no span covers, in order.
func gaps(spans []span, whole span) []span {
	sort.Slice(spans, func(i, j int) bool { return spans[i].lo < spans[j].lo })
	var out []span
	next, done := whole.lo, false // next: the first value not covered yet
	for _, s := range spans {
		if done || s.hi < next {
			continue
		}
		if s.lo > next {
			out = append(out, span{next, s.lo - 1})
		}
		if s.hi == whole.hi {
			done = true
		}
		next = s.hi + 1
	}
	if !done {
		out = append(out, span{next, whole.hi})
	}
	return out
}

// gapsText writes up to three gaps as patterns (`5`, `10..99`), then `…`.
func gapsText(gs []span, signed bool) []string {
	text := func(v uint64) string {
		if signed {
			return fmt.Sprint(int64(v ^ 1<<63))
		}
		return fmt.Sprint(v)
	}
	var out []string
	for i, g := range gs {
		if i == 3 {
			out = append(out, "…")
			break
		}
		if g.lo == g.hi {
			out = append(out, text(g.lo))
		} else {
			out = append(out, text(g.lo)+".."+text(g.hi))
		}
	}
	return out
}

// coverage reports whether a switch expression without else on an integer or bool subject covers
// every value, reporting what is missing otherwise.
func (c *checker) coverage(s *ast.Switch) bool {
	t := s.Subject.Type()
	if t == types.TInvalid || t != types.TBool && !types.IsInteger(t) {
		return false
	}
	missing := missingValues(s, t)
	if len(missing) > 0 {
		c.diags.Errorf(s.Pos(), codeTypeMismatch, "switch must be exhaustive: missing %s (or add an `else` arm)", strings.Join(missing, ", "))
		return false
	}
	return true
}
