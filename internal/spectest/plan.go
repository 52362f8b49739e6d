package spectest

import (
	"fmt"

	"cot/ir/wasm"
)

// unit is one module command of a script with the invocations that target it, in order.
type unit struct {
	Line      int
	Filename  string
	Module    *wasm.Module // nil when the module failed to decode
	DecodeErr error
	// LeftOut, when set, is why the module and everything aimed at it is not executed.
	LeftOut string
	// SharedSince is the line of a later (left-out) module that imports from this one once it is
	// registered: from then on its state may be changed by that module, so later invocations on it
	// are left out too.
	SharedSince int
	// TaintedBy is the line of a left-out action on this module: its effects are missing, so
	// later invocations on the module are left out too.
	TaintedBy int
	Invs      []Invocation
	Cmds      []*Command // the command of each invocation
}

// linkCheck is an assert_unlinkable or assert_uninstantiable command with its decoded module.
type linkCheck struct {
	Cmd       *Command
	Module    *wasm.Module
	DecodeErr error
}

// LeftOut is a command the runner does not execute, with the reason.
type LeftOut struct {
	Line     int
	Kind     string
	Category string // one of the leftOut* constants, for the summary
	Reason   string
}

// Categories of left-out commands.
const (
	leftOutRegister   = "register (modules run one at a time, no cross-module linking)"
	leftOutImports    = "module imports from a registered module"
	leftOutShared     = "target module's state is shared with a left-out module"
	leftOutTainted    = "follows a left-out action on the same module"
	leftOutReference  = "non-null reference argument or result (host references)"
	leftOutNoModule   = "target module not defined"
	leftOutUnexpected = "command the runner does not know"
)

// plan is a script sorted into executable units and the rest.
type plan struct {
	Units     []*unit
	Rejects   []*Command  // assert_invalid / assert_malformed of binary modules
	Links     []linkCheck // assert_unlinkable / assert_uninstantiable
	TextMods  int         // assert_malformed of text (`module quote`) modules: out of scope
	LeftOut   []LeftOut
	Registers map[string]*unit
}

// makePlan walks the commands in order. decode is used only for the `module` commands (the
// harness needs them as data); rejection tests decode later, when they are checked.
func makePlan(s *Script, decode func([]byte) (*wasm.Module, error)) *plan {
	p := &plan{Registers: map[string]*unit{}}
	byName := map[string]*unit{}
	var current *unit
	for i := range s.Commands {
		c := &s.Commands[i]
		switch c.Type {
		case "module":
			u := &unit{Line: c.Line, Filename: c.Filename}
			bin, err := s.ReadModule(c.Filename)
			if err == nil {
				u.Module, err = decode(bin)
			}
			u.DecodeErr = err
			if u.Module != nil {
				u.Module, u.LeftOut = p.resolveImports(u.Module, c.Line, true)
			}
			p.Units = append(p.Units, u)
			current = u
			if c.Name != "" {
				byName[c.Name] = u
			}
		case "register":
			target := current
			if c.Name != "" {
				target = byName[c.Name]
			}
			p.Registers[c.As] = target
			p.LeftOut = append(p.LeftOut, LeftOut{c.Line, c.Type, leftOutRegister, "register " + c.As})
		case "action", "assert_return", "assert_trap", "assert_exhaustion":
			target := current
			if c.Action.Module != "" {
				target = byName[c.Action.Module]
			}
			if category, reason := p.invocationLeftOut(target, c); reason != "" {
				p.LeftOut = append(p.LeftOut, LeftOut{c.Line, c.Type, category, reason})
				continue
			}
			inv, err := makeInvocation(c)
			if err != nil {
				p.LeftOut = append(p.LeftOut, LeftOut{c.Line, c.Type, leftOutReference, err.Error()})
				if c.Type == "action" && target.TaintedBy == 0 {
					target.TaintedBy = c.Line
				}
				continue
			}
			target.Invs = append(target.Invs, inv)
			target.Cmds = append(target.Cmds, c)
		case "assert_invalid", "assert_malformed":
			if c.ModuleType == "text" {
				p.TextMods++
				continue
			}
			p.Rejects = append(p.Rejects, c)
		case "assert_unlinkable", "assert_uninstantiable":
			lc := linkCheck{Cmd: c}
			bin, err := s.ReadModule(c.Filename)
			if err == nil {
				lc.Module, err = decode(bin)
			}
			lc.DecodeErr = err
			if lc.Module != nil {
				// A module that fails to instantiate may still have written into a registered
				// module's table or memory before trapping (Wasm 2.0 applies segments in order).
				var reason string
				if lc.Module, reason = p.resolveImports(lc.Module, c.Line, c.Type == "assert_uninstantiable"); reason != "" {
					p.LeftOut = append(p.LeftOut, LeftOut{c.Line, c.Type, leftOutImports, reason})
					continue
				}
			}
			p.Links = append(p.Links, lc)
		default:
			p.LeftOut = append(p.LeftOut, LeftOut{c.Line, c.Type, leftOutUnexpected, c.Type})
		}
	}
	return p
}

// resolveImports returns m with its imports of self-contained functions from registered modules
// inlined (inline_imports.go), or, when m imports anything else from a registered module, m and
// why it cannot run on its own (see importsLeftOut).
func (p *plan) resolveImports(m *wasm.Module, line int, shares bool) (*wasm.Module, string) {
	if reason := p.importsLeftOut(m, line, false); reason == "" {
		return m, ""
	}
	if h, err := inlineRegisteredFuncs(m, p.Registers); err == nil {
		return h, ""
	}
	return m, p.importsLeftOut(m, line, shares)
}

// importsLeftOut returns why a module importing from a registered module cannot run on its own,
// and, when it may change that module's state (shares), marks the registered module as sharing
// state from this line on.
func (p *plan) importsLeftOut(m *wasm.Module, line int, shares bool) string {
	for _, im := range m.Imports {
		if im.Module == "spectest" {
			continue
		}
		if reg := p.Registers[im.Module]; reg != nil {
			if shares && reg.SharedSince == 0 {
				reg.SharedSince = line
			}
			return fmt.Sprintf("imports %s.%s from a registered module (no cross-module linking)", im.Module, im.Name)
		}
	}
	return ""
}

func (p *plan) invocationLeftOut(target *unit, c *Command) (category, reason string) {
	switch {
	case target == nil:
		return leftOutNoModule, fmt.Sprintf("targets module %q, which is not defined", c.Action.Module)
	case target.LeftOut != "":
		return leftOutImports, fmt.Sprintf("module of line %d: %s", target.Line, target.LeftOut)
	case target.TaintedBy != 0:
		return leftOutTainted, fmt.Sprintf("follows the left-out action of line %d, whose effects on the module are missing", target.TaintedBy)
	case target.SharedSince != 0:
		return leftOutShared, fmt.Sprintf("module of line %d shares state with the left-out module of line %d", target.Line, target.SharedSince)
	}
	return "", ""
}

// makeInvocation converts an action command. Non-null references cannot be written as constants
// in Wasm (externref values are host objects) nor told apart when printed, so they are left out.
func makeInvocation(c *Command) (Invocation, error) {
	inv := Invocation{Get: c.Action.Type == "get", Field: c.Action.Field,
		Replay: c.Type == "action" || c.Type == "assert_return"}
	for _, a := range c.Action.Args {
		k, err := parseConstant(a)
		if err != nil {
			return Invocation{}, err
		}
		if (k.Type == wasm.ExternRef || k.Type == wasm.FuncRef) && !k.RefNull {
			return Invocation{}, fmt.Errorf("non-null %s argument: the harness cannot create host references", k.Type)
		}
		inv.Args = append(inv.Args, k)
	}
	for _, e := range c.Expected {
		t, err := parseValType(e.Type)
		if err != nil {
			return Invocation{}, err
		}
		if c.Type == "assert_return" {
			k, err := parseConstant(e)
			if err != nil {
				return Invocation{}, err
			}
			if (k.Type == wasm.ExternRef || k.Type == wasm.FuncRef) && !k.RefNull {
				return Invocation{}, fmt.Errorf("non-null %s result: host reference identity cannot be printed", k.Type)
			}
		}
		inv.Results = append(inv.Results, t)
	}
	return inv, nil
}
