package ast

// The kind names of the nodes of node.go (the names the text form and the language table use)
// and their marker methods.

func (f *Func) Kind() string {
	if f.TestKind != "" {
		return f.TestKind
	}
	return "func"
}
func (*Param) Kind() string  { return "param" }
func (*Global) Kind() string { return "global" }

func (b *Block) Kind() string {
	if b.Value != nil {
		return "block-expr"
	}
	return "block"
}
func (s *VarDecl) Kind() string {
	if s.Const {
		return "const"
	}
	return "var"
}
func (*Assign) Kind() string   { return "assign" }
func (*OpAssign) Kind() string { return "op-assign" }
func (*ExprStmt) Kind() string { return "expr" }
func (s *If) Kind() string {
	if s.HasValue() {
		return "if-expr"
	}
	return "if"
}
func (s *While) Kind() string {
	if s.Step != nil {
		return "while-step"
	}
	return "while"
}
func (*ForRange) Kind() string   { return "for-range" }
func (*Break) Kind() string      { return "break" }
func (*Continue) Kind() string   { return "continue" }
func (*Return) Kind() string     { return "return" }
func (*Print) Kind() string      { return "print" }
func (*InitGlobal) Kind() string { return "init-global" }

func (*IntLit) Kind() string      { return "int" }
func (*BoolLit) Kind() string     { return "bool" }
func (*StrLit) Kind() string      { return "str" }
func (*StrAddr) Kind() string     { return "str-addr" }
func (*DataAddr) Kind() string    { return "data-addr" }
func (*Ref) Kind() string         { return "ref" }
func (*Unary) Kind() string       { return "unary" }
func (*Binary) Kind() string      { return "binary" }
func (e *Logical) Kind() string   { return e.Op }
func (*Call) Kind() string        { return "call" }
func (*RuntimeCall) Kind() string { return "call-runtime" }
func (*Convert) Kind() string     { return "convert" }
func (*CharLit) Kind() string     { return "char" }
func (*IntCast) Kind() string     { return "int-cast" }

func (d *Func) DeclName() Name   { return d.Name }
func (d *Global) DeclName() Name { return d.Name }

func (*Func) declNode()   {}
func (*Global) declNode() {}

func (*Block) stmtNode()      {}
func (*VarDecl) stmtNode()    {}
func (*Assign) stmtNode()     {}
func (*OpAssign) stmtNode()   {}
func (*ExprStmt) stmtNode()   {}
func (*If) stmtNode()         {}
func (*While) stmtNode()      {}
func (*ForRange) stmtNode()   {}
func (*Break) stmtNode()      {}
func (*Continue) stmtNode()   {}
func (*Return) stmtNode()     {}
func (*Print) stmtNode()      {}
func (*InitGlobal) stmtNode() {}

func (*IntLit) exprNode()      {}
func (*BoolLit) exprNode()     {}
func (*StrLit) exprNode()      {}
func (*StrAddr) exprNode()     {}
func (*DataAddr) exprNode()    {}
func (*Ref) exprNode()         {}
func (*Unary) exprNode()       {}
func (*Binary) exprNode()      {}
func (*Logical) exprNode()     {}
func (*Call) exprNode()        {}
func (*RuntimeCall) exprNode() {}
func (*Convert) exprNode()     {}
func (*CharLit) exprNode()     {}
func (*IntCast) exprNode()     {}
func (*Block) exprNode()       {}
func (*If) exprNode()          {}
