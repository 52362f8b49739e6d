package passes

// resolve-names over a program of several files (language.md §2.2–2.3, decisions.md #26): each
// file sees its own top-level names and those of every file it imports, directly or through
// other imports; a file's own declaration of a name comes first. A name declared by two of the
// imported files is an error only where the file uses it (ambiguous identifier), so private
// helpers of two modules never clash. `main` is one program-wide name: two files declaring it is
// a redefinition.

import (
	"sort"
	"strings"

	"cot/ir/ast"
	"cot/ir/src"
)

const codeAmbiguous = "E0331" // a name declared by two imported files

// moduleNames is what the declarations of one module see at top level.
type moduleNames struct {
	own      map[string]ast.Name   // its own declarations
	imported map[string][]ast.Name // declarations of the modules it imports transitively
}

// bindTopLevel gives every top-level declaration its binder and returns, per declaration, the
// names its module sees.
func (rs *resolver) bindTopLevel(p *ast.Program) (map[ast.Decl]ast.Name, []*moduleNames) {
	owner := ast.ModuleOf(p)
	nmods := max(len(p.Modules), 1)
	mods := make([]*moduleNames, nmods)
	for i := range mods {
		mods[i] = &moduleNames{own: map[string]ast.Name{}, imported: map[string][]ast.Name{}}
	}
	ids := map[ast.Decl]ast.Name{}
	var mainName ast.Name
	tests := map[string]ast.Name{}
	for i, d := range p.Decls {
		n := d.DeclName()
		if _, ok := d.(*ast.TraitImpl); ok { // binds no name
			continue
		}
		if f, ok := d.(*ast.Func); ok && f.TestKind != "" {
			ids[d] = rs.bindTest(f, tests)
			continue
		}
		own := mods[owner[i]].own
		if first, dup := own[n.Name]; dup {
			rs.redefined(d.Pos(), first)
		} else if _, isFunc := d.(*ast.Func); isFunc && n.Name == "main" && mainName.ID != 0 {
			rs.redefined(d.Pos(), mainName)
		}
		rs.scopes[0] = scope{m: own}
		ids[d] = rs.bind(d.Pos(), n.Name)
		if _, isFunc := d.(*ast.Func); isFunc && n.Name == "main" && mainName.ID == 0 {
			mainName = ids[d]
		}
		switch d.(type) {
		case *ast.EnumDecl, *ast.UnionDecl, *ast.StructDecl, *ast.AliasDecl:
			rs.types[ids[d].ID] = true
		case *ast.GenericStruct, *ast.GenericFunc, *ast.TraitDecl:
			rs.generics[ids[d].ID] = d
		}
	}
	index := map[string]int{}
	for i, m := range p.Modules {
		index[m.File] = i
	}
	for i := range p.Modules {
		for _, j := range importedModules(p.Modules, index, i) {
			for name, n := range mods[j].own {
				mods[i].imported[name] = append(mods[i].imported[name], n)
			}
		}
	}
	perDecl := make([]*moduleNames, len(p.Decls))
	for i := range p.Decls {
		perDecl[i] = mods[owner[i]]
	}
	return ids, perDecl
}

// importedModules lists the modules module i imports, directly or transitively, itself excluded,
// in module order.
func importedModules(mods []*ast.Module, index map[string]int, i int) []int {
	seen := map[int]bool{i: true}
	var out []int
	var visit func(m int)
	visit = func(m int) {
		for _, f := range mods[m].Imports {
			j, ok := index[f]
			if !ok || seen[j] {
				continue
			}
			seen[j] = true
			out = append(out, j)
			visit(j)
		}
	}
	visit(i)
	sort.Ints(out)
	return out
}

// lookupImported finds a name among the imported declarations of the current module, reporting
// an ambiguous use.
func (rs *resolver) lookupImported(pos src.Pos, name string) (ast.Name, bool) {
	if rs.module == nil {
		return ast.Name{}, false
	}
	found := rs.module.imported[name]
	switch len(found) {
	case 0:
		return ast.Name{}, false
	case 1:
		return found[0], true
	}
	var files []string
	var notes []src.Related
	for _, n := range found {
		at := rs.whereOf(n.ID)
		files = append(files, at.File)
		notes = append(notes, src.Related{Span: src.Span{Pos: at}, Text: "declared here"})
	}
	rs.diags.Report(src.Diagnostic{Pos: pos, Code: codeAmbiguous,
		Msg:   "ambiguous identifier `" + name + "`: declared in " + strings.Join(files, " and "),
		Notes: notes, Help: []string{"rename one of the declarations, or import only one of the files"}})
	return found[0], true
}
