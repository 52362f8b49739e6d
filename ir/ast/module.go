package ast

import (
	"fmt"
	"strconv"
)

// Module is one source file of a program of several files (spec §2.3): the file's name, the
// files it imports directly, and how many declarations of Program.Decls are its own. Modules
// own consecutive runs of Program.Decls, in the order of Program.Modules (depth-first: a file's
// imports before the file). Only the src language carries modules: resolve-names decides from
// them which top-level names each file sees, and the resolved program no longer needs them. A
// program of one file has no module table.
//
//	(module "lib/math.cot" 3 (imports "std/fmt.cot"))
type Module struct {
	File    string
	Imports []string
	Decls   int
}

// ModuleOf returns, for each declaration index of p, the index of its module in p.Modules (all
// 0 when p has no module table).
func ModuleOf(p *Program) []int {
	owner := make([]int, len(p.Decls))
	i := 0
	for m, mod := range p.Modules {
		for n := 0; n < mod.Decls && i < len(owner); n++ {
			owner[i] = m
			i++
		}
	}
	return owner
}

func moduleSx(m *Module) *sx {
	imports := list(atom("imports"))
	for _, im := range m.Imports {
		imports.list = append(imports.list, quoted(im))
	}
	return list(atom("module"), quoted(m.File), atom(strconv.Itoa(m.Decls)), imports)
}

func readModule(s *sx) *Module {
	a := shape(s, 3, false)
	n, err := strconv.Atoi(a[1].atom)
	if !a[0].quoted || err != nil || n < 0 || !a[2].isList || len(a[2].list) == 0 || a[2].list[0].atom != "imports" {
		fail(s, "want (module \"file\" DECLS (imports \"file\"...))")
	}
	m := &Module{File: a[0].atom, Decls: n}
	for _, im := range a[2].list[1:] {
		if !im.quoted {
			fail(im, "want a quoted file name")
		}
		m.Imports = append(m.Imports, im.atom)
	}
	return m
}

// CheckModules reports a module table whose declaration counts do not cover Decls exactly.
func CheckModules(p *Program) error {
	if len(p.Modules) == 0 {
		return nil
	}
	n := 0
	for _, m := range p.Modules {
		n += m.Decls
	}
	if n != len(p.Decls) {
		return fmt.Errorf("the modules own %d declarations, the program has %d", n, len(p.Decls))
	}
	return nil
}
