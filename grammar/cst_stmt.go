package grammar

import "github.com/alecthomas/participle/v2/lexer"

// Block is `{ stmt* }` (§5), used for bodies and as a block expression (§6.13).
type Block struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Stmts []*Stmt `parser:"'{' @@* '}'"`
}

// Stmt is one statement (§5). Exactly one field is set. A statement starting with `{` or `if`
// is never retried as an expression statement: that retry would re-parse nested blocks once per
// level, which is exponential on broken input. A `;` is accepted only where §1.1
// allows it: after declarations, return/break/continue, defer/errdefer and simple statements.
type Stmt struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Var      *VarDecl    `parser:"  @@"`
	Return   *ReturnStmt `parser:"| @@"`
	Break    *JumpStmt   `parser:"| (?= 'break') @@"`
	Continue *JumpStmt   `parser:"| (?= 'continue') @@"`
	Defer    *DeferStmt  `parser:"| @@"`
	If       *IfStmt     `parser:"| @@"`
	While    *WhileStmt  `parser:"| @@"`
	For      *ForStmt    `parser:"| @@"`
	Block    *Block      `parser:"| @@"`
	Simple   *SimpleStmt `parser:"| (?! '{' | 'if') @@"`
}

// ReturnStmt is `return [value]` (§5); Value is nil for a bare return (the next token is `}`,
// `;` or end of file).
type ReturnStmt struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Value *Expr `parser:"'return' @@? ';'?"`
}

// JumpStmt is `break [:label]` or `continue [:label]` (§5, §5.4); Kind is the keyword.
type JumpStmt struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Kind  string `parser:"@( 'break' | 'continue' )"`
	Label string `parser:"( ':' @Ident )? ';'?"`
}

// DeferStmt is `defer X` / `errdefer X` (§5.5); X is a block or a simple statement
// (expression or assignment).
type DeferStmt struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Kind   string      `parser:"@( 'defer' | 'errdefer' )"`
	Block  *Block      `parser:"( @@ ';'?"`
	Simple *SimpleStmt `parser:"| (?! '{') @@ )"`
}

// SimpleStmt is an expression statement or an assignment `target op value` with op one of
// `=` `+=` `-=` `*=` `/=` `%=` `&=` `|=` `^=` (§5). Op is empty for an expression statement.
type SimpleStmt struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Target *Expr  `parser:"@@"`
	Op     string `parser:"( @( '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '&=' | '|=' | '^=' )"`
	Value  *Expr  `parser:"  @@ )? ';'?"`
}

// IfStmt is `if (cond) [|capture|] then {else if (cond) [|capture|] then} [else else]` (§5.1).
// In statement position each branch is a block or a single statement. `else if` chains are
// flattened into ElseIfs.
type IfStmt struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Cond    *Expr         `parser:"'if' '(' @@ ')'"`
	Capture string        `parser:"( '|' @Ident '|' )?"`
	Then    *Stmt         `parser:"@@"`
	ElseIfs []*ElseIfStmt `parser:"( (?= 'else' 'if') @@ )*"`
	Else    *Stmt         `parser:"( 'else' @@ )?"`
}

// ElseIfStmt is one `else if (cond) [|capture|] stmt` link of an IfStmt chain.
type ElseIfStmt struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Cond    *Expr  `parser:"'else' 'if' '(' @@ ')'"`
	Capture string `parser:"( '|' @Ident '|' )?"`
	Then    *Stmt  `parser:"@@"`
}

// WhileStmt is `[label:] while (cond) { body }` (§5.2, §5.4).
type WhileStmt struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Label string `parser:"( (?= Ident ':' 'while') @Ident ':' )?"`
	Cond  *Expr  `parser:"'while' '(' @@ ')'"`
	Body  *Block `parser:"@@"`
}

// ForStmt is `[label:] for a[, b] in iter[..end] { body }` (§5.3). With two names, First is
// the index (or map key) and Second the element. End is set for a range `iter..end`.
type ForStmt struct {
	Pos    lexer.Position
	EndPos lexer.Position

	Label  string `parser:"( (?= Ident ':' 'for') @Ident ':' )?"`
	First  string `parser:"'for' @Ident"`
	Second string `parser:"( ',' @Ident )?"`
	Iter   *Expr  `parser:"'in' @@"`
	End    *Expr  `parser:"( '..' @@ )?"`
	Body   *Block `parser:"@@"`
}
