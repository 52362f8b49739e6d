package main

import (
	"fmt"
	"io"
	"strings"

	"cot/internal/diagcodes"
)

// explain prints the catalogue entry of a diagnostic code (`cot explain E0301`), or the list of
// codes with their titles when no code is given.
func explain(w io.Writer, code string) error {
	if code == "" {
		for _, c := range diagcodes.Codes() {
			e, _ := diagcodes.Lookup(c)
			fmt.Fprintf(w, "%s  %s\n", c, e.Title)
		}
		return nil
	}
	e, ok := diagcodes.Lookup(code)
	if !ok {
		e, ok = diagcodes.Lookup(codeSpelled(code))
	}
	if !ok {
		return usagef("no diagnostic code %q (run `cot explain` for the list)", code)
	}
	fmt.Fprintf(w, "%s: %s\n\n%s\n", e.Code, e.Title, strings.TrimSpace(e.Text))
	return nil
}

// codeSpelled reads the spellings of a code people type: `301` and `0301` are E0301 (rustc
// and cot print E and four digits), `w1` is W001.
func codeSpelled(code string) string {
	letter := "E"
	if c := strings.ToUpper(code); strings.HasPrefix(c, "E") || strings.HasPrefix(c, "W") {
		letter, code = c[:1], c[1:]
	}
	width := 4
	if letter == "W" {
		width = 3
	}
	for _, r := range code {
		if r < '0' || r > '9' {
			return code
		}
	}
	if len(code) == 0 || len(code) > width {
		return code
	}
	return letter + strings.Repeat("0", width-len(code)) + code
}
