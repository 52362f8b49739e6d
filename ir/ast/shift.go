package ast

import "reflect"

// ShiftIDs returns a copy of d in which every binder ID, and every use of one, is larger by
// delta (ID 0, a type keyword's, stays). import-runtime uses it to place the runtime, compiled
// once per process, above the binder IDs of the program it joins. It finds the names by
// reflection — every field of type Name (or []Name) of every node — so a new node kind needs
// nothing here.
func ShiftIDs(d Decl, delta int) Decl {
	c := (&Rewriter{}).RewriteDecl(d)[0] // fresh copies of every node: the original stays as it is
	Inspect(c, func(n Node) bool {
		shiftNames(reflect.ValueOf(n).Elem(), delta)
		return true
	})
	return c
}

var nameType = reflect.TypeOf(Name{})

func shiftNames(v reflect.Value, delta int) {
	if v.Kind() != reflect.Struct {
		return
	}
	shift := func(n reflect.Value) {
		if id := n.FieldByName("ID"); id.Int() != 0 {
			id.SetInt(id.Int() + int64(delta))
		}
	}
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		switch {
		case f.Type() == nameType:
			shift(f)
		case f.Kind() == reflect.Slice && f.Type().Elem() == nameType:
			s := reflect.MakeSlice(f.Type(), f.Len(), f.Len()) // the copy may share the slice
			reflect.Copy(s, f)
			for j := 0; j < s.Len(); j++ {
				shift(s.Index(j))
			}
			f.Set(s)
		}
	}
}
