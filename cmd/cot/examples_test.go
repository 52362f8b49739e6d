package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestExamples runs every examples/*.cot in-process with `cot run`, as the README tells a new
// user to: each must exit 0 and print something; hello.cot prints its greeting.
func TestExamples(t *testing.T) {
	paths, err := filepath.Glob("../../examples/*.cot")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no examples (%v)", err)
	}
	for _, p := range paths {
		var stdout, stderr bytes.Buffer
		status := cot([]string{"run", p}, strings.NewReader(""), &stdout, &stderr)
		if status != 0 || stdout.Len() == 0 || stderr.Len() != 0 {
			t.Errorf("cot run %s: status %d, stdout %q, stderr %q", p, status, stdout.String(), stderr.String())
		}
		if filepath.Base(p) == "hello.cot" && stdout.String() != "Hello, world!\n" {
			t.Errorf("hello.cot printed %q", stdout.String())
		}
	}
}
