package passes

// End-to-end cases found by the differential program generator (internal/progen): every
// golden/testdata/run/progen_*.txtar, read from there (goldenCase, e2e_errors_test.go). They run in
// TestEndToEnd and, after every pass, in TestEveryPassKeepsMeaning, where a disagreement of the
// reference interpreter between two passes (the generator's usual finding) shows with the pass
// named.

import (
	"path/filepath"
	"strings"
)

func init() {
	files, _ := filepath.Glob("../golden/testdata/run/progen_*.txtar")
	for _, file := range files {
		if c := goldenCase(file, strings.TrimSuffix(filepath.Base(file), ".txtar")); c.src != "" {
			e2eCases = append(e2eCases, c)
		}
	}
}
