package main

import (
	"strings"
	"testing"
)

// Every flag the command line accepts is documented in the usage text, and `cot help CMD` of a
// compiling command shows the compiler's flags.
func TestHelpNamesEveryFlag(t *testing.T) {
	for name := range valueFlags {
		if name != "o" && !strings.Contains(usage, "--"+name+"=") {
			t.Errorf("usage does not document --%s", name)
		}
	}
	for name := range boolFlags {
		switch name {
		case "help", "h", "w":
			continue
		}
		if !strings.Contains(usage, "--"+name) {
			t.Errorf("usage does not document --%s", name)
		}
	}
	for cmd := range compiles {
		var b strings.Builder
		if err := help(&b, cmd); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "--dump-after=") || !strings.Contains(b.String(), "--target=T") {
			t.Errorf("cot help %s does not list the compiler flags:\n%s", cmd, b.String())
		}
	}
}

// `cot help test` documents the flags only cot test takes.
func TestHelpTestNamesItsFlags(t *testing.T) {
	var b strings.Builder
	if err := help(&b, "test"); err != nil {
		t.Fatal(err)
	}
	for _, flag := range []string{"--filter=S", "--verbose", "-v", "NO_COLOR", "Exit status"} {
		if !strings.Contains(b.String(), flag) {
			t.Errorf("cot help test does not mention %s", flag)
		}
	}
}
