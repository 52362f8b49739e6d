package types

import "testing"

func structOf(name string, fields ...*Field) *Named {
	n := NewNamed(name, 0)
	n.SetUnderlying(&Struct{Fields: fields})
	return n
}

func TestSizesAndAlignments(t *testing.T) {
	cases := []struct {
		t           Type
		size, align int64
	}{
		{TI8, 1, 1}, {TU16, 2, 2}, {TI32, 4, 4}, {TI64, 8, 8}, {TF32, 4, 4}, {TF64, 8, 8},
		{TBool, 1, 1}, {TVoid, 0, 1}, {TString, 24, 8}, {SliceOf(TI64), 24, 8},
		{PointerTo(TU8), 8, 8}, {OptionalOf(TI64), 16, 8}, {ArrayOf(4, TI32), 16, 4},
		{TupleOf(TU8, TI64), 16, 8},
		{structOf("P", &Field{"x", TI64}, &Field{"y", TI64}), 16, 8},
		{structOf("Q", &Field{"a", TU8}, &Field{"b", TI64}), 16, 8},
		{structOf("R", &Field{"a", TU8}, &Field{"b", TU8}), 8, 8},
		{structOf("S", &Field{"a", TU8}, &Field{"s", TString}), 32, 8},
		// Payload-dependent sizes: ?T and E!T hold their payload after an 8-byte tag.
		{OptionalOf(TString), 32, 8}, {OptionalOf(TU8), 16, 8},
		{ErrorUnionOf(nil, TupleOf(TI64, TI64, TI64)), 32, 8},
		{&Union{Variants: []UnionVariant{{"a", nil}, {"b", TString}, {"c", TI32}}}, 32, 8},
		{&Union{Variants: []UnionVariant{{"a", nil}}}, 8, 8},
		{&Enum{Backing: TI32}, 4, 4}, {&ErrorSet{}, 8, 8},
	}
	for _, c := range cases {
		if Sizeof(c.t) != c.size || Alignof(c.t) != c.align {
			t.Errorf("%v: size %d align %d, want %d %d", c.t, Sizeof(c.t), Alignof(c.t), c.size, c.align)
		}
	}
	q := structOf("Q", &Field{"a", TU8}, &Field{"b", TI64})
	if off := FieldOffset(q.Underlying().(*Struct), 1); off != 8 {
		t.Errorf("Q.b at %d, want 8", off)
	}
	if off := TupleOffset(TupleOf(TU8, TString, TI64), 2); off != 32 {
		t.Errorf("tuple element 2 at %d, want 32", off)
	}
}

// A struct may hold a pointer to itself: declared first, completed second.
func TestNamedTypesCompleteInTwoPhases(t *testing.T) {
	node := NewNamed("Node", 1)
	node.SetUnderlying(&Struct{Fields: []*Field{{"value", TI64}, {"next", PointerTo(node)}}})
	if Sizeof(node) != 16 || ContainsItself(node) {
		t.Fatalf("Node: size %d, contains itself %v", Sizeof(node), ContainsItself(node))
	}
	bad := NewNamed("Bad", 2)
	bad.SetUnderlying(&Struct{Fields: []*Field{{"again", ArrayOf(2, OptionalOf(bad))}}})
	if !ContainsItself(bad) {
		t.Fatal("Bad holds itself by value")
	}
	other := NewNamed("Node", 3) // same name, another declaration: another type
	other.SetUnderlying(&Struct{})
	if Identical(node, other) || !Identical(PointerTo(node), PointerTo(node)) {
		t.Fatal("named types compare by identity")
	}
}

func TestLookupAndIdentity(t *testing.T) {
	if i, _ := Lookup("int"); i != TI64 {
		t.Fatal("int is not i64")
	}
	if _, ok := Lookup("List"); ok {
		t.Fatal("List is not a basic type")
	}
	if !Identical(PointerTo(TI64), PointerTo(TI64)) || Identical(PointerTo(TI64), PointerTo(TU8)) {
		t.Fatal("pointer identity")
	}
	if s := FuncOf([]Type{TI64, TBool}, TVoid).String(); s != "fn(i64, bool) void" {
		t.Fatal(s)
	}
}

func TestAssignability(t *testing.T) {
	yes := [][2]Type{{TUntypedInt, TU8}, {TUntypedInt, TF32}, {TUntypedFloat, TF64}, {TI8, TI64},
		{TU8, TI16}, {TU32, TU64}, {TUntypedNull, OptionalOf(TI64)}, {TI64, OptionalOf(TI64)},
		{TUntypedInt, OptionalOf(TU8)}}
	no := [][2]Type{{TI64, TI32}, {TI8, TU64}, {TU32, TI32}, {TUntypedFloat, TI64}, {TI64, TF64},
		{TUntypedNull, TI64}, {TBool, TI64}}
	for _, c := range yes {
		if !AssignableTo(c[0], c[1]) {
			t.Errorf("%v should be assignable to %v", c[0], c[1])
		}
	}
	for _, c := range no {
		if AssignableTo(c[0], c[1]) {
			t.Errorf("%v should not be assignable to %v", c[0], c[1])
		}
	}
	if neg, max := IntRange(TI8); neg != 128 || max != 127 {
		t.Errorf("i8 range %d..%d", neg, max)
	}
	if neg, max := IntRange(TU64); neg != 0 || max != 1<<64-1 {
		t.Errorf("u64 range %d..%d", neg, max)
	}
}
