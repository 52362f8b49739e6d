package types

// Named types: declared once, completed later, compared by identity.

// Named is a declared type (struct, enum, union, error set). The declaring pass creates it once
// with NewNamed and completes it with SetUnderlying in a second phase, after every named type of
// the program exists, so an underlying type may mention any named type — itself included
// (`struct Node { next: *Node }`). Two named types are identical only when they are the same
// *Named.
type Named struct {
	Name string
	// ID is the program-unique ID of the declaration (resolve-names); it tells apart two types
	// of one name, and the text form prints it as Name#ID.
	ID int
	// Args are the type arguments of an instance of a generic struct (`Pair(i64, bool)`,
	// spec §4.11), nil for a declared type. Each instance is its own Named, interned by
	// check-types, so two instances are identical only when they are the same instance.
	Args       []Type
	underlying Type
}

// NewNamed declares a named type whose underlying type is not known yet.
func NewNamed(name string, id int) *Named { return &Named{Name: name, ID: id} }

// SetUnderlying completes n. It panics when n is already complete (a type is declared once).
func (n *Named) SetUnderlying(u Type) {
	if n.underlying != nil {
		panic("types: " + n.Name + " completed twice")
	}
	n.underlying = u
}

// Underlying returns the *Struct, *Enum, *Union or *ErrorSet of n, nil while n is incomplete.
func (n *Named) Underlying() Type { return n.underlying }

// Field is one struct field.
type Field struct {
	Name string
	Type Type
}

// Struct is the underlying type of a struct declaration. Field offsets come from layout.go.
type Struct struct {
	Fields []*Field
	layout *structLayout // computed once, by layout.go
}

// EnumVariant is one enum constant.
type EnumVariant struct {
	Name  string
	Value int64
}

// Enum is the underlying type of an enum declaration: named constants of an integer type.
type Enum struct {
	Backing  *Basic
	Variants []EnumVariant
}

// UnionVariant is one union variant; Payload is nil for a unit variant.
type UnionVariant struct {
	Name    string
	Payload Type
}

// Union is the underlying type of a tagged union: the tag is the variant's index.
type Union struct {
	Variants []UnionVariant
}

// ErrorSet is the underlying type of an error set declaration.
type ErrorSet struct {
	Names []string
}

func (*Named) typ()    {}
func (*Struct) typ()   {}
func (*Enum) typ()     {}
func (*Union) typ()    {}
func (*ErrorSet) typ() {}

func (n *Named) String() string {
	if n.Args == nil {
		return n.Name
	}
	out := n.Name + "("
	for i, a := range n.Args {
		if i > 0 {
			out += ", "
		}
		out += str(a)
	}
	return out + ")"
}

func (s *Struct) String() string {
	out := "struct {"
	for i, f := range s.Fields {
		if i > 0 {
			out += ","
		}
		out += " " + f.Name + ": " + str(f.Type)
	}
	return out + " }"
}

func (e *Enum) String() string     { return "enum(" + e.Backing.Name + ")" }
func (u *Union) String() string    { return "union" }
func (e *ErrorSet) String() string { return "error" }

// Field returns the field called name and its index, or nil and -1.
func (s *Struct) Field(name string) (*Field, int) {
	for i, f := range s.Fields {
		if f.Name == name {
			return f, i
		}
	}
	return nil, -1
}

// Variant returns the index of the variant called name, or -1.
func (u *Union) Variant(name string) int {
	for i, v := range u.Variants {
		if v.Name == name {
			return i
		}
	}
	return -1
}

// Underlying returns the underlying type of a named type and t itself otherwise.
func Underlying(t Type) Type {
	if n, ok := t.(*Named); ok && n.underlying != nil {
		return n.underlying
	}
	return t
}
