// Package spectest runs the WebAssembly core spec test suite (.wast files) against an executor:
// natively compiled AArch64 code under qemu-aarch64, or wazero as a cross-check of the runner.
//
// The .wast file is converted by wabt's wast2json into JSON commands and binary modules. For each
// module, one harness module is built (harness.go): the module itself plus one function per
// assertion that prints the results through the `cot_harness` import module, and an exported
// `_start` that runs the assertions in order. One process run executes all assertions of a module;
// a trap ends the process (exit 134, `error: <kind>` on stderr), and the runner starts the process
// again from the next assertion, replaying the earlier state-changing invocations silently so that
// the module's state is the one the spec's sequential execution would have (run.go).
package spectest

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Script is one converted .wast file.
type Script struct {
	Name     string    // base name without .wast
	Dir      string    // directory holding the JSON file and the .wasm modules
	Commands []Command // in file order
}

// Command is one JSON command of wast2json. Only the fields of its Type are set.
type Command struct {
	Type       string  `json:"type"` // module, register, action, assert_return, assert_trap, ...
	Line       int     `json:"line"`
	Name       string  `json:"name"`     // module: its $name; register: the module registered
	As         string  `json:"as"`       // register: the name it is registered as
	Filename   string  `json:"filename"` // module and assert_{invalid,malformed,...}
	ModuleType string  `json:"module_type"`
	Text       string  `json:"text"` // expected trap or error message
	Action     *Action `json:"action"`
	Expected   []Value `json:"expected"`
}

// Action is an invocation of an exported function or a read of an exported global.
type Action struct {
	Type   string  `json:"type"`   // invoke or get
	Module string  `json:"module"` // $name of the target module; empty: the latest module
	Field  string  `json:"field"`
	Args   []Value `json:"args"`
}

// Value is a typed constant as wast2json writes it: integers and floats as the decimal value of
// their bits, NaN patterns as "nan:canonical" / "nan:arithmetic", references as "null" or a number.
type Value struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// Convert runs wast2json on the .wast file into a new directory under tmpDir and parses the
// resulting commands.
func Convert(wastPath, tmpDir string) (*Script, error) {
	name := strings.TrimSuffix(filepath.Base(wastPath), ".wast")
	dir, err := os.MkdirTemp(tmpDir, name+"-")
	if err != nil {
		return nil, err
	}
	jsonPath := filepath.Join(dir, name+".json")
	// wast2json accepts the whole Wasm 2.0 feature set by default (bulk memory, reference types,
	// multi-value), which is the suite's era.
	out, err := exec.Command("wast2json", wastPath, "-o", jsonPath).CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("wast2json %s: %v\n%s", wastPath, err, out)
	}
	data, err := os.ReadFile(jsonPath)
	if err != nil {
		return nil, err
	}
	var file struct {
		Commands []Command `json:"commands"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		return nil, fmt.Errorf("%s: %v", jsonPath, err)
	}
	return &Script{Name: name, Dir: dir, Commands: file.Commands}, nil
}

// ReadModule returns the bytes of a module file named by a command.
func (s *Script) ReadModule(filename string) ([]byte, error) {
	return os.ReadFile(filepath.Join(s.Dir, filename))
}
