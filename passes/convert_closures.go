// Pass convert-closures: typed -> no-closures.
//
// Closure conversion (spec §6.16, decisions.md #15, docs/decisions.md "closures"). A function
// value is the address of a closure object whose first 8 bytes hold the slot of a function in
// the table of functions called through values (Func.Slot); the captured values follow, copied
// there when the closure is made. Each fn-lit becomes a top-level function taking the literal's
// parameters and then the closure object (`env`, typed with the value's fn type); its body reads
// and writes each capture in the object (so a write inside is seen by the closure's later calls,
// never by the enclosing function, whose variable is another copy). A literal that captures is
// made as a heap object (`new`: insert-arc counts function values, decisions.md 33) holding the
// slot, the slot of a drop function that releases the captures holding counts, and the captured
// values; one that captures nothing, and a named function used as a value (called
// through a thunk that ignores `env`), is a static object: a global holding the slot, whose
// address is the value. A call of a value binds the callee, stops the program with
// `error: call of null function` (exit 134) when it is null, and becomes a call-indirect.
// Nested literals are converted innermost first, so an inner closure is made from its parent's
// object.
//
//	(var k#2 i64 3)
//	(var f#3 - (fn-lit ((v#4 i64)) i64 (captures k#2) (block (return (+ v#4 k#2)))))
//	  =>  (var f#3 - (convert:(fn (i64) i64) (new:(ptr main_fn1_env) (struct-lit main_fn1_env (slot 1) (drop 0) (k k#2)))))
//	      (func main_fn1#5 ((v#4 i64) (env#6 (fn (i64) i64))) i64 (slot 1)
//	        (block (return (+ v#4 (field (deref (convert:(ptr main_fn1_env) env#6)) k)))))
//	(call-value f#3 5)  =>  (block (const callee#10 - f#3) (if (== (convert:i64 callee#10) 0) (fail…))
//	                               (call-indirect callee#10 5))

package passes

import (
	"fmt"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

// nullCallMessage is what a call of a null function value writes before exiting with 134.
const nullCallMessage = ast.NullCallMessage

type closureConverter struct {
	ids    *ast.IDs
	funcs  map[int]*ast.Func
	thunks map[int]*ast.Global // static objects of named functions used as values, by function ID
	lifted []ast.Decl          // functions and objects made for the declaration being rewritten
	envs   []*types.Named
	slot   int
	outer  string // the name of the declaration being rewritten
	count  int
}

func convertClosures(_ *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	if !usesFuncValues(p) {
		return p, nil // nothing to convert: no copy of the program
	}
	cc := &closureConverter{ids: ast.NewIDs(p), funcs: map[int]*ast.Func{}, thunks: map[int]*ast.Global{}}
	for _, d := range p.Decls {
		if f, ok := d.(*ast.Func); ok {
			cc.funcs[f.Name.ID] = f
		}
	}
	r := &ast.Rewriter{Expr: cc.expr, Stmt: cc.stmt}
	out := *p
	out.Decls = nil
	for _, d := range p.Decls {
		cc.outer = "global"
		if f, ok := d.(*ast.Func); ok {
			cc.outer = f.Name.Name
		} else if g, ok := d.(*ast.Global); ok {
			cc.outer = g.Name.Name
		}
		out.Decls = append(out.Decls, r.RewriteDecl(d)...)
		out.Decls = append(out.Decls, cc.lifted...)
		cc.lifted = nil
	}
	out.Types = append(append([]*types.Named(nil), p.Types...), cc.envs...)
	return &out, nil
}

// usesFuncValues reports whether p has a node of function values.
func usesFuncValues(p *ast.Program) bool {
	found := false
	for _, d := range p.Decls {
		ast.Inspect(d, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.FuncLit, *ast.FuncRef, *ast.CallValue:
				found = true
			}
			return !found
		})
	}
	return found
}

func (cc *closureConverter) expr(r *ast.Rewriter, e ast.Expr) ast.Expr {
	switch e := e.(type) {
	case *ast.FuncLit:
		return cc.lift(r, e)
	case *ast.FuncRef:
		return cc.staticValue(e.At, cc.thunk(e), e.T)
	case *ast.CallValue:
		pre, call := cc.callValue(r, e)
		return &ast.Block{At: e.At, Typed: e.Typed, Stmts: pre, Value: call}
	}
	return r.DefaultExpr(e)
}

// stmt spells a call of a value whose result is dropped as statements.
func (cc *closureConverter) stmt(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
	if x, ok := s.(*ast.ExprStmt); ok {
		if call, ok := x.X.(*ast.CallValue); ok {
			pre, ci := cc.callValue(r, call)
			return append(pre, &ast.ExprStmt{At: x.At, X: ci})
		}
	}
	return []ast.Stmt{r.DefaultStmt(s)}
}

func (cc *closureConverter) name(base string) ast.Name {
	return ast.Name{Name: base, ID: cc.ids.Next()}
}

// callValue binds the callee, checks it is not null and calls it through the table.
func (cc *closureConverter) callValue(r *ast.Rewriter, e *ast.CallValue) ([]ast.Stmt, ast.Expr) {
	at := e.At
	t := e.Callee.Type()
	c := cc.name("callee")
	ref := func() ast.Expr { return &ast.Ref{At: at, Typed: ast.Typed{T: t}, Name: c} }
	decl := &ast.VarDecl{At: at, Name: c, Const: true, Type: t, Init: r.RewriteExpr(e.Callee)}
	isNull := &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: "==",
		X: &ast.Convert{At: at, Typed: ast.Typed{T: types.TI64}, X: ref()}, Y: i64Lit(at, 0)}
	fail := &ast.Block{At: at, Stmts: []ast.Stmt{
		&ast.Print{At: at, Fd: 2, Newline: true, Args: []ast.Expr{str(at, nullCallMessage)}},
		&ast.Exit{At: at, Code: i64Lit(at, 134)},
	}}
	call := &ast.CallIndirect{At: at, Typed: e.Typed, Callee: ref(), Args: r.RewriteExprs(e.Args)}
	return []ast.Stmt{decl, &ast.If{At: at, Cond: isNull, Then: fail}}, call
}

// lift makes the function of a fn-lit and returns the expression that makes its value.
func (cc *closureConverter) lift(r *ast.Rewriter, e *ast.FuncLit) ast.Expr {
	at := e.At
	sig := e.T.(*types.Func)
	body := r.RewriteBlock(e.Body) // closures nested in it first: they capture from this one's copies
	cc.count++
	fname := cc.name(fmt.Sprintf("%s_fn%d", cc.outer, cc.count))
	env := cc.name("env")
	var envT *types.Named
	if len(e.Captures) > 0 {
		envT = cc.envType(fname.Name+"_env", e.Captures)
		ptr := types.PointerTo(envT)
		fields := envT.Underlying().(*types.Struct).Fields
		slots := map[int]func(ast.At) ast.Expr{}
		for i, c := range e.Captures {
			ref, i := c.(*ast.Ref), i
			slots[ref.Name.ID] = func(at ast.At) ast.Expr {
				obj := &ast.Deref{At: at, Typed: ast.Typed{T: envT}, X: &ast.Convert{At: at, Typed: ast.Typed{T: ptr},
					X: &ast.Ref{At: at, Typed: ast.Typed{T: sig}, Name: env}}}
				return &ast.Field{At: at, Typed: ast.Typed{T: ref.T}, X: obj, Name: fields[i+envHeader].Name, Index: i + envHeader}
			}
		}
		body = capturesInObject(body, slots)
	}
	params := append(append([]*ast.Param(nil), e.Params...), &ast.Param{At: at, Name: env, Type: sig})
	cc.slot++
	f := &ast.Func{At: at, Name: fname, Params: params, Result: e.Result, Body: body, Slot: cc.slot}
	cc.lifted = append(cc.lifted, f)
	if envT == nil {
		return cc.staticValue(at, cc.staticObject(f), sig)
	}
	// A closure that captures: a heap object (`new`, so insert-arc counts it as it counts every
	// function value) holding the slot, the slot of its drop function and the values.
	lit := &ast.StructLit{At: at, Typed: ast.Typed{T: envT}, Names: []string{"slot", "drop"},
		Values: []ast.Expr{i64Lit(at, uint64(f.Slot)), i64Lit(at, uint64(cc.dropFunc(at, envT)))}}
	for i, c := range e.Captures {
		lit.Names = append(lit.Names, envT.Underlying().(*types.Struct).Fields[i+envHeader].Name)
		lit.Values = append(lit.Values, r.RewriteExpr(c))
	}
	return &ast.Convert{At: at, Typed: ast.Typed{T: sig}, X: &ast.New{At: at, Typed: ast.Typed{T: types.PointerTo(envT)}, Lit: lit}}
}

// envHeader is the number of fields of a closure object before its captures: the slot of its
// function and the slot of its drop function.
const envHeader = 2

// dropFunc makes the drop function of closure objects of type envT, called when the last
// function value holding one dies (lower-arc's release of function values): it releases the
// captures that hold counts (insert-arc makes each assignment of a zero value a release), and
// returns its slot; 0 when no capture holds a count. It takes the address of the object's drop
// field as its closure object, the way call-indirect passes it (lower-arc calls it through the
// table with that address).
//
//	fn F_env_drop(env: fn() void) void { (assign (field (deref (convert:(ptr F_env) (- (convert:i64 env) 8))) c) (zero)) … }
func (cc *closureConverter) dropFunc(at ast.At, envT *types.Named) int {
	fields := envT.Underlying().(*types.Struct).Fields
	sig := types.FuncOf(nil, types.TVoid)
	env := cc.name("env")
	addr := &ast.Binary{At: at, Typed: ast.Typed{T: types.TI64}, Op: "-", X: &ast.Convert{At: at, Typed: ast.Typed{T: types.TI64}, X: &ast.Ref{At: at, Typed: ast.Typed{T: sig}, Name: env}}, Y: i64Lit(at, 8)}
	obj := &ast.Deref{At: at, Typed: ast.Typed{T: envT}, X: &ast.Convert{At: at, Typed: ast.Typed{T: types.PointerTo(envT)}, X: addr}}
	var body []ast.Stmt
	for i, fd := range fields[envHeader:] {
		if countedType(fd.Type) { // insert_arc_counted.go
			field := &ast.Field{At: at, Typed: ast.Typed{T: fd.Type}, X: obj, Name: fd.Name, Index: i + envHeader}
			body = append(body, &ast.Assign{At: at, Target: field, Value: &ast.Zero{At: at, Typed: ast.Typed{T: fd.Type}}})
		}
	}
	if body == nil {
		return 0
	}
	cc.slot++
	f := &ast.Func{At: at, Name: cc.name(envT.Name + "_drop"), Params: []*ast.Param{{At: at, Name: env, Type: sig}}, Result: types.TVoid,
		Body: &ast.Block{At: at, Stmts: body}, Slot: cc.slot}
	cc.lifted = append(cc.lifted, f)
	return f.Slot
}

// envType declares the struct of a closure object: the slot, the drop function's slot, then one
// field per capture.
func (cc *closureConverter) envType(name string, captures []ast.Expr) *types.Named {
	n := types.NewNamed(name, cc.ids.Next())
	fields := []*types.Field{{Name: "slot", Type: types.TI64}, {Name: "drop", Type: types.TI64}}
	used := map[string]bool{"slot": true, "drop": true}
	for i, c := range captures {
		ref := c.(*ast.Ref)
		fname := ref.Name.Name
		if used[fname] {
			fname = fmt.Sprintf("%s_%d", fname, i)
		}
		used[fname] = true
		fields = append(fields, &types.Field{Name: fname, Type: ref.T})
	}
	n.SetUnderlying(&types.Struct{Fields: fields})
	cc.envs = append(cc.envs, n)
	return n
}

// staticObject declares the global closure object of f, which captures nothing: its slot.
func (cc *closureConverter) staticObject(f *ast.Func) *ast.Global {
	g := &ast.Global{At: f.At, Name: cc.name(f.Name.Name + "_obj"), Type: types.TI64, Init: i64Lit(f.At, uint64(f.Slot))}
	cc.lifted = append(cc.lifted, g)
	return g
}

// staticValue is the function value whose closure object is the global g.
func (cc *closureConverter) staticValue(at ast.At, g *ast.Global, t types.Type) ast.Expr {
	addr := &ast.AddrOf{At: at, Typed: ast.Typed{T: types.PointerTo(types.TI64)}, X: &ast.Ref{At: at, Typed: ast.Typed{T: types.TI64}, Name: g.Name}}
	return &ast.Convert{At: at, Typed: ast.Typed{T: t}, X: addr}
}

// thunk returns the static object of the named function of e, making the function that calls
// it from the table (its parameters, then the unused closure object) on first use.
func (cc *closureConverter) thunk(e *ast.FuncRef) *ast.Global {
	if g, ok := cc.thunks[e.Name.ID]; ok {
		return g
	}
	at := e.At
	sig := e.T.(*types.Func)
	call := &ast.Call{At: at, Typed: ast.Typed{T: sig.Result}, Callee: &ast.Ref{At: at, Typed: ast.Typed{T: sig}, Name: e.Name}}
	var params []*ast.Param
	for i, t := range sig.Params {
		p := &ast.Param{At: at, Name: cc.name(fmt.Sprintf("a%d", i)), Type: t}
		params = append(params, p)
		call.Args = append(call.Args, &ast.Ref{At: at, Typed: ast.Typed{T: t}, Name: p.Name})
	}
	params = append(params, &ast.Param{At: at, Name: cc.name("env"), Type: sig})
	var body ast.Stmt = &ast.Return{At: at, Value: call}
	if sig.Result == types.TVoid {
		body = &ast.ExprStmt{At: at, X: call}
	}
	cc.slot++
	f := &ast.Func{At: at, Name: cc.name(e.Name.Name + "_value"), Params: params, Result: sig.Result,
		Body: &ast.Block{At: at, Stmts: []ast.Stmt{body}}, Slot: cc.slot}
	cc.lifted = append(cc.lifted, f)
	g := cc.staticObject(f)
	cc.thunks[e.Name.ID] = g
	return g
}

// capturesInObject returns b with every reference to a captured binder replaced by the
// closure object's field that holds it.
func capturesInObject(b *ast.Block, slots map[int]func(ast.At) ast.Expr) *ast.Block {
	r := &ast.Rewriter{Expr: func(r *ast.Rewriter, e ast.Expr) ast.Expr {
		if ref, ok := e.(*ast.Ref); ok {
			if field, ok := slots[ref.Name.ID]; ok {
				return field(ref.At)
			}
		}
		return r.DefaultExpr(e)
	}}
	return r.RewriteBlock(b)
}
