package passes

// Switch captures of the parse pass (spec §6.12): an arm `U.V |p| => body` of a switch on a
// union binds p to the payload of variant V (the first pattern's). The subject is evaluated once
// into `sw.u`, a name no program can spell, and each capturing arm starts with `const p = sw.u.V`:
//
//	switch E { U.V |p| => B, ... }  =>  (block (var sw.u E) (switch sw.u (arm (U.V) - (block (const p (member sw.u V)) B...)) ...))
//	U.V |p| if G => B               =>  (arm (U.V) (block:bool (const p (member sw.u V)) (value G)) (block (const p …) B...))
//
// A guard sees the capture (it runs only after the arm's pattern matched, so the payload is
// the variant's).
//
// check-types checks that the subject is a union and the capture's variant has a payload.

import (
	"cot/grammar"
	"cot/ir/ast"
)

// swTemp is the name of the variable holding the subject of a switch with captures.
const swTemp = "sw.u"

// capturePayload starts arm's body with the binding of a's capture.
func (c *cstConverter) capturePayload(arm *ast.SwitchArm, a *grammar.SwitchArm) {
	p := a.Patterns[0].Value
	if len(p.Suffixes) == 0 || p.Suffixes[len(p.Suffixes)-1].Field == nil || a.Patterns[0].End != nil {
		c.diags.Errorf(c.pos(a.Pos), codeTypeMismatch, "type mismatch: a switch capture needs a `Union.Variant` pattern")
		return
	}
	at := c.captureAt(a.Patterns[len(a.Patterns)-1].EndPos.Offset, a.Capture, arm.Body.At)
	payload := &ast.Member{At: at, X: &ast.Ref{At: at, Name: ast.Name{Name: swTemp}}, Name: *p.Suffixes[len(p.Suffixes)-1].Field}
	bind := &ast.VarDecl{At: at, Name: ast.Name{Name: a.Capture}, Const: true, Init: payload}
	arm.Body.Stmts = append([]ast.Stmt{bind}, arm.Body.Stmts...)
	if arm.Guard != nil { // the guard sees the capture too; it runs only once a pattern matched
		guard := ast.AtOf(arm.Guard.Pos())
		arm.Guard = &ast.Block{At: guard, Stmts: []ast.Stmt{&ast.VarDecl{At: at, Name: bind.Name, Const: true, Init: ast.DeepClone(payload)}}, Value: arm.Guard}
	}
}

// capturingSwitch returns s as it is, or, when an arm captures, the block that evaluates its
// subject once into sw.u and holds s (as its value for a switch expression).
func (c *cstConverter) capturingSwitch(s *ast.Switch, sw *grammar.SwitchExpr, isExpr bool) ast.Node {
	captures := false
	for _, a := range sw.Arms {
		captures = captures || a.Capture != ""
	}
	if !captures {
		return s
	}
	decl := &ast.VarDecl{At: s.At, Name: ast.Name{Name: swTemp}, Init: s.Subject}
	s.Subject = &ast.Ref{At: s.At, Name: ast.Name{Name: swTemp}}
	out := &ast.Block{At: s.At, Stmts: []ast.Stmt{decl}}
	if isExpr {
		out.Value = s
	} else {
		out.Stmts = append(out.Stmts, s)
	}
	return out
}
