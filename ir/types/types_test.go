package types

import "testing"

func TestSizesAndAlignments(t *testing.T) {
	cases := []struct {
		t           *Type
		size, align int64
	}{
		{TI8, 1, 1}, {TU16, 2, 2}, {TI32, 4, 4}, {TI64, 8, 8}, {TF32, 4, 4}, {TF64, 8, 8},
		{TBool, 1, 1}, {TVoid, 0, 1}, {TString, 24, 8}, {SliceOf(TI64), 24, 8},
		{PointerTo(TU8), 8, 8}, {OptionalOf(TI64), 16, 8}, {ArrayOf(4, TI32), 16, 4},
		{&Type{Kind: Tuple, Elems: []*Type{TU8, TI64}}, 16, 8},
		{StructOf("P", []string{"x", "y"}, []*Type{TI64, TI64}), 16, 8},
		{StructOf("Q", []string{"a", "b"}, []*Type{TU8, TI64}), 16, 8},
		{StructOf("R", []string{"a", "b"}, []*Type{TU8, TU8}), 8, 8},
		{StructOf("S", []string{"a", "s"}, []*Type{TU8, TString}), 32, 8},
	}
	for _, c := range cases {
		if c.t.Size() != c.size || c.t.Align() != c.align {
			t.Errorf("%v: size %d align %d, want %d %d", c.t, c.t.Size(), c.t.Align(), c.size, c.align)
		}
	}
	if q := StructOf("Q", []string{"a", "b"}, []*Type{TU8, TI64}); q.Fields[1].Offset != 8 {
		t.Errorf("Q.b at %d, want 8", q.Fields[1].Offset)
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
	if s := FuncOf([]*Type{TI64, TBool}, TVoid).String(); s != "fn(i64, bool) -> void" {
		t.Fatal(s)
	}
}
