package ast

import (
	"strings"
	"testing"
)

// TestRewriteShare checks that a sharing rewrite prints exactly as a copying one, leaves the
// input as it was, and returns untouched subtrees as they are.
func TestRewriteShare(t *testing.T) {
	text := strings.Replace(sample, "(outer#8: while", "(while", 1)
	rewrite := func(p *Program, share bool) *Program {
		r := &Rewriter{Share: share}
		r.Expr = func(r *Rewriter, e Expr) Expr {
			if lit, ok := e.(*IntLit); ok && lit.Value == 2 {
				c := *lit
				c.Value = 200
				return &c
			}
			return r.DefaultExpr(e)
		}
		r.Stmt = func(r *Rewriter, s Stmt) []Stmt {
			if a, ok := s.(*Assign); ok { // one statement becomes two
				return []Stmt{r.DefaultStmt(a), &Break{Label: Name{"_", 9}}}
			}
			return []Stmt{r.DefaultStmt(s)}
		}
		return r.Program(p)
	}
	print := func(p *Program) string {
		var sb strings.Builder
		Fprint(&sb, p, "")
		return sb.String()
	}
	in, err := Read(text)
	if err != nil {
		t.Fatal(err)
	}
	copied, shared := print(rewrite(in, false)), rewrite(in, true)
	if print(shared) != copied {
		t.Fatalf("sharing rewrite:\n%s\ncopying rewrite:\n%s", print(shared), copied)
	}
	if !strings.Contains(copied, "200") || !strings.Contains(copied, "(break _#9)") {
		t.Fatalf("the hooks did not run:\n%s", copied)
	}
	if print(in) != text {
		t.Fatalf("the sharing rewrite changed its input:\n%s", print(in))
	}
	same := 0
	for i, d := range in.Decls {
		if shared.Decls[i] == d {
			same++
		}
	}
	// The globals without a 2 in them are shared; every function has a block, which is fresh.
	if same == 0 || same == len(in.Decls) {
		t.Errorf("%d of %d declarations shared", same, len(in.Decls))
	}
	if c := rewrite(in, false); c.Decls[0] == in.Decls[0] {
		t.Error("a copying rewrite shared a declaration")
	}
}
