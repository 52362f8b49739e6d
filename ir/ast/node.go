package ast

import (
	"strconv"

	"cot/ir/src"
	"cot/ir/types"
)

// Node is any tree node.
type Node interface {
	Kind() string
	Pos() src.Pos
	// children hands the node's child fields to s (walk.go): the one description of them, from
	// which internal/astgen generates the methods below (walk_gen*.go).
	children(s *slots)
	isNil() bool // a typed nil (a nil *Block held as a Node)
	cloneNode() Node
	inspectChildren(f func(Node) bool)
}

// Expr is an expression. After check-types every expression has a type.
type Expr interface {
	Node
	Type() types.Type
	exprNode()
	rewriteExpr(r *Rewriter) Expr
}

// Stmt is a statement.
type Stmt interface {
	Node
	stmtNode()
	rewriteStmt(r *Rewriter) Stmt
}

// Decl is a top-level declaration.
type Decl interface {
	Node
	DeclName() Name
	declNode()
	rewriteDecl(r *Rewriter) Decl
}

// Typed is embedded by every expression: its type, nil until check-types.
type Typed struct{ T types.Type }

func (t Typed) Type() types.Type { return t.T }

// Name is a binder or a reference to one. ID is 0 until resolve-names gives every binder a
// program-unique ID and every reference the ID of its binder. It prints as name#id.
type Name struct {
	Name string
	ID   int
}

func (n Name) String() string {
	if n.ID == 0 {
		return n.Name
	}
	return n.Name + "#" + strconv.Itoa(n.ID)
}

// Program is one compilation unit: the named types it declares (each once, in declaration
// order; see types_text.go), declarations in source order, and the static data image that
// layout-data fills (string bytes, addressed from DataBase).
type Program struct {
	Modules []*Module // the files of a program of several (src language only; module.go)
	Types   []*types.Named
	Decls   []Decl
	Data    []byte

	ids *idCounter // the last ID handed out, once MaxID walked the program (ids.go)
}

// DataBase is the linear-memory address of Program.Data[0]; addresses below it are never
// handed out, so 0 stays an invalid (null) address.
const DataBase = 1024

// ---- declarations ----

// Func is `fn name(params) result { body }`. Export, when set, is the Wasm export name.
type Func struct {
	At
	Name    Name
	Params  []*Param
	ResultX TypeExpr // the result type as written; nil after check-types (and for void)
	Result  types.Type
	Export  string
	// Frame is the size in bytes of the function's frame on the shadow stack, set by
	// make-frames-explicit (0: no frame).
	Frame int64
	// Slot is the function's slot in the table of functions called through values (set by
	// convert-closures, node_closure.go; 0: not in the table, the null slot).
	Slot int
	Body *Block
	// TestKind "test" or "bench" marks a `test "TestName" { body }` or `bench "TestName" { body }`
	// block (kinds "test" and "bench", test.go): a void function without parameters that only
	// `cot test` (`cot bench`) runs. TestName is the display name, the raw text between the quotes.
	TestKind string
	TestName string
}

// Param is one function parameter (an immutable binder).
type Param struct {
	At
	Name  Name
	TypeX TypeExpr // the type as written; nil after check-types
	Type  types.Type
}

// Global is a top-level `var` or `const`.
type Global struct {
	At
	Name  Name
	Const bool
	TypeX TypeExpr   // the type as written, nil when inferred; nil after check-types
	Type  types.Type // nil until check-types
	Init  Expr       // nil: zero value
}

// ---- statements ----

// Block is `{ stmts }`, a scope. It is a statement, and an expression whose value is Value
// (kind "block-expr": a switch arm, a branch of an if expression); a block without a Value is
// void.
type Block struct {
	At
	Typed
	Stmts []Stmt
	Value Expr
}

// VarDecl is a local `var`/`let` (Const false) or `const` (Const true).
type VarDecl struct {
	At
	Name  Name
	Const bool
	TypeX TypeExpr   // the type as written, nil when inferred; nil after check-types
	Type  types.Type // nil until check-types
	Init  Expr       // nil: zero value
}

// Assign is `target = value`.
type Assign struct {
	At
	Target Expr
	Value  Expr
}

// OpAssign is `target op= value`, Op one of + - * / % & | ^.
type OpAssign struct {
	At
	Op     string
	Target Expr
	Value  Expr
}

// ExprStmt evaluates X and discards its value.
type ExprStmt struct {
	At
	X Expr
}

// If is `if (Cond) Then else Else`; only the chosen branch runs. Else is nil, a *Block or an
// *If. It is a statement, and, when its branches have values (kind "if-expr", Else required), an
// expression of their type.
type If struct {
	At
	Typed
	Cond Expr
	Then *Block
	Else Stmt
}

// HasValue reports whether the if is an expression (its branches yield values).
func (s *If) HasValue() bool { return s.Then != nil && s.Then.Value != nil }

// While is `label: while (cond) body`. Step, when set (kind "while-step"), runs after the body
// and on `continue`, as Zig's `while (c) : (step)`; lower-for-in introduces it.
type While struct {
	At
	Label Name // Name "_" when the loop has no label; the ID identifies the loop once resolved
	Cond  Expr
	Step  Stmt
	Body  *Block
}

// ForRange is `label: for v in lo..hi body` (exclusive end, bounds evaluated once).
type ForRange struct {
	At
	Label  Name
	Var    Name
	Lo, Hi Expr
	Body   *Block
}

// Break leaves the loop named by Label (Name "_" = innermost; resolved: the loop's ID).
type Break struct {
	At
	Label Name
}

// Continue starts the next iteration of the loop named by Label.
type Continue struct {
	At
	Label Name
}

// Return leaves the function; Value is nil in a void function.
type Return struct {
	At
	Value Expr
}

// InitGlobal gives a global the value of its initializer at program start (an initialization,
// not an assignment: constants are initialized this way too).
type InitGlobal struct {
	At
	Name  Name
	Value Expr
}

// Print is print/println/eprint/eprintln: Fd 1 or 2, Newline for the ln forms. Args has exactly
// one element in a well-typed program (the checker reports other counts).
type Print struct {
	At
	Fd      int
	Newline bool
	Args    []Expr
}

// ---- expressions ----

// IntLit is an integer literal. Value holds the literal's bits; a literal of 2^63 is valid only
// directly under unary minus (decisions.md #6).
type IntLit struct {
	At
	Typed
	Value uint64
}

// BoolLit is true or false.
type BoolLit struct {
	At
	Typed
	Value bool
}

// StrLit is a string literal (escapes already processed).
type StrLit struct {
	At
	Typed
	Value string
}

// StrAddr is the linear-memory address (i64) of a string literal's bytes, before layout-data
// decides where they go.
type StrAddr struct {
	At
	Typed
	Value string
}

// DataAddr is an address in the static data image: DataBase + Offset.
type DataAddr struct {
	At
	Typed
	Offset int64
}

// Ref reads a variable, parameter, constant or global.
type Ref struct {
	At
	Typed
	Name Name
}

// Unary is a prefix operator: Op "neg" (-x), "not" (not x, !x) or "bnot" (~x).
type Unary struct {
	At
	Typed
	Op string
	X  Expr
}

// Binary is an arithmetic, bitwise, shift or comparison operator: + - * / % & | ^ << >> == != < <= > >=.
type Binary struct {
	At
	Typed
	Op   string
	X, Y Expr
}

// Logical is a short-circuit operator; Op "and" or "or" (&& and || parse to these).
type Logical struct {
	At
	Typed
	Op   string
	X, Y Expr
}

// Call calls the function Callee evaluates to. Today's languages call only functions by name:
// Callee is a *Ref to a function, typed with its signature.
type Call struct {
	At
	Typed
	Callee Expr
	Args   []Expr
}

// Signature returns the function type of f.
func (f *Func) Signature() *types.Func {
	var params []types.Type
	for _, p := range f.Params {
		params = append(params, p.Type)
	}
	return types.FuncOf(params, f.Result)
}

// FuncName returns the function a call names directly (its callee is a reference), or the zero Name.
func (c *Call) FuncName() Name {
	if r, ok := c.Callee.(*Ref); ok {
		return r.Name
	}
	return Name{}
}

// Convert is an explicit conversion of X to its own type T, inserted by check-types where the
// program relies on an implicit one (integer widening, spec §3.4); a narrowing convert wraps to
// T's width (@intCast, decisions.md #5).
type Convert struct {
	At
	Typed
	X Expr
}

// CharLit is a character literal: an integer constant, of type u8 unless its context wants
// another integer type (spec §3.4). check-types turns it into an IntLit.
type CharLit struct {
	At
	Typed
	Value byte
}

// IntCast is @intCast(T, X): X converted to the integer type T, wrapping to T's width
// (decisions.md #5). check-types turns it into a Convert (or X when X already has type T).
type IntCast struct {
	At
	Typed
	TypeX TypeExpr
	X     Expr
}

// RuntimeCall calls a runtime routine by symbol (see Runtime).
type RuntimeCall struct {
	At
	Typed
	Name string
	Args []Expr
}

// IsTrivial reports whether e is an atom of ANF: a literal, an address or a variable read.
func IsTrivial(e Expr) bool {
	switch e.(type) {
	case *IntLit, *FloatLit, *BoolLit, *StrLit, *StrAddr, *DataAddr, *Ref, *FrameAddr, *StackLimit:
		return true
	}
	return false
}

// BinaryOps lists the Binary operators; comparison operators yield bool.
var BinaryOps = []string{"+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "==", "!=", "<", "<=", ">", ">="}

// IsComparison reports whether op is one of == != < <= > >=.
func IsComparison(op string) bool {
	switch op {
	case "==", "!=", "<", "<=", ">", ">=":
		return true
	}
	return false
}
