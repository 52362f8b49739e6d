package grammar

import "reflect"

// Walk calls visit for every CST node (a non-nil pointer to one of this package's structs)
// reachable from node, parents before children, fields in declaration order.
func Walk(node any, visit func(any)) {
	walk(reflect.ValueOf(node), visit)
}

func walk(v reflect.Value, visit func(any)) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || v.Elem().Kind() != reflect.Struct {
			return
		}
		visit(v.Interface())
		s := v.Elem()
		for i := 0; i < s.NumField(); i++ {
			if f := s.Field(i); f.Kind() == reflect.Pointer || f.Kind() == reflect.Slice {
				walk(f, visit)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walk(v.Index(i), visit)
		}
	}
}
