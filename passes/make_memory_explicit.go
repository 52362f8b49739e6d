// Pass make-memory-explicit: data-laid-out -> memory-explicit.
//
// Makes every use of linear memory an explicit load or store (the memory model of
// docs/ARCHITECTURE.md). A local or parameter whose address is taken lives in a frame slot:
// its binder becomes a constant holding the slot's address (a parameter is copied into its
// slot on entry); a global whose address is taken lives in the static data image (its
// constant initializer as bytes there), and its declaration goes. Reads of such variables
// become loads, assignments stores, `&x` the address itself; `p.*` is a load, and an
// assignment to it a store. Aggregates (structs) always live in memory and are handled by
// address (make_memory_explicit_aggregate.go).
//
//	(var x#3 i64 5) ... (addr-of x#3) ... x#3   =>  (const x#3 (ptr i64) (alloca:(ptr i64)))
//	                                                (store x#3 5) ... x#3 ... (load:i64 x#3)
//	(assign (deref p#4) 7)                      =>  (store p#4 7)
//	(global var g#1 i64 9) ... (addr-of g#1)    =>  data image += 9 as 8 bytes at offset K;
//	                                                ... (data-addr:(ptr i64) K)
//
// Design decision: a variable whose address is never taken stays a Wasm local, so the common
// case costs no memory traffic; a slot is not zeroed, so a declaration without an initializer
// stores the zero value.

package passes

import (
	"encoding/binary"
	"fmt"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

// memoryLowerer rewrites one program; addressed maps each address-taken binder to the
// expression of its address.
type memoryLowerer struct {
	ids       *ast.IDs
	taken     map[int]bool
	addressed map[int]func(at ast.At) ast.Expr
	data      []byte
	sigs      map[int]*types.Func // functions' signatures with aggregates passed by address
	ret       *ast.Param          // the hidden result pointer of the function being rewritten
}

func makeMemoryExplicit(_ *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	m := &memoryLowerer{ids: ast.NewIDs(p).Now(), taken: ast.AddressTaken(p), addressed: map[int]func(ast.At) ast.Expr{},
		data: append([]byte(nil), p.Data...), sigs: map[int]*types.Func{}}
	// A sharing rewrite (ast.Rewriter.Share): what the hooks change they build anew or clone
	// first, so the output shares the input's unchanged subtrees instead of copying every node.
	r := &ast.Rewriter{Expr: m.expr, Stmt: m.stmt, Decl: m.decl, Share: true}
	out := &ast.Program{Types: p.Types}
	ast.CarryIDs(out, p)
	// Globals first: functions anywhere in the program refer to their new places.
	for _, d := range p.Decls {
		switch d := d.(type) {
		case *ast.Global:
			if m.taken[d.Name.ID] || isAggregate(d.Type) {
				m.placeGlobal(d)
			}
		case *ast.Func:
			m.sigs[d.Name.ID] = loweredSignature(d.Signature())
		}
	}
	// The pass consumes its input (decisions.md, front-end memory): each declaration is
	// released once rewritten, so the two programs are not both held whole.
	out.Decls = make([]ast.Decl, 0, len(p.Decls))
	for len(p.Decls) > 0 {
		out.Decls = append(out.Decls, r.RewriteDecl(p.Decls[0])...)
		p.Decls[0] = nil
		p.Decls = p.Decls[1:]
	}
	out.Data = m.data
	return out, nil
}

// placeGlobal gives an address-taken global its bytes in the data image, aligned to 8.
func (m *memoryLowerer) placeGlobal(g *ast.Global) {
	for len(m.data)%8 != 0 {
		m.data = append(m.data, 0)
	}
	off := int64(len(m.data))
	var bits uint64
	switch init := g.Init.(type) {
	case *ast.IntLit:
		bits = init.Value
	case *ast.BoolLit:
		bits = uint64(b2u(init.Value))
	case *ast.FloatLit:
		bits = floatLitBits(init.Value, g.Type)
	case *ast.Unary: // a negated literal (ast.IsConstInit)
		if lit, ok := init.X.(*ast.FloatLit); ok {
			bits = floatLitBits(-lit.Value, g.Type)
		} else {
			bits = -init.X.(*ast.IntLit).Value
		}
	}
	var buf [8]byte
	binary.LittleEndian.PutUint64(buf[:], bits)
	if isAggregate(g.Type) || g.Type == types.TString { // zero bytes (a string too); its initializer is an init-global statement
		m.data = append(m.data, make([]byte, types.Sizeof(g.Type))...)
	} else {
		m.data = append(m.data, buf[:types.Sizeof(g.Type)]...)
	}
	ptr := types.PointerTo(g.Type)
	m.addressed[g.Name.ID] = func(at ast.At) ast.Expr {
		return &ast.DataAddr{At: at, Typed: ast.Typed{T: ptr}, Offset: off}
	}
}

func b2u(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

func (m *memoryLowerer) decl(r *ast.Rewriter, d ast.Decl) []ast.Decl {
	switch d := d.(type) {
	case *ast.Global:
		if m.addressed[d.Name.ID] != nil {
			return nil
		}
	case *ast.Func:
		return []ast.Decl{m.function(r, d)}
	}
	return []ast.Decl{r.DefaultDecl(d)}
}

// function rewrites a function: aggregate parameters arrive as addresses of the caller's copies,
// an aggregate result is written through a hidden first parameter, and address-taken scalar
// parameters are copied into frame slots on entry.
func (m *memoryLowerer) function(r *ast.Rewriter, d *ast.Func) *ast.Func {
	var entry []ast.Stmt
	var params []*ast.Param
	m.ret = nil
	if isAggregate(d.Result) {
		m.ret = &ast.Param{At: d.At, Name: ast.Name{Name: "result", ID: m.ids.Next()}, Type: types.PointerTo(d.Result)}
		params = append(params, m.ret)
	}
	for _, prm := range d.Params {
		p := *prm
		switch {
		case isAggregate(prm.Type):
			p.Type = types.PointerTo(prm.Type)
			m.addressed[prm.Name.ID] = refTo(prm.Name, p.Type)
		case m.taken[prm.Name.ID]:
			slot := ast.Name{Name: prm.Name.Name, ID: m.ids.Next()}
			entry = append(entry, m.slot(prm.At, slot, prm.Type,
				&ast.Ref{At: prm.At, Typed: ast.Typed{T: prm.Type}, Name: prm.Name})...)
			m.addressed[prm.Name.ID] = refTo(slot, types.PointerTo(prm.Type))
		}
		params = append(params, &p)
	}
	f := ast.Clone(r.DefaultDecl(d).(*ast.Func))
	f.Params = params
	if m.ret != nil {
		f.Result = m.ret.Type
	}
	if len(entry) > 0 {
		body := *f.Body
		body.Stmts = append(entry, body.Stmts...)
		f.Body = &body
	}
	return f
}

func refTo(n ast.Name, t types.Type) func(ast.At) ast.Expr {
	return func(at ast.At) ast.Expr { return &ast.Ref{At: at, Typed: ast.Typed{T: t}, Name: n} }
}

// slot declares the constant n holding the address of a fresh frame slot of type t, and
// stores init there (the zero value when init is nil).
func (m *memoryLowerer) slot(at ast.At, n ast.Name, t types.Type, init ast.Expr) []ast.Stmt {
	ptr := types.PointerTo(t)
	if init == nil {
		init = zeroValue(at, t)
	}
	return []ast.Stmt{
		&ast.VarDecl{At: at, Name: n, Const: true, Type: ptr, Init: &ast.Alloca{At: at, Typed: ast.Typed{T: ptr}}},
		&ast.Store{At: at, Addr: refTo(n, ptr)(at), Value: init},
	}
}

// zeroValue is the zero of a scalar type.
func zeroValue(at ast.At, t types.Type) ast.Expr {
	if t == types.TBool {
		return &ast.BoolLit{At: at, Typed: ast.Typed{T: t}}
	}
	if isPointer(t) || isFunc(t) { // a function value is the address of its closure object
		return &ast.Convert{At: at, Typed: ast.Typed{T: t}, X: &ast.IntLit{At: at, Typed: ast.Typed{T: types.TU64}}}
	}
	if t == types.TString {
		return &ast.StrMake{At: at, Typed: ast.Typed{T: t}, Ptr: i64Lit(at, 0), Len: i64Lit(at, 0)}
	}
	if types.IsFloat(t) {
		return &ast.FloatLit{At: at, Typed: ast.Typed{T: t}}
	}
	return &ast.IntLit{At: at, Typed: ast.Typed{T: t}}
}

func (m *memoryLowerer) stmt(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
	switch s := s.(type) {
	case *ast.VarDecl:
		ptr := types.PointerTo(s.Type)
		switch {
		case isAggregate(s.Type):
			m.addressed[s.Name.ID] = refTo(s.Name, ptr)
			if c, ok := s.Init.(*ast.Call); ok { // the call's fresh result slot is the variable: no copy
				return []ast.Stmt{&ast.VarDecl{At: s.At, Name: s.Name, Const: true, Type: ptr, Init: m.call(r, c)}}
			}
			decl := &ast.VarDecl{At: s.At, Name: s.Name, Const: true, Type: ptr, Init: &ast.Alloca{At: s.At, Typed: ast.Typed{T: ptr}}}
			return append([]ast.Stmt{decl}, m.storeInto(r, refTo(s.Name, ptr)(s.At), s.Init, s.Type)...)
		case m.taken[s.Name.ID]:
			m.addressed[s.Name.ID] = refTo(s.Name, ptr)
			return m.slot(s.At, s.Name, s.Type, r.RewriteExpr(s.Init))
		}
	case *ast.Assign:
		t := s.Target.Type()
		if isAggregate(t) {
			return []ast.Stmt{&ast.Copy{At: s.At, Dst: m.lvalueAddr(r, s.Target), Src: m.addr(r, s.Value), Size: types.Sizeof(t)}}
		}
		if addr := m.lvalueAddr(r, s.Target); addr != nil {
			return []ast.Stmt{&ast.Store{At: s.At, Addr: addr, Value: r.RewriteExpr(s.Value)}}
		}
	case *ast.InitGlobal:
		if place := m.addressed[s.Name.ID]; place != nil {
			if t := s.Value.Type(); isAggregate(t) {
				return m.storeInto(r, place(s.At), s.Value, t)
			}
			return []ast.Stmt{&ast.Store{At: s.At, Addr: place(s.At), Value: r.RewriteExpr(s.Value)}}
		}
	case *ast.Return:
		if m.ret != nil && s.Value != nil {
			ret := refTo(m.ret.Name, m.ret.Type)
			return append(m.storeInto(r, ret(s.At), s.Value, s.Value.Type()), &ast.Return{At: s.At, Value: ret(s.At)})
		}
	}
	return []ast.Stmt{r.DefaultStmt(s)}
}

// lvalueAddr returns the address an assignment to e stores to, or nil when e stays a variable.
func (m *memoryLowerer) lvalueAddr(r *ast.Rewriter, e ast.Expr) ast.Expr {
	switch e := e.(type) {
	case *ast.Ref:
		if place := m.addressed[e.Name.ID]; place != nil {
			return place(e.At)
		}
		return nil
	case *ast.Deref:
		return r.RewriteExpr(e.X)
	case *ast.Field:
		return m.fieldAddr(r, e)
	case *ast.Index:
		return m.indexAddr(r, e)
	}
	panic(fmt.Sprintf("make-memory-explicit: assignment to %s", ast.String(e)))
}

func (m *memoryLowerer) expr(r *ast.Rewriter, e ast.Expr) ast.Expr {
	if isAggregate(e.Type()) {
		return m.addr(r, e)
	}
	switch e := e.(type) {
	case *ast.Ref:
		if place := m.addressed[e.Name.ID]; place != nil {
			return &ast.Load{At: e.At, Typed: e.Typed, Addr: place(e.At)}
		}
	case *ast.AddrOf:
		if addr := m.lvalueAddr(r, e.X); addr != nil {
			return addr
		}
		panic("make-memory-explicit: address of a variable that is not address-taken")
	case *ast.Deref:
		return &ast.Load{At: e.At, Typed: e.Typed, Addr: r.RewriteExpr(e.X)}
	case *ast.Field:
		return &ast.Load{At: e.At, Typed: e.Typed, Addr: m.fieldAddr(r, e)}
	case *ast.Index:
		return &ast.Load{At: e.At, Typed: e.Typed, Addr: m.indexAddr(r, e)}
	case *ast.Len:
		return m.length(r, e)
	case *ast.Zero:
		return zeroValue(e.At, e.T)
	case *ast.Call:
		return m.call(r, e)
	case *ast.CallIndirect:
		return m.callIndirect(r, e) // make_memory_explicit_indirect.go
	}
	return defaultExpr(r, e)
}
