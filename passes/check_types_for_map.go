package passes

// `for` over a map, in check-types (see check_types.go), spec §5.3: `for k, v in m` and
// `for v in m` iterate a std/map `Map(K, V)` (the instance of any generic struct named Map, or a
// pointer to one) slot by slot in index order. The loop is rewritten, then checked, as the range
// loop std/map's slot methods make of it: `slotFull(i)` says whether slot i holds an entry,
// `slotKey(i)` and `slotValue(i)` read it. The map is reached through a pointer taken once (a
// computed map lives in a temporary), so the body sees the map as it is, not a copy of its header.
// The key is a constant, the value a variable holding a copy, as an array loop binds its index and
// element.
//
//	(for-each L k#3 v#4 m BODY)
//	  =>  (block (const map.p#8 (ptr Map(K, V)) (addr-of m))
//	             (for-range L map.i#9 0 (field map.p#8 capacity)
//	               (if (call (member map.p#8 slotFull) map.i#9)
//	                 (block (const k#3 K (call (member map.p#8 slotKey) map.i#9))
//	                        (var v#4 V (call (member map.p#8 slotValue) map.i#9)) BODY))))

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// mapOf returns the Map instance that x (a checked expression) is or points to, or nil.
func mapOf(x ast.Expr) *types.Named {
	t := x.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem
	}
	if n, ok := t.(*types.Named); ok && n.Name == "Map" && len(n.Args) == 2 && ast.StructOf(n) != nil {
		return n
	}
	return nil
}

// mapLoop rewrites and checks the loop s over the checked map expression x of type Map m.
func (c *checker) mapLoop(s *ast.ForEach, x ast.Expr, m *types.Named) ast.Stmt {
	at := s.At
	ptrT := types.PointerTo(m)
	var decls []ast.Stmt
	if !isPointer(x.Type()) {
		if _, ok := lvalueRoot(x); !ok { // a computed map: keep it in a temporary
			tmp := ast.Name{Name: "map.v", ID: c.ids.Next()}
			c.binders[tmp.ID] = &checkedBinder{kind: "var", typ: m}
			decls = append(decls, &ast.VarDecl{At: at, Name: tmp, Type: m, Init: x})
			x = &ast.Ref{At: at, Typed: ast.Typed{T: m}, Name: tmp}
		}
		x = &ast.AddrOf{At: at, Typed: ast.Typed{T: ptrT}, X: x}
	}
	p := ast.Name{Name: "map.p", ID: c.ids.Next()}
	c.binders[p.ID] = &checkedBinder{kind: "const", typ: ptrT}
	decls = append(decls, &ast.VarDecl{At: at, Name: p, Const: true, Type: ptrT, Init: x})

	i := ast.Name{Name: "map.i", ID: c.ids.Next()}
	slot := func(method string) ast.Expr {
		return &ast.Call{At: at, Callee: &ast.Member{At: at, X: &ast.Ref{At: at, Name: p}, Name: method},
			Args: []ast.Expr{&ast.Ref{At: at, Name: i}}}
	}
	var body []ast.Stmt
	if s.Index.Name != "" {
		body = append(body, &ast.VarDecl{At: at, Name: s.Index, Const: true, Init: slot("slotKey")})
	}
	body = append(body, &ast.VarDecl{At: at, Name: s.Var, Init: slot("slotValue")}, s.Body)
	loop := &ast.ForRange{At: at, Label: s.Label, Var: i, Lo: &ast.IntLit{At: at},
		Hi:   &ast.Member{At: at, X: &ast.Ref{At: at, Name: p}, Name: "capacity"},
		Body: &ast.Block{At: at, Stmts: []ast.Stmt{&ast.If{At: at, Cond: slot("slotFull"), Then: &ast.Block{At: at, Stmts: body}}}}}
	return &ast.Block{At: at, Stmts: append(decls, c.forRange(loop))}
}
