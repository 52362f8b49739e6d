package grammar

import "reflect"

// Walk calls visit for every CST node (a non-nil pointer to one of this package's structs)
// reachable from node, parents before children, fields in declaration order.
func Walk(node any, visit func(any)) {
	walkUntil(reflect.ValueOf(node), func(any) bool { return false }, visit)
}

// walkUntil is Walk that visits but does not enter the nodes for which stop is true.
func walkUntil(v reflect.Value, stop func(any) bool, visit func(any)) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || v.Elem().Kind() != reflect.Struct {
			return
		}
		n := v.Interface()
		if stop(n) {
			return
		}
		visit(n)
		s := v.Elem()
		for i := 0; i < s.NumField(); i++ {
			if f := s.Field(i); f.Kind() == reflect.Pointer || f.Kind() == reflect.Slice {
				walkUntil(f, stop, visit)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkUntil(v.Index(i), stop, visit)
		}
	}
}
