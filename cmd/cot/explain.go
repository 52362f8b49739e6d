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
		return usagef("no diagnostic code %q (run `cot explain` for the list)", code)
	}
	fmt.Fprintf(w, "%s: %s\n\n%s\n", e.Code, e.Title, strings.TrimSpace(e.Text))
	return nil
}
