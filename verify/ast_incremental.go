package verify

// Incremental ast verification. Under --verify=each the front end's program is verified whole
// after every pass, and most passes share most of their input with their output, pointer for
// pointer (ast.Rewriter.Share): tree passes never mutate their input (design.md §3), so a
// function body that is the same pointer as one checked before is the same tree. The walk of a
// function (walkDecl) is a function of that tree, of its header (funcHead) and of what this file
// records while it runs:
//
//   - the checkKey bits it read: the named invariants of the language, and whether it allows
//     strings (the only questions the walk asks the language besides node kinds); some are read
//     only where they matter (ast_keys.go, fits);
//   - the node kinds it met (a kindSet): the walk passes every node to kind (a test holds it to
//     that), so the function is of the new language's kinds iff this set is;
//   - the top-level binders it looked up (and the IDs it found unbound): name, kind, type and a
//     function's parameters are all the walk reads of them;
//   - its binders' IDs, which must stay unique in the whole program;
//   - the largest data address in it, which must stay inside the data image.
//
// A function checked without error whose header is as it was, whose key bits fit the new
// check's, whose kinds the new language allows, whose looked-up binders are as they were, whose
// binder IDs nothing else claims and whose data addresses fit is not walked again. Globals,
// types and generics are always walked (they are small), and the program-level checks (top-level
// binders, the entry function, table slots, modules) run every time. When anything fails, the
// whole program is checked again without the cache, so the errors are exactly AST's. The cache
// holds the bodies by weak pointers: it never keeps a tree alive that a pass released (a pass
// that consumes its input, ast.Rewriter.Consume), and a body freed and another made at its
// address are never confused. The family's last check of a run records nothing.

import (
	"fmt"
	"slices"
	"sync/atomic"
	"weak"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

func init() {
	ast.Family.VerifyWith = func(state *any, l *pipeline.Lang, prog any, last bool) []error {
		p, ok := prog.(*ast.Program)
		if !ok {
			return []error{fmt.Errorf("ast: want *ast.Program, have %T", prog)}
		}
		cache, _ := (*state).(*astCache)
		if cache == nil {
			cache = &astCache{}
			*state = cache
		}
		return cache.check(l, p, last)
	}
}

// declSummary is what one error-free walk of a declaration depended on.
type declSummary struct {
	head    funcHead
	key     checkKey
	kinds   kindSet
	unknown bool     // a kind outside every ast language (a test's), or a binder ID above 2^31: never reused
	reads   checkKey // the conditional key bits the walk read (fits)
	deps    []dep
	binders []int32 // IDs (binder IDs above 2^31 are never reused: see record)
	hasData bool
	maxData int64
}

// dep is a top-level binder as a walk found it, or an ID it found unbound (!bound). Of a
// function the walk reads the signature: its parameters' types and its result.
type dep struct {
	id         int
	bound      bool
	name, kind string
	typ        types.Type
	isFunc     bool
	params     []*ast.Param
}

func (s *declSummary) saw(i int, known bool, da *ast.DataAddr) {
	if known {
		s.kinds.add(i)
	} else {
		s.unknown = true
	}
	if da != nil && (!s.hasData || da.Offset > s.maxData) {
		s.hasData, s.maxData = true, da.Offset
	}
}

// get is the scopes' binding of id, noted as a dependency of the declaration being recorded
// when it is a top-level binder or none.
func (v *astVerifier) get(id int) *binderInfo {
	b := v.sc.get(id)
	if v.rec != nil && (b == nil || b.scope == 0) && v.sc.firstDep(id) {
		d := dep{id: id}
		if b != nil {
			d.bound, d.name, d.kind, d.typ = true, b.name, b.kind, b.typ
			if b.fn != nil {
				d.isFunc, d.params = true, b.fn.Params
			}
		}
		v.sc.deps = append(v.sc.deps, d)
	}
	return b
}

// holds reports whether the binding of the dependency's ID is still what the walk saw. Types
// and parameters are compared as pointers: equal pointers are certainly the same (neither is
// ever changed), and a false difference only costs a walk.
func (d *dep) holds(b *binderInfo) bool {
	if b == nil || !d.bound {
		return b == nil && !d.bound
	}
	if b.name != d.name || b.kind != d.kind || b.typ != d.typ {
		return false
	}
	if (b.fn != nil) != d.isFunc {
		return false
	}
	if !d.isFunc {
		return true
	}
	if len(b.fn.Params) != len(d.params) {
		return false
	}
	for i, p := range b.fn.Params {
		if p != d.params[i] && p.Type != d.params[i].Type {
			return false
		}
	}
	return true
}

// astCache is the ast family's verifier state in one compilation: the summary of every
// function of the last program checked.
type astCache struct {
	funcs map[weak.Pointer[ast.Block]]*declSummary // by the function's body
	next  map[weak.Pointer[ast.Block]]*declSummary
	stale bool // a reused summary failed the program-wide checks: check it all again
	last  bool // the last check: reuse, record nothing
	// tables are the verifier's tables (ast_scope.go), kept for the whole compilation.
	tables *scopeTable
	// untruthful lists the reused summaries a walk contradicts (checkSkips).
	untruthful []error
}

// check verifies p against l with the cache, and keeps p's functions' summaries for the next
// check, unless this is the last (then it records none: they would only cost time and memory).
func (c *astCache) check(l *pipeline.Lang, p *ast.Program, last bool) []error {
	c.last = last
	if c.next == nil {
		c.next = make(map[weak.Pointer[ast.Block]]*declSummary, len(c.funcs))
	}
	c.stale = false
	errs := astCheck(l, p, c)
	if len(c.untruthful) > 0 {
		errs, c.untruthful, c.funcs, c.next = c.untruthful, nil, nil, nil
		return errs
	}
	if len(errs) > 0 || c.stale {
		c.funcs, c.next = nil, nil
		return AST(l, p) // exactly the errors of a check from scratch
	}
	c.funcs, c.next = c.next, c.funcs // the old map's memory serves the next check
	clear(c.next)
	return nil
}

// checkSkips, set by tests, makes every reused summary be compared with a walk of its function;
// reused counts the summaries reused, for tests.
var (
	checkSkips bool
	reused     atomic.Int64
)

// decl checks d (walkDecl), or, for a function the cache knows that depends on nothing that
// changed, does what its walk would add to the program-wide checks.
func (v *astVerifier) decl(d ast.Decl) {
	f, ok := d.(*ast.Func)
	if v.cache == nil || !ok || f.Body == nil {
		v.walkDecl(d)
		return
	}
	key := weak.Make(f.Body)
	if s := v.cache.funcs[key]; s != nil && s.head.is(f) && v.reusable(s) {
		for _, id := range s.binders {
			if _, dup := v.sc.claim(ast.Name{ID: int(id)}); dup {
				v.cache.stale = true
			}
		}
		v.cache.next[key] = s
		reused.Add(1)
		if checkSkips {
			v.compareWalk(f, s)
		}
		return
	}
	if v.cache.last {
		v.walkDecl(d)
		return
	}
	if s := v.record(d); s != nil {
		s.head = headOf(f)
		v.cache.next[key] = s
	}
}

// funcHead is what the walk of a function reads of it besides its body (Func.Slot is the
// program's, tableSlots). A pass that changes a function's signature but not its body (the
// lowering of enum types) makes a new Func around the same body; that check walks it again.
type funcHead struct {
	name     ast.Name
	params   []*ast.Param
	resultX  ast.TypeExpr
	result   types.Type
	export   string
	frame    int64
	testKind string
}

func headOf(f *ast.Func) funcHead {
	return funcHead{f.Name, f.Params, f.ResultX, f.Result, f.Export, f.Frame, f.TestKind}
}

// is reports whether f's header is h (parameters as pointers: a Param is never changed).
func (h *funcHead) is(f *ast.Func) bool {
	return h.name == f.Name && slices.Equal(h.params, f.Params) && h.resultX == f.ResultX && h.result == f.Result &&
		h.export == f.Export && h.frame == f.Frame && h.testKind == f.TestKind
}

// record walks d and returns what the walk depended on, nil when it found errors.
func (v *astVerifier) record(d ast.Decl) *declSummary {
	errs := len(v.errs) + len(v.dataErrs)
	v.rec = &declSummary{key: v.key}
	v.sc.startDeps()
	v.walkDecl(d)
	s := v.rec
	v.rec = nil
	if len(v.errs)+len(v.dataErrs) > errs || s.unknown {
		return nil
	}
	s.deps = slices.Clone(v.sc.deps)
	s.binders = slices.Clone(v.sc.binders)
	return s
}

// reusable reports whether s, a summary of an earlier walk, is what a walk now would find.
func (v *astVerifier) reusable(s *declSummary) bool {
	if !s.fits(v.key) || !s.kinds.within(v.allowed) || s.hasData && s.maxData > int64(len(v.data)) {
		return false
	}
	for i := range s.deps {
		if !s.deps[i].holds(v.sc.get(s.deps[i].id)) {
			return false
		}
	}
	return true
}

// compareWalk walks f, whose summary s the check reused, and reports when the walk finds errors
// or depends on anything else (tests: checkSkips).
func (v *astVerifier) compareWalk(f *ast.Func, s *declSummary) {
	for _, id := range s.binders {
		v.sc.unclaim(int(id)) // the walk claims them again
	}
	errs, dataErrs := len(v.errs), len(v.dataErrs)
	if w := v.record(f); w == nil || !w.same(s) {
		v.errs, v.dataErrs = v.errs[:errs], v.dataErrs[:dataErrs]
		v.cache.untruthful = append(v.cache.untruthful, fmt.Errorf("incremental verification reused what it knew of function %s, which a walk of it now contradicts", f.Name))
	}
}

// same reports whether two summaries say the same.
func (s *declSummary) same(t *declSummary) bool {
	if s.reads != t.reads || s.kinds != t.kinds || s.unknown != t.unknown || s.hasData != t.hasData || s.maxData != t.maxData ||
		!slices.Equal(s.binders, t.binders) || len(s.deps) != len(t.deps) {
		return false
	}
	for i := range s.deps {
		a, b := &s.deps[i], &t.deps[i]
		if a.id != b.id || a.bound != b.bound || a.name != b.name || a.kind != b.kind || a.typ != b.typ || a.isFunc != b.isFunc || !slices.Equal(a.params, b.params) {
			return false
		}
	}
	return true
}
