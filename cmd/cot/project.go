package main

// The project file (spec §16.2, §1.6): a cot.json in the current directory is read for "safe"
// only. `"safe": true` puts every file of the compilation in safe mode (passes.SafeModeKey),
// the standard library included. A cot.json that is not a JSON object, or whose "safe" is not a
// bool, is an error, not silently ignored.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// projectSafe reports whether ./cot.json turns safe mode on.
func projectSafe() (bool, error) {
	text, err := os.ReadFile("cot.json")
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("cannot read cot.json: %w", err)
	}
	var project struct {
		Safe *json.RawMessage `json:"safe"`
	}
	if err := json.Unmarshal(text, &project); err != nil {
		return false, fmt.Errorf("cot.json: %v", err)
	}
	if project.Safe == nil {
		return false, nil
	}
	var safe bool
	if err := json.Unmarshal(*project.Safe, &safe); err != nil {
		return false, fmt.Errorf(`cot.json: "safe" must be true or false`)
	}
	return safe, nil
}
