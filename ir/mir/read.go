package mir

import (
	"fmt"
	"strconv"
	"strings"
)

// Read parses the text written by Print back into a Program (Data is nil), so that
// Print(Read(Print(p))) equals Print(p).
func Read(text string) (*Program, error) {
	p := &Program{}
	var f *Func
	var b *Block
	for n, raw := range strings.Split(text, "\n") {
		line := strings.TrimSpace(raw)
		fail := func(format string, args ...any) error {
			return fmt.Errorf("mir: line %d: %s", n+1, fmt.Sprintf(format, args...))
		}
		switch {
		case line == "" || line == ".text" || strings.HasPrefix(line, ".p2align"):
		case strings.HasPrefix(line, ".globl "):
			f = &Func{Name: strings.TrimPrefix(line, ".globl ")}
			p.Funcs = append(p.Funcs, f)
			b = nil
		case f == nil:
			return nil, fail("text outside a function: %q", line)
		case strings.HasPrefix(line, "// frame:"):
			frame, saved, _ := strings.Cut(line, " saved=")
			if _, err := fmt.Sscanf(frame, "// frame: outargs=%d slots=%d", &f.OutArgs, &f.Slots); err != nil {
				return nil, fail("bad frame line: %v", err)
			}
			for _, name := range strings.Split(saved, ",") {
				if name == "" {
					continue
				}
				op, err := parseReg(f, name)
				if err != nil || op.reg.IsVirtual() {
					return nil, fail("bad saved register %q", name)
				}
				f.Saved = append(f.Saved, op.reg)
			}
		case line == f.Name+":":
		case strings.HasSuffix(line, ":"):
			id, err := labelID(f.Name, strings.TrimSuffix(line, ":"))
			if err != nil {
				return nil, fail("%v", err)
			}
			b = &Block{ID: id}
			f.Blocks = append(f.Blocks, b)
		case b == nil:
			return nil, fail("instruction outside a block: %q", line)
		default:
			in, err := parseInstr(f, line)
			if err != nil {
				return nil, fail("%v", err)
			}
			b.Instrs = append(b.Instrs, in)
		}
	}
	return p, nil
}

func labelID(fn, label string) (int, error) {
	prefix := ".L" + fn + "_"
	if !strings.HasPrefix(label, prefix) {
		return 0, fmt.Errorf("bad label %q", label)
	}
	return strconv.Atoi(label[len(prefix):])
}

// operand is one parsed register: its number, class and printed width letter.
type operand struct {
	reg   Reg
	class Class
	width Width
}

func parseReg(f *Func, s string) (operand, error) {
	s = strings.TrimSuffix(s, ".8b")
	switch s {
	case "sp":
		return operand{SP, Int, X}, nil
	case "xzr":
		return operand{ZR, Int, X}, nil
	case "wzr":
		return operand{ZR, Int, W}, nil
	}
	if len(s) < 2 {
		return operand{}, fmt.Errorf("bad register %q", s)
	}
	letter, rest := s[0], s[1:]
	virtual := strings.HasPrefix(rest, "%")
	n, err := strconv.Atoi(strings.TrimPrefix(rest, "%"))
	if err != nil {
		return operand{}, fmt.Errorf("bad register %q", s)
	}
	op := operand{}
	switch letter {
	case 'w':
		op.class, op.width = Int, W
	case 'x':
		op.class, op.width = Int, X
	case 's':
		op.class, op.width = Float, S
	case 'd':
		op.class, op.width = Float, D
	case 'v', 'b':
		op.class, op.width = Float, D
	default:
		return operand{}, fmt.Errorf("bad register %q", s)
	}
	switch {
	case virtual:
		op.reg = Reg(n)
		if f.Class == nil {
			f.Class = map[Reg]Class{}
		}
		f.Class[op.reg] = op.class
		if op.reg >= f.NextV {
			f.NextV = op.reg + 1
		}
	case op.class == Float:
		op.reg = V(n)
	default:
		op.reg = Reg(n)
	}
	return op, nil
}

// splitOperands splits at commas outside brackets.
func splitOperands(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, c := range s {
		switch c {
		case '[':
			depth++
		case ']':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	if last := strings.TrimSpace(s[start:]); last != "" {
		out = append(out, last)
	}
	return out
}

func parseImm(s string) (int64, error) {
	s = strings.TrimPrefix(s, "#")
	if strings.HasPrefix(s, "0x") {
		v, err := strconv.ParseUint(s[2:], 16, 64)
		return int64(v), err
	}
	return strconv.ParseInt(s, 10, 64)
}

func parseCond(s string) (Cond, error) {
	for i, n := range condNames {
		if n == s {
			return Cond(i), nil
		}
	}
	return 0, fmt.Errorf("bad condition %q", s)
}
