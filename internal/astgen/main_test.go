package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGeneratedFileIsCurrent fails when ir/ast/walk_gen*.go are not what astgen writes from the
// children methods: after a change to a node's children, run go generate ./ir/ast.
func TestGeneratedFileIsCurrent(t *testing.T) {
	dir := filepath.Join("..", "..", "ir", "ast")
	want, err := generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	wanted := map[string]bool{}
	for _, o := range want {
		wanted[o.name] = true
		got, err := os.ReadFile(filepath.Join(dir, o.name))
		if err != nil {
			t.Fatalf("%v: run go generate ./ir/ast", err)
		}
		if !bytes.Equal(got, o.text) {
			t.Errorf("%s is out of date: run go generate ./ir/ast", o.name)
		}
	}
	have, err := filepath.Glob(filepath.Join(dir, genPrefix+"*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range have {
		if base := filepath.Base(name); !wanted[base] && !strings.HasSuffix(base, "_test.go") {
			t.Errorf("%s is not generated any more: run go generate ./ir/ast", base)
		}
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
