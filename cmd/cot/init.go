package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// The files of a new project (language.md §16.8).
const (
	initMain = `fn main() i64 {
    println("Hello, world!")
    return 0
}
`
	initGitignore = "*.wasm\n*.o\n.vscode/\n.idea/\n"
)

// initProject is `cot init [NAME]`: with NAME it creates the directory NAME and the project in it;
// without, the project is the current directory and its name the directory's base name. An existing
// cot.json is never overwritten, nor an existing .gitignore or src/main.cot.
func initProject(w io.Writer, name string) error {
	dir := name
	if name == "" {
		wd, err := os.Getwd()
		if err != nil {
			return err
		}
		dir, name = ".", filepath.Base(wd)
	} else {
		name = filepath.Base(filepath.Clean(name))
	}
	if name == "" || name == "." || name == ".." || name == string(filepath.Separator) {
		return usagef("init: %q is not a project name", name)
	}
	manifest := filepath.Join(dir, "cot.json")
	if _, err := os.Lstat(manifest); err == nil {
		return usagef("init: cot.json already exists in %s", dir)
	}
	if err := os.MkdirAll(filepath.Join(dir, "src"), 0o755); err != nil {
		return err
	}
	quoted, _ := json.Marshal(name)
	cfg := fmt.Sprintf("{\n    \"name\": %s,\n    \"version\": \"0.1.0\",\n    \"main\": \"src/main.cot\",\n    \"safe\": true\n}\n", quoted)
	for _, f := range []struct{ path, text string }{
		{manifest, cfg},
		{filepath.Join(dir, "src", "main.cot"), initMain},
		{filepath.Join(dir, ".gitignore"), initGitignore},
	} {
		if err := writeNew(f.path, f.text); err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
	}
	if dir == "." {
		fmt.Fprintf(w, "Initialized project '%s'\n  cot run src/main.cot\n", name)
	} else {
		fmt.Fprintf(w, "Created project '%s' in %s/\n  cd %s\n  cot run src/main.cot\n", name, dir, dir)
	}
	return nil
}

// writeNew creates path with text, failing with fs.ErrExist if it is already there.
func writeNew(path, text string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
