//go:build !cotref

package grammar

// Node allocation for the hand-compiled rules: nodes of one type come from a growing slab
// (a few allocations per parse instead of one per node), and nodes that validate.go checks
// are recorded as they complete, so validation needs no walk of the tree.

// slab hands out pointers into chunks of T; a chunk doubles up to 256 elements.
type slab[T any] struct {
	free []T
	n    int
}

func (s *slab[T]) alloc() *T {
	if len(s.free) == 0 {
		s.n = min(max(4, 2*s.n), 256)
		s.free = make([]T, s.n)
	}
	x := &s.free[0]
	s.free = s.free[1:]
	return x
}

type nodeSlabs struct {
	strs        slab[string]
	blocks      slab[Block]
	stmts       slab[Stmt]
	returns     slab[ReturnStmt]
	jumps       slab[JumpStmt]
	defers      slab[DeferStmt]
	simples     slab[SimpleStmt]
	ifStmts     slab[IfStmt]
	elseIfStmts slab[ElseIfStmt]
	whiles      slab[WhileStmt]
	fors        slab[ForStmt]
	vars        slab[VarDecl]
	errorSets   slab[ErrorSet]
	exprs       slab[Expr]
	fallbacks   slab[FallbackOp]
	ors         slab[OrExpr]
	orOps       slab[OrOp]
	ands        slab[AndExpr]
	andOps      slab[AndOp]
	cmps        slab[CmpExpr]
	cmpOps      slab[CmpOp]
	adds        slab[AddExpr]
	addOps      slab[AddOp]
	muls        slab[MulExpr]
	mulOps      slab[MulOp]
	unaries     slab[UnaryExpr]
	postfixes   slab[PostfixExpr]
	suffixes    slab[Suffix]
	calls       slab[CallSuffix]
	args        slab[Arg]
	indexes     slab[IndexSuffix]
	structLits  slab[StructLit]
	fieldInits  slab[FieldInit]
	primaries   slab[Primary]
	strings     slab[StringLit]
	interps     slab[InterpPart]
	builtins    slab[BuiltinCall]
	parens      slab[ParenExpr]
	arrays      slab[ArrayLit]
	closures    slab[Closure]
	params      slab[Param]
	news        slab[NewExpr]
	ifExprs     slab[IfExpr]
	elseIfExprs slab[ElseIfExpr]
	switches    slab[SwitchExpr]
	arms        slab[SwitchArm]
	patterns    slab[Pattern]
	types       slab[Type]
	errorUnions slab[ErrorUnionType]
	arrayTypes  slab[ArrayType]
	tupleTypes  slab[TupleType]
	funcTypes   slab[FuncType]
	namedTypes  slab[NamedType]
}

// check records a node for validate (VarDecl with an error set, ArrayType, NamedType,
// FieldInit).
func (p *fparser) check(n any) { p.checks = append(p.checks, n) }
