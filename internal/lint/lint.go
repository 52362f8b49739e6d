// Package lint finds the warnings of `cot lint` (language.md §16.6) in a type-checked program:
//
//	W001 unused local       a local variable or constant that is never read
//	W002 unused parameter   a parameter that is never read
//	W003 shadowing          a local or parameter that hides a name of an enclosing scope
//
// Names starting with `_`, and `self`, are exempt. Assigning to a variable is not reading it
// (`x = 1` alone leaves x unused), as in Go. Binders are told apart by the IDs resolve-names gives
// them, so uses need no scopes; shadowing walks the statement tree with a scope stack.
package lint

import (
	"fmt"
	"strings"

	"cot/ir/ast"
	"cot/ir/src"
)

// Warning codes.
const (
	CodeUnusedLocal = "W001"
	CodeUnusedParam = "W002"
	CodeShadow      = "W003"
)

// Check returns the warnings of p in source order of the declarations.
func Check(p *ast.Program) []src.Diagnostic {
	l := &linter{reads: reads(p)}
	l.scopes = []map[string]src.Pos{{}}
	for _, d := range p.Decls {
		l.scopes[0][d.DeclName().Name] = d.Pos()
	}
	for _, d := range p.Decls {
		if f, ok := d.(*ast.Func); ok && f.Body != nil {
			l.fn(f)
		}
	}
	return l.out
}

type linter struct {
	reads  map[int]int // binder ID -> number of reads
	scopes []map[string]src.Pos
	out    []src.Diagnostic
}

// reads counts the references to each binder that read it: every Ref except the direct target
// of an assignment.
func reads(p *ast.Program) map[int]int {
	n := map[int]int{}
	written := map[*ast.Ref]bool{}
	for _, d := range p.Decls {
		ast.Inspect(d, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.Assign:
				if r, ok := x.Target.(*ast.Ref); ok {
					written[r] = true
				}
			case *ast.OpAssign:
				if r, ok := x.Target.(*ast.Ref); ok {
					written[r] = true
				}
			case *ast.Ref:
				if !written[x] {
					n[x.Name.ID]++
				}
			}
			return true
		})
	}
	return n
}

func exempt(name string) bool { return strings.HasPrefix(name, "_") || name == "self" }

func (l *linter) fn(f *ast.Func) {
	l.push()
	for _, p := range f.Params {
		l.declare(p.Pos(), p.Name)
		if l.reads[p.Name.ID] == 0 && !exempt(p.Name.Name) {
			l.warn(p.Pos(), CodeUnusedParam, fmt.Sprintf("unused parameter `%s`", p.Name.Name))
		}
	}
	l.block(f.Body)
	l.pop()
}

func (l *linter) push() { l.scopes = append(l.scopes, map[string]src.Pos{}) }
func (l *linter) pop()  { l.scopes = l.scopes[:len(l.scopes)-1] }

// declare adds a binder to the innermost scope, warning when it hides an outer one.
func (l *linter) declare(pos src.Pos, n ast.Name) {
	if !exempt(n.Name) {
		for i := len(l.scopes) - 2; i >= 0; i-- {
			if outer, ok := l.scopes[i][n.Name]; ok {
				l.out = append(l.out, src.Diagnostic{Pos: pos, Severity: src.Warning, Code: CodeShadow,
					Msg:   fmt.Sprintf("`%s` shadows a declaration of an enclosing scope", n.Name),
					Notes: []src.Related{{Span: src.Span{Pos: outer}, Text: "the shadowed declaration"}}})
				break
			}
		}
	}
	l.scopes[len(l.scopes)-1][n.Name] = pos
}

func (l *linter) warn(pos src.Pos, code, msg string) {
	l.out = append(l.out, src.Diagnostic{Pos: pos, Severity: src.Warning, Code: code, Msg: msg})
}

func (l *linter) block(b *ast.Block) {
	if b == nil {
		return
	}
	l.push()
	for _, s := range b.Stmts {
		l.stmt(s)
	}
	l.pop()
}

func (l *linter) stmt(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.Block:
		l.block(s)
	case *ast.VarDecl:
		l.declare(s.Pos(), s.Name)
		if l.reads[s.Name.ID] == 0 && !exempt(s.Name.Name) {
			l.warn(s.Pos(), CodeUnusedLocal, fmt.Sprintf("unused local `%s`", s.Name.Name))
		}
	case *ast.If:
		l.block(s.Then)
		if s.Else != nil {
			l.stmt(s.Else)
		}
	case *ast.While:
		l.block(s.Body)
		if s.Step != nil {
			l.stmt(s.Step)
		}
	case *ast.ForRange:
		l.push()
		l.declare(s.Pos(), s.Var)
		l.block(s.Body)
		l.pop()
	}
}
