package semindex

import (
	"strings"

	"cot/ir/ast"
)

// addMethods completes the members of every declaration whose type is a struct with the
// methods callable on it (language.md §4.2, §4.9): an impl method `T_m` (self first) is `x.m`,
// a free function whose first parameter is `self` of type T or *T is `x.name`. After `x.`
// an editor offers the fields, then the methods.
func addMethods(ix *Index, prog *ast.Program) {
	methods := map[string][]Member{}
	for _, d := range prog.Decls {
		f, ok := d.(*ast.Func)
		if !ok || len(f.Params) == 0 || f.Params[0].Name.Name != "self" || f.TestKind != "" {
			continue
		}
		recv := strings.TrimPrefix(typeString(f.Params[0].Type), "*")
		name := strings.TrimPrefix(f.Name.Name, recv+"_")
		parts := make([]string, 0, len(f.Params)-1)
		for _, p := range f.Params[1:] {
			parts = append(parts, p.Name.Name+": "+typeString(p.Type))
		}
		methods[recv] = append(methods[recv], Member{Name: name, Method: true,
			Type: "fn " + name + "(" + strings.Join(parts, ", ") + ") " + typeString(f.Result)})
	}
	if len(methods) == 0 {
		return
	}
	for _, d := range ix.Decls {
		if d.Kind == Function {
			continue
		}
		d.Members = append(d.Members, methods[strings.TrimPrefix(d.Type, "*")]...)
	}
}

// methodName is the name an impl method is declared with: `fn m` of `impl T` is the function
// `T_m` (language.md §4.9), its first parameter self of type T or *T. "" for other functions.
func methodName(f *ast.Func) string {
	if len(f.Params) == 0 || f.Params[0].Name.Name != "self" {
		return ""
	}
	recv := strings.TrimPrefix(typeString(f.Params[0].Type), "*")
	if i := strings.IndexByte(recv, '('); i >= 0 {
		recv = recv[:i] // an instance of a generic struct: Pair(i64, bool)_m is Pair_m
	}
	short, ok := strings.CutPrefix(f.Name.Name, recv+"_")
	if !ok {
		return ""
	}
	return short
}
