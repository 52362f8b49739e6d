// Pass parse: source -> src.
//
// Parses the source file and every file it imports (parse_files.go) with the participle grammar (package grammar) and converts the
// concrete syntax tree into the ast src language: precedence levels fold into Binary/Logical
// nodes, `&&`/`||`/`!` become and/or/not, print-family calls become Print statements, `else if`
// chains nest, range loops become ForRange, and types become type expressions. Syntax errors come
// from the grammar; constructs the compiler does not handle yet get a positioned
// "not yet supported: <construct>" (E9000) instead of being dropped.
//
//	fn main() i64 { var x = 1 + 2 * 3; return x }
//	  =>  (func main () i64 (block (var x - (+ 1 (* 2 3))) (return x)))
//	import "lib.cot" (in main.cot)
//	  =>  (module "lib.cot" 2 (imports)) (module "main.cot" 1 (imports "lib.cot")) DECLS-OF-LIB DECLS-OF-MAIN
//
// Design decision: the CST never leaves this pass (design.md §2); ast nodes carry src.Pos made
// from the CST byte offsets through the src.File, so every later diagnostic points at source.

package passes

import (
	"strings"

	"cot/grammar"
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/src"
	"cot/ir/types"

	"github.com/alecthomas/participle/v2/lexer"
)

type cstConverter struct {
	file    *src.File
	inFile  ast.At // a position in file: at makes the others from it
	diags   *src.Diagnostics
	runtime bool   // converting the runtime, which may call the runtime's private builtins
	safe    bool   // the file starts with `@safe` (spec §1.6, §4.13)
	target  string // the target (pipeline.Ctx.Target): @target_os() and its kin fold to its names
}

// parse reads the file set (parse_files.go): each file is streamed, every declaration
// converted as soon as the grammar has parsed it and its concrete syntax tree dropped, so no
// whole CST is ever held (it was the front end's peak memory).
func parse(ctx *pipeline.Ctx, prog any) (any, error) {
	files := loadFiles(ctx, prog.(*src.File))
	if files == nil {
		return nil, &src.UserError{Diags: ctx.Diags}
	}
	return modulesOf(files, ctx.Diags), nil
}

// pos converts a CST position. The lexer counts lines and byte columns as src.File does
// (TestLexerPositionsMatchFile), so only a position it did not set needs the file's line table.
func (c *cstConverter) pos(p lexer.Position) src.Pos {
	if p.Line > 0 {
		return src.Pos{File: c.file.Name, Offset: p.Offset, Line: p.Line, Col: p.Column}
	}
	return c.file.PosAt(p.Offset)
}

func (c *cstConverter) at(p lexer.Position) ast.At {
	if p.Line > 0 {
		return c.inFile.In(p.Offset, p.Line, p.Column)
	}
	return ast.AtOf(c.pos(p))
}

func (c *cstConverter) unsupported(p lexer.Position, construct string) {
	c.diags.Errorf(c.pos(p), codeNotSupported, "not yet supported: %s", construct)
}

func (c *cstConverter) decl(d *grammar.Decl) ast.Decl {
	switch {
	case d.Fn != nil:
		return c.fn(d.Fn)
	case d.Var != nil:
		v := d.Var
		if v.ErrorSet != nil {
			return errorSetDecl(c.at(v.Pos), v.Name)
		}
		return &ast.Global{At: c.at(v.Pos), Name: ast.Name{Name: v.Name}, Const: v.Kind == "const",
			TypeX: c.optType(v.Type), Init: c.initializer(v.Value)}
	case d.Import != nil:
		// parse_files.go follows imports.
	case d.Extern != nil:
		c.unsupported(d.Pos, "extern fn")
	case d.Struct != nil:
		return c.structDecl(d.Struct)
	case d.Enum != nil:
		e := &ast.EnumDecl{At: c.at(d.Enum.Pos), Name: ast.Name{Name: d.Enum.Name}}
		if d.Enum.Backing != nil {
			e.BackingX = c.typ(d.Enum.Backing)
		}
		for _, v := range d.Enum.Variants {
			var value ast.Expr
			if v.Value != nil {
				value = c.expr(v.Value)
			}
			e.Variants, e.Values = append(e.Variants, v.Name), append(e.Values, value)
		}
		return e
	case d.Union != nil:
		u := &ast.UnionDecl{At: c.at(d.Union.Pos), Name: ast.Name{Name: d.Union.Name}}
		for _, v := range d.Union.Variants {
			var payload ast.TypeExpr
			if v.Payload != nil {
				payload = c.typ(v.Payload)
			}
			u.Variants, u.PayloadX = append(u.Variants, v.Name), append(u.PayloadX, payload)
		}
		return u
	case d.Alias != nil:
		return &ast.AliasDecl{At: c.at(d.Alias.Pos), Name: ast.Name{Name: d.Alias.Name}, TypeX: c.typ(d.Alias.Type)}
	case d.Impl != nil:
		c.unsupported(d.Pos, "impl block")
	case d.Trait != nil:
		return c.traitDecl(d.Trait) // parse_generic.go
	case d.Test != nil:
		return &ast.Func{At: c.at(d.Test.Pos), Name: ast.Name{Name: d.Test.Kind}, Result: types.TVoid, Body: c.block(d.Test.Body),
			TestKind: d.Test.Kind, TestName: d.Test.DisplayName()}
	}
	return nil
}

func (c *cstConverter) fn(fd *grammar.FnDecl) ast.Decl {
	switch {
	case fd.Async:
		c.unsupported(fd.Pos, "async fn")
	case len(fd.Where) > 0 && len(fd.TypeParams) == 0:
		c.diags.Errorf(c.pos(fd.Pos), codeTypeMismatch, "type mismatch: `where` bounds on `%s`, which has no type parameters", fd.Name)
	case len(fd.TypeParams) > 0:
		return c.genericFn(fd, fd.TypeParams, "")
	}
	f := &ast.Func{At: c.at(fd.Pos), Name: ast.Name{Name: fd.Name}, Result: types.TVoid, Body: c.block(fd.Body)}
	if fd.Ret != nil {
		f.Result, f.ResultX = nil, c.typ(fd.Ret)
	}
	for _, p := range fd.Params {
		f.Params = append(f.Params, &ast.Param{At: c.at(p.Pos), Name: ast.Name{Name: p.Name}, TypeX: c.paramType(p.Type)}) // parse_safe.go
	}
	return f
}

func (c *cstConverter) optType(t *grammar.Type) ast.TypeExpr {
	if t == nil {
		return nil
	}
	return c.typ(t)
}

// typ converts a type expression; names stay names (resolve-names looks them up).
func (c *cstConverter) typ(t *grammar.Type) ast.TypeExpr {
	at := c.at(t.Pos)
	switch {
	case t.Pointer != nil:
		return &ast.PtrType{At: at, Elem: c.typ(t.Pointer)}
	case t.Optional != nil:
		return &ast.OptType{At: at, Elem: c.typ(t.Optional)}
	case t.Slice != nil:
		return &ast.SliceType{At: at, Elem: c.typ(t.Slice)}
	case t.ErrorUnion != nil:
		u := &ast.ErrorUnionType{At: at, Payload: c.typ(t.ErrorUnion.Payload)}
		if name := t.ErrorUnion.ErrorSet; name != "" {
			u.Err = &ast.TypeName{At: at, Name: ast.Name{Name: name}}
		}
		return u
	case t.Array != nil && t.Array.Elem != nil:
		var n uint64
		if p := primaryOf(t.Array.Len); p != nil && p.Int != nil {
			var err error
			if n, err = grammar.IntValue(*p.Int); err != nil || n > 1<<40 {
				c.diags.Errorf(at.Pos(), codeLiteralRange, "integer literal out of range")
			}
		}
		return &ast.ArrayType{At: at, Len: int64(n), Elem: c.typ(t.Array.Elem)}
	case t.Tuple != nil:
		if len(t.Tuple.Elems) == 1 {
			return c.typ(t.Tuple.Elems[0])
		}
		x := &ast.TupleType{At: at}
		for _, e := range t.Tuple.Elems {
			x.Elems = append(x.Elems, c.typ(e))
		}
		return x
	case t.Func != nil:
		f := &ast.FuncType{At: at, Result: &ast.TypeName{At: at, Name: ast.Name{Name: "void"}}}
		for _, p := range t.Func.Params {
			f.Params = append(f.Params, c.typ(p))
		}
		if t.Func.Ret != nil {
			f.Result = c.typ(t.Func.Ret)
		}
		return f
	case t.Named != nil && len(t.Named.Args) == 0 && len(t.Named.Legacy) == 0:
		return &ast.TypeName{At: at, Name: ast.Name{Name: t.Named.Name}}
	case t.Named != nil && len(t.Named.Legacy) == 0:
		x := &ast.InstType{At: at, Name: ast.Name{Name: t.Named.Name}}
		for _, a := range t.Named.Args {
			x.Args = append(x.Args, c.typ(a))
		}
		return x
	}
	if t.Array != nil {
		c.unsupported(t.Pos, "array types without an element type")
	} else {
		c.unsupported(t.Pos, "generic types")
	}
	return &ast.TypeName{At: at, Name: ast.Name{Name: "invalid"}}
}

// initializer converts a var/const initializer; `undefined` means the zero value (spec §4.1).
func (c *cstConverter) initializer(e *grammar.Expr) ast.Expr {
	if e == nil {
		return nil
	}
	if p := primaryOf(e); p != nil && p.Undefined {
		return nil
	}
	return c.expr(e)
}

func (c *cstConverter) block(b *grammar.Block) *ast.Block {
	out := &ast.Block{At: c.at(b.Pos), Stmts: []ast.Stmt{}}
	for _, s := range b.Stmts {
		if st := c.stmt(s); st != nil {
			out.Stmts = append(out.Stmts, st)
		}
	}
	return out
}

// branch converts an if branch (a block or a single statement) into a block.
func (c *cstConverter) branch(s *grammar.Stmt) *ast.Block {
	if s.Block != nil {
		return c.block(s.Block)
	}
	b := &ast.Block{At: c.at(s.Pos), Stmts: []ast.Stmt{}}
	if st := c.stmt(s); st != nil {
		b.Stmts = append(b.Stmts, st)
	}
	return b
}

func loopLabel(name string) ast.Name {
	if name == "" {
		return ast.Name{Name: "_"}
	}
	return ast.Name{Name: name}
}

func (c *cstConverter) stmt(s *grammar.Stmt) ast.Stmt {
	at := c.at(s.Pos)
	switch {
	case s.Var != nil:
		v := s.Var
		if v.ErrorSet != nil {
			c.unsupported(v.Pos, "error sets")
			return nil
		}
		init := c.initializer(v.Value)
		return &ast.VarDecl{At: at, Name: ast.Name{Name: v.Name}, Const: v.Kind == "const",
			TypeX: c.annotation(c.optType(v.Type), init), Init: init} // parse_safe.go: rule 5
	case s.Return != nil:
		r := &ast.Return{At: at}
		if s.Return.Value != nil {
			r.Value = c.expr(s.Return.Value)
		}
		return r
	case s.Break != nil:
		return &ast.Break{At: at, Label: loopLabel(s.Break.Label)}
	case s.Continue != nil:
		return &ast.Continue{At: at, Label: loopLabel(s.Continue.Label)}
	case s.Defer != nil:
		return c.deferStmt(s.Defer)
	case s.If != nil:
		return c.ifStmt(s.If.Pos, s.If.Cond, s.If.Capture, s.If.Then, s.If.ElseIfs, s.If.Else)
	case s.While != nil:
		w := s.While
		return &ast.While{At: at, Label: loopLabel(w.Label), Cond: c.expr(w.Cond), Body: c.block(w.Body)}
	case s.For != nil:
		f := s.For
		if f.End == nil {
			fe := &ast.ForEach{At: at, Label: loopLabel(f.Label), Var: ast.Name{Name: f.First}, X: c.expr(f.Iter), Body: c.block(f.Body)}
			if f.Second != "" { // for i, x in arr
				fe.Index, fe.Var = fe.Var, ast.Name{Name: f.Second}
			}
			return fe
		}
		if f.Second != "" {
			// language.md §5.3's quirk (the second name counts, the first is never bound) is no
			// program's intent: two names iterate arrays and slices only.
			c.diags.Errorf(c.pos(f.Pos), codeTypeMismatch, "type mismatch: a range loop binds one name (`for %s in a..b`); `for i, x in` iterates an array or a slice", f.Second)
			return nil
		}
		return &ast.ForRange{At: at, Label: loopLabel(f.Label), Var: ast.Name{Name: f.First},
			Lo: c.expr(f.Iter), Hi: c.expr(f.End), Body: c.block(f.Body)}
	case s.Block != nil:
		return c.block(s.Block)
	case s.Simple != nil:
		return c.simple(s.Simple)
	}
	return nil
}

func (c *cstConverter) ifStmt(pos lexer.Position, cond *grammar.Expr, capture string, then *grammar.Stmt,
	elseIfs []*grammar.ElseIfStmt, els *grammar.Stmt) ast.Stmt {
	st := &ast.If{At: c.at(pos), Cond: c.expr(cond), Then: c.branch(then)}
	switch {
	case len(elseIfs) > 0:
		e := elseIfs[0]
		st.Else = c.ifStmt(e.Pos, e.Cond, e.Capture, e.Then, elseIfs[1:], els)
	case els != nil:
		st.Else = c.branch(els)
	}
	if capture != "" {
		capt := c.captureOptional(st, capture, c.captureAt(cond.EndPos.Offset, capture, st.Then.At))
		capt.Stmts = append(capt.Stmts, st)
		return capt
	}
	return st
}

var printFds = map[string]struct {
	fd int
	ln bool
}{"print": {1, false}, "println": {1, true}, "eprint": {2, false}, "eprintln": {2, true}}

func (c *cstConverter) simple(s *grammar.SimpleStmt) ast.Stmt {
	at := c.at(s.Pos)
	if s.Op == "" {
		if name, call := directCall(s.Target); call != nil {
			if pf, ok := printFds[name]; ok {
				return &ast.Print{At: at, Fd: pf.fd, Newline: pf.ln, Args: c.args(call)}
			}
		}
		if p := primaryOf(s.Target); p != nil && p.Switch != nil {
			return c.capturingSwitch(c.switchOf(p.Switch, false), p.Switch, false).(ast.Stmt)
		}
		if p := primaryOf(s.Target); p != nil && p.Builtin != nil && builtinStmts[p.Builtin.Name] {
			return c.builtinStmt(p.Builtin)
		}
		if operand, ok := isTryStmt(s.Target); ok {
			return c.tryStmt(at, c.postfix(operand))
		}
		if isCatchStmt(s.Target) {
			return c.catchStmt(s.Target)
		}
		return &ast.ExprStmt{At: at, X: c.expr(s.Target)}
	}
	target, value := c.expr(s.Target), c.expr(s.Value)
	if s.Op == "=" {
		return &ast.Assign{At: at, Target: target, Value: value}
	}
	return &ast.OpAssign{At: at, Op: strings.TrimSuffix(s.Op, "="), Target: target, Value: value}
}
