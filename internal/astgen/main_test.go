package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedFileIsCurrent fails when ir/ast/walk_gen.go is not what astgen writes from the
// children methods: after a change to a node's children, run go generate ./ir/ast.
func TestGeneratedFileIsCurrent(t *testing.T) {
	dir := filepath.Join("..", "..", "ir", "ast")
	want, err := generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, genFile))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is out of date: run go generate ./ir/ast", genFile)
	}
}

// TestRejectsUnknownChildren checks that a children method the generator cannot read is an
// error, not a node generated without that child.
func TestRejectsUnknownChildren(t *testing.T) {
	dir := t.TempDir()
	src := "package ast\n\ntype slots struct{}\ntype X struct{ A int }\n\nfunc (n *X) children(s *slots) { if n.A > 0 { s.expr(&n.A) } }\n"
	if err := os.WriteFile(filepath.Join(dir, "x.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := generate(dir); err == nil {
		t.Fatal("generate accepted an if statement in a children method")
	}
}
