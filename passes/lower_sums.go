package passes

// The engine of lower-unions and lower-optionals: each replaces the types of its kind (a tagged
// union, an optional) by named structs of the same layout (spec §3.3: tag i64 @0, payload @8),
// and its expressions by struct, field and pointer operations, so the values live in memory as
// every aggregate does (make-memory-explicit) and may sit anywhere a struct may: fields, array
// and slice elements, pointer targets, globals, parameters and results.
//
// A named struct whose fields mention a type of the kind — directly or through pointers, arrays,
// other structs — is replaced too, by a struct of the same name and ID with the fields' types
// lowered, so a recursive type (`struct Node { next: ?*Node }`) stays one named type. Every
// binder, expression and signature gets its lowered type.
//
//	(types (struct Node#1 (val i64) (next (opt (ptr Node#1)))))
//	  =>  (types (struct Node#1 (val i64) (next opt.ptr.Node#9)) (struct opt.ptr.Node#9 (tag i64) (val (ptr Node#1))))
//
// A kind supplies the struct of one of its types and the lowering of its own expressions.

import (
	"slices"
	"strings"

	"cot/ir/ast"
	"cot/ir/types"
)

// sumKind is what a lowering tells the engine about its kind of type.
type sumKind struct {
	// is reports whether t is a type of the kind.
	is func(t types.Type) bool
	// replace returns the named struct that replaces t, a type of the kind (its fields' types
	// lowered with s.lower); the engine calls it once per distinct type.
	replace func(s *sumLowerer, t types.Type) *types.Named
	// expr lowers an expression of the kind (its operands not yet rewritten), or reports false.
	expr func(s *sumLowerer, e ast.Expr) (ast.Expr, bool)
	// lit, when set, reports a node that expr lowers though its type mentions no type of the
	// kind (an error literal): a program with one is rewritten too.
	lit func(n ast.Node) bool
}

type sumLowerer struct {
	kind    sumKind
	ids     *ast.IDs
	changes map[*types.Named]bool         // named structs whose fields mention the kind
	named   map[*types.Named]*types.Named // the replacement of each named type that changes
	unnamed []replacement                 // the replacements of unnamed types of the kind
	added   []*types.Named                // named types the lowering declares, in order
	r       *ast.Rewriter
}

type replacement struct {
	from types.Type
	to   *types.Named
}

func lowerSums(p *ast.Program, kind sumKind) *ast.Program {
	s := &sumLowerer{kind: kind, ids: ast.NewIDs(p), changes: map[*types.Named]bool{}, named: map[*types.Named]*types.Named{}}
	s.findChanges(p.Types)
	if !s.usesKind(p) {
		return p // nothing to lower: no copy of the program
	}
	var declared []*types.Named
	for _, n := range p.Types {
		declared = append(declared, s.lower(n).(*types.Named))
	}
	// A sharing rewrite: the hooks retype a node only on a copy (Clone) when Default returned it
	// as it was, so the unchanged subtrees are shared (most of a program mentions no sum type).
	r := &ast.Rewriter{Expr: s.expr, Stmt: s.stmt, Decl: s.decl, Share: true}
	s.r = r
	out := r.Program(p)
	out.Types = append(declared, s.added...)
	return out
}

// findChanges computes, to a fixpoint, the named structs that mention the kind.
func (s *sumLowerer) findChanges(named []*types.Named) {
	for changed := true; changed; {
		changed = false
		for _, n := range named {
			if s.changes[n] || s.kind.is(n) {
				continue
			}
			if st, ok := n.Underlying().(*types.Struct); ok {
				for _, f := range st.Fields {
					if s.mentions(f.Type) {
						s.changes[n], changed = true, true
						break
					}
				}
			}
		}
	}
}

// mentions reports whether t contains a type of the kind or a named struct that changes.
func (s *sumLowerer) mentions(t types.Type) bool {
	if s.kind.is(t) {
		return true
	}
	switch x := t.(type) {
	case *types.Named:
		return s.changes[x]
	case *types.Pointer:
		return s.mentions(x.Elem)
	case *types.Optional:
		return s.mentions(x.Elem)
	case *types.Slice:
		return s.mentions(x.Elem)
	case *types.Array:
		return s.mentions(x.Elem)
	case *types.Tuple:
		return s.mentionsAny(x.Elems)
	case *types.Func:
		return s.mentionsAny(x.Params) || s.mentions(x.Result)
	case *types.ErrorUnion:
		return s.mentions(x.Payload)
	}
	return false
}

func (s *sumLowerer) mentionsAny(ts []types.Type) bool {
	for _, t := range ts {
		if s.mentions(t) {
			return true
		}
	}
	return false
}

// lower returns t with every type of the kind replaced by its struct.
func (s *sumLowerer) lower(t types.Type) types.Type {
	if t == nil || !s.mentions(t) {
		return t
	}
	if s.kind.is(t) {
		return s.replacement(t)
	}
	switch x := t.(type) {
	case *types.Named:
		if n, ok := s.named[x]; ok {
			return n
		}
		n := types.NewNamed(x.Name, x.ID) // same name and ID: it replaces x in the types section
		s.named[x] = n
		var fields []*types.Field
		for _, f := range x.Underlying().(*types.Struct).Fields {
			fields = append(fields, &types.Field{Name: f.Name, Type: s.lower(f.Type)})
		}
		n.SetUnderlying(&types.Struct{Fields: fields})
		return n
	case *types.Pointer:
		return types.PointerTo(s.lower(x.Elem))
	case *types.Optional:
		return types.OptionalOf(s.lower(x.Elem))
	case *types.Slice:
		return types.SliceOf(s.lower(x.Elem))
	case *types.Array:
		return types.ArrayOf(x.Len, s.lower(x.Elem))
	case *types.Tuple:
		return types.TupleOf(s.lowerAll(x.Elems)...)
	case *types.Func:
		return types.FuncOf(s.lowerAll(x.Params), s.lower(x.Result))
	case *types.ErrorUnion:
		return types.ErrorUnionOf(x.Err, s.lower(x.Payload))
	}
	return t
}

func (s *sumLowerer) lowerAll(ts []types.Type) []types.Type {
	out := make([]types.Type, len(ts))
	for i, t := range ts {
		out[i] = s.lower(t)
	}
	return out
}

// replacement returns the struct of t, a type of the kind, creating it on first use.
func (s *sumLowerer) replacement(t types.Type) *types.Named {
	if n, ok := t.(*types.Named); ok {
		if r, ok := s.named[n]; ok {
			return r
		}
		r := s.kind.replace(s, t)
		s.named[n] = r
		return r
	}
	for _, r := range s.unnamed {
		if types.Identical(r.from, t) {
			return r.to
		}
	}
	r := s.kind.replace(s, t)
	s.unnamed = append(s.unnamed, replacement{t, r})
	return r
}

// declare creates a named struct of the given name (made a valid name of the text form) with a
// fresh ID, completed by the caller.
func (s *sumLowerer) declare(name string) *types.Named {
	name = strings.NewReplacer("*", "ptr.", "?", "opt.", "[]", "slice.").Replace(name)
	name = strings.Map(func(r rune) rune {
		if r == '.' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return '_'
	}, name)
	n := types.NewNamed(name, s.ids.Next())
	s.added = append(s.added, n)
	return n
}

// usesKind reports whether any binder or expression of p has a type that mentions the kind, or
// p has a node the kind's lit reports.
func (s *sumLowerer) usesKind(p *ast.Program) bool {
	for _, n := range p.Types {
		if s.changes[n] || s.kind.is(n) {
			return true
		}
	}
	found := false
	for _, d := range p.Decls {
		ast.Inspect(d, func(n ast.Node) bool {
			if found {
				return false
			}
			var t types.Type
			switch n := n.(type) {
			case ast.Expr:
				t = n.Type()
			case *ast.Global:
				t = n.Type
			case *ast.Param:
				t = n.Type
			case *ast.VarDecl:
				t = n.Type
			case *ast.Func:
				t = n.Result
			}
			found = t != nil && s.mentions(t) || s.kind.lit != nil && s.kind.lit(n)
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// expr lowers the kind's expressions and gives every other expression its lowered type.
func (s *sumLowerer) expr(r *ast.Rewriter, e ast.Expr) ast.Expr {
	if x, ok := s.kind.expr(s, e); ok {
		return x
	}
	x := defaultExpr(r, e)
	if t := x.Type(); t != nil {
		if lt := s.lower(t); lt != t {
			if x == e {
				x = ast.Clone(x) // shared with the input: retype a copy
			}
			if typed, ok := x.(interface{ SetType(types.Type) }); ok {
				typed.SetType(lt)
			}
		}
	}
	return x
}

func (s *sumLowerer) stmt(r *ast.Rewriter, st ast.Stmt) []ast.Stmt {
	out := r.DefaultStmt(st)
	switch v := out.(type) {
	case *ast.VarDecl:
		if t := s.lower(v.Type); t != v.Type {
			if out == st {
				v = ast.Clone(v)
				out = v
			}
			v.Type = t
		}
	case *ast.Block: // a branch of an if expression
		if t := s.lower(v.T); t != v.T {
			if out == st {
				v = ast.Clone(v)
				out = v
			}
			v.T = t
		}
	case *ast.If: // the else-if link of an if expression
		if t := s.lower(v.T); t != v.T {
			if out == st {
				v = ast.Clone(v)
				out = v
			}
			v.T = t
		}
	}
	return []ast.Stmt{out}
}

func (s *sumLowerer) decl(r *ast.Rewriter, d ast.Decl) []ast.Decl {
	out := r.DefaultDecl(d)
	switch f := out.(type) {
	case *ast.Func:
		if out == d {
			f = ast.Clone(f)
			out = f
		}
		f.Result = s.lower(f.Result)
		var params []*ast.Param
		for i, p := range f.Params {
			t := s.lower(p.Type)
			if t == p.Type {
				continue
			}
			if params == nil {
				params = slices.Clone(f.Params)
			}
			c := *p
			c.Type = t
			params[i] = &c
		}
		if params != nil {
			f.Params = params
		}
	case *ast.Global:
		if t := s.lower(f.Type); t != f.Type {
			if out == d {
				f = ast.Clone(f)
				out = f
			}
			f.Type = t
		}
	}
	return []ast.Decl{out}
}

// ---- helpers of the kinds' expressions ----

// fieldOf reads field i (named name, of type t) of the aggregate x.
func fieldOf(at ast.At, x ast.Expr, i int, name string, t types.Type) *ast.Field {
	return &ast.Field{At: at, Typed: ast.Typed{T: t}, X: x, Name: name, Index: i}
}

// tagOf reads the tag (field 0) of the lowered sum value x.
func tagOf(at ast.At, x ast.Expr) ast.Expr { return fieldOf(at, x, 0, "tag", types.TI64) }

// tagIs compares the tag of x with k (op "==" or "!=").
func tagIs(at ast.At, x ast.Expr, op string, k uint64) ast.Expr {
	return &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: op, X: tagOf(at, x), Y: i64Lit(at, k)}
}

// once makes the lowered aggregate x readable several times: a path of variables, fields and
// dereferences as it is (cloned for each read), anything else evaluated once into a temporary.
func (s *sumLowerer) once(x ast.Expr) (decl []ast.Stmt, read func() ast.Expr) {
	if isPath(x) {
		return nil, func() ast.Expr { return ast.DeepClone(x) }
	}
	at := ast.AtOf(x.Pos())
	n := ast.Name{Name: "sum", ID: s.ids.Next()}
	decl = []ast.Stmt{&ast.VarDecl{At: at, Name: n, Const: true, Type: x.Type(), Init: x}}
	return decl, func() ast.Expr { return &ast.Ref{At: at, Typed: ast.Typed{T: x.Type()}, Name: n} }
}

// isPath reports whether reading e twice reads the same place without side effects.
func isPath(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ref:
		return true
	case *ast.Field:
		return isPath(e.X)
	case *ast.Deref:
		return isPath(e.X)
	}
	return false
}

// withPre is the block expression { pre; value }, or value alone when pre is empty.
func withPre(at ast.At, pre []ast.Stmt, value ast.Expr) ast.Expr {
	if len(pre) == 0 {
		return value
	}
	return &ast.Block{At: at, Typed: ast.Typed{T: value.Type()}, Stmts: pre, Value: value}
}

// branch is value as the branch of an if expression (a block).
func branch(value ast.Expr) *ast.Block {
	if b, ok := value.(*ast.Block); ok {
		return b
	}
	return valueBlock(value)
}
