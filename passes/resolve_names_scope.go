package passes

// Scopes of resolve-names (see resolve_names.go). The top-level scope is a map (a large program
// declares thousands of names); a local scope is a stretch of one stack of binders shared by all
// of them, searched from its end, so a block costs nothing to open and a binder nothing but its
// slot: a map for each block that declares a name was a third of the pass's allocation. A scope
// that grows past scopeListMax names gets a map too, so a lookup never scans a long list.

import "cot/ir/ast"

// scope is one scope: its map when it has one, else its binders rs.locals[start:end], where end
// is the next scope's start (or the stack's top for the innermost).
type scope struct {
	m     map[string]ast.Name
	start int
}

const scopeListMax = 32

// scopeEnd returns the end of scope i's binders in rs.locals.
func (rs *resolver) scopeEnd(i int) int {
	if i+1 < len(rs.scopes) {
		return rs.scopes[i+1].start
	}
	return len(rs.locals)
}

// inScope finds name among the binders of scope i.
func (rs *resolver) inScope(i int, name string) (ast.Name, bool) {
	s := rs.scopes[i]
	if s.m != nil {
		n, ok := s.m[name]
		return n, ok
	}
	list := rs.locals[s.start:rs.scopeEnd(i)]
	for k := len(list) - 1; k >= 0; k-- {
		if list[k].Name == name {
			return list[k], true
		}
	}
	return ast.Name{}, false
}

// setInTop makes n the binder of its name in the innermost scope.
func (rs *resolver) setInTop(n ast.Name) {
	s := &rs.scopes[len(rs.scopes)-1]
	if s.m == nil && len(rs.locals)-s.start >= scopeListMax {
		s.m = make(map[string]ast.Name, 2*scopeListMax)
		for _, x := range rs.locals[s.start:] {
			s.m[x.Name] = x
		}
	}
	if s.m != nil {
		s.m[n.Name] = n
		return
	}
	rs.locals = append(rs.locals, n) // a second binder of a name in one scope is found first
}

// scopeNames calls f with every name of scope i.
func (rs *resolver) scopeNames(i int, f func(string)) {
	if s := rs.scopes[i]; s.m != nil {
		for n := range s.m {
			f(n)
		}
		return
	}
	for _, n := range rs.locals[rs.scopes[i].start:rs.scopeEnd(i)] {
		f(n.Name)
	}
}
