package grammar

import "github.com/alecthomas/participle/v2/lexer"

// Expressions (§6). Precedence (§6.1) is one CST type per level, lowest first:
//
//	Expr     `??` `catch`               (level 1, operands at level 2)
//	OrExpr   `or` `||`                  (level 2)
//	AndExpr  `and` `&&`                 (level 3)
//	CmpExpr  `==` `!=` `<` `<=` `>` `>=` (level 4)
//	AddExpr  `+` `-` `|` `^`            (level 5)
//	MulExpr  `*` `/` `%` `&` `<<` `>>`  (level 6)
//	UnaryExpr   prefix `-` `!` `not` `~` `&` `try` `await`
//	PostfixExpr Primary then `.f` `.0` `.*` `.?` `?.f` `[i]` `[a:b]` `(args)` `T{...}`
//
// Every binary level is `Left (Op Right)*`: fold Rest from the left (all are left-associative).

// Expr is precedence level 1: `a ?? b`, `a catch b`, `a catch |e| b` (§6.1, §6.6, §6.15).
type Expr struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Left *OrExpr       `parser:"@@"`
	Rest []*FallbackOp `parser:"@@*"`
}

// FallbackOp is one `?? right` or `catch [|capture|] right` of an Expr.
type FallbackOp struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Op      string  `parser:"( @'??' | @'catch'"`
	Capture string  `parser:"  ( '|' @Ident '|' )? )"`
	Right   *OrExpr `parser:"@@"`
}

// OrExpr is precedence level 2: `or`, `||` (decisions #2: `||` is `or`).
type OrExpr struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Left *AndExpr `parser:"@@"`
	Rest []*OrOp  `parser:"@@*"`
}

// OrOp is one `or right` of an OrExpr.
type OrOp struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Op    string   `parser:"@( 'or' | '||' )"`
	Right *AndExpr `parser:"@@"`
}

// AndExpr is precedence level 3: `and`, `&&`.
type AndExpr struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Left *CmpExpr `parser:"@@"`
	Rest []*AndOp `parser:"@@*"`
}

// AndOp is one `and right` of an AndExpr.
type AndOp struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Op    string   `parser:"@( 'and' | '&&' )"`
	Right *CmpExpr `parser:"@@"`
}

// CmpExpr is precedence level 4: comparisons (left-associative like every level).
type CmpExpr struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Left *AddExpr `parser:"@@"`
	Rest []*CmpOp `parser:"@@*"`
}

// CmpOp is one comparison operator and its right operand.
type CmpOp struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Op    string   `parser:"@( '==' | '!=' | '<=' | '>=' | '<' | '>' )"`
	Right *AddExpr `parser:"@@"`
}

// AddExpr is precedence level 5: `+ - | ^` (`|` and `^` bind like `+`, Go-style).
type AddExpr struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Left *MulExpr `parser:"@@"`
	Rest []*AddOp `parser:"@@*"`
}

// AddOp is one additive operator and its right operand.
type AddOp struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Op    string   `parser:"@( '+' | '-' | '|' | '^' )"`
	Right *MulExpr `parser:"@@"`
}

// MulExpr is precedence level 6: `* / % & << >>` (`&` binds like `*`).
type MulExpr struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Left *UnaryExpr `parser:"@@"`
	Rest []*MulOp   `parser:"@@*"`
}

// MulOp is one multiplicative operator and its right operand.
type MulOp struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Op    string     `parser:"@( '*' | '/' | '%' | '&' | '<<' | '>>' )"`
	Right *UnaryExpr `parser:"@@"`
}

// UnaryExpr is prefix operators applied to a postfix expression (§6.1): `-a.b` is `-(a.b)`.
// Ops are in source order: Ops[0] is the outermost.
type UnaryExpr struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Ops     []string     `parser:"@( '-' | '!' | 'not' | '~' | '&' | 'try' | 'await' )*"`
	Operand *PostfixExpr `parser:"@@"`
}

// PostfixExpr is a primary expression followed by suffixes, applied left to right.
type PostfixExpr struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Primary  *Primary  `parser:"@@"`
	Suffixes []*Suffix `parser:"@@*"`
}

// Suffix is one postfix operation (§6.1). Exactly one field is set.
type Suffix struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Field      *string      `parser:"  (?= '.' ( Ident | TypeKw )) '.' @( Ident | TypeKw )"` // .name (fields, methods, variants, .len)
	TupleIndex *string      `parser:"| '.' @Int"`                                            // .0
	Deref      bool         `parser:"| @'.*'"`                                               // .*
	Unwrap     bool         `parser:"| @'.?'"`                                               // .?
	OptField   *string      `parser:"| '?.' @Ident"`                                         // ?.name (decisions #3)
	Call       *CallSuffix  `parser:"| (?! NewParen) @@"`                                    // (args)
	Index      *IndexSuffix `parser:"| @@"`                                                  // [i], [a:b], [a:], [:b]
	StructLit  *StructLit   `parser:"| @@"`                                                  // Type { .f = v } / safe Type { f: v }
}

// CallSuffix is `(arg, ...)` (§6.8). Arguments may be types (generic calls `f(T)(x)`).
type CallSuffix struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Args []*Arg `parser:"'(' ( @@ ( (?! ',' ( ')' | '}' | ']' )) ',' @@ )* ','? )? ')'"`
}

// Arg is a call or builtin argument: an expression, or a type that is not also an expression
// (`*T`, `?T`, `[]u8`, `[4]i64`, `fn(i64) -> i64`), recognised by its first tokens so that a
// broken argument is never parsed twice. A plain name such as `i64` or `Pair(A, B)` is always
// an Expr; the parse pass reads it as a type where a type is expected.
type Arg struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Type *Type `parser:"  (?= '*' | '?' | '[' ( ']' | Int ']' ( '[' Int ']' )* ( Ident | TypeKw | '*' | '?' | '(' | 'fn' | '!' | '[' ']' ) ) | 'fn' '(' ( ')' ( '->' | ',' | ')' ) | TypeKw | '*' | '?' | '[' | '(' | 'fn' | Ident ( ',' | ')' ) ) | Ident '!' ) @@ (?= ',' | ')')"`
	Expr *Expr `parser:"| @@"`
}

// IndexSuffix is `[i]` (Slice false) or a slice `[a:b]`, `[a:]`, `[:b]`, `[:]` (§6.5).
type IndexSuffix struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Start *Expr `parser:"'[' @@?"`
	Slice bool  `parser:"( @':'"`
	End   *Expr `parser:"  @@? )? ']'"`
}

// StructLit is the `{ ... }` of a struct literal (§6.9): `{ .x = 1, .y = 2 }`, or in an `@safe`
// file the colon form `{ x: 1, y }` (§4.13). The type is the expression the suffix follows.
type StructLit struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Fields []*FieldInit `parser:"( StructOpen | (?= '{':Punct '.' Ident) '{' ) ( @@ ( (?! ',' ( ')' | '}' | ']' )) ',' @@ )* ','? )? '}'"`
}

// FieldInit is `.name = value` (Dot), `name: value`, or the shorthand `name` (Value nil).
// Parse checks that a dot field uses `=` and a plain field uses `:`.
type FieldInit struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Dot   bool   `parser:"@'.'?"`
	Name  string `parser:"@Ident"`
	Sep   string `parser:"( @( '=' | ':' )"`
	Value *Expr  `parser:"  @@ )?"`
}

// Primary is an operand (§1.4, §6). Exactly one field is set. Literal fields hold the raw source
// text (see IntValue, FloatValue, Unquote).
type Primary struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Ident     *string      `parser:"  @( Ident | TypeKw )"` // type keywords are names here (§1.3)
	Int       *string      `parser:"| @Int"`
	Float     *string      `parser:"| @Float"`
	Char      *string      `parser:"| @Char"`
	String    *StringLit   `parser:"| @@"`
	Bool      *string      `parser:"| @( 'true' | 'false' )"`
	Null      bool         `parser:"| @'null'"`
	Undefined bool         `parser:"| @'undefined'"`
	ErrorLit  *string      `parser:"| 'error' '.' @Ident"` // error.Name (§7)
	ZeroInit  bool         `parser:"| @'.' '{' '}'"`       // .{} (§4.1)
	Builtin   *BuiltinCall `parser:"| @@"`
	Paren     *ParenExpr   `parser:"| @@"`
	Array     *ArrayLit    `parser:"| @@"`
	Block     *Block       `parser:"| @@"` // { stmts; value } (§6.13)
	Closure   *Closure     `parser:"| @@"`
	New       *NewExpr     `parser:"| @@"`
	If        *IfExpr      `parser:"| @@"`
	Switch    *SwitchExpr  `parser:"| @@"`
	Comptime  *Block       `parser:"| 'comptime' @@"` // comptime { expr } (§12)
}

// StringLit is a string literal (§1.4). Plain is set for a literal without `${`; otherwise Head
// is the text before the first `${` and each Part is an expression and the text after it. The
// lexer ends an interpolated string with a zero-width StrEnd token, which stops the parts.
// Text segments are raw source including their delimiters (`"`, `${`, `}`): use Unquote.
type StringLit struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Plain *string       `parser:"  @String"`
	Head  *string       `parser:"| @StrHead"`
	Parts []*InterpPart `parser:"  @@+ StrEnd"`
}

// InterpPart is `expr}text` inside an interpolated string (§6.14).
type InterpPart struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Expr *Expr  `parser:"@@"`
	Text string `parser:"@( StrMid | StrTail )"`
}

// BuiltinCall is `@name(args)` (§10). Name keeps the `@`; see Builtins for the known names.
type BuiltinCall struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Name string `parser:"@Builtin"`
	Args []*Arg `parser:"'(' ( @@ ( (?! ',' ( ')' | '}' | ']' )) ',' @@ )* ','? )? ')'"`
}

// Closure is an anonymous function `fn (params) [Ret] { body }` (§6.16).
type Closure struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Params []*Param `parser:"'fn' '(' ( @@ ( (?! ',' ( ')' | '}' | ']' )) ',' @@ )* ','? )? ')'"`
	Ret    *Type    `parser:"@@?"`
	Body   *Block   `parser:"@@"`
}

// NewExpr is `new T { f: v }`, `new G(A, B) { ... }` (§6.10) and the safe-mode constructor forms
// `new T(args)`, `new G(A)(args)` (§4.13). Use TypeArgs and CtorArgs, which apply the spec's
// rule for telling the two parenthesis groups apart. The lexer marks the `(` and `{` that follow
// `new T` (TokNewParen, TokNewBrace) so they always belong to the `new`: a broken argument list
// is reported, not re-parsed as a call suffix (exponential in the nesting depth).
type NewExpr struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Name   string       `parser:"'new' @( Ident | TypeKw )"`
	Args1  *CallSuffix  `parser:"( (?= NewParen) @@"`
	Args2  *CallSuffix  `parser:"  ( (?= NewParen) @@ )? )?"`
	Braces bool         `parser:"( @NewBrace"`
	Fields []*FieldInit `parser:"  ( @@ ( (?! ',' ( ')' | '}' | ']' )) ',' @@ )* ','? )? '}' )?"`
}

// IfExpr is an `if` in expression position (§6.13): branches are blocks.
type IfExpr struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Cond    *Expr         `parser:"'if' '(' @@ ')'"`
	Capture string        `parser:"( '|' @Ident '|' )?"`
	Then    *Block        `parser:"@@"`
	ElseIfs []*ElseIfExpr `parser:"( (?= 'else' 'if') @@ )*"`
	Else    *Block        `parser:"( 'else' @@ )?"`
}

// ElseIfExpr is one `else if (cond) [|capture|] { ... }` link of an IfExpr.
type ElseIfExpr struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Cond    *Expr  `parser:"'else' 'if' '(' @@ ')'"`
	Capture string `parser:"( '|' @Ident '|' )?"`
	Then    *Block `parser:"@@"`
}

// SwitchExpr is `switch subject { arms }` (§6.12); the subject is a primary operand.
type SwitchExpr struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Subject *Primary     `parser:"'switch' @@ '{'"`
	Arms    []*SwitchArm `parser:"@@* '}'"`
}

// SwitchArm is `patterns [|capture|] [if guard] => body` with an optional trailing comma.
// Else is set for `else =>` (`_ =>` is a pattern named `_`).
type SwitchArm struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Else     bool       `parser:"( @'else'"`
	Patterns []*Pattern `parser:"| @@ ( ',' @@ )* )"`
	Capture  string     `parser:"( '|' @Ident '|' )?"`
	Guard    *Expr      `parser:"( 'if' @@ )?"`
	Body     *Expr      `parser:"'=>' @@ ','?"`
}

// Pattern is a switch pattern: a postfix expression, or an inclusive range `lo..hi`. Neg and
// EndNeg record a leading `-` (a negative literal pattern, an extension of §6.12; write a comma
// before such an arm, or the `-` continues the previous arm's body).
type Pattern struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Neg    bool         `parser:"@'-'?"`
	Value  *PostfixExpr `parser:"@@"`
	EndNeg bool         `parser:"( '..' @'-'?"`
	End    *PostfixExpr `parser:"  @@ )?"`
}

// ArrayLit is `[a, b, c]` (§6.11).
type ArrayLit struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Elems []*Expr `parser:"'[' ( @@ ( (?! ',' ( ')' | '}' | ']' )) ',' @@ )* ','? )? ']'"`
}

// ParenExpr is `(e)` (one element: grouping) or a tuple `(a, b, ...)` (§6.11).
type ParenExpr struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Elems []*Expr `parser:"'(' @@ ( (?! ',' ( ')' | '}' | ']' )) ',' @@ )* ','? ')'"`
}
