// AST checks an *ast.Program (family ir/ast) against an ast language. Invariants:
//
//   - structure: required children are present (conditions, bodies, operands), an else branch is
//     a block or an if, operators are known, a print has a file descriptor of 1 or 2;
//   - only the language's node kinds appear (lang.Allows on every node);
//   - "names-resolved": every binder (function, global, parameter, local, loop label) has an ID
//     unique in the program; every reference, call and assignment target has the ID of a binder
//     in scope (globals and functions anywhere, locals after their declaration in their block);
//     calls name functions, reads name variables; break and continue name an enclosing loop;
//   - type expressions use the language's kinds and, once resolved, name types; after
//     check-types binders hold types instead;
//   - "typed": every binder and expression has a type and the types agree: literals, operands
//     of arithmetic (integers, equal types) and comparisons (bool result), and/or/not on bool,
//     conditions bool, call arity and argument types, initializers and assigned values match
//     their variable, returns match the function result, constants and parameters are never
//     assigned, integer literals fit i64 (2^63 only under negation), a print has one argument;
//   - "globals-constant": global initializers are literals; init-global statements appear only in
//     the entry function and name globals;
//   - "entry-explicit": exactly one function is exported as _start, with no parameters and a
//     void result;
//   - modules: a module table only in the src language, its counts covering the declarations;
//   - "objects-owned": every fresh ARC object is owned (ast_arc.go);
//   - "args-trivial" (ANF): every operand of an operator or call, and every if/while condition,
//     is an atom (literal, address or variable read).

package verify

import (
	"fmt"
	"sort"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

func init() {
	ast.Family.Verify = func(l *pipeline.Lang, prog any) []error {
		p, ok := prog.(*ast.Program)
		if !ok {
			return []error{fmt.Errorf("ast: want *ast.Program, have %T", prog)}
		}
		return AST(l, p)
	}
}

// binderInfo is what the verifier knows about a binder while walking.
type binderInfo struct {
	name  string
	kind  string // "func", "global", "param", "var", "const"
	typ   types.Type
	fn    *ast.Func
	scope int // depth of the scope that declared it (0 = top level)
}

type astVerifier struct {
	lang                 *pipeline.Lang
	resolved, typed, anf bool
	constGlobals, entry  bool
	noEnums              bool
	noOptionals          bool
	noErrorUnions        bool
	noUnions             bool
	scalarMemory         bool
	scalarValues         bool
	arcOwned             bool
	errs                 []error
	dataErrs             []error     // data addresses outside the image, reported after the rest
	data                 []byte      // the program's data image
	where                where       // the declaration being checked, for messages
	sc                   *scopeTable // scopes and binder IDs (ast_scope.go)
	allowed              *kindSet    // the language's node kinds (ast_incremental.go)
	key                  checkKey    // what else of the language the walk depends on
	cache                *astCache
	rec                  *declSummary // what the walk of the current declaration depends on
	loops                []int
	fn                   *ast.Func
	noFreeVars           bool
	lits                 []litScope // fn-lits being verified, innermost last (ast_closure.go)
}

// astInvariants turns on the check of each named invariant of the ast languages; the walk
// below consults the flags. A language declaring an invariant missing here fails verification.
var astInvariants = map[string]func(v *astVerifier){
	ast.InvResolved:      func(v *astVerifier) { v.resolved = true },
	ast.InvTyped:         func(v *astVerifier) { v.typed = true },
	ast.InvArgsTrivial:   func(v *astVerifier) { v.anf = true },
	ast.InvConstGlobals:  func(v *astVerifier) { v.constGlobals = true },
	ast.InvEntry:         func(v *astVerifier) { v.entry = true },
	ast.InvNoEnumTypes:   func(v *astVerifier) { v.noEnums = true },
	ast.InvScalarMemory:  func(v *astVerifier) { v.scalarMemory = true },
	ast.InvScalarValues:  func(v *astVerifier) { v.scalarValues = true },
	ast.InvNoOptionals:   func(v *astVerifier) { v.noOptionals = true },
	ast.InvNoErrorUnions: func(v *astVerifier) { v.noErrorUnions = true },
	ast.InvNoUnions:      func(v *astVerifier) { v.noUnions = true },
	ast.InvNoFreeVars:    func(v *astVerifier) { v.noFreeVars = true },
	ast.InvArcOwned:      func(v *astVerifier) { v.arcOwned = true },
}

func init() {
	for inv := range astInvariants {
		ast.Family.Checks = append(ast.Family.Checks, inv)
	}
	sort.Strings(ast.Family.Checks)
}

// AST verifies p against lang and returns every violation.
func AST(lang *pipeline.Lang, p *ast.Program) []error { return astCheck(lang, p, nil) }

// astCheck is AST, reusing and updating what cache (nil for none) knows of declarations checked
// before (ast_incremental.go).
func astCheck(lang *pipeline.Lang, p *ast.Program, cache *astCache) []error {
	v := &astVerifier{lang: lang, sc: tablesFor(cache), data: p.Data, cache: cache}
	defer v.sc.release(cache)
	if err := v.setUp(lang); err != nil { // ast_unit.go
		return []error{err}
	}
	if len(p.Modules) > 0 && lang != ast.LangSrc {
		v.errs = append(v.errs, fmt.Errorf("a module table after the src language (resolve-names drops it)"))
	}
	if err := ast.CheckModules(p); err != nil {
		v.errs = append(v.errs, err)
	}
	v.push() // the top level
	for _, d := range p.Decls {
		if _, ok := d.(*ast.TraitImpl); !ok { // binds no name
			v.binder(d.DeclName(), d)
		}
		if f, ok := d.(*ast.Func); ok {
			v.declare(f.Name, &binderInfo{name: f.Name.Name, kind: "func", typ: f.Result, fn: f})
		} else {
			v.declareTop(d)
		}
	}
	entries := 0
	for _, d := range p.Decls {
		if f, ok := d.(*ast.Func); ok && f.Export == "_start" {
			entries++
			if len(f.Params) != 0 || f.Result != types.TVoid {
				v.errorf(f, "the _start function must take no parameters and return void")
			}
		}
		v.decl(d) // ast_incremental.go: walkDecl, or what it found the last time
	}
	v.tableSlots(p) // ast_closure.go
	if v.entry && entries != 1 {
		v.where = where{}
		v.errs = append(v.errs, fmt.Errorf("entry-explicit: want exactly one function exported as _start, have %d", entries))
	}
	v.errs = append(v.errs, v.dataErrs...)
	return v.errs
}

// function checks a function's parameters, result and body.
func (v *astVerifier) function(d *ast.Func) {
	v.fn, v.where = d, where{"func", d.Name}
	v.push()
	for _, prm := range d.Params {
		v.kind(prm)
		v.binder(prm.Name, prm)
		v.needType(prm, prm.TypeX, prm.Type)
		v.declare(prm.Name, &binderInfo{name: prm.Name.Name, kind: "param", typ: prm.Type})
	}
	v.needType(d, d.ResultX, d.Result)
	if d.Body == nil {
		v.errorf(d, "function without a body")
	} else {
		v.block(d.Body)
	}
	v.pop()
}

func (v *astVerifier) errorf(n ast.Node, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if v.where.kind != "" {
		msg = v.where.kind + " " + v.where.name.String() + ": " + msg
	}
	where := ast.String(n)
	if n.Pos().IsValid() {
		where += " (" + n.Pos().String() + ")"
	}
	v.errs = append(v.errs, fmt.Errorf("%s\n    at %s", msg, where))
}

// kind checks that n is of the language's kinds. The walk calls it on every node (a test of
// the goldens holds it to that, TestVerifierVisitsEveryNode), so it also checks what every node
// of a kind must satisfy wherever it is: a data address lies in the data image.
func (v *astVerifier) kind(n ast.Node) {
	if visitHook != nil {
		visitHook(n)
	}
	k := n.Kind()
	i, known := kindIndex[k]
	if known && !v.allowed.has(i) || !known && !v.lang.Allows(k) {
		v.errorf(n, "node kind %s is not part of language %s", k, v.lang.Name)
	}
	da, isData := n.(*ast.DataAddr)
	if v.rec != nil {
		v.rec.saw(i, known, da)
		if e, ok := n.(ast.Expr); ok && ast.IsFreshObject(e) {
			v.read(keyBits().arcOwned) // objects-owned checks fresh objects only (ast_arc.go)
		}
	}
	if isData && v.typed && (da.Offset < 0 || da.Offset > int64(len(v.data))) {
		errs := v.errs
		v.errorf(da, "data address %d outside the %d-byte data image", da.Offset, len(v.data))
		v.errs, v.dataErrs = errs, append(v.dataErrs, v.errs[len(v.errs)-1]) // reported last, as ever
	}
}

// visitHook, when set (by tests), sees every node the walk checks.
var visitHook func(ast.Node)

// needType checks a binder's type: a type expression of the language's kinds, whose names are
// resolved once names are (today only type keywords exist), and a type once typed.
func (v *astVerifier) needType(n ast.Node, x ast.TypeExpr, t types.Type) {
	if x != nil { // most binders have no type expression once check-types typed them
		ast.Inspect(x, func(c ast.Node) bool {
			v.kind(c)
			if tn, ok := c.(*ast.TypeName); ok && v.resolved {
				_, keyword := types.Keyword(tn.Name.Name)
				declared := tn.Name.ID != 0 && v.lookupQuiet(tn.Name) != nil && v.lookupQuiet(tn.Name).kind == "type"
				if keyword == (tn.Name.ID != 0) || tn.Name.ID != 0 && !declared {
					v.errorf(n, "type name %s does not denote a type", tn.Name)
				}
			}
			return true
		})
	}
	if v.typed && t == nil {
		v.errorf(n, "missing type")
	}
	v.notEnum(n, t)
	v.scalarValue(n, t)
}

// notEnum checks "no-enum-types" for one type.
func (v *astVerifier) notEnum(n ast.Node, t types.Type) {
	if _, ok := types.Underlying(t).(*types.Enum); ok {
		if v.read(keyBits().noEnums); v.noEnums {
			v.errorf(n, "no-enum-types: a value of enum type %v", t)
		}
	}
	if t == types.TError {
		if v.read(keyBits().noEnums); v.noEnums {
			v.errorf(n, "no-enum-types: a value of the error type (lower-enums makes it i64)")
		}
	}
	v.notOptional(n, t)
}

func (v *astVerifier) push() { v.sc.push() }
func (v *astVerifier) pop()  { v.sc.pop() }

// binder checks that a binder's ID is set and unique.
func (v *astVerifier) binder(n ast.Name, at ast.Node) {
	if !v.resolved {
		return
	}
	if n.ID <= 0 {
		v.errorf(at, "binder %s has no ID", n)
		return
	}
	if prev, dup := v.sc.claim(n); dup {
		v.errorf(at, "binder ID %d of %s is already used by %s", n.ID, n, prev)
	} else if v.rec != nil {
		v.sc.noteBinder(n.ID, v.rec)
	}
}

// declare binds n to (a copy of) b in the innermost scope.
func (v *astVerifier) declare(n ast.Name, b *binderInfo) { v.sc.declare(n.ID, b) }

func (v *astVerifier) lookup(n ast.Name, at ast.Node) *binderInfo {
	if !v.resolved {
		return nil
	}
	if b := v.get(n.ID); b != nil {
		if b.name != n.Name {
			v.errorf(at, "reference %s names binder %d, which is %s", n, n.ID, b.name)
		}
		v.freeVar(n, at, b) // ast_closure.go
		return b
	}
	v.errorf(at, "reference %s is not bound in scope", n)
	return nil
}

// where names the declaration being checked; its text is made only for a message.
type where struct {
	kind string // "func", "global", ...; "" for none
	name ast.Name
}

// differ reports whether both types are known and differ (once typed): same without the
// message, for callers whose message costs a string to make.
func (v *astVerifier) differ(want, have types.Type) bool {
	return v.typed && want != nil && have != nil && !types.Identical(want, have)
}

// same reports a type disagreement when both types are known and differ.
func (v *astVerifier) same(at ast.Node, want, have types.Type, what string) {
	if v.differ(want, have) {
		v.errorf(at, "%s: want %v, have %v", what, want, have)
	}
}

func (v *astVerifier) init(at ast.Node, t types.Type, e ast.Expr) {
	if e == nil {
		return
	}
	v.expr(e, false)
	v.same(at, t, e.Type(), "initializer type")
}

func (v *astVerifier) block(b *ast.Block) {
	v.kind(b)
	v.blockBody(b)
}

// blockBody checks a block's statements and value in a scope of their own.
func (v *astVerifier) blockBody(b *ast.Block) {
	v.push()
	for _, s := range b.Stmts {
		v.stmt(s)
	}
	if b.Value != nil {
		v.expr(b.Value, false)
		v.same(b, b.T, b.Value.Type(), "block value type")
		if v.typed && b.T == nil {
			v.errorf(b, "block expression without a type")
		}
	}
	v.pop()
}

// cond checks an if/while condition: bool, and an atom in ANF.
func (v *astVerifier) cond(at ast.Node, c ast.Expr) {
	if c == nil {
		v.errorf(at, "missing condition")
		return
	}
	v.expr(c, v.anf)
	v.same(at, types.TBool, c.Type(), "condition type")
}

// declareTop binds a top-level declaration other than a function.
func (v *astVerifier) declareTop(d ast.Decl) {
	switch d := d.(type) {
	case *ast.Global:
		kind := "global"
		if d.Const {
			kind = "const"
		}
		v.declare(d.Name, &binderInfo{name: d.Name.Name, kind: kind, typ: d.Type})
	case *ast.EnumDecl:
		v.declare(d.Name, &binderInfo{name: d.Name.Name, kind: "type"})
	case *ast.UnionDecl:
		v.declare(d.Name, &binderInfo{name: d.Name.Name, kind: "type"})
	case *ast.StructDecl, *ast.AliasDecl:
		v.declare(d.DeclName(), &binderInfo{name: d.DeclName().Name, kind: "type"})
	case *ast.GenericFunc, *ast.GenericStruct, *ast.TraitDecl:
		v.declare(d.DeclName(), &binderInfo{name: d.DeclName().Name, kind: "generic"})
	}
}
