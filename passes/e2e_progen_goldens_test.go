package passes

// The run goldens of the differential program generator's findings (internal/progen): every
// golden/testdata/run/progen_*.txtar, read from there (goldenCase, e2e_errors_test.go), so a
// finding kept only as a run golden is also interpreted after every pass. They run in TestEndToEnd
// and in TestEveryPassKeepsMeaning, where a disagreement of the reference interpreter between two
// passes (the generator's usual finding) shows with the pass named; TestProgenFindings
// (e2e_progen_test.go) holds the findings minimised further.

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
