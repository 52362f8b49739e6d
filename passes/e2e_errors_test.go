package passes

// End-to-end cases for errors and defer, and the conformance programs written from the spec
// alone: every golden/testdata/run/{error,defer,conform,probe}_*.txtar of one file, read from there so
// the two never drift apart. They run in TestEndToEnd and, after every pass, in
// TestEveryPassKeepsMeaning (the reference interpreter).

import (
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/txtar"
)

func init() {
	var files []string
	for _, glob := range []string{"error_*.txtar", "defer_*.txtar", "conform_*.txtar", "generic_method*.txtar", "generic_trait_for_*.txtar", "probe_*.txtar"} {
		m, _ := filepath.Glob("../golden/testdata/run/" + glob)
		files = append(files, m...)
	}
	for _, file := range files {
		if c := goldenCase(file, strings.TrimSuffix(filepath.Base(file), ".txtar")); c.src != "" {
			e2eCases = append(e2eCases, c)
		}
	}
}

// goldenCase reads the program, stdout and exit status of a run golden (no program when it has
// files besides main.cot: the cases here are single files).
func goldenCase(file, name string) e2eCase {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		panic(err)
	}
	c := e2eCase{name: name}
	for _, f := range ar.Files {
		switch f.Name {
		case "main.cot":
			c.src = string(f.Data)
		default:
			if strings.HasSuffix(f.Name, ".cot") {
				return e2eCase{}
			}
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
	return c
}
