package grammar

import "github.com/alecthomas/participle/v2/lexer"

// The concrete syntax tree. Every node carries Pos (the start of its first token) and EndPos
// (just past its last token: Parse tightens participle's EndPos, which is the start of the
// following token). Field names are stable: the
// `parse` pass (passes/parse.go) walks these types. Exactly one of the pointer fields of an
// "alternatives" node (Decl, Stmt, Type, Primary, ...) is non-nil.

// File is a whole source file (§2.1): the optional `@safe` header (§1.6) and top-level
// declarations in any order.
type File struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Safe  bool    `parser:"@'@safe'?"`
	Decls []*Decl `parser:"@@*"`
}

// Decl is one top-level declaration (§2.1).
type Decl struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Import *ImportDecl `parser:"  @@"`
	Extern *ExternFn   `parser:"| @@"`
	Fn     *FnDecl     `parser:"| @@"`
	Var    *VarDecl    `parser:"| @@"`
	Struct *StructDecl `parser:"| @@"`
	Enum   *EnumDecl   `parser:"| @@"`
	Union  *UnionDecl  `parser:"| @@"`
	Alias  *TypeAlias  `parser:"| @@"`
	Impl   *ImplDecl   `parser:"| @@"`
	Trait  *TraitDecl  `parser:"| @@"`
	Test   *TestDecl   `parser:"| @@"`
}

// ImportDecl is `import "path"` (§2.3). Path is the raw literal, quotes included (see Unquote).
type ImportDecl struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Path string `parser:"'import' @String"`
}

// FnDecl is a function (§4.2), optionally `async` (§4.12) and generic (§4.11):
// `fn name(T, U)(params) Ret where T: Trait { body }`. Also used for methods in impl blocks.
type FnDecl struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Async      bool          `parser:"@'async'? 'fn'"`
	Name       string        `parser:"@Ident"`
	TypeParams []string      `parser:"( (?= '(' Ident ( (?! ',' ')') ',' Ident )* ','? ')' '(') '(' @Ident ( (?! ',' ( ')' | '}' | ']' )) ',' @Ident )* ','? ')' )?"`
	Params     []*Param      `parser:"'(' ( @@ ( (?! ',' ( ')' | '}' | ']' )) ',' @@ )* ','? )? ')'"`
	Ret        *Type         `parser:"@@?"`
	Where      []*Constraint `parser:"( 'where' @@ ( ',' @@ )* )?"`
	Body       *Block        `parser:"@@"`
}

// Param is `name: Type` with an optional (ignored by the original) `= default` (§4.2).
type Param struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Name    string `parser:"@Ident ':'"`
	Type    *Type  `parser:"@@"`
	Default *Expr  `parser:"( '=' @@ )?"`
}

// Constraint is one `T: Trait` of a `where` clause (§4.11).
type Constraint struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Param string `parser:"@Ident ':'"`
	Trait string `parser:"@Ident"`
}

// ExternFn is `extern fn name(params) Ret;` (§4.3): no body, mandatory `;`.
type ExternFn struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Name   string   `parser:"'extern' 'fn' @Ident"`
	Params []*Param `parser:"'(' ( @@ ( (?! ',' ( ')' | '}' | ']' )) ',' @@ )* ','? )? ')'"`
	Ret    *Type    `parser:"@@? ';'"`
}

// VarDecl is `var|let|const name [: Type] [= value]` (§4.1), top-level or local, with an
// optional `;` (§1.1). Value is nil without an initializer. ErrorSet is set instead of Value
// for `const E = error { A, B }` (§4.7; the grammar checks it is top-level).
type VarDecl struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Kind     string    `parser:"@( 'var' | 'let' | 'const' )"`
	Name     string    `parser:"@Ident"`
	Type     *Type     `parser:"( ':' @@ )?"`
	ErrorSet *ErrorSet `parser:"( '=' ( (?= 'error' '{') @@"`
	Value    *Expr     `parser:"        | @@ ) )? ';'?"`
}

// ErrorSet is `error { A, B, C }` (§4.7).
type ErrorSet struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Names []string `parser:"'error' '{' ( @Ident ( (?! ',' ( ')' | '}' | ']' )) ',' @Ident )* ','? )? '}'"`
}

// StructDecl is `struct Name(T, U) { field: Type = default, ... }` (§4.4, §4.11).
type StructDecl struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Name       string   `parser:"'struct' @Ident"`
	TypeParams []string `parser:"( '(' @Ident ( (?! ',' ( ')' | '}' | ']' )) ',' @Ident )* ','? ')' )?"`
	Fields     []*Field `parser:"'{' ( @@ ( (?! ',' ( ')' | '}' | ']' )) ',' @@ )* ','? )? '}'"`
}

// Field is a struct field `name: Type [= default]` (§4.4).
type Field struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Name    string `parser:"@Ident ':'"`
	Type    *Type  `parser:"@@"`
	Default *Expr  `parser:"( '=' @@ )?"`
}

// EnumDecl is `enum Name[: Backing] { A, B = 5, ... }` (§4.5). Variant values are expressions
// so a negative literal is accepted (decisions #17); the checker requires an integer literal.
type EnumDecl struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Name     string         `parser:"'enum' @Ident"`
	Backing  *Type          `parser:"( ':' @@ )?"`
	Variants []*EnumVariant `parser:"'{' ( @@ ( (?! ',' ( ')' | '}' | ']' )) ',' @@ )* ','? )? '}'"`
}

// EnumVariant is `Name` or `Name = value` (§4.5).
type EnumVariant struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Name  string `parser:"@Ident"`
	Value *Expr  `parser:"( '=' @@ )?"`
}

// UnionDecl is `union Name { A: Payload, B, ... }` (§4.6).
type UnionDecl struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Name     string          `parser:"'union' @Ident"`
	Variants []*UnionVariant `parser:"'{' ( @@ ( (?! ',' ( ')' | '}' | ']' )) ',' @@ )* ','? )? '}'"`
}

// UnionVariant is `Name` or `Name: PayloadType` (§4.6).
type UnionVariant struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Name    string `parser:"@Ident"`
	Payload *Type  `parser:"( ':' @@ )?"`
}

// TypeAlias is `type Name = Type` with an optional `;` (§4.8).
type TypeAlias struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Name string `parser:"'type' @Ident '='"`
	Type *Type  `parser:"@@ ';'?"`
}

// ImplDecl is `impl Target { fns }`, `impl Name(A, B) { fns }` (§4.9, §4.11) or
// `impl Trait for Target { fns }` (§4.10). Trait is empty for a plain impl. Target may be a
// type keyword (`impl Shape for i64`).
type ImplDecl struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Trait      string    `parser:"'impl' ( (?= Ident 'for') @Ident 'for' )?"`
	Target     string    `parser:"@( Ident | TypeKw )"`
	TypeParams []string  `parser:"( '(' @Ident ( (?! ',' ( ')' | '}' | ']' )) ',' @Ident )* ','? ')' )?"`
	Methods    []*FnDecl `parser:"'{' @@* '}'"`
}

// TraitDecl is `trait Name { fn sig ... }` (§4.10): method signatures without bodies.
type TraitDecl struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Name    string         `parser:"'trait' @Ident '{'"`
	Methods []*TraitMethod `parser:"@@* '}'"`
}

// TraitMethod is one `fn name(params) Ret` signature of a trait (§4.10), optional `;`.
type TraitMethod struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Name   string   `parser:"'fn' @Ident"`
	Params []*Param `parser:"'(' ( @@ ( (?! ',' ( ')' | '}' | ']' )) ',' @@ )* ','? )? ')'"`
	Ret    *Type    `parser:"@@? ';'?"`
}

// TestDecl is `test "name" { ... }` or `bench "name" { ... }` (§2.5). Name is the raw literal,
// quotes included; it must not be interpolated. DisplayName gives the name a runner prints.
type TestDecl struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Kind string `parser:"@( 'test' | 'bench' )"`
	Name string `parser:"@String"`
	Body *Block `parser:"@@"`
}

// DisplayName is the raw text between the quotes: escapes are not processed for display (§2.5).
func (t *TestDecl) DisplayName() string { return t.Name[1 : len(t.Name)-1] }
