package ast

// The reference interpreter: runs an ast program of any typed language of the family (print
// needs types to tell a bool from an i64) so a test can check that every pass keeps the meaning of the
// program: the same output, exit status and trap after each pass as the compiled Wasm.

import (
	"fmt"
	"strconv"
	"strings"

	"cot/ir/types"
)

// Outcome is what running a program produced.
type Outcome struct {
	Stdout, Stderr string
	Exit           uint32
	Trap           string // Wasm trap wording ("integer divide by zero"), empty if none
}

// Limits bound an interpretation so a test cannot hang.
type Limits struct {
	Steps, Depth int
}

// Interpret runs p: the non-constant global initializers in dependency order, then the function
// exported as _start when there is one, else main, exiting with main's status (low 8 bits).
func Interpret(p *Program, lim Limits) (out Outcome) {
	in := &interp{prog: p, lim: lim, funcs: map[int]*Func{}, globals: map[int]int64{}, strs: map[string]int64{},
		taken: AddressTaken(p), globalBoxes: map[int]int64{}, boxTypes: map[int]types.Type{}, sp: StackTop(len(p.Data)),
		calls: []*callMem{{boxes: map[int]int64{}, slots: map[Node]int64{}}}} // the global initializers' context
	defer func() {
		switch r := recover().(type) {
		case nil:
		case exitSignal:
			out.Exit = uint32(r)
		case trapSignal:
			out.Trap = string(r)
		default:
			panic(r)
		}
		out.Stdout, out.Stderr = in.stdout.String(), in.stderr.String()
	}()
	var entry, main *Func
	for _, d := range p.Decls {
		switch d := d.(type) {
		case *Func:
			in.funcs[d.Name.ID] = d
			if d.Export == "_start" {
				entry = d
			}
			if d.Name.Name == "main" {
				main = d
			}
		case *Global:
			in.globals[d.Name.ID] = 0
			if IsConstInit(d.Init) {
				in.globals[d.Name.ID] = in.eval(d.Init, nil)
			}
			if in.taken[d.Name.ID] || isAggregate(d.Type) { // lives in memory: a box below the stack's first frame
				in.globalBoxes[d.Name.ID] = in.alloc(d.Type)
				in.boxTypes[d.Name.ID] = d.Type
				if !isAggregate(d.Type) {
					in.store(in.globalBoxes[d.Name.ID], d.Type, in.globals[d.Name.ID])
				}
			}
		}
	}
	// Initializers not yet turned into init-global statements run first, in dependency order.
	order, _ := GlobalInitOrder(p)
	// An initializer may declare address-taken locals (a block expression): they live in the
	// boxes of a call of its own, as they will in the entry function's frame.
	in.calls = append(in.calls, &callMem{boxes: map[int]int64{}, slots: map[Node]int64{}})
	for _, g := range order {
		in.set(g.Name, in.eval(g.Init, frame{}), nil)
	}
	in.calls = in.calls[:0]
	if entry != nil {
		in.call(entry, nil)
		return out
	}
	status := in.mainStatus(main, in.call(main, nil))
	out.Exit = uint32(status & 255)
	return out
}

type exitSignal uint32
type trapSignal string

type interp struct {
	prog           *Program
	lim            Limits
	steps, depth   int
	funcs          map[int]*Func
	globals        map[int]int64
	strs           map[string]int64 // addresses handed out for str-addr before layout-data (interp_string.go)
	stdout, stderr strings.Builder
	// linear memory (interp_memory.go)
	mem         []byte
	sp          int64
	taken       map[int]bool // binders whose address is taken: they live in boxes
	globalBoxes map[int]int64
	boxTypes    map[int]types.Type
	calls       []*callMem

	closureState // function values (interp_closure.go)
}

// frame holds the locals of one call, by binder ID.
type frame map[int]int64

// flow says how a statement ended.
type flow struct {
	kind    int // 0 normal, 1 break, 2 continue, 3 return
	loop    int
	value   int64
	errExit bool // a return that is an error exit (spec §5.5: errdefers run)
}

func (in *interp) call(f *Func, args []int64) int64 { return in.callWith(f, args, nil, nil) }

// callWith calls f; prologue, when set, runs after the parameters are bound and epilogue after
// the body (a closure's captured values, interp_closure.go).
func (in *interp) callWith(f *Func, args []int64, prologue, epilogue func(frame)) int64 {
	if in.depth++; in.depth > in.lim.Depth {
		panic(trapSignal("stack overflow"))
	}
	fr := frame{}
	cm := &callMem{boxes: map[int]int64{}, slots: map[Node]int64{}}
	in.calls = append(in.calls, cm)
	sp := in.sp
	if f.Frame > 0 { // the body's own stack check reports an overflow
		in.sp -= f.Frame
		cm.fp = in.sp
	}
	for i, p := range f.Params {
		in.declare(p.Name.ID, p.Type, args[i], fr)
	}
	if prologue != nil {
		prologue(fr)
	}
	fl := in.block(f.Body, fr)
	if epilogue != nil {
		epilogue(fr)
	}
	in.depth--
	in.sp = sp
	in.calls = in.calls[:len(in.calls)-1]
	return fl.value
}

func (in *interp) block(b *Block, fr frame) flow {
	fl, _ := in.runBlock(b, nil, fr) // interp_defer.go
	return fl
}

func (in *interp) set(n Name, v int64, fr frame) {
	if a, boxed := in.boxOf(n.ID); boxed {
		in.put(a, in.typeOfBox(n.ID), v)
		return
	}
	if _, local := fr[n.ID]; local {
		fr[n.ID] = v
		return
	}
	if _, global := in.globals[n.ID]; global {
		in.globals[n.ID] = v
		return
	}
	fr[n.ID] = v
}

// flowSignal carries a break, continue or return out of a block expression to the statement
// that contains the expression.
type flowSignal flow

func (in *interp) stmt(s Stmt, fr frame) (fl flow) {
	if in.steps++; in.steps > in.lim.Steps {
		panic(trapSignal("step limit exceeded"))
	}
	defer catchFlow(&fl)
	switch s := s.(type) {
	case *Block:
		return in.block(s, fr)
	case *VarDecl:
		in.declare(s.Name.ID, s.Type, in.eval(s.Init, fr), fr)
	case *Assign: // the target's address first, as the compiled store evaluates it
		if a, ok := in.targetAddr(s.Target, fr); ok {
			in.put(a, s.Target.Type(), in.eval(s.Value, fr))
		} else {
			in.set(s.Target.(*Ref).Name, in.eval(s.Value, fr), fr)
		}
	case *OpAssign:
		if a, ok := in.targetAddr(s.Target, fr); ok {
			t := s.Target.Type()
			in.store(a, t, in.combine(s.Op, t, in.load(a, t), pointerStep(t, in.eval(s.Value, fr))))
			break
		}
		t := s.Target.(*Ref)
		in.set(t.Name, in.combine(s.Op, t.T, in.eval(t, fr), pointerStep(t.T, in.eval(s.Value, fr))), fr)
	case *InitGlobal:
		in.set(s.Name, in.eval(s.Value, fr), fr)
	case *ExprStmt:
		in.eval(s.X, fr)
	case *If:
		if in.eval(s.Cond, fr) != 0 {
			return in.block(s.Then, fr)
		} else if s.Else != nil {
			return in.stmt(s.Else, fr)
		}
	case *Switch:
		if b := in.switchBody(s, fr); b != nil {
			return in.block(b, fr)
		}
	case *While:
		return in.loop(s.Label.ID, func() bool { return in.eval(s.Cond, fr) != 0 }, s.Body, s.Step, fr)
	case *ForEach:
		return in.forEach(s, fr)
	case *forEachStep:
		s.run()
	case *ForRange:
		in.declare(s.Var.ID, types.TI64, in.eval(s.Lo, fr), fr)
		end := in.eval(s.Hi, fr)
		v := &Ref{Typed: Typed{types.TI64}, Name: s.Var}
		step := &Assign{Target: &Ref{Name: s.Var}, Value: &Binary{Op: "+", X: v, Y: &IntLit{Value: 1}}}
		return in.loop(s.Label.ID, func() bool { return in.eval(v, fr) < end }, s.Body, step, fr)
	case *Break:
		return flow{kind: 1, loop: s.Label.ID}
	case *Continue:
		return flow{kind: 2, loop: s.Label.ID}
	case *Return:
		return flow{kind: 3, value: in.snapshot(s.Value, in.eval(s.Value, fr)), errExit: IsErrorExit(s)}
	case *Print:
		w := &in.stdout
		if s.Fd == 2 {
			w = &in.stderr
		}
		w.WriteString(in.formatParts(s.Args[0], fr))
		if s.Newline {
			w.WriteByte('\n')
		}
	default:
		if !in.runBuiltin(s, fr) && !in.memoryStmt(s, fr) && !in.arcStmt(s, fr) {
			panic(fmt.Sprintf("interpret: statement %T", s))
		}
	}
	return flow{}
}

// formatValue prints v of type t as print does (decisions.md #19).
func formatValue(v int64, t types.Type) string {
	if e, ok := types.Underlying(t).(*types.Enum); ok {
		t = e.Backing // an enum prints its value: a u64 one unsigned
	}
	switch {
	case t == types.TBool:
		return strconv.FormatBool(v != 0)
	case types.IsFloat(t):
		return FormatJS(floatValue(v, t), types.Bits(t))
	case types.IsUnsigned(t):
		return strconv.FormatUint(uint64(v), 10)
	}
	return strconv.FormatInt(v, 10)
}

func (in *interp) loop(id int, cond func() bool, body *Block, step Stmt, fr frame) flow {
	for cond() {
		fl := in.block(body, fr)
		switch {
		case fl.kind == 3 || (fl.kind != 0 && fl.loop != id):
			return fl
		case fl.kind == 1:
			return flow{}
		}
		if step != nil {
			in.stmt(step, fr)
		}
	}
	return flow{}
}
