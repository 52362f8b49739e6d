package verify

// Function-by-function ast verification, for a streamed run (ir/pipeline/stream.go) under
// --verify=each: the front end's stream holds one function's tree at a time, never the whole
// program's, so the checks AST makes of a program are split in three.
//
//   - NewASTFrame makes the program-level ones once, on the stream's input: the module table,
//     the top-level binders (their IDs unique, each bound), the declarations but the functions
//     (globals, types), the entry function and the table slots. Those are the same in the
//     stream's output: its passes change only the functions' bodies.
//   - ASTFrame.Unit checks one unit's output, walking its functions as AST walks them, against
//     the frame's top level (read only, so units are checked beside each other). A unit's
//     function whose header is not the frame's (a streamed pass changed what other units see of
//     it) or a declaration the frame lacks (one other units cannot see) is an error.
//   - ASTFrame.Join checks that the units' binder IDs from before the stream are unique across
//     units: each unit's walk checks them against its own and the top level's only.

import (
	"fmt"
	"slices"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

// ASTFrame is the program-level part of the ast check of a program whose functions are checked
// one by one.
type ASTFrame struct {
	lang *pipeline.Lang
	top  *scopeTable // the top level: bindings and claimed IDs, read only once made
	data []byte
}

// NewASTFrame checks p against lang but its functions' bodies, and returns the frame that
// checks its functions (p's, or the output of passes that change only bodies) one by one.
// The frame holds no function body of p.
func NewASTFrame(lang *pipeline.Lang, p *ast.Program) (*ASTFrame, []error) {
	v := &astVerifier{lang: lang, sc: new(scopeTable), data: p.Data}
	if err := v.setUp(lang); err != nil {
		return nil, []error{err}
	}
	if len(p.Modules) > 0 && lang != ast.LangSrc {
		v.errs = append(v.errs, fmt.Errorf("a module table after the src language (resolve-names drops it)"))
	}
	if err := ast.CheckModules(p); err != nil {
		v.errs = append(v.errs, err)
	}
	v.push() // the top level, kept: the units' walks see it
	for _, d := range p.Decls {
		if _, ok := d.(*ast.TraitImpl); !ok {
			v.binder(d.DeclName(), d)
		}
		if f, ok := d.(*ast.Func); ok {
			h := *f
			h.Body = nil // what the walks read of a function is its header (funcHead)
			v.declare(f.Name, &binderInfo{name: f.Name.Name, kind: "func", typ: f.Result, fn: &h})
			continue
		}
		v.declareTop(d)
	}
	entries := 0
	for _, d := range p.Decls {
		if f, ok := d.(*ast.Func); ok {
			if f.Export == "_start" {
				entries++
				if len(f.Params) != 0 || f.Result != types.TVoid {
					v.errorf(f, "the _start function must take no parameters and return void")
				}
			}
			continue
		}
		v.walkDecl(d)
	}
	v.tableSlots(p)
	if v.entry && entries != 1 {
		v.where = where{}
		v.errs = append(v.errs, fmt.Errorf("entry-explicit: want exactly one function exported as _start, have %d", entries))
	}
	v.errs = append(v.errs, v.dataErrs...)
	return &ASTFrame{lang: lang, top: v.sc, data: p.Data}, v.errs
}

// Unit checks decls, the declarations of one unit's output, and returns the errors and the
// binder IDs the unit's walk claimed (for Join).
func (fr *ASTFrame) Unit(decls []ast.Decl) (errs []error, binders []int) {
	sc := astTables.Get().(*scopeTable)
	sc.base = fr.top
	v := &astVerifier{lang: fr.lang, sc: sc, data: fr.data}
	if err := v.setUp(fr.lang); err != nil {
		return []error{err}, nil
	}
	v.push() // the unit's top level, under the frame's (depth 0 either way)
	for _, d := range decls {
		f, ok := d.(*ast.Func)
		if !ok {
			v.errs = append(v.errs, fmt.Errorf("%s %s: a streamed pass made a declaration other units cannot see", ast.String(d), d.DeclName()))
			continue
		}
		b := fr.top.own(f.Name.ID)
		if b == nil || b.fn == nil || b.name != f.Name.Name {
			v.errorf(f, "a streamed pass made a function other units cannot see")
			continue
		}
		if h := headOf(b.fn); !h.is(f) || b.fn.Slot != f.Slot {
			v.errorf(f, "a streamed pass changed the function's header, which other units see as it was")
			continue
		}
		v.walkDecl(d)
	}
	v.errs = append(v.errs, v.dataErrs...)
	binders = slices.Clone(sc.touched)
	for id := range sc.bigIDs {
		binders = append(binders, id)
	}
	sc.base = nil
	sc.release(nil)
	return v.errs, binders
}

// Join checks that no binder ID up to last is claimed by two units (binders: each unit's, from
// Unit). The IDs above last are numbered by each unit on its own (ast.IDs.Fork): they are unique
// in their function and apart from the rest of the program's, which is what the units' outputs
// need, each lowered on its own (decisions.md).
func (fr *ASTFrame) Join(binders [][]int, last int) []error {
	var dense []uint64 // a bit per ID below denseIDs: a program has millions of binders
	big := map[int]bool{}
	var errs []error
	for _, ids := range binders {
		for _, id := range ids {
			if id > last && id < denseIDs {
				continue
			}
			dup := false
			if id >= 0 && id < denseIDs {
				if w := id / 64; w >= len(dense) {
					dense = append(dense, make([]uint64, w+1-len(dense)+len(dense)/2)...)
				}
				dup = dense[id/64]&(1<<(id%64)) != 0
				dense[id/64] |= 1 << (id % 64)
			} else {
				dup, big[id] = big[id], true
			}
			if dup {
				errs = append(errs, fmt.Errorf("binder ID %d is used by two functions", id))
			}
		}
	}
	return errs
}

// setUp sets v's node kinds and invariant checks from lang.
func (v *astVerifier) setUp(lang *pipeline.Lang) error {
	v.allowed, v.key = allowedKinds(lang)
	for _, inv := range lang.AllInvariants() {
		check, ok := astInvariants[inv]
		if !ok {
			return fmt.Errorf("language %s declares invariant %q, which no checker checks", lang.Name, inv)
		}
		check(v)
	}
	return nil
}
