//go:build !cotref

package grammar

// Node allocation for the hand-compiled rules: nodes of one type come from a growing slab
// (a few allocations per parse instead of one per node), and nodes that validate.go checks
// are recorded as they complete, so validation needs no walk of the tree. ParseEach reuses the
// slabs' memory for each declaration (its callers convert a declaration and drop it), so a
// streamed parse allocates its nodes about once, not once per declaration.

// slab hands out pointers into chunks of T; a chunk doubles up to 256 elements.
type slab[T any] struct {
	free  []T   // the rest of the current chunk
	n     int   // the length of the last chunk made
	used  [][]T // the chunks handed out since the last reuse
	spare [][]T // cleared chunks to hand out again
}

func (s *slab[T]) alloc() *T {
	if len(s.free) == 0 {
		if k := len(s.spare); k > 0 {
			s.free, s.spare = s.spare[k-1], s.spare[:k-1]
		} else {
			s.n = min(max(4, 2*s.n), 256)
			s.free = make([]T, s.n)
		}
		s.used = append(s.used, s.free)
	}
	x := &s.free[0]
	s.free = s.free[1:]
	return x
}

// reuse clears every node handed out so far and makes its memory available again: the nodes
// must no longer be referenced.
func (s *slab[T]) reuse() {
	for i, c := range s.used {
		if i == len(s.used)-1 {
			c = c[:len(c)-len(s.free)] // the rest of the last chunk was never handed out
		}
		clear(c)
	}
	s.spare = append(s.spare, s.used...)
	s.used = s.used[:0]
	s.free = nil
}

// list hands out the backing arrays of node lists ([]*T) from chunks, as slab does for nodes:
// a list that outgrows its array moves to one twice as large, cut from the current chunk (its
// capacity is its own, so an append by a later reader never reaches a neighbour's elements).
type list[T any] struct {
	free  []*T
	used  [][]*T
	spare [][]*T
}

const listChunk = 1024

// add appends x to dst, growing dst in l's chunks.
func add[T any](l *list[T], dst []*T, x *T) []*T {
	if len(dst) < cap(dst) {
		return append(dst, x)
	}
	need := max(2*cap(dst), 2)
	if len(l.free) < need {
		if k := len(l.spare); k > 0 && need <= listChunk {
			l.free, l.spare = l.spare[k-1], l.spare[:k-1]
		} else {
			l.free = make([]*T, max(listChunk, need))
		}
		l.used = append(l.used, l.free)
	}
	b := l.free[:len(dst):need]
	l.free = l.free[need:]
	copy(b[:len(dst)], dst)
	return append(b, x)
}

// reuse clears every array handed out so far and makes the chunks available again.
func (l *list[T]) reuse() {
	for i, c := range l.used {
		if i == len(l.used)-1 {
			c = c[:len(c)-len(l.free)]
		}
		clear(c)
	}
	for _, c := range l.used {
		if len(c) == listChunk {
			l.spare = append(l.spare, c)
		}
	}
	l.used = l.used[:0]
	l.free = nil
}

// reuser is a slab of any node type.
type reuser interface{ reuse() }

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

	decls         slab[Decl]
	imports       slab[ImportDecl]
	externs       slab[ExternFn]
	fns           slab[FnDecl]
	constraints   slab[Constraint]
	structDecls   slab[StructDecl]
	fields        slab[Field]
	enumDecls     slab[EnumDecl]
	enumVariants  slab[EnumVariant]
	unionDecls    slab[UnionDecl]
	unionVariants slab[UnionVariant]
	aliases       slab[TypeAlias]
	impls         slab[ImplDecl]
	traits        slab[TraitDecl]
	traitMethods  slab[TraitMethod]
	tests         slab[TestDecl]

	stmtLists     list[Stmt]
	suffixLists   list[Suffix]
	fallbackLists list[FallbackOp]
	orLists       list[OrOp]
	andLists      list[AndOp]
	cmpLists      list[CmpOp]
	addLists      list[AddOp]
	mulLists      list[MulOp]
	argLists      list[Arg]
	paramLists    list[Param]
	exprLists     list[Expr]
	typeLists     list[Type]
	fieldLists    list[FieldInit]
}

// check records a node for validate if it has something to report (VarDecl with an error set,
// ArrayType, NamedType, FieldInit: see reportable).
func (p *fparser) check(n any) {
	if reportable(n) {
		p.checks = append(p.checks, n)
	}
}

// reuseNodes makes the memory of every node parsed so far available to the next declaration
// (ParseEach callers drop each declaration before the next is parsed).
func (p *fparser) reuseNodes() {
	if p.slabs == nil {
		p.slabs = p.nodes.all()
	}
	for _, s := range p.slabs {
		s.reuse()
	}
}

// all lists every slab (TestNodeSlabsAll checks that none is missing).
func (n *nodeSlabs) all() []reuser {
	return []reuser{
		&n.strs, &n.blocks, &n.stmts, &n.returns, &n.jumps, &n.defers, &n.simples, &n.ifStmts,
		&n.elseIfStmts, &n.whiles, &n.fors, &n.vars, &n.errorSets, &n.exprs, &n.fallbacks, &n.ors,
		&n.orOps, &n.ands, &n.andOps, &n.cmps, &n.cmpOps, &n.adds, &n.addOps, &n.muls, &n.mulOps,
		&n.unaries, &n.postfixes, &n.suffixes, &n.calls, &n.args, &n.indexes, &n.structLits,
		&n.fieldInits, &n.primaries, &n.strings, &n.interps, &n.builtins, &n.parens, &n.arrays,
		&n.closures, &n.params, &n.news, &n.ifExprs, &n.elseIfExprs, &n.switches, &n.arms,
		&n.patterns, &n.types, &n.errorUnions, &n.arrayTypes, &n.tupleTypes, &n.funcTypes,
		&n.namedTypes, &n.decls, &n.imports, &n.externs, &n.fns, &n.constraints, &n.structDecls,
		&n.fields, &n.enumDecls, &n.enumVariants, &n.unionDecls, &n.unionVariants, &n.aliases,
		&n.impls, &n.traits, &n.traitMethods, &n.tests, &n.stmtLists, &n.suffixLists,
		&n.fallbackLists, &n.orLists, &n.andLists, &n.cmpLists, &n.addLists, &n.mulLists,
		&n.argLists, &n.paramLists, &n.exprLists, &n.typeLists, &n.fieldLists,
	}
}
