package passes

// Function bodies for lower-to-wasm (see lower_to_wasm.go).

import (
	"fmt"

	"cot/ir/ast"
	"cot/ir/types"
	"cot/ir/wasm"
)

// label is one entry of the structured-control stack: the loop a br leaves (break) or restarts
// through its step (continue), or 0 for blocks no break/continue targets.
type label struct {
	loop int
	kind string // "break", "continue", ""
}

type funcLowerer struct {
	b          *moduleBuilder
	locals     map[int]uint32 // binder ID -> local index
	nparams    int
	localTypes []wasm.ValType
	body       []wasm.Instr
	labels     []label
	frame      int64  // frame size on the shadow stack (lower_to_wasm_memory.go), 0 for none
	fp         uint32 // the local holding the frame pointer, when frame > 0
	dataLen    int    // size of the static data image, which places the stack
}

func (fl *funcLowerer) emit(in ...wasm.Instr) { fl.body = append(fl.body, in...) }

func (fl *funcLowerer) newLocal(id int, t types.Type) uint32 {
	idx := uint32(fl.nparams + len(fl.localTypes))
	fl.localTypes = append(fl.localTypes, valType(t))
	fl.locals[id] = idx
	return idx
}

// depth returns the br depth of the label for loop with kind.
func (fl *funcLowerer) depth(loop int, kind string) uint32 {
	for i := len(fl.labels) - 1; i >= 0; i-- {
		if fl.labels[i].loop == loop && fl.labels[i].kind == kind {
			return uint32(len(fl.labels) - 1 - i)
		}
	}
	panic(fmt.Sprintf("lower-to-wasm: no enclosing loop %d", loop))
}

func (fl *funcLowerer) enter(l label, in wasm.Instr) {
	fl.emit(in)
	fl.labels = append(fl.labels, l)
}

func (fl *funcLowerer) leave() {
	fl.emit(wasm.End())
	fl.labels = fl.labels[:len(fl.labels)-1]
}

func (fl *funcLowerer) block(b *ast.Block) {
	for _, s := range b.Stmts {
		fl.stmt(s)
	}
}

func (fl *funcLowerer) set(name ast.Name) {
	if idx, ok := fl.locals[name.ID]; ok {
		fl.emit(wasm.LocalSet(idx))
		return
	}
	fl.emit(wasm.GlobalSet(fl.b.globalIndex(name.String())))
}

func (fl *funcLowerer) stmt(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.Block:
		fl.block(s)
	case *ast.VarDecl:
		idx := fl.newLocal(s.Name.ID, s.Type)
		if s.Init != nil {
			fl.expr(s.Init)
		} else {
			fl.emit(zero(s.Type)) // locals start zeroed, but a loop re-enters the declaration
		}
		fl.emit(wasm.LocalSet(idx))
	case *ast.Assign:
		fl.expr(s.Value)
		fl.set(s.Target.(*ast.Ref).Name)
	case *ast.InitGlobal:
		fl.expr(s.Value)
		fl.set(s.Name)
	case *ast.ExprStmt:
		fl.expr(s.X)
		if s.X.Type() != types.TVoid {
			fl.emit(wasm.Simple(wasm.OpDrop))
		}
	case *ast.Return:
		if s.Value != nil {
			fl.expr(s.Value)
		}
		fl.leaveFrame()
		fl.emit(wasm.Simple(wasm.OpReturn))
	case *ast.If:
		fl.expr(s.Cond)
		fl.enter(label{}, wasm.If(wasm.BlockType{}))
		fl.block(s.Then)
		if s.Else != nil {
			fl.emit(wasm.Simple(wasm.OpElse))
			fl.stmt(s.Else)
		}
		fl.leave()
	case *ast.While:
		id := s.Label.ID
		fl.enter(label{loop: id, kind: "break"}, wasm.Block(wasm.BlockType{}))
		fl.enter(label{}, wasm.Loop(wasm.BlockType{}))
		if lit, ok := s.Cond.(*ast.BoolLit); !ok || !lit.Value {
			fl.expr(s.Cond)
			fl.emit(wasm.Simple(wasm.OpI32Eqz), wasm.BrIf(fl.depth(id, "break")))
		}
		fl.enter(label{loop: id, kind: "continue"}, wasm.Block(wasm.BlockType{}))
		fl.block(s.Body)
		fl.leave()
		if s.Step != nil {
			fl.stmt(s.Step)
		}
		fl.emit(wasm.Br(0))
		fl.leave()
		fl.leave()
	case *ast.Trap:
		fl.emit(wasm.Simple(wasm.OpUnreachable))
	case *ast.Exit:
		fl.exit(s)
	case *ast.Break:
		fl.emit(wasm.Br(fl.depth(s.Label.ID, "break")))
	case *ast.Continue:
		fl.emit(wasm.Br(fl.depth(s.Label.ID, "continue")))
	default:
		if !fl.memoryStmt(s) {
			panic(fmt.Sprintf("lower-to-wasm: unexpected statement %s", ast.String(s)))
		}
	}
}

func (fl *funcLowerer) expr(e ast.Expr) {
	if fl.floatExpr(e) || fl.stringExpr(e) {
		return
	}
	switch e := e.(type) {
	case *ast.IntLit:
		fl.emit(intConst(e.T, e.Value))
	case *ast.BoolLit:
		fl.emit(wasm.I32Const(boolInt(e.Value)))
	case *ast.DataAddr:
		fl.emit(wasm.I64Const(ast.DataBase + e.Offset))
	case *ast.Ref:
		if idx, ok := fl.locals[e.Name.ID]; ok {
			fl.emit(wasm.LocalGet(idx))
		} else {
			fl.emit(wasm.GlobalGet(fl.b.globalIndex(e.Name.String())))
		}
	case *ast.Unary:
		switch e.Op {
		case "neg":
			fl.emit(zero(e.T))
			fl.expr(e.X)
			fl.emit(wasm.Simple(intOp("-", e.T)))
			fl.emit(normalize(e.T)...)
		case "bnot":
			fl.expr(e.X)
			fl.emit(intConst(e.T, ^uint64(0)), wasm.Simple(intOp("^", e.T)))
			fl.emit(normalize(e.T)...)
		case "not":
			fl.expr(e.X)
			fl.emit(wasm.Simple(wasm.OpI32Eqz))
		}
	case *ast.Binary:
		fl.expr(e.X)
		if t := e.X.Type(); t == types.TBool {
			fl.expr(e.Y)
			fl.emit(wasm.Simple(map[string]wasm.Op{"==": wasm.OpI32Eq, "!=": wasm.OpI32Ne}[e.Op]))
		} else {
			fl.intBinary(e.Op, t, func() { fl.expr(e.Y) })
		}
	case *ast.Convert:
		fl.expr(e.X)
		fl.convert(e.X.Type(), e.T)
	case *ast.Call:
		for _, a := range e.Args {
			fl.expr(a)
		}
		fl.emit(wasm.Call(fl.b.funcIndex(e.FuncName().String())))
	case *ast.HostCall:
		fl.hostCall(e)
	case *ast.CallIndirect:
		fl.callIndirect(e) // lower_to_wasm_indirect.go
	default:
		if !fl.memoryExpr(e) {
			panic(fmt.Sprintf("lower-to-wasm: unexpected expression %s", ast.String(e)))
		}
	}
}
