package passes

// End-to-end cases for function values and closures: every golden/testdata/run/{closure,
// funcvalue}_*.txtar, read from there (goldenCase, e2e_errors_test.go). They run in TestEndToEnd
// and, after every pass, in TestEveryPassKeepsMeaning (the reference interpreter evaluates
// fn-lit, func-ref and call-value before convert-closures, call-indirect after).

import (
	"path/filepath"
	"strings"
)

func init() {
	for _, glob := range []string{"closure_*.txtar", "funcvalue_*.txtar"} {
		files, _ := filepath.Glob("../golden/testdata/run/" + glob)
		for _, file := range files {
			e2eCases = append(e2eCases, goldenCase(file, strings.TrimSuffix(filepath.Base(file), ".txtar")))
		}
	}
}
