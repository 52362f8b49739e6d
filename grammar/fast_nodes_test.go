//go:build !cotref

package grammar

import (
	"reflect"
	"testing"
)

// TestNodeSlabsAll checks that nodeSlabs.all lists every slab once, so ParseEach reuses the
// memory of every node type.
func TestNodeSlabsAll(t *testing.T) {
	var n nodeSlabs
	v := reflect.ValueOf(&n).Elem()
	listed := map[uintptr]bool{}
	for _, s := range n.all() {
		listed[reflect.ValueOf(s).Pointer()] = true
	}
	for i := range v.NumField() {
		if !listed[v.Field(i).Addr().Pointer()] {
			t.Errorf("nodeSlabs.all does not list %s", v.Type().Field(i).Name)
		}
	}
	if len(listed) != v.NumField() {
		t.Errorf("nodeSlabs.all lists %d slabs, nodeSlabs has %d", len(listed), v.NumField())
	}
}

// TestSlabReuse checks that a reused slab hands out its cleared memory again.
func TestSlabReuse(t *testing.T) {
	var s slab[Block]
	first := s.alloc()
	first.Stmts = []*Stmt{{}}
	for range 10 {
		s.alloc()
	}
	s.reuse()
	seen := false
	for range 11 {
		b := s.alloc()
		if b.Stmts != nil {
			t.Fatal("a reused node is not cleared")
		}
		seen = seen || b == first
	}
	if !seen {
		t.Error("reuse did not hand out the first node's memory again")
	}
}
