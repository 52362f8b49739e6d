// Pass check-types: resolved -> typed.
//
// Gives every expression and binder its type, in the style of go/types: one file per construct
// (check_types_*.go), the expected type passed down so a literal takes the type its context
// wants (`var b: u8 = 255`), and every implicit conversion made an explicit convert node, so the
// verifiers of later languages check each node locally. Type expressions become types.Type.
// Reports type mismatch (operands, conditions, initializers, assignments, arguments, returns),
// wrong number of arguments, assignment to a constant or parameter, integer literal out of range,
// a type inference that depends on itself, and "not yet supported" for types and constructs the
// back ends do not handle yet. Missing returns and initialization cycles through functions are
// the next passes' (check-missing-return, check-global-init-cycle).
//
//	(var x - (+ 1 2))   => (var x#4 i64 (+:i64 1:i64 2:i64))
//	(var b u8 255)      => (var b#5 u8 255:u8)
//
// Design decision: an expression whose type cannot be computed gets types.TInvalid, which every
// later check accepts silently, so one mistake yields one diagnostic.

package passes

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/src"
	"cot/ir/types"
)

type checkedBinder struct {
	kind string // "func", "global", "const", "param", "var"
	typ  types.Type
	fn   *ast.Func
}

type checker struct {
	diags   *src.Diagnostics
	binders map[int]*checkedBinder
	fn      *ast.Func // function being checked (with its types); nil in a global initializer
	// Globals are typed on first use, since an inferred type comes from the initializer, which
	// may read globals declared later.
	globals    map[int]*ast.Global
	globalInit map[int]ast.Expr // checked initializers
	globalType map[int]types.Type
	inProgress map[int]bool
	named      map[int]*types.Named // declared types by binder ID
	// structs (check_types_struct.go)
	structDecls map[*types.Named]*ast.StructDecl
	structOrder []*types.Named // declaration order, for deterministic diagnostics
	defaults    map[*types.Named][]ast.Expr
	funcsByName map[string]int // top-level functions by name: methods are T_m (spec §4.9)
	ids         *ast.IDs
	// type aliases (check_types_tuple.go)
	aliases    map[int]*ast.AliasDecl
	aliasTypes map[int]types.Type
	aliasBusy  map[int]bool
	errorCodes map[string]int64        // error numbers by name (check_types_error.go)
	inDefer    bool                    // checking the body of a defer (check_types_error.go)
	gen        *generics               // monomorphisation (check_types_generic.go)
	ct         *comptimeState          // folded constants (check_types_comptime.go)
	futures    map[string]*types.Named // Future(T) by T (check_types_async.go)
	byRef      map[int]map[int]bool    // safe-mode struct parameters made pointers, by function ID and index (check_types_safe.go)
}

func checkTypes(ctx *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	c := &checker{diags: ctx.Diags, binders: map[int]*checkedBinder{}, globals: map[int]*ast.Global{},
		globalInit: map[int]ast.Expr{}, globalType: map[int]types.Type{}, inProgress: map[int]bool{}, named: map[int]*types.Named{},
		structDecls: map[*types.Named]*ast.StructDecl{}, defaults: map[*types.Named][]ast.Expr{}, funcsByName: map[string]int{}, ids: ast.NewIDs(p),
		aliases: map[int]*ast.AliasDecl{}, aliasTypes: map[int]types.Type{}, aliasBusy: map[int]bool{}}
	c.gen = newGenerics(p)
	c.declareAliases(p)
	out := &ast.Program{Data: p.Data}
	out.Types = append(append(out.Types, p.Types...), c.declareEnums(p)...)
	unions := c.declareUnionNames(p)
	out.Types = append(out.Types, unions...)
	out.Types = append(out.Types, c.declareStructs(p)...)
	c.completeUnions(p, unions)
	c.resolveAliases(p)
	// Signatures first: bodies and initializers may use any top-level name.
	sigs := map[int]*ast.Func{}
	for _, d := range p.Decls {
		switch d := d.(type) {
		case *ast.Func:
			sigs[d.Name.ID] = c.signature(d)
			c.funcsByName[d.Name.Name] = d.Name.ID
			c.binders[d.Name.ID] = &checkedBinder{kind: "func", typ: sigs[d.Name.ID].Signature(), fn: sigs[d.Name.ID]}
		case *ast.Global:
			c.globals[d.Name.ID] = d
		}
	}
	c.checkTraitImpls(p) // check_types_generic.go
	c.checkStructDefaults()
	c.checkDestructors(sigs) // check_types_new.go
	for _, d := range p.Decls {
		switch d := d.(type) {
		case *ast.Func:
			out.Decls = append(out.Decls, c.function(sigs[d.Name.ID]))
		case *ast.Global:
			g := *d
			g.TypeX, g.Type = nil, c.binder(d.Name.ID).typ
			g.Init = c.globalInit[d.Name.ID]
			out.Decls = append(out.Decls, &g)
		}
	}
	out.Decls = append(out.Decls, c.instances()...)
	out.Types = append(out.Types, c.gen.types...)
	library, _ := ctx.Store[libraryKey].(bool)                                                          // the runtime has no main
	if ctx.Store[TestModeKey] == nil && ctx.Store[BenchModeKey] == nil && !library && !hasTests(sigs) { // a test or bench file may do without: under cot test/bench the runner is main
		c.checkMain(p, sigs)
	}
	return out, nil
}

// signature returns f with the types of its parameters and result resolved (body unchecked).
func (c *checker) signature(d *ast.Func) *ast.Func {
	f := *d
	f.Params = nil
	for _, prm := range d.Params {
		pc := *prm
		pc.TypeX, pc.Type = nil, c.valueType(prm.Pos(), prm.TypeX, prm.Type)
		f.Params = append(f.Params, &pc)
	}
	if d.ResultX != nil {
		f.ResultX, f.Result = nil, c.resultType(d.ResultX)
	}
	c.markByRef(d, &f) // check_types_safe.go
	return &f
}

const missingMain = "undefined identifier `main`: a program needs `fn main() i64` or `fn main() void`"

func (c *checker) checkMain(p *ast.Program, sigs map[int]*ast.Func) {
	var mainFn *ast.Func
	for _, f := range sigs {
		if f.Name.Name == "main" {
			mainFn = f
		}
	}
	switch {
	case mainFn == nil:
		at := rootStart(c.diags, p)
		c.diags.Report(src.Diagnostic{Pos: at.Pos, End: at.End, Severity: src.Error, Code: codeUndefined,
			Msg:  missingMain,
			Help: []string{"add `fn main() i64 { return 0 }`"}})
	case len(mainFn.Params) != 0 || (mainFn.Result != types.TI64 && mainFn.Result != types.TVoid && mainFn.Result != types.TInvalid && !mainErrorUnion(mainFn.Result)):
		c.diags.Errorf(mainFn.Pos(), codeTypeMismatch, "type mismatch: `main` must take no parameters and return i64, void, !i64 or !void")
	}
}

// binder returns what the checker knows about a binder, typing a global on first use.
func (c *checker) binder(id int) *checkedBinder {
	if b := c.binders[id]; b != nil {
		return b
	}
	g := c.globals[id]
	if g == nil {
		return nil
	}
	kind := map[bool]string{true: "const", false: "global"}[g.Const]
	if c.inProgress[id] {
		c.diags.Errorf(g.Pos(), codeInitCycle, "initialization cycle: the initializer of `%s` refers to `%s`", g.Name.Name, g.Name.Name)
		b := &checkedBinder{kind: kind, typ: types.TInvalid}
		c.binders[id] = b
		return b
	}
	c.inProgress[id] = true
	fn := c.fn
	c.fn = nil
	t, init := c.declared(g.Pos(), g.Name.Name, g.TypeX, g.Type, g.Init)
	c.fn = fn
	c.globalInit[id] = init
	if b := c.binders[id]; b != nil { // a cycle was reported meanwhile
		return b
	}
	b := &checkedBinder{kind: kind, typ: t}
	c.binders[id] = b
	return b
}

func (c *checker) function(f *ast.Func) *ast.Func {
	c.fn = f
	out := *f
	for _, prm := range f.Params {
		c.binders[prm.Name.ID] = &checkedBinder{kind: "param", typ: prm.Type}
	}
	out.Body = c.block(f.Body)
	endVoidErrorUnion(&out)
	return &out
}

func (c *checker) mismatch(pos src.Pos, what string, want, have types.Type) {
	if want == types.TInvalid || have == types.TInvalid {
		return
	}
	c.diags.Errorf(pos, codeTypeMismatch, "type mismatch: %s: expected %v, found %v%s", what, want, have, conversionHint(want, have))
}
