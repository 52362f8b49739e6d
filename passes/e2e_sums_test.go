package passes

// End-to-end cases for optionals and unions that live in memory (struct fields, array and slice
// elements, pointer targets, globals, nested payloads) and `?.`: the programs and outputs of
// golden/testdata/run/{optional_memory,optional_chain,union_memory,optional_union_nested}.txtar, read from there so the
// two never drift apart. They run in TestEndToEnd and, after every pass, in
// TestEveryPassKeepsMeaning.

import (
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

func init() {
	for _, name := range []string{"optional_memory", "optional_chain", "union_memory", "optional_union_nested"} {
		ar, err := txtar.ParseFile("../golden/testdata/run/" + name + ".txtar")
		if err != nil {
			panic(err)
		}
		c := e2eCase{name: strings.ReplaceAll(name, "_", " ")}
		for _, f := range ar.Files {
			switch f.Name {
			case "main.cot":
				c.src = string(f.Data)
			case "stdout":
				c.stdout = string(f.Data)
			case "exit":
				n, err := strconv.Atoi(strings.TrimSpace(string(f.Data)))
				if err != nil {
					panic(err)
				}
				c.exit = uint32(n)
			}
		}
		e2eCases = append(e2eCases, c)
	}
}

// Every ast dump of the programs with optionals and unions in memory reads back to the same
// text and verifies: the structs that replace them (opt.T, a union's own name and ID) have a
// text form like any other.
func TestSumDumpsReadBack(t *testing.T) {
	for _, c := range e2eCases {
		switch c.name {
		case "optional memory", "optional chain", "union memory", "optional union nested":
			checkDumpsReadBack(t, c.src, nil)
		}
	}
}
