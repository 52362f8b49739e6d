package verify

// The ast verifier's tables, kept from one verification to the next (a sync.Pool, as for the
// backend's verifiers, scratch.go): under --verify=each it runs after every front-end pass over
// the whole program, and a map per block, a binderInfo per binder, a map of every binder ID and
// a search of the language's kind lists per node were most of its cost (3.6 s of CPU against
// 1.0 s for the passes on the rich 1 MB program).
//
// Scopes are one table from binder ID to its innermost binding plus an undo log: declaring
// saves the binding it hides, popping a scope restores them, so a lookup is one index instead
// of a search through a map per enclosing block, and the bindings live in chunks that are
// reused, not allocated.

import (
	"sync"

	"cot/ir/ast"
)

// denseIDs bounds the binder IDs kept in the tables' slices; others (negative, or huge in a
// broken program) go to maps.
const denseIDs = 1 << 24

type undo struct {
	id   int
	prev *binderInfo
}

type scopeTable struct {
	bind   []*binderInfo // by binder ID: the innermost binding in scope
	big    map[int]*binderInfo
	undos  []undo
	marks  []mark // at each open scope
	chunks [][]binderInfo
	used   int // bindings handed out of chunks (a scope's go back when it closes)
	high   int // the most ever used, cleared at the end

	ids     []int32  // by binder ID: 1 + the index in names of the binder that has it, 0 for none
	names   []string // the binders' names, in the order they claimed their IDs
	bigIDs  map[int]string
	touched []int // the IDs set in ids, cleared at the end

	// While the walk of a declaration is recorded (ast_incremental.go): its dependencies, the
	// IDs already among them (depMark[id] == depGen) and its binders.
	deps    []dep
	depMark []uint32
	depGen  uint32
	bigDeps map[int]bool
	binders []int32

	// base, when set, is the top level of a program whose functions are checked one by one
	// (ast_unit.go): read only, it answers for the IDs this table has no binding or claim of.
	base *scopeTable
}

type mark struct{ undos, used int }

const chunkSize = 1024

var astTables = sync.Pool{New: func() any { return new(scopeTable) }}

// tablesFor returns the tables for one verification: the cache's own when there is one (a
// pooled table is dropped at every collection, and a compilation verifies between many),
// else a pooled one.
func tablesFor(cache *astCache) *scopeTable {
	if cache == nil {
		return astTables.Get().(*scopeTable)
	}
	if cache.tables == nil {
		cache.tables = new(scopeTable)
	}
	return cache.tables
}

// release empties s after a verification and gives it back to where tablesFor took it.
func (s *scopeTable) release(cache *astCache) {
	s.reset()
	if cache == nil {
		astTables.Put(s)
	}
}

// depth is the index of the innermost open scope (0 = top level).
func (s *scopeTable) depth() int { return len(s.marks) - 1 }

func (s *scopeTable) push() { s.marks = append(s.marks, mark{len(s.undos), s.used}) }

// pop closes the innermost scope; its bindings' memory is reused (nothing holds a binding
// after its scope: lookups use it at once).
func (s *scopeTable) pop() {
	m := s.marks[len(s.marks)-1]
	for i := len(s.undos) - 1; i >= m.undos; i-- {
		s.set(s.undos[i].id, s.undos[i].prev)
	}
	s.undos = s.undos[:m.undos]
	s.used = m.used
	s.marks = s.marks[:len(s.marks)-1]
}

func (s *scopeTable) get(id int) *binderInfo {
	if b := s.own(id); b != nil || s.base == nil {
		return b
	}
	return s.base.own(id)
}

// own is get without the base.
func (s *scopeTable) own(id int) *binderInfo {
	if id >= 0 && id < len(s.bind) {
		return s.bind[id]
	}
	if id >= 0 && id < denseIDs {
		return nil
	}
	return s.big[id]
}

func (s *scopeTable) set(id int, b *binderInfo) {
	if id >= 0 && id < denseIDs {
		if id >= len(s.bind) {
			if b == nil {
				return
			}
			s.bind = append(s.bind, make([]*binderInfo, id+1-len(s.bind)+len(s.bind)/2)...)
		}
		s.bind[id] = b
		return
	}
	if b == nil {
		delete(s.big, id)
		return
	}
	if s.big == nil {
		s.big = map[int]*binderInfo{}
	}
	s.big[id] = b
}

// declare binds id to a copy of b in the innermost scope.
func (s *scopeTable) declare(id int, b *binderInfo) {
	if s.used == len(s.chunks)*chunkSize {
		s.chunks = append(s.chunks, make([]binderInfo, chunkSize))
	}
	nb := &s.chunks[s.used/chunkSize][s.used%chunkSize]
	s.used++
	s.high = max(s.high, s.used)
	*nb = *b
	nb.scope = s.depth()
	s.undos = append(s.undos, undo{id, s.own(id)})
	s.set(id, nb)
}

// claim records that binder ID n.ID (positive) belongs to n and returns the text of the binder
// that had it already.
func (s *scopeTable) claim(n ast.Name) (prev string, dup bool) {
	if s.base != nil {
		if prev, dup := s.base.claimed(n.ID); dup {
			return prev, true
		}
	}
	if id := n.ID; id < denseIDs {
		if id >= len(s.ids) {
			s.ids = append(s.ids, make([]int32, id+1-len(s.ids)+len(s.ids)/2)...)
		}
		if c := s.ids[id]; c != 0 {
			return ast.Name{Name: s.names[c-1], ID: id}.String(), true
		}
		s.names = append(s.names, n.Name)
		s.ids[id] = int32(len(s.names))
		s.touched = append(s.touched, id)
		return "", false
	}
	if prev, dup := s.bigIDs[n.ID]; dup {
		return prev, true
	}
	if s.bigIDs == nil {
		s.bigIDs = map[int]string{}
	}
	s.bigIDs[n.ID] = n.String()
	return "", false
}

// claimed returns the text of the binder that has ID id, if one has.
func (s *scopeTable) claimed(id int) (string, bool) {
	if id >= 0 && id < denseIDs {
		if id < len(s.ids) && s.ids[id] != 0 {
			return ast.Name{Name: s.names[s.ids[id]-1], ID: id}.String(), true
		}
		return "", false
	}
	prev, ok := s.bigIDs[id]
	return prev, ok
}

// unclaim frees binder ID id again.
func (s *scopeTable) unclaim(id int) {
	if id < len(s.ids) {
		s.ids[id] = 0
	}
	delete(s.bigIDs, id)
}

// startDeps starts the record of a declaration's dependencies and binders.
func (s *scopeTable) startDeps() {
	s.deps, s.binders, s.bigDeps = s.deps[:0], s.binders[:0], nil
	s.depGen++
	if s.depGen == 0 { // wrapped: old marks could pass for new ones
		clear(s.depMark)
		s.depGen = 1
	}
}

// firstDep reports whether id is not yet among the recorded dependencies, and marks it.
func (s *scopeTable) firstDep(id int) bool {
	if id >= 0 && id < denseIDs {
		if id >= len(s.depMark) {
			s.depMark = append(s.depMark, make([]uint32, id+1-len(s.depMark)+len(s.depMark)/2)...)
		}
		if s.depMark[id] == s.depGen {
			return false
		}
		s.depMark[id] = s.depGen
		return true
	}
	if s.bigDeps[id] {
		return false
	}
	if s.bigDeps == nil {
		s.bigDeps = map[int]bool{}
	}
	s.bigDeps[id] = true
	return true
}

// noteBinder records binder ID id of the declaration whose summary is r.
func (s *scopeTable) noteBinder(id int, r *declSummary) {
	if id > 1<<31-1 {
		r.unknown = true
		return
	}
	s.binders = append(s.binders, int32(id))
}

// reset empties the tables for the next verification, keeping their memory (and dropping what
// the bindings point to, so a pooled table holds no program alive).
func (s *scopeTable) reset() {
	for len(s.marks) > 0 {
		s.pop()
	}
	for i := range s.chunks {
		if i*chunkSize >= s.high {
			break
		}
		clear(s.chunks[i])
	}
	s.used, s.high = 0, 0
	for _, id := range s.touched {
		s.ids[id] = 0
	}
	s.touched = s.touched[:0]
	clear(s.names)
	s.names = s.names[:0]
	s.big, s.bigIDs = nil, nil
	s.deps = s.deps[:0]
	clear(s.deps[:cap(s.deps)]) // they point into the program
}
