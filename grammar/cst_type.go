package grammar

import "github.com/alecthomas/participle/v2/lexer"

// Type is a type expression (§3.2). Exactly one field is set.
//
// `[T]` and `[K]V` (decisions #4) parse as an Array without Elem or with a non-literal Len, and
// `Map<K, V>` / `List<T>` as a Named with Legacy set: Parse then rejects them with E0109, naming
// `List(T)` / `Map(K, V)`.
type Type struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Pointer    *Type           `parser:"  '*' @@"`
	Optional   *Type           `parser:"| '?' @@"`
	ErrorUnion *ErrorUnionType `parser:"| (?= Ident? '!') @@"`
	Slice      *Type           `parser:"| (?= '[' ']') '[' ']' @@"`
	Array      *ArrayType      `parser:"| @@"`
	Tuple      *TupleType      `parser:"| @@"`
	Func       *FuncType       `parser:"| @@"`
	Named      *NamedType      `parser:"| @@"`
}

// ErrorUnionType is `!T` (ErrorSet empty) or `E!T` (§3.2, §7).
type ErrorUnionType struct {
	Pos    lexer.Position
	EndPos lexer.Position

	ErrorSet string `parser:"@Ident? '!'"`
	Payload  *Type  `parser:"@@"`
}

// ArrayType is `[N]T` (§3.2); N must be an integer literal (checked by Parse).
type ArrayType struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Len  *Expr `parser:"'[' @@ ']'"`
	Elem *Type `parser:"@@?"`
}

// TupleType is `(T1, T2, ...)`; a single element `(T)` is just grouping (§3.2).
type TupleType struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Elems []*Type `parser:"'(' @@ ( (?! ',' ( ')' | '}' | ']' )) ',' @@ )* ','? ')'"`
}

// FuncType is `fn(T1, T2) -> R`; Ret is nil for void (§3.2, §6.16).
type FuncType struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Params []*Type `parser:"'fn' '(' ( @@ ( (?! ',' ( ')' | '}' | ']' )) ',' @@ )* ','? )? ')'"`
	Ret    *Type   `parser:"( '->' @@ )?"`
}

// NamedType is a primitive type keyword, a declared name, or a generic instance `Name(T1, T2)`
// (§3.1, §3.2, §4.11). Legacy holds the arguments of the rejected `Map<K, V>` / `List<T>` forms.
type NamedType struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Name   string  `parser:"@( Ident | TypeKw )"`
	Args   []*Type `parser:"( '(' @@ ( (?! ',' ( ')' | '}' | ']' )) ',' @@ )* ','? ')'"`
	Legacy []*Type `parser:"| '<' @@ ( ',' @@ )* ( '>' | '>>' ) )?"`
}
