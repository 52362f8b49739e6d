package passes

// Generics of check-types (see check_types.go), spec §4.11: monomorphisation. A generic struct
// used as `Pair(i64, bool)` becomes an instance, a *types.Named with Args, interned by the
// generic and its type arguments (so `Pair(i64, bool)` used twice is one type and
// `Pair(bool, i64)` another); its fields are the generic's with the type parameters replaced.
// A generic function called as `f(i64)(x)` — or a method of a generic impl called on an
// instance, `p.left()`, or by its name, `Pair_left(i64, bool)(&p)` — becomes an instance too:
// a copy of the function (ast.Substitute: the type parameters replaced by the arguments, its
// locals given fresh IDs) under a fresh ID, whose signature is checked at once and whose body
// joins a worklist drained after the program's own functions. Each instance body is checked on
// its own, so a type error in it is reported at the use that instantiated it, naming the
// instance, with a note at the place in the generic body.
//
//	(call (instance smaller#1 i64) 3 2)  =>  (call smaller#20:(fn (i64 i64) i64) 3:i64 2:i64)
//	                                         and (func smaller#20 ((x#21 i64) (y#22 i64)) i64 …)
//
// Design decision: monomorphisation happens inside check-types, with a worklist, not in a pass
// of its own: spec §4.11 checks a generic body per instantiation (`y < x` on a T means what T
// makes it mean), so no pass before check-types could type a generic body, and one after it
// would see bodies that were never checked. Unused generics are never checked (the spec's
// rule); their names are resolved like any code.

import (
	"strconv"
	"strings"

	"cot/ir/ast"
	"cot/ir/src"
	"cot/ir/types"
)

// maxDepth bounds monomorphisation: `fn f(T)(…) { f(*T)(…) }` or `struct S(T) { p: ?*S(*T) }`
// would never end. An instance made while checking (or laying out) another is one deeper.
const maxDepth = 64

// generics is the instantiation state of one check-types run.
type generics struct {
	decls   map[int]ast.Decl // generic declarations by binder ID
	top     map[int]bool     // top-level binder IDs, which copies keep (made on first use)
	prog    *ast.Program
	structs map[string]*types.Named
	funcs   map[string]ast.Name
	types   []*types.Named // instances, in creation order (the types section)
	queue   []pendingInstance
	depth   int                     // of the instance being checked or laid out
	impls   map[int]map[string]bool // trait ID -> TypeKey of each type with an impl of it
}

// pendingInstance is a function instance whose body is still to check.
type pendingInstance struct {
	fn      *ast.Func // its signature checked
	display string    // `smaller(i64)`
	use     src.Pos   // the use that instantiated it
	depth   int
}

func newGenerics(p *ast.Program) *generics {
	g := &generics{decls: map[int]ast.Decl{}, prog: p, structs: map[string]*types.Named{}, funcs: map[string]ast.Name{}, impls: map[int]map[string]bool{}}
	for _, d := range p.Decls {
		switch d.(type) {
		case *ast.GenericFunc, *ast.GenericStruct:
			g.decls[d.DeclName().ID] = d
		}
	}
	return g
}

// isTop reports whether id is a top-level binder's (a program without generics never asks).
func (g *generics) isTop(id int) bool {
	if g.top == nil {
		g.top = map[int]bool{}
		for _, d := range g.prog.Decls {
			g.top[d.DeclName().ID] = true
		}
		for _, n := range g.prog.Types {
			g.top[n.ID] = true
		}
	}
	return g.top[id]
}

// fresh returns the renaming of one copy: every binder declared inside it gets a new ID.
func (c *checker) fresh() func(int) int {
	m := map[int]int{}
	return func(id int) int {
		if c.gen.isTop(id) {
			return id
		}
		if n, ok := m[id]; ok {
			return n
		}
		m[id] = c.ids.Next()
		return m[id]
	}
}

// typeArgs checks the type arguments of an instance of the generic called name with params.
func (c *checker) typeArgs(pos src.Pos, name string, params []ast.Name, xs []ast.TypeExpr) ([]types.Type, map[int]types.Type, string, bool) {
	if len(xs) != len(params) {
		c.diags.Errorf(pos, codeTypeMismatch, "wrong number of arguments: `%s` takes %d type argument%s, got %d", name, len(params), plural(len(params)), len(xs))
		return nil, nil, "", false
	}
	args := make([]types.Type, len(xs))
	subst := map[int]types.Type{}
	var key strings.Builder
	for i, x := range xs {
		args[i] = c.typeOf(x)
		if args[i] == types.TVoid {
			c.diags.Errorf(x.Pos(), codeTypeMismatch, "type mismatch: void is not a value type")
			args[i] = types.TInvalid
		}
		if args[i] == types.TInvalid || hasInvalid(args[i]) {
			return nil, nil, "", false
		}
		subst[params[i].ID] = args[i]
		key.WriteString(" " + ast.TypeKey(args[i]))
	}
	return args, subst, key.String(), true
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// instStruct returns the instance `Name(Args…)` of a generic struct.
func (c *checker) instStruct(x *ast.InstType) types.Type {
	g, ok := c.gen.decls[x.Name.ID].(*ast.GenericStruct)
	if !ok {
		return types.TInvalid // resolve-names reported it
	}
	args, subst, key, ok := c.typeArgs(x.Pos(), g.Name.Name, g.TypeParams, x.Args)
	if !ok {
		return types.TInvalid
	}
	key = strconv.Itoa(g.Name.ID) + key
	if n := c.gen.structs[key]; n != nil {
		return n
	}
	if c.gen.depth >= maxDepth {
		c.tooDeep(x.Pos(), g.Name.Name, args)
		return types.TInvalid
	}
	n := types.NewNamed(g.Name.Name, c.ids.Next())
	n.Args = args
	c.gen.structs[key] = n
	c.gen.types = append(c.gen.types, n)
	d := ast.Substitute(&g.StructDecl, subst, c.fresh()).(*ast.StructDecl)
	d.Name = ast.Name{Name: g.Name.Name, ID: n.ID}
	st := &types.Struct{}
	n.SetUnderlying(st)
	c.gen.depth++
	for j, name := range d.FieldNames {
		st.Fields = append(st.Fields, &types.Field{Name: name, Type: c.valueType(d.FieldTypes[j].Pos(), d.FieldTypes[j], nil)})
	}
	c.gen.depth--
	c.named[n.ID] = n
	c.structDecls[n] = d
	if types.ContainsItself(n) {
		c.diags.Errorf(x.Pos(), codeTypeMismatch, "type mismatch: struct `%v` contains itself (use a pointer, `*%v`)", n, n)
		for _, f := range st.Fields {
			f.Type = types.TInvalid
		}
	}
	return n
}

// genericCall checks a call whose callee is an instance `f(Args…)`.
func (c *checker) genericCall(e *ast.Call, in *ast.Instance) ast.Expr {
	g, ok := c.gen.decls[in.Name.ID].(*ast.GenericFunc)
	if !ok {
		if _, isStruct := c.gen.decls[in.Name.ID].(*ast.GenericStruct); isStruct {
			c.diags.Errorf(in.Pos(), codeTypeMismatch, "type mismatch: `%s(…)` is a type, not a function", in.Name.Name)
		}
		return c.badCall(e)
	}
	name, ok := c.instFunc(g, in.Pos(), in.Args)
	if !ok {
		return c.badCall(e)
	}
	return c.call(&ast.Call{At: e.At, Callee: &ast.Ref{At: in.At, Name: name}, Args: e.Args})
}

func (c *checker) badCall(e *ast.Call) ast.Expr {
	for _, a := range e.Args {
		c.expr(a, nil)
	}
	return &ast.Call{At: e.At, Callee: e.Callee, Typed: ast.Typed{T: types.TInvalid}}
}

// instFunc returns the binder of the instance of g with the type arguments xs, making it on
// first use (its signature checked, its body queued).
func (c *checker) instFunc(g *ast.GenericFunc, use src.Pos, xs []ast.TypeExpr) (ast.Name, bool) {
	args, subst, key, ok := c.typeArgs(use, g.Name.Name, g.TypeParams, xs)
	if !ok {
		return ast.Name{}, false
	}
	return c.instFuncOf(g, use, args, subst, strconv.Itoa(g.Name.ID)+key)
}

func (c *checker) instFuncOf(g *ast.GenericFunc, use src.Pos, args []types.Type, subst map[int]types.Type, key string) (ast.Name, bool) {
	if n, ok := c.gen.funcs[key]; ok {
		return n, true
	}
	if c.gen.depth >= maxDepth {
		c.tooDeep(use, g.Name.Name, args)
		return ast.Name{}, false
	}
	for _, b := range g.Bounds {
		if arg, ok := subst[b.Param.ID]; ok && !c.implements(b.Trait.ID, arg) {
			c.diags.Errorf(use, codeTypeMismatch, "unsatisfied where bound: %v does not implement `%s` (`where %s: %s` of `%s`)", arg, b.Trait.Name, b.Param.Name, b.Trait.Name, g.Name.Name)
			return ast.Name{}, false
		}
	}
	f := ast.Substitute(&g.Func, subst, c.fresh()).(*ast.Func)
	f.Name = ast.Name{Name: g.Name.Name, ID: c.ids.Next()}
	c.gen.funcs[key] = f.Name
	display := g.Name.Name + "(" + typeList(args) + ")"
	before := len(c.diags.List)
	sig := c.signature(f)
	c.inInstance(before, display, use)
	c.binders[f.Name.ID] = &checkedBinder{kind: "func", typ: sig.Signature(), fn: sig}
	c.gen.queue = append(c.gen.queue, pendingInstance{fn: sig, display: display, use: use, depth: c.gen.depth + 1})
	return f.Name, true
}

func typeList(ts []types.Type) string {
	var parts []string
	for _, t := range ts {
		parts = append(parts, t.String())
	}
	return strings.Join(parts, ", ")
}

// instances checks the bodies of the queued function instances (which may queue more) and
// returns the functions.
func (c *checker) instances() []ast.Decl {
	var out []ast.Decl
	for len(c.gen.queue) > 0 {
		p := c.gen.queue[0]
		c.gen.queue = c.gen.queue[1:]
		before := len(c.diags.List)
		c.gen.depth = p.depth
		out = append(out, c.function(p.fn))
		c.inInstance(before, p.display, p.use)
	}
	c.gen.depth = 0
	return out
}

// tooDeep reports an instance nested more than maxDepth instances deep.
func (c *checker) tooDeep(pos src.Pos, name string, args []types.Type) {
	c.diags.Errorf(pos, codeTypeMismatch, "type mismatch: `%s(%s)` is an instance %d instances deep (a generic that instantiates itself with ever larger types?)", name, typeList(args), maxDepth)
}

// inInstance moves the diagnostics from index before on, found in the copy of a generic for
// the instance display, to the use that instantiated it, with a note at their place.
func (c *checker) inInstance(before int, display string, use src.Pos) {
	for i := before; i < len(c.diags.List); i++ {
		d := &c.diags.List[i]
		generic, _, _ := strings.Cut(display, "(")
		note := src.Related{Span: src.Span{Pos: d.Pos, End: d.End}, Text: "in the body of `" + generic + "`, here"}
		d.Notes = append([]src.Related{note}, d.Notes...)
		d.Msg += " (in instance `" + display + "`)"
		d.Pos, d.End, d.Label = use, src.Pos{}, "instantiated here"
	}
}

// checkTraitImpls checks that each `impl Trait for T` defines every method its trait lists
// (spec §4.10: by name) and records it for the `where` bounds.
func (c *checker) checkTraitImpls(p *ast.Program) {
	traits := map[int]*ast.TraitDecl{}
	for _, d := range p.Decls {
		if t, ok := d.(*ast.TraitDecl); ok {
			traits[t.Name.ID] = t
		}
	}
	for _, d := range p.Decls {
		im, ok := d.(*ast.TraitImpl)
		if !ok || traits[im.Trait.ID] == nil {
			continue
		}
		target, key := c.traitTarget(im.Target) // check_types_generic_method.go
		if target == types.TInvalid {
			continue
		}
		defined := map[string]bool{}
		for _, m := range im.Methods {
			defined[m] = true
		}
		for _, m := range traits[im.Trait.ID].Methods {
			if !defined[m] {
				c.diags.Errorf(im.Pos(), codeUndefined, "undefined identifier `%v.%s`: `impl %s for %v` does not define `%s`, which the trait lists", target, m, im.Trait.Name, target, m)
			}
		}
		if c.gen.impls[im.Trait.ID] == nil {
			c.gen.impls[im.Trait.ID] = map[string]bool{}
		}
		c.gen.impls[im.Trait.ID][key] = true
	}
}

// genericRef reports a generic function or struct named as a value without its type arguments
// (`var f = smaller`), and says whether it did.
func (c *checker) genericRef(e *ast.Ref) bool {
	switch g := c.gen.decls[e.Name.ID].(type) {
	case *ast.GenericFunc:
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: `%s` is generic: call it with its type arguments, `%s(%s)(…)`", e.Name.Name, e.Name.Name, joinNames(g.TypeParams))
		return true
	case *ast.GenericStruct:
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: `%s` is a type, not a value", e.Name.Name)
		return true
	}
	return false
}
