package verify

// Function values of the ast verifier (see the invariant list in ast.go; ir/ast/node_closure.go):
//
//   - a fn-lit's captures are refs, its parameters binders, its body checked as a function's
//     (returns against its result), its type its signature; a reference inside it to a local
//     or parameter of an enclosing function is among its captures (so a closure nested in a
//     closure makes its parent capture too); break/continue cannot leave it;
//   - a func-ref names a function and has its signature; call-value and call-indirect call an
//     expression of function type with arguments of its parameter types;
//   - "no-free-vars": every reference to a local or parameter is to one of the function that
//     encloses it (convert-closures left no fn-lit to capture anything);
//   - function table slots (Func.Slot) are distinct.

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// litScope is a fn-lit being verified.
type litScope struct {
	base     int // depth of its parameters' scope
	captures map[int]bool
}

// fnBase is the index of the first scope of the innermost function or fn-lit being verified.
func (v *astVerifier) fnBase() int {
	if len(v.lits) > 0 {
		return v.lits[len(v.lits)-1].base
	}
	return 1
}

// freeVar checks a reference to b, a binder found by lookup, against the captures of the
// innermost fn-lit and "no-free-vars".
func (v *astVerifier) freeVar(n ast.Name, at ast.Node, b *binderInfo) {
	if b.scope == 0 || b.scope >= v.fnBase() {
		return
	}
	if v.read(keyBits().noFreeVars); v.noFreeVars {
		v.errorf(at, "no-free-vars: %s is a local of an enclosing function", n)
		return
	}
	if len(v.lits) > 0 && !v.lits[len(v.lits)-1].captures[n.ID] {
		v.errorf(at, "%s is used in an anonymous function that does not capture it", n)
	}
}

// closureExpr checks a node of function values; it reports false for another kind.
func (v *astVerifier) closureExpr(e ast.Expr) bool {
	t := e.Type()
	switch e := e.(type) {
	case *ast.FuncLit:
		v.funcLit(e)
		if v.typed {
			v.same(e, e.Signature(), t, "fn-lit type")
		}
	case *ast.FuncRef:
		if b := v.lookup(e.Name, e); b != nil && v.typed {
			if b.kind != "func" {
				v.errorf(e, "func-ref of %s, which is a %s", e.Name, b.kind)
				break
			}
			if t != nil && !sigIs(b.fn, t) {
				v.same(e, b.fn.Signature(), t, "func-ref type")
			}
		}
	case *ast.CallValue:
		v.callOfValue(e, e.Callee, e.Args)
	case *ast.CallIndirect:
		v.callOfValue(e, e.Callee, e.Args)
	default:
		return false
	}
	return true
}

func (v *astVerifier) callOfValue(e ast.Expr, callee ast.Expr, args []ast.Expr) {
	v.expr(callee, true)
	for _, a := range args {
		v.expr(a, true)
	}
	if !v.typed {
		return
	}
	sig, ok := callee.Type().(*types.Func)
	if !ok {
		v.errorf(e, "callee of type %v, want a function type", callee.Type())
		return
	}
	params, result := sig.Params, sig.Result
	if v.scalarValues { // aggregates by address, an aggregate result through a first pointer
		params, result = nil, scalarOrPointer(sig.Result)
		if result != sig.Result {
			params = append(params, result)
		}
		for _, p := range sig.Params {
			params = append(params, scalarOrPointer(p))
		}
	}
	v.call(e, params, result, args)
}

// scalarOrPointer is t, or a pointer to t when t is an aggregate (handled by address).
func scalarOrPointer(t types.Type) types.Type {
	if t == types.TVoid || isScalar(t) {
		return t
	}
	return types.PointerTo(t)
}

func (v *astVerifier) funcLit(e *ast.FuncLit) {
	captures := map[int]bool{}
	for _, c := range e.Captures {
		ref, ok := c.(*ast.Ref)
		if !ok {
			v.errorf(e, "a capture that is not a reference")
			continue
		}
		v.expr(ref, false)
		captures[ref.Name.ID] = true
	}
	fn, loops := v.fn, v.loops
	v.fn, v.loops = &ast.Func{At: e.At, Name: ast.Name{Name: "fn"}, Params: e.Params, Result: e.Result}, nil
	v.push()
	v.lits = append(v.lits, litScope{base: v.sc.depth(), captures: captures})
	for _, prm := range e.Params {
		v.kind(prm)
		v.binder(prm.Name, prm)
		v.needType(prm, prm.TypeX, prm.Type)
		v.declare(prm.Name, &binderInfo{name: prm.Name.Name, kind: "param", typ: prm.Type})
	}
	v.needType(e, e.ResultX, e.Result)
	if e.Body == nil {
		v.errorf(e, "anonymous function without a body")
	} else {
		v.block(e.Body)
	}
	v.lits = v.lits[:len(v.lits)-1]
	v.pop()
	v.fn, v.loops = fn, loops
}

// tableSlots checks that no two functions share a table slot.
func (v *astVerifier) tableSlots(p *ast.Program) {
	seen := map[int]string{}
	for _, d := range p.Decls {
		f, ok := d.(*ast.Func)
		if !ok || f.Slot == 0 {
			continue
		}
		if prev, dup := seen[f.Slot]; dup {
			v.errorf(f, "table slot %d is also the slot of %s", f.Slot, prev)
		}
		seen[f.Slot] = f.Name.String()
	}
}

func isFuncType(t types.Type) bool {
	_, ok := t.(*types.Func)
	return ok
}
