package main

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"cot/ir/pipeline"
	"cot/ir/src"
)

// TestExitStatusByErrorKind pins the exit-status contract: user errors 1, internal errors 2.
func TestExitStatusByErrorKind(t *testing.T) {
	diags := &src.Diagnostics{}
	diags.Errorf(src.Pos{File: "a.cot", Line: 1, Col: 1}, "E0301", "undefined identifier `x`")
	cases := []struct {
		err    error
		status int
		out    string
	}{
		{nil, exitOK, ""},
		{&src.UserError{Diags: diags}, exitUser, "a.cot:1:1: error[E0301]: undefined identifier `x`\n"},
		{fmt.Errorf("wrapped: %w", &pipeline.InternalError{Pass: "lower-x", Msg: "boom"}), exitInternal, "internal error in pass lower-x: boom\n"},
		{usagef("unknown option %q", "-z"), exitUser, "cot: unknown option \"-z\"\nRun 'cot help' for usage.\n"},
		{errors.New("cannot read input"), exitUser, "cot: cannot read input\n"},
	}
	for _, c := range cases {
		var sb strings.Builder
		if got := report(&sb, c.err); got != c.status || sb.String() != c.out {
			t.Errorf("report(%v) = %d, %q; want %d, %q", c.err, got, sb.String(), c.status, c.out)
		}
	}
}

// TestArgsAnyOrder checks that flags and the file may come in any order and -- ends cot's flags.
func TestArgsAnyOrder(t *testing.T) {
	for _, args := range [][]string{
		{"run", "x.cot", "--target=arm64", "--dump-after=parse,check-types", "--", "-o", "y"},
		{"--target", "arm64", "run", "--dump-after", "parse", "x.cot", "-dump-after=check-types", "--", "-o", "y"},
	} {
		inv, err := parseArgs(args)
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if inv.cmd != "run" || inv.file != "x.cot" || inv.target != targetARM64 || inv.out != "" ||
			strings.Join(inv.opts.DumpAfter, ",") != "parse,check-types" || strings.Join(inv.progArg, " ") != "-o y" {
			t.Errorf("%v parsed as %+v", args, inv)
		}
	}
}
